/**
 * Issue #6: with `search-index --doc-shards N` (result documents packed into N files per script to
 * stay under a host's file-count cap) and the character lists split into several files (as in a
 * large archive), search answers exactly as with one document per article and one character file.
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
  execFileSync(process.execPath, ['scripts/search-index.ts', '--dist', SHARDED, '--doc-shards', '3', '--char-buckets', '5'], { env: { ...process.env, BASE_PATH: PREFIX }, stdio: 'pipe' });
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

describe('sharded result documents and character files', () => {
  it('pack the documents into 3 files per script and the characters into 5 files', () => {
    const files = readdirSync(join(SHARDED, 'search-docs')).sort();
    expect(files).toEqual([
      'c0.sdoc', 'c1.sdoc', 'c2.sdoc', 'c3.sdoc', 'c4.sdoc',
      'layout.json', 'meta.sdoc', 's0.hans.sdoc', 's0.hant.sdoc', 's1.hans.sdoc', 's1.hant.sdoc', 's2.hans.sdoc', 's2.hant.sdoc',
    ]);
    expect((JSON.parse(readFileSync(join(SHARDED, 'search-docs/layout.json'), 'utf8')) as { charBuckets: number }).charBuckets).toBe(5);
  });
  it('give the same results, in the same order, as one document per article', async () => {
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
