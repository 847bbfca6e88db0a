/**
 * The extraction's minimums (scripts/lib/eval/minimums.ts) hold: `npm run eval` scores every part
 * of the pages with expected JSON — the corpus's tuned and set-aside parts, the hand-made parts,
 * the seeds' gold — and exits 1 when a part falls below its minimums. Every part is scored, none
 * loses a character.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMUMS, belowMinimums, minimumsFor } from '../../scripts/lib/eval/minimums.ts';
import { SCORE_LABELS } from '../../scripts/lib/eval/score.ts';

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

describe('belowMinimums', () => {
  it('names each score under its part’s minimum, and holds unknown parts to the floor only', () => {
    const s = { ...minimumsFor('gold'), title: 0.9 };
    expect(belowMinimums('gold', s, SCORE_LABELS)).toEqual(['title 0.900 < 1']);
    expect(belowMinimums('some-new-part', { ...s, articleF1: 0 }, SCORE_LABELS)).toEqual([]);
    expect(belowMinimums('some-new-part', { ...s, kept: 0.99 }, SCORE_LABELS)).toHaveLength(1);
  });
});
