/**
 * @fileoverview Finds scored pages on disk: corpus fixture folders (page.txt + expected.json,
 * optional meta.json) and gold files (<page>.json naming its `seed`, whose text is looked up
 * beside it or in a seeds folder).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { GoldPage } from '../../../core/schema.ts';
import { expectedFromTruth, type TruthPage } from './pdf-truth.ts';
import type { ScoredArticle } from './score.ts';

/** One page to score. */
export interface EvalCase {
  /** Name shown in tables (folder or gold file name). */
  name: string;
  /** Which part it belongs to: `tune`, `holdout`, or the folder it was found in. */
  part: string;
  layout: string | null;
  /** The corpus case it was rendered from (its layouts share it). */
  caseName: string | null;
  conventions: string[];
  /** The page text file. */
  pagePath: string;
  /** The expected JSON's file (for a PDF page, its truth file). */
  expectedPath: string;
  gold: ScoredArticle[];
  /** A page read from a PDF (issue #16): the PDF, and the page's `.txt` when the fixture has one. */
  pdf?: { path: string; txt: string | null };
  /** The expected page, where it is derived rather than read (a PDF page's, from its truth). */
  expected?: GoldPage;
}

/**
 * Loads every case under `dir` (recursively); gold files take their page text from `seeds`. A
 * folder with `page.pdf` and `truth.json` is a generated PDF page (tests/fixtures/pdf/): scored
 * against the expected JSON derived from its truth (pdf-truth.ts), in the part named by `dir`.
 */
export function loadCases(dir: string, seeds: string): EvalCase[] {
  const out: EvalCase[] = [];
  const walk = (d: string): void => {
    const entries = readdirSync(d).sort();
    if (entries.includes('page.pdf') && entries.includes('truth.json')) {
      const meta = existsSync(join(d, 'meta.json')) ? JSON.parse(readFileSync(join(d, 'meta.json'), 'utf8')) : {};
      const expected = expectedFromTruth(JSON.parse(readFileSync(join(d, 'truth.json'), 'utf8')) as TruthPage, `${basename(d)}.pdf`);
      out.push({
        name: basename(d),
        part: meta.part ?? basename(dir),
        layout: meta.layout ?? null,
        caseName: meta.case ?? null,
        conventions: meta.conventions ?? [],
        pagePath: join(d, 'page.pdf'),
        expectedPath: join(d, 'truth.json'),
        gold: expected.articles,
        pdf: { path: join(d, 'page.pdf'), txt: entries.includes('page.txt') ? join(d, 'page.txt') : null },
        expected,
      });
      return;
    }
    if (entries.includes('page.txt') && entries.includes('expected.json')) {
      const meta = existsSync(join(d, 'meta.json')) ? JSON.parse(readFileSync(join(d, 'meta.json'), 'utf8')) : {};
      const expected = JSON.parse(readFileSync(join(d, 'expected.json'), 'utf8'));
      out.push({
        name: basename(d),
        part: meta.part ?? (relative(dir, d).split('/')[0] || basename(dir)),
        layout: meta.layout ?? null,
        caseName: meta.case ?? null,
        conventions: meta.conventions ?? [],
        pagePath: join(d, 'page.txt'),
        expectedPath: join(d, 'expected.json'),
        gold: expected.articles,
      });
      return;
    }
    for (const e of entries) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (e.endsWith('.json') && e !== 'meta.json') {
        const g = JSON.parse(readFileSync(p, 'utf8'));
        if (typeof g.seed !== 'string' || !Array.isArray(g.articles)) continue;
        const beside = join(d, g.seed);
        const pagePath = existsSync(beside) ? beside : join(seeds, g.seed);
        if (!existsSync(pagePath)) throw new Error(`${p}: page text ${g.seed} not found beside it or in ${seeds}`);
        out.push({ name: g.seed.replace(/\.txt$/, ''), part: basename(dir), layout: null, caseName: null, conventions: [], pagePath, expectedPath: p, gold: g.articles });
      }
    }
  };
  walk(dir);
  return out;
}
