/**
 * Crawl every page reachable from both homes (plus sitemap paths) in chromium under the shipped CSP:
 * zero 404s for links and assets, no request leaving the origin, no CSP violation, enhancement script runs.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './browser.ts';
import { DIST, ingested, PREFIX } from '../build/site.ts';
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

describe('crawl', () => {
  it('every internal link and asset resolves, all requests stay on the origin, CSP holds', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const requests: string[] = [];
    const failures: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`);
    });

    // sitemap.xml is an index of sitemap files; read every file it lists.
    const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    const files = locs(readFileSync(join(DIST, 'sitemap.xml'), 'utf8'));
    expect(files.length).toBeGreaterThan(0);
    const fromSitemap = files.flatMap((f) => locs(readFileSync(join(DIST, f.slice(PREFIX.length)), 'utf8')));
    // The sitemap lists every page and article the ingest wrote, in both scripts.
    const { pages, articles } = ingested();
    const listed = new Set(fromSitemap);
    const reading = ['', 'zh-hant/'].flatMap((twin) => [...pages.map((id) => `${PREFIX}${twin}pages/${id}/`), ...articles.map((id) => `${PREFIX}${twin}articles/${id}/`)]);
    expect(reading.filter((p) => !listed.has(p))).toEqual([]);
    expect(fromSitemap.every((p) => p.startsWith(PREFIX))).toBe(true);

    const queue = [PREFIX, `${PREFIX}zh-hant/`, ...fromSitemap];
    const seen = new Set<string>();
    const assets = new Set<string>();
    let htmlPages = 0;
    while (queue.length) {
      const p = queue.shift()!;
      if (seen.has(p)) continue;
      seen.add(p);
      const res = await page.goto(server.origin + p);
      expect(res?.status(), p).toBe(200);
      if (!res?.headers()['content-type']?.startsWith('text/html')) continue;
      htmlPages++;
      const refs = await page.evaluate(() => [
        ...[...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
        ...[...document.querySelectorAll('link[href], script[src], img[src], form[action]')].map(
          (e) => (e as HTMLLinkElement).href || (e as HTMLScriptElement).src || (e as HTMLFormElement).action,
        ),
      ]);
      for (const ref of refs) {
        const u = new URL(ref);
        // The 纠错 link (issue 11) opens the reader's mail program: it requests nothing.
        if (u.protocol === 'mailto:') continue;
        if (u.origin !== server.origin) {
          // Only canonical/hreflang/og URLs point at SITE_URL; nothing a reader clicks may leave.
          expect(u.origin, `${p} links off-site to ${ref}`).toBe('https://archive.example');
          continue;
        }
        expect(u.pathname.startsWith(PREFIX), `${p} → ${ref} ignores the base`).toBe(true);
        if (u.pathname.endsWith('/')) queue.push(u.pathname);
        else assets.add(u.pathname);
      }
      // The enhancement script ran under the CSP: the citation got an access date.
      if (p.includes('/articles/')) {
        expect(await page.locator('[data-citation-text]').textContent()).toMatch(/\[\d{4}-\d{2}-\d{2}\]/);
      }
    }
    for (const a of assets) {
      const res = await page.request.get(server.origin + a);
      expect(res.status(), a).toBe(200);
    }
    // Every reading page was reached (both twins) and answered with HTML.
    expect(reading.filter((p) => !seen.has(p))).toEqual([]);
    expect(htmlPages).toBeGreaterThanOrEqual(reading.length);
    expect(failures).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(requests.filter((r) => !r.startsWith(server.origin))).toEqual([]);
    await ctx.close();
    // Every page, its open data and its citation files: a few hundred requests on 2 shared cores.
  }, 180_000);

  it('unknown paths get the 404 page with working links', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${server.baseUrl}no/such/page/`);
    expect(res?.status()).toBe(404);
    // One 404 for both scripts: the message in each, the traditional part marked as such.
    expect(await page.locator('h1').textContent()).toContain('未找到页面');
    expect(await page.locator('h1 [lang="zh-Hant"]').textContent()).toBe('未找到頁面');
    expect(await page.locator('main p[lang="zh-Hant"]').count()).toBe(1);
    await page.locator('main a').first().click();
    expect(new URL(page.url()).pathname).toBe(PREFIX);
  });

  it('hashed assets are served with immutable caching and pages with the CSP', async () => {
    const page = await browser.newPage();
    const res = await page.goto(server.baseUrl);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    const css = await page.locator('link[rel=stylesheet]').first().evaluate((l) => (l as HTMLLinkElement).href);
    expect(css).toContain(`${PREFIX}_astro/`);
    const cssRes = await page.request.get(css);
    expect(cssRes.headers()['cache-control']).toContain('immutable');
  });
});
