/**
 * The gold annotations (copied unchanged from ../shared/gold/, never regenerated) are the
 * definition of a correct conversion: `--json` output must equal them, white space aside.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage, toGoldJson } from '../../scripts/lib/pipeline.ts';

const GOLD = join(import.meta.dirname, '../fixtures/gold');
const SEEDS = join(import.meta.dirname, '../../seeds');

/** Removes white space from every string, recursively, as the gold schema's comparison rule says. */
function squashed(v: unknown): unknown {
  if (typeof v === 'string') return v.replace(/\s+/g, '');
  if (Array.isArray(v)) return v.map(squashed);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'notes').map(([k, x]) => [k, squashed(x)]));
  return v;
}

const goldFiles = readdirSync(GOLD).filter((f) => f.endsWith('.json'));

describe('gold pages', () => {
  it('has gold fixtures to check', () => {
    expect(goldFiles.length).toBeGreaterThanOrEqual(3);
  });
  for (const file of goldFiles) {
    const gold = JSON.parse(readFileSync(join(GOLD, file), 'utf8'));
    const seed = gold.seed as string;
    const ours = toGoldJson(parsePage(readFileSync(join(SEEDS, seed)), seed));
    it(`${seed}: same articles in the same order`, () => {
      expect(ours.articles.map((a) => squashed(a.title))).toEqual(gold.articles.map((a: { title: string }) => squashed(a.title)));
    });
    gold.articles.forEach((g: { title: string }, i: number) => {
      it(`${seed}: article ${i + 1} 「${g.title}」 equals the gold`, () => {
        expect(squashed(ours.articles[i])).toEqual(squashed(g));
      });
    });
    it(`${seed}: non-article blocks equal the gold`, () => {
      expect(squashed(ours.other)).toEqual(squashed(gold.other));
    });
  }
});
