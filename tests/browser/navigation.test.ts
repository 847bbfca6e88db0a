/** Reader journeys: home → page → article → next article → back to the page; the 简/繁 toggle with JS on and off. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.ts';
import { DIST, pageRecords, PREFIX } from '../build/site.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server-fs.ts';

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await startStaticServer(DIST, PREFIX);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const path = (p: Page) => new URL(p.url()).pathname;

describe('issue → page → article and back', () => {
  it('walks the archive with links only', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.baseUrl);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');

    // First page listed under the holdings.
    const firstPage = page.locator('.page-list a').first();
    await firstPage.click();
    expect(path(page)).toMatch(new RegExp(`^${PREFIX}pages/[^/]+/$`));
    const pagePath = path(page);
    const pageTitle = await page.locator('h1').textContent();

    // First article of the page, from the article list.
    const firstTitle = (await page.locator('.card-list h3 a').first().textContent())!.trim();
    await page.locator('.card-list h3 a').first().click();
    expect(path(page)).toMatch(new RegExp(`^${PREFIX}articles/[^/]+/$`));
    expect((await page.locator('h1').textContent())!.trim()).toBe(firstTitle);
    expect(await page.locator('.body p').count()).toBeGreaterThan(0);

    // 下一篇 leads to the second article of the same page.
    const nextLink = page.locator('a[rel="next"]');
    const nextTitle = (await nextLink.textContent())!.replace('下一篇', '').trim();
    await nextLink.click();
    expect((await page.locator('h1').textContent())!.trim()).toBe(nextTitle);
    expect(await page.locator('a[rel="prev"]').count()).toBe(1);

    // Back to the page via the "刊于" link.
    await page.locator('.printed a').click();
    expect(path(page)).toBe(pagePath);
    expect(await page.locator('h1').textContent()).toBe(pageTitle);
  });

  it('上一版/下一版 chain the pages of one paper and issue, never running across papers (issue 12)', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.baseUrl);
    const listed = await page.locator('.page-list a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const records = new Map(pageRecords().map((r) => [`${PREFIX}pages/${r.id}/`, r]));
    const chains: string[][] = [];
    for (const start of listed) {
      if (chains.some((c) => c.includes(start))) continue;
      await page.goto(server.origin + start);
      // Back to the first of its chain, then forward to the last.
      while ((await page.locator('.pager a[rel="prev"]').count()) > 0) await page.locator('.pager a[rel="prev"]').click();
      const chain = [path(page)];
      while ((await page.locator('.pager a[rel="next"]').count()) > 0) {
        await page.locator('.pager a[rel="next"]').click();
        chain.push(path(page));
      }
      chains.push(chain);
    }
    // Every page is in exactly one chain, and a chain holds one paper's pages of one date (or of none).
    expect(chains.flat().sort()).toEqual([...listed].sort());
    for (const chain of chains) {
      const keys = new Set(chain.map((p) => `${records.get(p)!.paper}|${records.get(p)!.date}`));
      expect(keys.size, chain.join(' → ')).toBe(1);
    }
    const papers = new Set(pageRecords().map((r) => `${r.paper}|${r.date}`));
    expect(chains.length).toBe(papers.size);
  });

  it('the schematic links to every article of the page', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.baseUrl);
    await page.locator('.page-list a').first().click();
    const schematic = await page.locator('.sheet a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    const listed = await page.locator('.card-list h3 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(schematic.length).toBeGreaterThan(0);
    expect(schematic).toEqual(listed);
  });
});

describe('简/繁 toggle lands on the twin', () => {
  for (const js of [true, false]) {
    it(`home, page and article with JavaScript ${js ? 'on' : 'off'}`, async () => {
      const ctx = await browser.newContext({ javaScriptEnabled: js });
      const page = await ctx.newPage();
      await page.goto(server.baseUrl);
      const pagePath = await page.locator('.page-list a').first().evaluate((a) => (a as HTMLAnchorElement).pathname);
      await page.goto(server.origin + pagePath);
      const firstArticle = await page.locator('.card-list h3 a').first().evaluate((a) => (a as HTMLAnchorElement).pathname);
      for (const start of [PREFIX, pagePath, firstArticle]) {
        await page.goto(server.origin + start);
        await page.locator('a[data-script-toggle]').click();
        await page.waitForLoadState();
        const twin = start.replace(PREFIX, `${PREFIX}zh-hant/`);
        expect(path(page)).toBe(twin);
        expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
        await page.locator('a[data-script-toggle]').click();
        await page.waitForLoadState();
        expect(path(page)).toBe(start);
        expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');
      }
      await ctx.close();
    });
  }

  it('remembers traditional: the simplified home redirects before paint, and the choice can be undone', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${server.baseUrl}articles/${await firstArticleId(page)}/#cite-h`);
    await page.locator('a[data-script-toggle]').click();
    await page.waitForURL(/zh-hant/);
    expect(new URL(page.url()).hash).toBe('#cite-h');
    await page.goto(server.baseUrl);
    await page.waitForURL(`${server.baseUrl}zh-hant/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
    await page.locator('a[data-script-toggle]').click();
    await page.waitForURL(server.baseUrl);
    await page.goto(server.baseUrl);
    expect(path(page)).toBe(PREFIX);
    await ctx.close();
  });
});

async function firstArticleId(page: Page): Promise<string> {
  await page.goto(server.baseUrl);
  await page.locator('.page-list a').first().click();
  const href = await page.locator('.card-list h3 a').first().evaluate((a) => (a as HTMLAnchorElement).pathname);
  return href.split('/').filter(Boolean).at(-1)!;
}
