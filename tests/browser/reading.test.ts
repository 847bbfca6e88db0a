/** Reading without JavaScript, and layout at 360px and 1280px (no horizontal scroll; screenshots saved). */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launch } from './browser.ts';
import { ARTIFACTS, DIST, PREFIX } from '../build/site.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server-fs.ts';

let server: StaticServer;
let browser: Browser;
let pagePath: string;
let articlePath: string;
beforeAll(async () => {
  server = await startStaticServer(DIST, PREFIX);
  browser = await launch();
  const p = await browser.newPage();
  await p.goto(server.baseUrl);
  pagePath = await p.locator('.page-list a').first().evaluate((a) => (a as HTMLAnchorElement).pathname);
  await p.goto(server.origin + pagePath);
  articlePath = await p.locator('.card-list h3 a').first().evaluate((a) => (a as HTMLAnchorElement).pathname);
  await p.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('JavaScript off', () => {
  for (const twin of ['', 'zh-hant/']) {
    it(`article ${twin || 'zh-hans'} reads: title, credit, body, citation visible`, async () => {
      const ctx = await browser.newContext({ javaScriptEnabled: false });
      const page = await ctx.newPage();
      await page.goto(server.origin + articlePath.replace(PREFIX, PREFIX + twin));
      expect(await page.locator('h1').isVisible()).toBe(true);
      expect((await page.locator('h1').textContent())!.length).toBeGreaterThan(2);
      const paras = page.locator('.body p');
      expect(await paras.count()).toBeGreaterThan(1);
      expect(await paras.first().isVisible()).toBe(true);
      const box = await paras.first().boundingBox();
      expect(box!.height).toBeGreaterThan(20);
      expect(await page.locator('[data-citation-text]').isVisible()).toBe(true);
      expect(await page.locator('[data-citation-text]').textContent()).toMatch(/\[N\/OL\]/);
      // The copy button is an enhancement: hidden without JS.
      expect(await page.locator('button[data-copy]').isVisible()).toBe(false);
      await ctx.close();
    });
  }
});

describe('layout', () => {
  for (const width of [360, 1280]) {
    it(`no horizontal scroll at ${width}px (home, page, article, both scripts)`, async () => {
      const ctx = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await ctx.newPage();
      for (const [name, p] of [['home', PREFIX], ['page', pagePath], ['article', articlePath]] as const) {
        for (const twin of ['', 'zh-hant/']) {
          await page.goto(server.origin + p.replace(PREFIX, PREFIX + twin));
          const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
          expect(scroll, `${name} ${twin} at ${width}`).toBeLessThanOrEqual(client);
          await page.screenshot({ path: join(ARTIFACTS, `${name}${twin ? '-hant' : ''}-${width}.png`), fullPage: true });
        }
      }
      await ctx.close();
    });
  }
  it('article measure stays near 35–40 characters per line at desktop width', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.origin + articlePath);
    const perLine = await page.locator('.body p').first().evaluate((p) => {
      const size = parseFloat(getComputedStyle(p).fontSize);
      return p.getBoundingClientRect().width / size;
    });
    expect(perLine).toBeGreaterThanOrEqual(33);
    expect(perLine).toBeLessThanOrEqual(40);
  });
});
