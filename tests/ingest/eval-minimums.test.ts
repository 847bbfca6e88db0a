/**
 * The extraction's minimums (scripts/lib/eval/minimums.ts) hold: `npm run eval` scores every part
 * of the pages with expected JSON — the corpus's tuned and set-aside parts, the hand-made parts,
 * the seeds' gold — and exits 1 when a part falls below its minimums. Every part is scored, none
 * loses a character.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCases } from '../../scripts/lib/eval/load-fs.ts';
import { MINIMUMS, belowMinimums, minimumsFor } from '../../scripts/lib/eval/minimums.ts';
import { SCORE_LABELS, addCounts, emptyCounts, scorePage, scores, type Counts } from '../../scripts/lib/eval/score.ts';
import { parsePage } from '../../scripts/lib/pipeline.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('npm run eval', () => {
  const r = spawnSync(process.execPath, ['scripts/eval.ts', '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const out = JSON.parse(r.stdout) as { parts: Record<string, Record<string, number>>; failures: string[] };
  it('scores every part that has minimums, and more pages than the seeds alone', () => {
    for (const part of Object.keys(MINIMUMS)) expect(out.parts[part]?.pages, part).toBeGreaterThan(0);
    expect(out.parts['handmade-2']?.pages).toBeGreaterThan(0);
  });
  it('finds every part at or above its minimums, and exits 0', () => {
    expect(out.failures).toEqual([]);
    expect(r.status).toBe(0);
  });
  it('loses no character on any page', () => {
    for (const [part, s] of Object.entries(out.parts)) expect([part, s.kept]).toEqual([part, 1]);
  });
});

describe('the text pages scored in this process', () => {
  // The same scoring as the command, without its process: each text page parsed and scored against its expected JSON.
  const dirs = ['corpus-tune', 'corpus-holdout', 'handmade-train', 'handmade', 'handmade-2'].map((d) => join(ROOT, 'tests/fixtures/pages', d));
  const cases = [...dirs, join(ROOT, 'tests/fixtures/gold')].flatMap((d) => loadCases(d, join(ROOT, 'seeds'))).filter((c) => !c.pdf);
  const byPart = new Map<string, Counts>();
  for (const c of cases) byPart.set(c.part, addCounts(byPart.get(c.part) ?? emptyCounts(), scorePage(c.gold, parsePage(readFileSync(c.pagePath), c.name).articles)));
  it('hold every text part at its minimums', () => {
    expect([...byPart.keys()].sort()).toEqual(['gold', 'handmade', 'handmade-2', 'handmade-train', 'holdout', 'tune']);
    for (const [part, c] of byPart) expect([part, belowMinimums(part, scores(c), SCORE_LABELS)]).toEqual([part, []]);
  });
  it('score a page against its own expected JSON as perfect, and against no parse as nothing found', () => {
    const c = cases.find((x) => x.part === 'gold')!;
    const perfect = scores(scorePage(c.gold, c.gold));
    expect([perfect.articleF1, perfect.headline, perfect.title, perfect.paragraphF1, perfect.authors]).toEqual([1, 1, 1, 1, 1]);
    expect(scores(scorePage(c.gold, null)).articleF1).toBe(0);
  });
});

describe('belowMinimums', () => {
  it('names each score under its part’s minimum, and holds unknown parts to the floor only', () => {
    const s = { ...minimumsFor('gold'), title: 0.9 };
    expect(belowMinimums('gold', s, SCORE_LABELS)).toEqual(['title 0.900 < 1']);
    expect(belowMinimums('some-new-part', { ...s, articleF1: 0 }, SCORE_LABELS)).toEqual([]);
    expect(belowMinimums('some-new-part', { ...s, kept: 0.99 }, SCORE_LABELS)).toHaveLength(1);
  });
});
