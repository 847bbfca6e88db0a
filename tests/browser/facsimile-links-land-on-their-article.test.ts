/**
 * Issue #16's reader journeys on a small archive with pages read from PDFs
 * (tests/build/pdf-archive.ts): the page view shows the printed page with each article a link
 * over where it is printed; clicking one (its text or its photo) — with JavaScript on and off — or choosing it with the
 * keyboard lands on that article; the article shows where it sits on its page and offers the PDF;
 * a text page has no facsimile; and axe-core finds nothing in the light and dark schemes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { launch } from './browser.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server-fs.ts';
import { ARTIFACTS } from '../build/site.ts';
import { buildPdfArchive, PDF_BASE, PDF_DIST, PDF_ISSUE, pdfReport } from '../build/pdf-archive.ts';

let server: StaticServer;
let browser: Browser;
const B = PDF_BASE;
const pageUrl = (n: string) => `${B}pages/${PDF_ISSUE.replace('/', '-')}-${n}/`;
const FRONT = pageUrl('01-要闻');
const GARBLED = pageUrl('02-城事');
const TEXT = pageUrl('03-综合');

beforeAll(async () => {
  buildPdfArchive();
  server = await startStaticServer(PDF_DIST, B);
  browser = await launch();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const path = (p: Page) => decodeURIComponent(new URL(p.url()).pathname);
const open = async (url: string, options: { colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}) => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options })).newPage();
  await page.goto(server.origin + url);
  return page;
};

/** The centre, on screen, of the first polygon of the n-th link on the facsimile. */
async function centreOf(page: Page, n: number): Promise<{ x: number; y: number }> {
  const box = (await page.locator('.facs svg a').nth(n).locator('polygon').first().boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('the facsimile of a page read from a PDF', () => {
  it('shows the printed page as lazily loaded responsive WebP, its size reserved, with one link per article in reading order', async () => {
    const page = await open(FRONT);
    const img = page.locator('.facs img');
    expect(await img.getAttribute('loading')).toBe('lazy');
    const srcset = (await img.getAttribute('srcset'))!;
    const widths = [...srcset.matchAll(/ (\d+)w/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBe(360);
    expect(widths[widths.length - 1]).toBe(2400);
    for (const u of srcset.split(', ').map((s) => s.split(' ')[0])) expect(u).toMatch(new RegExp(`^${B}media/[0-9a-f]{16}/p1-w\\d+\\.webp$`));
    // width/height give the page's proportions (A3: 842 × 1191 pt), so the box is laid out before the image arrives.
    const [w, h] = [Number(await img.getAttribute('width')), Number(await img.getAttribute('height'))];
    expect(Math.abs(h / w - 1191 / 842)).toBeLessThan(0.002);
    await img.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => (document.querySelector('.facs img') as HTMLImageElement).complete);
    expect(await img.evaluate((e: HTMLImageElement) => e.naturalWidth)).toBeGreaterThan(0);
    expect(await img.evaluate((e: HTMLImageElement) => e.currentSrc)).toMatch(/\.webp$/);
    // Every article of the list has its link, in the same order, named by its title.
    const listed = await page.locator('.card-list h3 a').allTextContents();
    const titles = await page.locator('.facs svg a title').allTextContents();
    expect(listed.length).toBeGreaterThan(3);
    expect(titles).toEqual(listed.map((t, i) => `${i + 1}. ${t}`));
    const hrefs = await page.locator('.facs svg a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(await page.locator('.card-list h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))));
    await page.screenshot({ path: join(ARTIFACTS, 'facsimile-page.png'), fullPage: false });
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`clicking an article on the printed page lands on that article (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const page = await open(FRONT, { javaScriptEnabled });
      const listed = await page.locator('.card-list h3 a').allTextContents();
      const n = 2;
      await page.locator('.facs').scrollIntoViewIfNeeded();
      const { x, y } = await centreOf(page, n);
      await page.mouse.click(x, y);
      await page.waitForURL(/\/articles\//);
      expect(path(page)).toMatch(new RegExp(`^${B}articles/`));
      expect(await page.locator('h1').textContent()).toBe(listed[n]);
    });
  }

  it('clicking an article\'s photo on the printed page lands on that article', async () => {
    // Where the typesetter put the photos (tests/fixtures/pdf/front/truth.json), in page points.
    const truth = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pdf', 'front', 'truth.json'), 'utf8')) as {
      page: { width: number };
      photos: { box: { x: number; y: number; w: number; h: number }; article: string }[];
      articles: { id: string; title: string }[];
    };
    const page = await open(FRONT, { javaScriptEnabled: false });
    for (const photo of truth.photos) {
      await page.goto(server.origin + FRONT);
      await page.locator('.facs').scrollIntoViewIfNeeded();
      const img = (await page.locator('.facs img').boundingBox())!;
      const scale = img.width / truth.page.width;
      await page.mouse.click(img.x + (photo.box.x + photo.box.w / 2) * scale, img.y + (photo.box.y + photo.box.h / 2) * scale);
      await page.waitForURL(/\/articles\//);
      const title = truth.articles.find((a) => a.id === photo.article)!.title;
      expect((await page.locator('h1').textContent())!.replace(/\s+/gu, '')).toBe(title.replace(/\s+/gu, ''));
    }
  });

  it('reaches the articles by keyboard: Tab focuses them in reading order, Enter opens one', async () => {
    const page = await open(FRONT, { javaScriptEnabled: false });
    const listed = await page.locator('.card-list h3 a').allTextContents();
    let focused = '';
    for (let i = 0; i < 60 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement?.closest('.facs') ? (document.activeElement.querySelector('title')?.textContent ?? '') : ''));
    }
    expect(focused).toBe(`1. ${listed[0]}`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.querySelector('title')?.textContent)).toBe(`2. ${listed[1]}`);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/articles\//);
    expect(await page.locator('h1').textContent()).toBe(listed[1]);
  });

  it('gives a page whose PDF text layer is garbled its facsimile too, its text from the .txt (report.json says so)', async () => {
    const report = pdfReport().reports.find((r) => r.seed.endsWith('02-城事.pdf'))!;
    expect(report.pdf).toMatchObject({ text: 'txt', trust: 'garbled' });
    const page = await open(GARBLED);
    const listed = await page.locator('.card-list h3 a').allTextContents();
    expect(await page.locator('.facs svg a').count()).toBe(listed.length);
    await page.locator('.facs').scrollIntoViewIfNeeded();
    const { x, y } = await centreOf(page, 0);
    await page.mouse.click(x, y);
    await page.waitForURL(/\/articles\//);
    expect(await page.locator('h1').textContent()).toBe(listed[0]);
  });

  it('shows on the article where it sits on its page, and offers the PDF in the 原文 view', async () => {
    const front = await open(FRONT);
    const first = (await front.locator('.card-list h3 a').first().getAttribute('href'))!;
    const page = await open(first);
    const thumb = page.locator('.where a');
    expect(await thumb.locator('polygon').count()).toBeGreaterThan(0);
    expect(decodeURIComponent((await thumb.getAttribute('href'))!)).toMatch(new RegExp(`^${FRONT}#a-`));
    const pdf = page.locator('details.source a[download]');
    expect(await pdf.getAttribute('download')).toBe('01-要闻.pdf');
    const res = await page.request.get(server.origin + (await pdf.getAttribute('href'))!);
    expect(res.status()).toBe(200);
    expect(Buffer.from(await res.body()).equals(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pdf', 'front', 'page.pdf')))).toBe(true);
    await thumb.click();
    expect(path(page)).toBe(FRONT);
  });

  it('leaves a text page as it was: the schematic, no facsimile', async () => {
    const page = await open(TEXT);
    expect(await page.locator('.facs').count()).toBe(0);
    expect(await page.locator('.sheet a').count()).toBeGreaterThan(0);
    const first = (await page.locator('.card-list h3 a').first().getAttribute('href'))!;
    const article = await open(first);
    expect(await article.locator('.where').count()).toBe(0);
    expect(await article.locator('details.source a[download]').count()).toBe(0);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe-core violation on the facsimile page and its article in the ${colorScheme} scheme`, async () => {
      const found: string[] = [];
      for (const viewport of [{ width: 412, height: 900 }, { width: 1280, height: 900 }]) {
        const page = await open(FRONT, { colorScheme, viewport });
        const first = (await page.locator('.card-list h3 a').first().getAttribute('href'))!;
        for (const url of [FRONT, GARBLED, first]) {
          await page.goto(server.origin + url);
          for (const v of await axeViolations(page)) found.push(`${url} @${viewport.width}: ${v.id} (${v.impact}) ${v.nodes.join(' | ')}`);
        }
      }
      expect(found).toEqual([]);
    });
  }
});
