/**
 * Issue #6, beyond one machine: an archive split into two builds (parts) under two base paths of
 * one origin, each built with the same BAOKU_SEARCH_PARTS, is searched as one. The seed pages are
 * split in two and each half built in a copy of the project; the search page of either part must
 * return exactly the articles the whole archive's build returns, each linked into the part that
 * holds it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectCopy } from '../../scripts/lib/project-copy-fs.ts';
import { parseRegistry, serializeRegistry } from '../../scripts/lib/id-registry.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server-fs.ts';
import { extractBodyText } from '../../scripts/lib/search/extract.ts';
import { fold } from '../../core/search/fold.ts';
import { rng } from '../../scripts/lib/synth.ts';
import { ARTIFACTS, DIST, PREFIX } from '../build/site.ts';

const ROOT = join(import.meta.dirname, '..', '..');
// Outside tests/ so no test runner collects the copy's linked packages.
const PROJECT = join(ROOT, '.cache', 'parts-project');
const SERVED = join(ARTIFACTS, 'parts-root');
const PARTS = ['/parts/a/', '/parts/b/'];
const outDir = (base: string) => join(SERVED, base);
/** The article ids of a build: its articles/<id>/ folders (beside them are <id>.json, .txt, .ris, .bib). */
const articleDirs = (dist: string) => readdirSync(join(dist, 'articles'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

let whole: StaticServer;
let parts: StaticServer;
let browser: Browser;
let page: Page;

function buildPart(base: string, pages: string[]): void {
  const seeds = join(PROJECT, 'seeds-part');
  rmSync(seeds, { recursive: true, force: true });
  mkdirSync(seeds);
  for (const p of pages) cpSync(join(ROOT, 'seeds', p), join(seeds, p));
  if (existsSync(join(ROOT, 'seeds', 'catalog.json'))) cpSync(join(ROOT, 'seeds', 'catalog.json'), join(seeds, 'catalog.json'));
  // The id registry too, the part's pages only (issue 11): each part publishes its articles under the ids the whole archive gives them.
  if (existsSync(join(ROOT, 'seeds', 'ids.json'))) {
    const all = parseRegistry(readFileSync(join(ROOT, 'seeds', 'ids.json'), 'utf8'), 'seeds/ids.json');
    const mine = Object.fromEntries(Object.entries(all.pages).filter(([, p]) => pages.includes(p.seed)));
    writeFileSync(join(seeds, 'ids.json'), serializeRegistry({ format: 1, pages: mine }));
  }
  // Without the variables Vitest sets for its own Vite (BASE_URL, MODE, NODE_ENV=test …), which
  // Astro's Vite would take over.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(k)));
  const env = { ...inherited, BASE_PATH: base, BAOKU_SEARCH_PARTS: PARTS.join(','), ASTRO_TELEMETRY_DISABLED: '1' };
  const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: PROJECT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  run(['scripts/ingest.ts', '--seeds', seeds, '--no-cache', '--quiet']);
  run(['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir(base)]);
  run(['scripts/search-index.ts', '--dist', outDir(base)]);
}

beforeAll(async () => {
  projectCopy(ROOT, PROJECT);
  rmSync(SERVED, { recursive: true, force: true });
  const pages = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
  const half = Math.ceil(pages.length / 2);
  buildPart(PARTS[0], pages.slice(0, half));
  buildPart(PARTS[1], pages.slice(half));
  [whole, parts] = await Promise.all([startStaticServer(DIST, PREFIX), startStaticServer(SERVED, '/')]);
  browser = await launch();
  page = await browser.newPage();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([whole?.close(), parts?.close()]);
});

/** Result links of a search page: [part base or '', article id]. */
async function results(origin: string, path: string, q: string): Promise<string[][]> {
  await page.goto(`${origin}${path}search/?q=${encodeURIComponent(q)}&all=1`);
  await page.waitForSelector('[data-search-results][data-search-state="done"]', { state: 'attached' });
  const paths = await page.$$eval('[data-search-result]', (as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  return paths.map((p) => {
    const m = /^(.*?\/)(?:zh-hant\/)?articles\/([^/]+)\/$/.exec(p);
    expect(m, p).not.toBeNull();
    return [m![1], decodeURIComponent(m![2])];
  });
}

/**
 * Queries from the articles' own text whose characters belong to no script-variant class: for them
 * "contains" is literal, so the whole archive and its parts (whose classes differ) must agree.
 */
function queries(): string[] {
  const classes = (JSON.parse(readFileSync(join(DIST, 'search-docs/layout.json'), 'utf8')) as { variants: string }).variants;
  const inClass = new Set(Array.from(classes.replace(/ /g, '')));
  const texts = articleDirs(DIST).map((id) => fold(extractBodyText(readFileSync(join(DIST, 'articles', id, 'index.html'), 'utf8')) ?? ''));
  const rand = rng(11);
  const out = new Set<string>(['的', '，']);
  for (let guard = 0; out.size < 14 && guard < 5000; guard++) {
    const chars = Array.from(texts[Math.floor(rand() * texts.length)]);
    const len = 2 + Math.floor(rand() * 3);
    const start = Math.floor(rand() * Math.max(1, chars.length - len));
    const q = chars.slice(start, start + len);
    if (q.length === len && !q.some((c) => inClass.has(c))) out.add(q.join(''));
  }
  return [...out];
}

describe('an archive split into two builds', () => {
  it('puts each half of the pages in its own part', () => {
    const a = articleDirs(outDir(PARTS[0]));
    const b = articleDirs(outDir(PARTS[1]));
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect([...a, ...b].sort()).toEqual(articleDirs(DIST).sort());
  });

  it('is searched as one from either part, in either script', async () => {
    const qs = queries();
    let fromBoth = 0;
    for (const q of qs) {
      const want = (await results(whole.origin, PREFIX, q)).map(([, id]) => id).sort();
      for (const from of [PARTS[0], `${PARTS[1]}zh-hant/`]) {
        const got = await results(parts.origin, from, q);
        expect(got.map(([, id]) => id).sort(), `${q} from ${from}`).toEqual(want);
        for (const [base, id] of got) expect(existsSync(join(outDir(base), 'articles', id, 'index.html')), `${base}articles/${id}`).toBe(true);
        if (new Set(got.map(([base]) => base)).size === 2) fromBoth++;
      }
    }
    expect(fromBoth).toBeGreaterThan(4);
  }, 300_000);

  it('links results into the part that holds them, and they open', async () => {
    const got = await results(parts.origin, PARTS[0], '的');
    const other = got.find(([base]) => base === PARTS[1])!;
    expect(other).toBeDefined();
    const r = await page.goto(`${parts.origin}${other[0]}articles/${other[1]}/`);
    expect(r?.status()).toBe(200);
    expect(await page.locator('[data-pagefind-body]').count()).toBeGreaterThan(0);
  });
});
