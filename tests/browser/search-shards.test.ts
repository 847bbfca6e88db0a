/**
 * Issue #6: with `search-index --doc-shards N` (result documents packed into N files per script to
 * stay under a host's file-count cap) and the character lists split into several files (as in a
 * large archive), the character lists split into several files (as in a large archive) and
 * Pagefind's index built in slices of a few articles each (issue 15: `--slice-records N`, merged
 * by the page), search answers exactly as with one document per article, one character file and one
 * Pagefind index.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server-fs.ts';
import { ARTIFACTS, DIST, PREFIX } from '../build/site.ts';

const SHARDED = join(ARTIFACTS, 'dist-shards');
const QUERIES = ['发展', '党', '余杭', '钱塘 项目', '經濟', '新春第一会', '段简', '的', '發', '区 会', '；', '1'];
let plain: StaticServer;
let sharded: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  rmSync(SHARDED, { recursive: true, force: true });
  cpSync(DIST, SHARDED, { recursive: true });
  execFileSync(process.execPath, ['scripts/search-index.ts', '--dist', SHARDED, '--doc-shards', '3', '--char-buckets', '5', '--slice-records', '7'], { env: { ...process.env, BASE_PATH: PREFIX }, stdio: 'pipe' });
  [plain, sharded] = await Promise.all([startStaticServer(DIST, PREFIX), startStaticServer(SHARDED, PREFIX)]);
  browser = await launch();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([plain?.close(), sharded?.close()]);
});

async function results(origin: string, q: string): Promise<string[]> {
  await page.goto(`${origin}${PREFIX}search/?q=${encodeURIComponent(q)}&all=1`);
  await page.waitForSelector('[data-search-results][data-search-state="done"]', { state: 'attached' });
  return page.$$eval('[data-search-result]', (as) => as.map((a) => (a as HTMLAnchorElement).pathname));
}

describe('sharded result documents and character files, sliced Pagefind index', () => {
  it('pack the documents into 3 files per script and the characters into 5 files', () => {
    const files = readdirSync(join(SHARDED, 'search-docs')).sort();
    expect(files).toEqual([
      'c0.sdoc', 'c1.sdoc', 'c2.sdoc', 'c3.sdoc', 'c4.sdoc',
      'layout.json', 'meta.sdoc', 's0.hans.sdoc', 's0.hant.sdoc', 's1.hans.sdoc', 's1.hant.sdoc', 's2.hans.sdoc', 's2.hant.sdoc',
    ]);
    expect((JSON.parse(readFileSync(join(SHARDED, 'search-docs/layout.json'), 'utf8')) as { charBuckets: number }).charBuckets).toBe(5);
  });
  it('index the articles in slices of at most 7, each slice with its own Pagefind metadata and index, one Pagefind script', () => {
    const layout = JSON.parse(readFileSync(join(SHARDED, 'search-docs/layout.json'), 'utf8')) as { records: number; slices: number };
    expect(layout.slices).toBe(Math.ceil(layout.records / 7));
    // Equal slices: each holds its share of the articles (Pagefind's metadata lists one entry per article).
    const size = Math.ceil(layout.records / layout.slices);
    expect(size).toBeLessThanOrEqual(7);
    expect(layout.slices).toBeGreaterThan(2);
    for (let k = 1; k < layout.slices; k++) {
      const files = readdirSync(join(SHARDED, 'pagefind', `s${k}`));
      expect(files, `slice ${k}`).toContain('pagefind-entry.json');
      expect(files.some((f) => f.endsWith('.pf_meta')), `slice ${k}`).toBe(true);
      expect(files.filter((f) => /^(pagefind(-worker)?\.js|wasm\.)/.test(f)), `slice ${k}`).toEqual([]);
    }
    expect(readdirSync(join(SHARDED, 'pagefind'))).not.toContain(`s${layout.slices}`);
  });
  it('give the same results, in the same order, as one document per article and one index', async () => {
    let total = 0;
    for (const q of QUERIES) {
      const want = await results(plain.origin, q);
      const got = await results(sharded.origin, q);
      expect(got, q).toEqual(want);
      total += want.length;
    }
    expect(total).toBeGreaterThan(20);
  });
});
