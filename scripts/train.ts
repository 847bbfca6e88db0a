/**
 * Trains the line tagger (issue #10) on the tuned part of the conventions corpus and writes its
 * weights to scripts/lib/model/tagger.json. Deterministic: the same corpus gives the same weights.
 *
 *   npm run train                     train on the corpus's tuned part (every layout × style variant) and write the weights
 *   npm run train -- --dir DIR        train on fixture folders instead (an archivist's own annotated pages)
 *   npm run train -- --cv 5           k-fold cross-validation by case (line-tag accuracy of single models, not ensembles), writes nothing
 *   npm run train -- --check          exit 1 if the committed weights are not what training gives
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCli } from './lib/cli-fs.ts';
import { TAGGER_VOCAB } from './lib/features.ts';
import { HEADLINE_VOCAB } from './lib/headline.ts';
import { ChainModel } from './lib/model/chain.ts';
import { explainPage } from './lib/train/explain-fs.ts';
import { corpusTrainingPages, goldTrainingPages, handmadeTrainingPages, loadTrainingPages, readHoldout } from './lib/train/trainer-fs.ts';
import { fitCalibration } from './lib/train/calibrate.ts';
import { headAccuracy, headlineWeights, heldOutDecisions, taggerWeights, trainHeadline, trainTagger, tagAccuracy, type TrainingPage } from './lib/train/trainer.ts';

const ROOT = join(import.meta.dirname, '..');
const WEIGHTS = join(ROOT, 'scripts/lib/model/tagger.json');
const HEAD_WEIGHTS = join(ROOT, 'scripts/lib/model/headline.json');
const { values } = parseCli(import.meta.url, { options: { explain: { type: 'string' }, cv: { type: 'string' }, check: { type: 'boolean' }, epochs: { type: 'string', default: '12' }, dir: { type: 'string', multiple: true } } });
const epochs = Number(values.epochs);
// The corpus's tuned part in every layout and style variant, or an archivist's own fixture folders.
const pages = values.dir ? loadTrainingPages(values.dir) : [...corpusTrainingPages(join(ROOT, 'tests/corpus/pages'), readHoldout(join(ROOT, 'tests/corpus/holdout.txt'))), ...(process.env.NO_GOLD ? [] : goldTrainingPages(join(ROOT, 'tests/fixtures/gold'), join(ROOT, 'seeds'))), ...handmadeTrainingPages(join(ROOT, 'tests/fixtures/pages/handmade-train'))];

if (values.explain) {
  // Explains a page with a tagger trained without its case (what an unseen page would get).
  const meta = JSON.parse(readFileSync(join(values.explain, 'meta.json'), 'utf8'));
  if (readHoldout(join(ROOT, 'tests/corpus/holdout.txt')).has(meta.case)) throw new Error(`${meta.case} is set aside: not explained while tuning`);
  const rest = pages.filter((p) => p.case !== meta.case);
  console.log(explainPage(values.explain, new ChainModel(taggerWeights(rest, epochs), TAGGER_VOCAB), new ChainModel(headlineWeights(rest, epochs), HEADLINE_VOCAB)));
  process.exit(0);
}

if (values.cv) {
  const k = Number(values.cv);
  const cases = [...new Set(pages.map((p) => p.case))].sort();
  const confusion = new Map<string, number>();
  let right = 0;
  let all = 0;
  let hRight = 0;
  let hAll = 0;
  let gRight = 0;
  let gAll = 0;
  for (let f = 0; f < k; f++) {
    const held = new Set(cases.filter((_, i) => i % k === f));
    const train: TrainingPage[] = pages.filter((p) => !held.has(p.case));
    const test = pages.filter((p) => held.has(p.case));
    const model = trainTagger(train, epochs);
    const acc = tagAccuracy(model, test, confusion);
    right += acc.right;
    all += acc.all;
    const h = headAccuracy(trainHeadline(train, epochs), test);
    hRight += h.right;
    hAll += h.all;
    gRight += h.groupsRight;
    gAll += h.groups;
    console.log(`fold ${f + 1}/${k}: ${held.size} cases, line tags ${(acc.right / acc.all).toFixed(3)}, headline phrases ${(h.right / h.all).toFixed(3)}, groups ${h.groupsRight}/${h.groups}`);
  }
  console.log(`cross-validated line-tag accuracy: ${(right / all).toFixed(3)} over ${all} lines`);
  console.log(`cross-validated headline phrases: ${(hRight / hAll).toFixed(3)} over ${hAll}; groups read whole: ${gRight}/${gAll} (${pages.reduce((s2, p) => s2 + p.skippedHeads, 0)} groups left out of training)`);
  const top = [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 15);
  console.log(`most frequent confusions (truth→tagged): ${top.map(([k2, n]) => `${k2} ${n}`).join(', ')}`);
  process.exit(0);
}

// Confidence: how often decisions of each margin are right, on pages the deciding model had not seen.
const held = heldOutDecisions(pages, 5, epochs);
const weights = { ...taggerWeights(pages, epochs), calibration: fitCalibration(held.tagger.margins, held.tagger.right) };
const headWeights = { ...headlineWeights(pages, epochs), calibration: fitCalibration(held.headline.margins, held.headline.right) };
const files: [string, string][] = [
  [WEIGHTS, `${JSON.stringify(weights)}\n`],
  [HEAD_WEIGHTS, `${JSON.stringify(headWeights)}\n`],
];
if (values.check) {
  const stale = files.filter(([f, json]) => readFileSync(f, 'utf8') !== json);
  for (const [f] of stale) console.error(`${f} is not what \`npm run train\` gives from the corpus: retrain and commit`);
  if (stale.length) process.exit(1);
  console.log('model weights match the corpus');
  process.exit(0);
}
for (const [f, json] of files) writeFileSync(f, json);
console.log(`trained on ${pages.length} pages (${new Set(pages.map((p) => p.case)).size} cases), ${epochs} epochs: tagger ${Object.keys(weights.line).length} line features; headline chain ${Object.keys(headWeights.line).length} phrase features over ${pages.reduce((s2, p) => s2 + p.heads.length, 0)} groups; calibration tagger ${JSON.stringify(weights.calibration)}, headline ${JSON.stringify(headWeights.calibration)}`);
