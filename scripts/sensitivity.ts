/**
 * Sensitivity of the ingest's hand-set constants (issue #10): each constant of scripts/lib/tuning.ts
 * set to 0, halved and doubled in turn, the corpus's tuned part scored each time (with the
 * committed models), and the change of every score against the constants as committed written to
 * bench/sensitivity.md. A constant whose moves change nothing is a candidate for removal.
 *
 *   npm run sensitivity [-- --out bench/sensitivity.md]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCli } from './lib/cli-fs.ts';
import { loadCases } from './lib/eval/load-fs.ts';
import { SCORE_LABELS, addCounts, emptyCounts, scorePage, scores, type Scores } from './lib/eval/score.ts';
import { parsePageText } from './lib/pipeline.ts';
import { TUNING } from './lib/tuning.ts';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseCli(import.meta.url, { options: { out: { type: 'string', default: join(ROOT, 'bench/sensitivity.md') } } });
const cases = [...loadCases(join(ROOT, 'tests/fixtures/pages/corpus-tune'), join(ROOT, 'seeds')), ...loadCases(join(ROOT, 'tests/fixtures/gold'), join(ROOT, 'seeds'))];
const texts = cases.map((c) => readFileSync(c.pagePath, 'utf8'));

function score(): Scores {
  let total = emptyCounts();
  cases.forEach((c, i) => {
    let pred = null;
    try {
      pred = parsePageText(texts[i], c.name).articles;
    } catch {
      /* refused: scored as lost */
    }
    total = addCounts(total, scorePage(c.gold, pred));
  });
  return scores(total);
}

const base = score();
const rows: string[] = [];
type Group = Record<string, number>;
for (const [groupName, group] of Object.entries(TUNING) as [string, Group][]) {
  for (const key of Object.keys(group)) {
    const original = group[key];
    for (const [label, value] of [
      ['0', 0],
      ['×½', original / 2],
      ['×2', original * 2],
    ] as [string, number][]) {
      group[key] = value;
      const s = score();
      group[key] = original;
      const delta = SCORE_LABELS.filter(([k]) => k !== 'kept' && k !== 'spacing').map(([k]) => {
        const d = s[k] - base[k];
        return Math.abs(d) < 0.0005 ? '·' : `${d > 0 ? '+' : ''}${d.toFixed(3)}`;
      });
      rows.push(`| ${groupName}.${key} = ${original} | ${label} (${Number(value.toFixed(4))}) | ${delta.join(' | ')} |`);
    }
  }
}

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const labels = SCORE_LABELS.filter(([k]) => k !== 'kept' && k !== 'spacing');
const md = [
  '# Sensitivity of the ingest constants',
  '',
  `Run ${new Date().toISOString().slice(0, 10)}, commit ${commit}: \`npm run sensitivity\`. ${cases.length} pages (the corpus's tuned part and the seeds' gold) scored with the committed models; each constant of scripts/lib/tuning.ts set to 0, halved and doubled in turn. Figures are the change against the committed constants (· = less than 0.0005).`,
  '',
  `Committed: ${labels.map(([k, l]) => `${l} ${base[k].toFixed(3)}`).join(', ')}.`,
  '',
  `| constant | moved to | ${labels.map(([, l]) => l).join(' | ')} |`,
  `|---|---|${labels.map(() => '---:').join('|')}|`,
  ...rows,
  '',
];
writeFileSync(values.out!, `${md.join('\n')}\n`);
process.stdout.write(`${md.join('\n')}\n`);
