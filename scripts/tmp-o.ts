import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { detectLayout, splitGluedHeads, splitLines } from './lib/lines.ts';
import { ChainModel } from './lib/model/chain.ts';
import { tagLines } from './lib/tagger.ts';
import { align } from './lib/train/align.ts';
import { trueTags } from './lib/train/truth.ts';
import { corpusTrainingPages, readHoldout, trainTagger } from './lib/train/trainer.ts';
const ROOT = join(import.meta.dirname, '..');
const training = corpusTrainingPages(join(ROOT, 'tests/corpus/pages'), readHoldout(join(ROOT, 'tests/corpus/holdout.txt')));
const names = [...new Set(training.map((p) => p.case))].sort();
const models = new Map<string, ChainModel>();
for (let f = 0; f < 5; f++) { const held = new Set(names.filter((_, i) => i % 5 === f)); const m = new ChainModel(trainTagger(training.filter((p) => !held.has(p.case)), 12).export()); for (const n of held) models.set(n, m); }
const counts = new Map<string, number>();
const examples: string[] = [];
const dir = join(ROOT, 'tests/fixtures/pages/corpus-tune');
for (const d of readdirSync(dir)) {
  const meta = JSON.parse(readFileSync(join(dir, d, 'meta.json'), 'utf8'));
  const exp = JSON.parse(readFileSync(join(dir, d, 'expected.json'), 'utf8'));
  const lines = splitGluedHeads(splitLines(readFileSync(join(dir, d, 'page.txt'), 'utf8')));
  const al = align(lines.map((l) => l.text), exp);
  const truth = trueTags(al, (a) => exp.articles[a].body.findIndex((b: any) => b.type === 'p'));
  const got = tagLines(lines, detectLayout(lines), models.get(meta.case)!);
  got.forEach((g, i) => {
    const t = truth[i];
    if (g.tag === t) return;
    const slot = al.slots[al.lines[i][0].slot];
    const k = `${t}→${g.tag} ${slot.kind === 'other' ? slot.otherType : slot.kind}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
    if (process.argv[2] && k.startsWith(process.argv[2])) examples.push(`${d}:${g.no} ${k} ${g.text.slice(0, 40)}`);
  });
}
console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, n]) => `${n} ${k}`).join('\n'));
console.log(examples.slice(0, 40).join('\n'));
