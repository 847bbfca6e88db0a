/**
 * Issue #5 end-to-end: on the prefixed test build (tests/build/global-setup.ts), checks in headless
 * Chromium that the search page finds exactly the articles whose indexed text contains the query up
 * to script variants (recall 1.0 and precision 1.0), in both scripts and across scripts, plus the
 * UI contract.
 *
 * Ground truth is read from the built article pages in the browser (textContent of
 * [data-pagefind-body]), independent of the indexer's own HTML extraction. The variant classes the
 * truth folds with are derived here from those page texts too, and must equal the index's.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser.ts';
import { Converter } from 'opencc-js';
import { startStaticServer as serveStatic, type StaticServer as Served } from '../../scripts/lib/static-server-fs.ts';
import { fold } from '../../core/search/fold.ts';
import { decodeVariants, differingPairs, variantClasses, type Variants } from '../../core/search/variants.ts';
import { rng } from '../../scripts/lib/synth.ts';
import { readMdxBody, splitMdx } from '../../core/mdx-body.ts';
import { ARTIFACTS, DIST, GENERATED, ingested, PREFIX } from '../build/site.ts';

const dist = DIST;
const BASE = PREFIX;
const N_SINGLE = 320; // per script
const N_CROSS = 120; // per direction
const N_MULTI = 40; // per script

const t2cn = Converter({ from: 'tw', to: 'cn' });
const cn2t = Converter({ from: 'cn', to: 'tw' });

type Script = 'hans' | 'hant';
interface Article {
  id: string;
  hans: string; // folded indexed text
  hant: string;
}

/** The index's variant classes (search-docs/layout.json) and the map they give. */
let variantList: string[] = [];
let variants: Variants = new Map();

let served: Served;
let browser: Browser;
let page: Page;
let articles: Article[] = [];
const consoleProblems: string[] = [];


/** Substrings of 1–8 characters; every other one straddles a word boundary found by Intl.Segmenter. */
function sample(texts: string[], n: number, seed: number, lang: string): string[] {
  const rand = rng(seed);
  const seg = new Intl.Segmenter(lang, { granularity: 'word' });
  const out = new Set<string>();
  let guard = 0;
  while (out.size < n && guard++ < n * 50) {
    const chars = Array.from(texts[Math.floor(rand() * texts.length)]);
    if (chars.length < 10) continue;
    const len = 1 + Math.floor(rand() * 8);
    let start = Math.floor(rand() * (chars.length - len));
    if (out.size % 2 === 1 && len > 1) {
      // Put a word boundary strictly inside the sample.
      const s = chars.join('');
      const bounds = [...seg.segment(s)].map((x) => Array.from(s.slice(0, x.index)).length).filter((b) => b > 0);
      const b = bounds[Math.floor(rand() * bounds.length)];
      start = Math.max(0, Math.min(chars.length - len, b - 1 - Math.floor(rand() * (len - 1))));
    }
    out.add(chars.slice(start, start + len).join(''));
  }
  return [...out];
}

/** The truth: every part occurs in the article, in either script, up to script variants. */
function truth(q: string): string[] {
  const parts = q.split(/\s+/).filter(Boolean).map((p) => fold(p, variants));
  return articles
    .filter((a) => {
      const texts = [fold(a.hans, variants), fold(a.hant, variants)];
      return parts.every((p) => texts.some((t) => t.includes(p)));
    })
    .map((a) => a.id)
    .sort();
}

async function openSearch(script: Script, q = '', extra = '&all=1') {
  const prefix = script === 'hant' ? 'zh-hant/' : '';
  await page.goto(`${served.origin}${BASE}${prefix}search/?q=${encodeURIComponent(q)}${extra}`);
  await page.waitForSelector(q ? '[data-search-results][data-search-state="done"]' : '[data-search-results]', { state: 'attached' });
}

