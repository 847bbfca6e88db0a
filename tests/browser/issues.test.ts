/**
 * Issue 12's journeys on a small dated archive (tests/build/dated-archive.ts: generated pages laid
 * out by the folder convention, a CSV row, a page without metadata; built without SITE_URL):
 * issue → 版 → article → back; the calendar; 历史上的今天 at a fixed "today"; the downloads hold
 * every article exactly once; citation meta and files; date range and sort in search; redirects
 * from old paper URLs; the default build claims no host; and axe-core on every page type in light
 * and dark schemes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { launch } from './browser.ts';
import { csvRecords } from '../../scripts/lib/catalog.ts';
import { listFiles } from '../../scripts/lib/files-fs.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server-fs.ts';
import { buildDatedArchive, DATED_BASE, DATED_DIST, DATED_ISSUES, DATED_ROOT, datedPages, JIA_SLUG } from '../build/dated-archive.ts';

let server: StaticServer;
let browser: Browser;
const B = DATED_BASE;

beforeAll(async () => {
  buildDatedArchive();
  server = await startStaticServer(DATED_DIST, B);
  browser = await launch();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const path = (p: Page) => decodeURIComponent(new URL(p.url()).pathname);
const articleIds = () => readdirSync(join(DATED_DIST, 'articles'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const open = async (url: string, options: { colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean } = {}) => {
  const page = await (await browser.newContext(options)).newPage();
  await page.goto(server.origin + url);
  return page;
};

describe('issue → 版 → article → back', () => {
  it('reaches an issue from the list of papers and its calendar, walks its pages and comes back', async () => {
    const page = await open(B, { javaScriptEnabled: false });
    await page.locator('a', { hasText: /^报纸$/ }).first().click();
    await page.locator('main h2 a', { hasText: '甲报' }).click();
    expect(path(page)).toBe(`${B}papers/${JIA_SLUG}/`);
    await page.locator('a', { hasText: '2024年往期回顾' }).click();
    await page.locator('table a', { hasText: /^23$/ }).first().click();
    expect(path(page)).toBe(`${B}papers/${JIA_SLUG}/2024-01-23/`);
    expect(await page.locator('h1').textContent()).toBe('2024年1月23日 星期二');
    // 版面导航: the issue's pages in order.
    const labels = await page.locator('.issue-pages h3 a').allTextContents();
    expect(labels).toEqual(['第1版·要闻', '第2版·综合']);
    await page.locator('.issue-pages h3 a').nth(1).click();
    const version2 = path(page);
    expect(await page.locator('h1').textContent()).toBe('第2版·综合');
    // 上一版 stays in the issue; there is no 下一版 after its last page, whatever the archive holds next.
    expect(await page.locator('.pager a[rel="prev"]').textContent()).toContain('第1版·要闻');
    expect(await page.locator('.pager a[rel="next"]').count()).toBe(0);
    expect(await page.locator('.pager .next').textContent()).toContain('已是本期最后一版');
    // 上一期 / 下一期 are the paper's own neighbouring issues.
    expect(await page.locator('.issue-nav a[rel="prev"]').getAttribute('href')).toBe(`${B}papers/${JIA_SLUG}/2023-01-23/`);
    expect(await page.locator('.issue-nav a[rel="next"]').getAttribute('href')).toBe(`${B}papers/${JIA_SLUG}/2024-03-05/`);
    const title = (await page.locator('.card-list h3 a').first().textContent())!;
    await page.locator('.card-list h3 a').first().click();
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(await page.locator('.printed').textContent()).toContain('2024-01-23');
    await page.goBack();
    expect(path(page)).toBe(version2);
    await page.locator('.pager a[rel="prev"]').click();
    expect(await page.locator('h1').textContent()).toBe('第1版·要闻');
    expect(await page.locator('.pager a[rel="prev"]').count()).toBe(0);
  });

  it('keeps undated pages and pages of no known paper working, with no issue', async () => {
    const undated = await open(`${B}pages/jia-undated/`);
    expect(await undated.locator('.kicker').first().textContent()).toContain('甲报 · 日期未知');
    expect(await undated.locator('.issue-nav').count()).toBe(0);
    const nameless = await open(`${B}pages/nameless/`);
    expect(await nameless.locator('.kicker').first().textContent()).toContain('报名未知');
  });

  it('redirects the old hash URL and the name URL of a paper that got a slug', async () => {
    // printf '甲报' | sha256sum → 56960796…: the paper's address before issue 12.
    for (const old of [`${B}papers/56960796/`, `${B}papers/56960796/2024-01/`, `${B}papers/${encodeURIComponent('甲报')}/2024-01-23/`]) {
      const page = await open(old);
      await page.waitForURL((u) => !u.pathname.includes('56960796') && !decodeURIComponent(u.pathname).includes('甲报'));
      expect(path(page)).toBe(old.replace('56960796', JIA_SLUG).replace(encodeURIComponent('甲报'), JIA_SLUG));
    }
  });
});

describe('the calendar', () => {
  it('links exactly the dates the paper has issues on, each to that issue', async () => {
    for (const [paper, slug] of [['甲报', JIA_SLUG], ['乙报', '乙报']] as const) {
      const years = [...new Set(Object.keys(DATED_ISSUES[paper]).map((d) => d.slice(0, 4)))];
      for (const year of years) {
        const page = await open(`${B}papers/${encodeURIComponent(slug)}/${year}/`);
        const hrefs = await page.locator('table.month a[aria-label]').evaluateAll((as) => as.map((a) => decodeURIComponent((a as HTMLAnchorElement).pathname)));
        expect(hrefs).toEqual(Object.keys(DATED_ISSUES[paper]).filter((d) => d.startsWith(year)).sort().map((d) => `${B}papers/${slug}/${d}/`));
        expect(await page.locator('table.month').count()).toBe(12);
      }
    }
  });
});

describe('历史上的今天', () => {
  it('points the home page at today and lists that day across years, newest first', async () => {
    const ctx = await browser.newContext();
    await ctx.clock.setFixedTime(new Date('2025-01-23T10:00:00'));
    const page = await ctx.newPage();
    await page.goto(server.origin + B);
    const today = page.locator('[data-today]');
    await expect.poll(() => today.isVisible()).toBe(true);
    expect(await today.textContent()).toBe('往年今天出版的报纸：1月23日，本库收录3期');
    await today.locator('a').click();
    expect(path(page)).toBe(`${B}on-this-day/01-23/`);
    expect(await page.locator('.day-issues h2').allTextContents()).toEqual(['2024年1月23日 星期二 · 乙报', '2024年1月23日 星期二 · 甲报', '2023年1月23日 星期一 · 甲报']);
    await ctx.clock.setFixedTime(new Date('2025-02-02T10:00:00'));
    await page.goto(server.origin + B);
    expect(await page.locator('[data-no-today]').textContent()).toBe('本库没有往年2月2日出版的报纸。');
    expect(await page.locator('[data-today]').isHidden()).toBe(true);
  });
});

describe('open data', () => {
  it('the downloads parse and hold every article exactly once per format', async () => {
    const page = await open(`${B}data/`);
    const manifestUrl = await page.locator('link[rel="alternate"][type="application/json"]').getAttribute('href');
    const manifest = await (await page.request.get(server.origin + manifestUrl)).json();
    const linked = await page.locator('table.files a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(linked).toEqual(manifest.files.map((f: { url: string }) => f.url));
    const ids: Record<string, string[]> = { jsonl: [], csv: [] };
    for (const f of manifest.files as { url: string; format: 'jsonl' | 'csv'; articles: number; year: string | null }[]) {
      const text = gunzipSync(await (await page.request.get(server.origin + f.url)).body()).toString('utf8');
      const rows = f.format === 'jsonl' ? text.trim().split('\n').map((l) => JSON.parse(l)) : csvRecords(text).slice(1).map((r) => ({ id: r.fields[0], date: r.fields[3] || null }));
      expect(rows.length, f.url).toBe(f.articles);
      // A year's file holds that year's articles only; the undated file the undated ones.
      for (const r of rows) expect(r.date?.slice(0, 4) ?? null, `${f.url} ${r.id}`).toBe(f.year);
      ids[f.format].push(...rows.map((r) => r.id));
    }
    expect(ids.jsonl.sort()).toEqual(articleIds());
    expect(ids.csv.sort()).toEqual(articleIds());
  });

  it('every article, page and issue page links its JSON, which describes it', async () => {
    const record = datedPages().find((p) => p.date === '2024-01-23' && p.paper === '甲报' && p.pageNumber === 1)!;
    const article = record.articles[0];
    for (const [url, check] of [
      [`${B}articles/${article}/`, (j: Record<string, unknown>) => expect(j).toMatchObject({ id: article, paper: '甲报', date: '2024-01-23', page_number: 1, page_id: record.id, url: `${B}articles/${article}/` })],
      [`${B}pages/${record.id}/`, (j: Record<string, unknown>) => expect(j).toMatchObject({ id: record.id, issue: `${B}papers/${JIA_SLUG}/2024-01-23.json` })],
      [`${B}papers/${JIA_SLUG}/2024-01-23/`, (j: Record<string, unknown>) => expect((j.pages as { id: string }[]).map((p) => p.id)).toEqual(datedPages().filter((p) => p.paper === '甲报' && p.date === '2024-01-23').sort((a, b) => a.pageNumber! - b.pageNumber!).map((p) => p.id))],
    ] as const) {
      const page = await open(encodeURI(url));
      const json = await page.locator('link[rel="alternate"][type="application/json"]').getAttribute('href');
      check(await (await page.request.get(server.origin + json)).json());
    }
  });
});

describe('citations', () => {
  it('the article carries citation_* meta, a GB/T 7714 reference completed in the browser, and RIS and BibTeX files', async () => {
    const record = datedPages().find((p) => p.date === '2024-01-23' && p.paper === '甲报' && p.pageNumber === 1)!;
    const id = record.articles.find((a) => JSON.parse(readFileSync(join(DATED_DIST, 'articles', `${a}.json`), 'utf8')).title)!;
    const data = JSON.parse(readFileSync(join(DATED_DIST, 'articles', `${id}.json`), 'utf8'));
    const ctx = await browser.newContext();
    await ctx.clock.setFixedTime(new Date('2025-03-01T10:00:00'));
    const page = await ctx.newPage();
    await page.goto(server.origin + encodeURI(`${B}articles/${id}/`));
    const meta = await page.locator('meta[name^="citation_"]').evaluateAll((ms) => ms.map((m) => [m.getAttribute('name'), m.getAttribute('content')]));
    expect(meta).toEqual([
      ['citation_title', data.title],
      ...data.authors.map((a: string) => ['citation_author', a]),
      ['citation_publication_date', '2024/01/23'],
      ['citation_journal_title', '甲报'],
      ['citation_firstpage', '1'],
      ['citation_language', 'zh-Hans'],
    ]);
    // Built without SITE_URL: the reference takes the page's own address, and today as the access date.
    const cited = await page.locator('[data-citation-text]').textContent();
    expect(cited).toContain(`${data.title}[N/OL]. 甲报, 2024-01-23(1)[2025-03-01]. ${server.origin}${new URL(page.url()).pathname}.`);
    expect(await page.locator('[data-citation-text] bdi').first().textContent()).toBe(data.authors[0] ?? data.title);
    const ris = await (await page.request.get(await page.locator('a', { hasText: 'RIS' }).evaluate((a) => (a as HTMLAnchorElement).href))).text();
    expect(ris.split('\r\n').slice(0, 2)).toEqual(['TY  - NEWS', `TI  - ${data.title}`]);
    expect(ris).toContain('DA  - 2024/01/23\r\nSP  - 1\r\n');
    const bib = await (await page.request.get(await page.locator('a', { hasText: 'BibTeX' }).evaluate((a) => (a as HTMLAnchorElement).href))).text();
    expect(bib).toMatch(/^@article\{baoku-[0-9a-f]{12},\n {2}title = \{/);
    expect(bib).toContain('journal = {甲报}');
    expect(bib.split('{').length).toBe(bib.split('}').length);
  });
});

describe('search by date', () => {
  const dates = (page: Page) => page.locator('.search-meta').evaluateAll((ps) => ps.map((p) => /\d{4}-\d{2}-\d{2}/.exec(p.textContent ?? '')?.[0] ?? null));
  const done = (page: Page) => page.waitForSelector('[data-search-results][data-search-state="done"]');

  it('sorts newest or oldest first, undated last, keeps a date range, and counts beside each filter value', async () => {
    const page = await open(`${B}search/?q=${encodeURIComponent('的')}&all=1&sort=oldest`);
    await done(page);
    const oldest = await dates(page);
    const dated = oldest.filter((d) => d !== null);
    expect(dated).toEqual([...dated].sort());
    expect(oldest.slice(dated.length).every((d) => d === null)).toBe(true);
    await page.selectOption('select[data-sort]', 'newest');
    await done(page);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('newest');
    const newest = (await dates(page)).filter((d) => d !== null);
    expect(newest).toEqual([...dated].sort().reverse());

    await page.goto(server.origin + `${B}search/?q=${encodeURIComponent('的')}&all=1&from=2024-01-01&to=2024-01-31`);
    await done(page);
    const inRange = await dates(page);
    expect(inRange.length).toBeGreaterThan(0);
    expect(inRange.every((d) => d !== null && d >= '2024-01-01' && d <= '2024-01-31')).toBe(true);
    expect(await page.locator('input[data-range="from"]').inputValue()).toBe('2024-01-01');
    // Counts beside the values: each paper's count is what choosing it leaves.
    const options = await page.locator('select[data-filter="paper"] option').allTextContents();
    const jia = options.find((o) => o.startsWith('甲报'))!;
    const n = Number(/（(\d+)）/.exec(jia)![1]);
    await page.selectOption('select[data-filter="paper"]', '甲报');
    await done(page);
    expect(await page.locator('[data-search-result]').count()).toBe(n);
  });

  it('"/" in the empty focused search box types nothing', async () => {
    const page = await open(`${B}search/`);
    await page.locator('#search-q').focus();
    await page.keyboard.press('/');
    expect(await page.locator('#search-q').inputValue()).toBe('');
  });
});

describe('a build without SITE_URL', () => {
  it('names no host it does not own: no example.org, no canonical, no sitemap, relative links', () => {
    const files = listFiles(DATED_DIST).filter((f) => /\.(html|xml|txt|json|ris|bib|js)$/.test(f));
    expect(files.filter((f) => readFileSync(f, 'utf8').includes('example.org'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.html') && /<link rel="canonical"|property="og:url"/.test(readFileSync(f, 'utf8')))).toEqual(
      files.filter((f) => f.endsWith('.html') && readFileSync(f, 'utf8').includes('http-equiv="refresh"')),
    );
    expect(readdirSync(DATED_DIST)).not.toContain('sitemap.xml');
    expect(readFileSync(join(DATED_DIST, 'robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n');
    expect(readFileSync(join(DATED_ROOT, 'build.log'), 'utf8') + readFileSync(join(DATED_ROOT, 'build.err'), 'utf8')).toContain('SITE_URL is not set');
  });
});

describe('accessibility', () => {
  const paths = () => {
    const first = (dir: string) => readdirSync(join(DATED_DIST, dir), { withFileTypes: true }).find((e) => e.isDirectory())!.name;
    return [
      '', 'zh-hant/', 'papers/', `papers/${JIA_SLUG}/`, `papers/${JIA_SLUG}/2024/`, `papers/${JIA_SLUG}/2024-01/`, `papers/${JIA_SLUG}/2024-01-23/`, `papers/${JIA_SLUG}/undated/`,
      `pages/${first('pages')}/`, `articles/${first('articles')}/`, `zh-hant/articles/${first('articles')}/`, 'on-this-day/', 'on-this-day/01-23/', 'data/',
      `search/?q=${encodeURIComponent('的')}`, 'reporters/', `reporters/${first('reporters')}/`, 'columns/', 'no/such/page/',
    ];
  };
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`every page type has no axe-core violation in the ${colorScheme} scheme`, async () => {
      const page = await (await browser.newContext({ colorScheme, viewport: { width: 412, height: 900 } })).newPage();
      const found: string[] = [];
      for (const p of paths()) {
        await page.goto(server.origin + B + encodeURI(p));
        if (p.startsWith('search')) await page.waitForSelector('[data-search-results][data-search-state="done"]');
        for (const v of await axeViolations(page)) found.push(`${p}: ${v.id} (${v.impact}) ${v.nodes.join(' | ')}`);
      }
      expect(found).toEqual([]);
    }, 120_000);
  }
});