/** Runs one query through the page's form and returns the linked article ids. */
async function query(script: Script, q: string): Promise<string[]> {
  await page.evaluate((q) => {
    const input = document.querySelector<HTMLInputElement>('#search-q')!;
    input.value = q;
    input.form!.requestSubmit();
  }, q);
  await page.waitForSelector('[data-search-results][data-search-state="done"]', { state: 'attached' });
  const hrefs = await page.$$eval('[data-search-result]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
  const prefix = `${served.origin}${BASE}${script === 'hant' ? 'zh-hant/' : ''}articles/`;
  return hrefs.map((h) => {
    expect(h.startsWith(prefix), `result link ${h} points at the ${script} article page`).toBe(true);
    return decodeURIComponent(h.slice(prefix.length).split('/')[0]);
  });
}

interface Tally {
  queries: number;
  expected: number;
  found: number;
  returned: number;
  correct: number;
  failures: string[];
}
const tallies: Record<string, Tally> = {};

async function check(label: string, script: Script, queries: string[], source?: (q: string) => string) {
  const t: Tally = (tallies[label] = { queries: 0, expected: 0, found: 0, returned: 0, correct: 0, failures: [] });
  await openSearch(script);
  for (const q of queries) {
    const want = truth(q);
    const got = await query(script, q);
    const gotSet = new Set(got);
    t.queries++;
    t.expected += want.length;
    t.found += want.filter((id) => gotSet.has(id)).length;
    t.returned += got.length;
    t.correct += got.filter((id) => want.includes(id)).length;
    const src = source?.(q);
    if (src && !gotSet.has(src)) t.failures.push(`${q}: source article ${src} missing`);
    if (got.length !== gotSet.size) t.failures.push(`${q}: duplicate results`);
    if (JSON.stringify([...gotSet].sort()) !== JSON.stringify(want)) t.failures.push(`${q}: want ${want.length} got ${got.length}`);
  }
  expect(t.failures.slice(0, 10)).toEqual([]);
  expect(t.found / t.expected).toBe(1);
  expect(t.correct / t.returned).toBe(1);
}

beforeAll(async () => {
  if (!existsSync(join(dist, 'pagefind'))) throw new Error('no dist/pagefind: build failed?');
  served = await serveStatic(dist, BASE);
  browser = await launch();
  page = await browser.newPage();
  // The client drops (and warns about) any Pagefind candidate that fails verification; with the
  // bigram scheme there must be none, or counts shown before verification would be wrong.
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') consoleProblems.push(`${m.text()} @ ${m.location().url}`);
  });
  // No third-party requests: everything must come from our origin.
  page.on('request', (r) => {
    if (!r.url().startsWith(served.origin) && !r.url().startsWith('data:')) throw new Error(`third-party request ${r.url()}`);
  });
  const ids = ingested().articles;
  for (const id of ids) {
    const text: Record<Script, string> = { hans: '', hant: '' };
    for (const script of ['hans', 'hant'] as const) {
      await page.goto(`${served.origin}${BASE}${script === 'hant' ? 'zh-hant/' : ''}articles/${id}/`);
      text[script] = fold(await page.$$eval('[data-pagefind-body]', (es) => es.map((e) => e.textContent ?? '').join('')));
    }
    articles.push({ id, ...text });
  }
  variantList = (JSON.parse(readFileSync(join(dist, 'search-docs/layout.json'), 'utf8')) as { variants: string }).variants.split(' ');
  variants = decodeVariants(variantList.join(' '));
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  if (Object.keys(tallies).length) {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'search-recall.json'), JSON.stringify(tallies, null, 2));
    for (const [k, t] of Object.entries(tallies)) {
      console.log(`${k}: ${t.queries} queries, recall ${t.found}/${t.expected}, precision ${t.correct}/${t.returned}`);
    }
  }
});

describe('search finds what Ctrl+F finds', () => {
  it('has every article the ingest wrote, in both scripts', () => {
    expect(articles.map((a) => a.id).sort()).toEqual(ingested().articles);
    // Each page's indexed text holds the article's whole body as the ingest wrote it (simplified
    // page), and the traditional page about as much text.
    for (const a of articles) {
      const body = readMdxBody(splitMdx(readFileSync(join(GENERATED, 'articles', `${a.id}.mdx`), 'utf8')).body);
      expect(body.length, a.id).toBeGreaterThan(0);
      for (const b of body) expect(a.hans, a.id).toContain(fold(b.text));
      expect(a.hant.length, a.id).toBeGreaterThan(a.hans.length * 0.9);
    }
    expect(articles.some((a) => a.hans !== a.hant)).toBe(true);
  });

  it('merges only the variants the pages themselves pair up', () => {
    const pairs = articles.flatMap((a) => differingPairs(a.hans, a.hant) ?? []);
    expect(variantClasses(pairs)).toEqual(variantList);
    expect(variantList.length).toBeGreaterThan(10);
  });

  it('simplified substrings on the simplified page', async () => {
    const qs = sample(articles.map((a) => a.hans), N_SINGLE, 1, 'zh-Hans');
    await check('hans', 'hans', qs, (q) => articles.find((a) => a.hans.includes(fold(q)))!.id);
  }, 300_000);

  it('traditional substrings on the traditional page', async () => {
    const qs = sample(articles.map((a) => a.hant), N_SINGLE, 2, 'zh-Hant');
    await check('hant', 'hant', qs, (q) => articles.find((a) => a.hant.includes(fold(q)))!.id);
  }, 300_000);

  it('traditional queries on the simplified page (typed in the other script)', async () => {
    const src = new Map<string, string>();
    const qs = sample(articles.map((a) => a.hans), N_CROSS, 3, 'zh-Hans').map((s) => {
      const q = cn2t(s);
      src.set(q, articles.find((a) => a.hans.includes(s))!.id);
      return q;
    });
    expect(qs.some((q) => q !== t2cn(q))).toBe(true);
    await check('cross hant→hans page', 'hans', qs, (q) => src.get(q)!);
  }, 300_000);

  it('simplified queries on the traditional page', async () => {
    const src = new Map<string, string>();
    const qs = sample(articles.map((a) => a.hant), N_CROSS, 4, 'zh-Hant').map((s) => {
      const q = t2cn(s);
      src.set(q, articles.find((a) => a.hant.includes(s))!.id);
      return q;
    });
    await check('cross hans→hant page', 'hant', qs, (q) => src.get(q)!);
  }, 300_000);

  it('queries with spaces need all parts, in any order', async () => {
    const rand = rng(5);
    const parts = sample(articles.map((a) => a.hans), N_MULTI * 2, 6, 'zh-Hans');
    const qs: string[] = [];
    for (let i = 0; i + 1 < parts.length; i += 2) qs.push(rand() < 0.5 ? `${parts[i]} ${parts[i + 1]}` : `${parts[i + 1]}  ${parts[i]}`);
    // Pairs from one article, reversed, so hits exist where order differs from the text's.
    for (const a of articles.slice(0, 10)) {
      const c = Array.from(a.hans);
      qs.push(`${c.slice(200, 203).join('')} ${c.slice(20, 22).join('')}`);
    }
    await check('multi-part', 'hans', qs);
  }, 300_000);
});

describe('search page UI', () => {
  it('never had to drop an unverified candidate or log an error', () => {
    expect(consoleProblems.filter((t) => !/favicon/.test(t))).toEqual([]);
  });

  it('loads ?q= from the URL, marks matches and links to the article with the query highlighted', async () => {
    const q = Array.from(articles[0].hans).slice(30, 34).join('');
    await openSearch('hans', q);
    const marks = await page.$$eval('.search-result mark', (ms) => ms.map((m) => m.textContent));
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => fold(m ?? '') === fold(q))).toBe(true);
    expect(await page.$eval('[data-search-status]', (e) => e.textContent)).toMatch(/\d+/);
    // Excerpts show the article's words, not index tokens.
    const excerptText = await page.$eval('.search-excerpt', (e) => e.textContent ?? '');
    expect(fold(excerptText).replace(/…/g, '')).not.toMatch(/\b[0-9a-z]{6}\b/);
    await page.click('[data-search-result]');
    await page.waitForSelector('mark[data-search-highlight]');
    const hl = await page.$$eval('mark[data-search-highlight]', (ms) => ms.map((m) => m.textContent).join('|'));
    expect(fold(hl)).toContain(fold(q).slice(0, 1));
  });

  it('highlights a simplified query on the traditional pages, in traditional', async () => {
    const a = articles.find((x) => x.hans !== x.hant && Array.from(x.hans).length === Array.from(x.hant).length)!;
    const hs = Array.from(a.hans);
    const ht = Array.from(a.hant);
    const i = hs.findIndex((c, k) => k > 40 && c !== ht[k]);
    const q = hs.slice(i - 1, i + 2).join('');
    const trad = ht.slice(i - 1, i + 2).join('');
    expect(q).not.toBe(trad);
    await openSearch('hant', q);
    const link = `[data-search-result][href*="${a.id}"]`;
    const marks = await page.$$eval(`.search-result:has(${link}) mark`, (ms) => ms.map((m) => m.textContent ?? ''));
    expect(marks.map((m) => fold(m))).toContain(trad);
    await page.click(link);
    await page.waitForSelector('mark[data-search-highlight]');
    const marked = await page.$$eval('mark[data-search-highlight]', (ms) => ms.map((m) => m.textContent).join(''));
    expect(fold(marked)).toContain(trad);
  });

  it('keeps the URL shareable and the back button working', async () => {
    const [a, b] = ['余杭', '钱塘'];
    await openSearch('hans', a, '');
    await page.evaluate((b) => {
      const input = document.querySelector<HTMLInputElement>('#search-q')!;
      input.value = b;
      input.form!.requestSubmit();
    }, b);
    await page.waitForSelector('[data-search-results][data-search-state="done"]', { state: 'attached' });
    expect(new URL(page.url()).searchParams.get('q')).toBe(b);
    await page.goBack();
    await page.waitForFunction((a) => (document.querySelector('#search-q') as HTMLInputElement).value === a, a);
    await page.waitForSelector('[data-search-results][data-search-state="done"]', { state: 'attached' });
    expect(new URL(page.url()).searchParams.get('q')).toBe(a);
  });

  it('pages results 20 at a time unless all=1', async () => {
    const counts = await Promise.all(['，', '的', '发', '区'].map(async (q) => ({ q, n: truth(q).length })));
    const big = counts.sort((x, y) => y.n - x.n)[0];
    await openSearch('hans', big.q, '');
    const shown = await page.$$eval('[data-search-result]', (as) => as.length);
    expect(shown).toBe(Math.min(20, big.n));
    if (big.n > 20) {
      expect(await page.isVisible('[data-search-more]')).toBe(true);
      await page.click('[data-search-more]');
      await page.waitForFunction((n) => document.querySelectorAll('[data-search-result]').length === n, big.n);
    }
    await openSearch('hans', big.q);
    expect(await page.$$eval('[data-search-result]', (as) => as.length)).toBe(big.n);
  });

  it('ranks articles whose headline holds the query first', async () => {
    await openSearch('hans', '余杭');
    const inHeadline = await page.$$eval('[data-search-result]', (as) => as.map((a) => a.textContent!.replace(/\s+/g, '').includes('余杭')));
    expect(inHeadline.some(Boolean)).toBe(true);
    expect(inHeadline.some((x) => !x)).toBe(true);
    expect(inHeadline).toEqual([...inHeadline].sort((a, b) => Number(b) - Number(a)));
  });

  it('moves through results with the arrow keys', async () => {
    await openSearch('hans', '余杭');
    await page.focus('#search-q');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-result'))).toBe(true);
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => [...document.querySelectorAll('[data-search-result]')].indexOf(document.activeElement!));
    expect(second).toBe(1);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
  });

  it('focuses the header search box with "/" on article pages', async () => {
    await page.goto(`${served.origin}${BASE}zh-hant/articles/${articles[0].id}/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.type('余杭');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/zh-hant\/search\/\?q=/);
    await page.waitForSelector('[data-search-results][data-search-state="done"]', { state: 'attached' });
    expect(await page.$$eval('[data-search-result]', (as) => as.length)).toBeGreaterThan(0);
  });

  it('explains an empty result', async () => {
    await openSearch('hans', '这串字不会出现在任何文章里嗎');
    expect(await page.$$eval('[data-search-result]', (as) => as.length)).toBe(0);
    expect(await page.$eval('[data-search-status]', (e) => e.textContent)).toContain('没有找到');
  });

  it('filters by paper where the archive has papers', async () => {
    const options = await page.$$eval('select[name="paper"] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    if (!options.length) return;
    await openSearch('hans', '的', `&all=1&paper=${encodeURIComponent(options[0])}`);
    const filtered = await page.$$eval('[data-search-result]', (as) => as.length);
    await openSearch('hans', '的');
    const all = await page.$$eval('[data-search-result]', (as) => as.length);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
  });

  it('has a header search box on article pages and a no-JS notice on the search page', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const p = await ctx.newPage();
    await p.goto(`${served.origin}${BASE}articles/${articles[0].id}/`);
    expect(await p.getAttribute('form[role="search"]', 'action')).toBe(`${BASE}search/`);
    await p.goto(`${served.origin}${BASE}zh-hant/search/?q=x`);
    expect(await p.textContent('noscript')).toContain('JavaScript');
    await ctx.close();
  });
});
