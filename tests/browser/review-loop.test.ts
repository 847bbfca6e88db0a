/**
 * Issue 11, the archivist's loop end to end, in a copy of the project with one fictional page:
 * the page is parsed wrong → corrected in the review tool in Chromium (pointing, selecting,
 * keyboard) → rebuilt → the site shows the corrected articles under the URLs they were first
 * published at, with the printed text kept and shown; then a parser change (the copy's pipeline
 * patched) re-ingests to the same articles; then a page edit makes a correction stale, which
 * fails the ingest with a message naming page, file, line, correction and reason.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.ts';
import { projectCopy } from '../../scripts/lib/project-copy-fs.ts';
import { readFrontmatter } from '../../scripts/lib/mdx.ts';
import { parseFixFile } from '../../scripts/lib/corrections.ts';
import { startReview, type ReviewServer } from '../../scripts/lib/review/server-fs.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server-fs.ts';
import { ReportSchema, type ArticleFrontmatter } from '../../core/schema.ts';
import { ARTIFACTS } from '../build/site.ts';

const ROOT = join(import.meta.dirname, '..', '..');
// Outside tests/ so no test runner collects the copy's linked packages.
const PROJECT = join(ROOT, '.cache', 'review-loop-project');
const SEEDS = join(PROJECT, 'seeds');
const GENERATED = join(PROJECT, 'src', 'content', 'generated');
const DIST = join(ARTIFACTS, 'review-loop-dist');
const BASE = '/loop/';

/** A fictional page: a header, a report with a misprint (青石真), a report whose title and subtitle the parser reads as kicker and title, a brief it reads as a caption. */
const PAGE = `青石日报 2031年5月6日 星期二 责任编辑：林小舟

青石镇老街改造完工

本报讯（记者 林小舟）昨日，青石真老街改造工程完工，沿街二十六家老店重新开门迎客。改造保留了石板路和木结构门面，新增了排水管网和消防通道。

镇建设办负责人介绍，工程历时十个月，采用“边施工边营业”的方式，尽量减少对商户的影响。

老店主王阿婆说：“街面干净了，回头客也多了。”

社区图书角开放
首批上架图书两千册

本报讯（记者 陈雨）青石镇第三社区图书角日前对外开放，首批上架图书两千册，居民可凭身份证免费借阅。

图书角每天开放八小时，周末还将举办亲子阅读活动。

又讯 青石镇农贸市场本周起延长营业时间至晚上八点，方便下班居民购物。
`;

// Without the variables Vitest sets for its own Vite (BASE_URL, MODE, NODE_ENV=test …), which Astro's Vite would take over.
const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(k))), BASE_PATH: BASE, SITE_URL: 'https://archive.example', ASTRO_TELEMETRY_DISABLED: '1', BAOKU_CORRECTION_URL: 'https://fix.example/report?article={id}&url={url}' };
const ingest = (...args: string[]) => spawnSync(process.execPath, ['scripts/ingest.ts', ...args], { cwd: PROJECT, env, encoding: 'utf8' });

/** The generated articles of the copy: id → frontmatter, and the files' bytes. */
function generated(): { articles: Map<string, ArticleFrontmatter>; bytes: Map<string, string> } {
  const dir = join(GENERATED, 'articles');
  const bytes = new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  return { articles: new Map([...bytes.values()].map((m) => readFrontmatter(m)).map((fm) => [fm.id, fm])), bytes };
}
const pageArticles = () => JSON.parse(readFileSync(join(GENERATED, 'pages', 'qingshi.json'), 'utf8')).articles as string[];

let review: ReviewServer;
let site: StaticServer;
let browser: Browser;
let page: Page;
let first: string[];

beforeAll(async () => {
  projectCopy(ROOT, PROJECT);
  rmSync(SEEDS, { recursive: true, force: true });
  mkdirSync(SEEDS);
  writeFileSync(join(SEEDS, 'qingshi.txt'), PAGE);
  const r = ingest('--no-cache');
  expect(r.status, r.stderr).toBe(0);
  first = pageArticles();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await review?.close();
  await site?.close();
});

describe('the review loop', () => {
  it('starts from a page parsed wrong', () => {
    const { articles } = generated();
    const second = articles.get(first[1])!;
    // What the archivist will fix (if the parser one day gets some of it right, the corrections hold and the journey still ends the same).
    const wrong = first.length !== 3 || second.kicker !== null || articles.get(first[0])!.source.includes('青石真');
    expect(wrong).toBe(true);
  });

  it('is corrected in the review tool by pointing, selecting and the keyboard', async () => {
    review = await startReview({ seeds: SEEDS, out: GENERATED, root: PROJECT });
    await page.goto(review.url);
    await expect.poll(() => page.locator('caption').allTextContents()).toEqual(['把握最低的版面', '疑点最多的版面']);
    await page.locator('a', { hasText: 'qingshi.txt' }).first().click();
    await page.waitForSelector('.card');
    await page.screenshot({ path: join(ARTIFACTS, 'review-loop-before.png'), fullPage: true });

    const done = async (n: number) => {
      await page.waitForFunction((k) => document.querySelectorAll('.fixes li').length === k && /已写入/.test(document.getElementById('status')?.textContent ?? ''), n);
      expect(await page.locator('.fixes li.fix-stale').count()).toBe(0);
    };
    /** Selects text inside the dialog's copy of a block, as a mouse would. */
    const selectInDialog = (text: string) =>
      page.evaluate((t) => {
        const node = document.getElementById('sel')!.firstChild as Text;
        const at = node.data.indexOf(t);
        document.getSelection()!.setBaseAndExtent(node, at, node, at + t.length);
      }, text);

    // 1. A paragraph break the parser missed: keyboard to the block's button, select the words, break.
    const cardText = (i: number) => page.locator(`.card[data-article="${i}"] .blocks .text`).allTextContents();
    // (The parser may already break there: then there is nothing to correct.)
    let n = 0;
    const breakAt = (await cardText(0)).findIndex((t) => t.includes('老店主王阿婆说'));
    if (!(await cardText(0))[breakAt].startsWith('老店主王阿婆说')) {
      await page.locator(`[aria-label="修正：第1篇第${breakAt + 1}段"]`).focus();
      await page.keyboard.press('Enter');
      await selectInDialog('老店主王阿婆说');
      await expect.poll(() => page.inputValue('#quote')).toBe('老店主王阿婆说');
      await page.getByRole('button', { name: '从所选文字起另起一段' }).click();
      await done(++n);
    }

    // 2. Title and subtitle: whatever the parser made of the two headline lines, they become title and subtitle.
    const fields = async () => Object.fromEntries(await page.locator('.card[data-article="1"] .field').evaluateAll((els) => els.map((e) => [e.className.replace(/.*field-/, ''), e.querySelector('.text')!.textContent])));
    const setLine = async (text: string, field: string) => {
      const now = await fields();
      const at = Object.entries(now).find(([, t]) => t === text)?.[0];
      if (at === field) return;
      const names: Record<string, string> = { column: '栏目', kicker: '引题', title: '标题', subtitle: '副题', byline: '署名' };
      // Part of a field (the two lines read as one title): select the words in the field's dialog and move them.
      const within = at ? undefined : Object.entries(now).find(([, t]) => String(t ?? '').includes(text))?.[0];
      if (at) {
        await page.locator(`[aria-label="修正：第2篇的${names[at]}"]`).click();
        await page.selectOption('#move-article', '1');
        await page.selectOption('#move-field', field);
        await page.getByRole('button', { name: '移过去', exact: true }).click();
      } else if (within) {
        await page.locator(`[aria-label="修正：第2篇的${names[within]}"]`).click();
        await selectInDialog(text);
        await expect.poll(() => page.inputValue('#quote')).toBe(text);
        await page.selectOption('#move-article', '1');
        await page.selectOption('#move-field', field);
        await page.getByRole('button', { name: '所选文字移过去' }).click();
      } else {
        const k = (await cardText(1)).findIndex((t) => t === text);
        await page.locator(`[aria-label="修正：第2篇第${k + 1}段"]`).click();
        await page.selectOption('#set-article', '1');
        await page.selectOption('#set-field', field);
        await page.getByRole('button', { name: '设为标题或署名' }).click();
      }
      await done(++n);
    };
    await setLine('社区图书角开放', 'title');
    await setLine('首批上架图书两千册', 'subtitle');
    expect(await fields()).toEqual({ title: '社区图书角开放', subtitle: '首批上架图书两千册' });

    // 3. The brief is an article of its own, a paragraph, not cut off at its start.
    const briefCard = async () => (await page.locator('.card').count()) - 1;
    if ((await page.locator('.card').count()) === 2) {
      const k = (await cardText(1)).findIndex((t) => t.startsWith('又讯'));
      await page.locator(`[aria-label="修正：第2篇第${k + 1}段"]`).click();
      await page.getByRole('button', { name: '从本段起另为一篇' }).click();
      await done(++n);
    }
    const b = await briefCard();
    if ((await page.locator(`.card[data-article="${b}"] .block-p`).count()) === 0) {
      await page.locator(`[aria-label="修正：第${b + 1}篇第1段"]`).click();
      await page.selectOption('#retype-as', 'p');
      await page.getByRole('button', { name: '改类型' }).click();
      await done(++n);
    }
    if (/开头残缺/.test(await page.locator(`.card[data-article="${b}"] .flags`).innerText())) {
      await page.locator(`.card[data-article="${b}"]`).getByRole('button', { name: '作者与标记…' }).click();
      await page.uncheck('#tstart');
      await page.getByRole('button', { name: '保存' }).click();
      await done(++n);
    }

    // 4. The misprint, by the keyboard: to the block's button, select the word, type the correction and why.
    await page.locator('[aria-label="修正：第1篇第1段"]').focus();
    await page.keyboard.press('Enter');
    await selectInDialog('青石真');
    await page.fill('#fix-to', '青石镇');
    await page.fill('#fix-note', '排印错误');
    await page.getByRole('button', { name: '更正文字（保留原文）' }).click();
    await done(++n);

    // The lines went where the corrections say: the brief's line is the third article's, in its colour.
    const briefLine = page.locator('.line', { hasText: '又讯 青石镇农贸市场' });
    expect(await briefLine.locator('.tag').innerText()).toBe('文3');
    expect(await page.locator('.card[data-article="0"] .blocks .text').first().innerText()).toContain('青石镇老街改造工程');
    await page.screenshot({ path: join(ARTIFACTS, 'review-loop-after.png'), fullPage: true });

    // The page text itself is never touched: the corrections file is all the tool wrote.
    expect(readFileSync(join(SEEDS, 'qingshi.txt'), 'utf8')).toBe(PAGE);
    expect(readdirSync(SEEDS).sort()).toEqual(['ids.json', 'qingshi.fix.yaml', 'qingshi.txt']);
    const file = parseFixFile(readFileSync(join(SEEDS, 'qingshi.fix.yaml'), 'utf8'), 'f', 'qingshi.txt');
    expect(file.items.map((i) => i.op)).toContain('correct');
    expect(file.items.at(-1)!.correction).toEqual({ correct: '青石真', to: '青石镇', note: '排印错误' });
    // The tool re-ran the ingest: the archive follows the corrections file.
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(GENERATED, 'report.json'), 'utf8')));
    expect(report.reports[0].corrections?.items.every((i) => i.status === 'applied')).toBe(true);
  }, 120_000);

  it('is rebuilt, and the site shows the corrected articles at their first URLs with the printed text', async () => {
    rmSync(DIST, { recursive: true, force: true });
    execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', DIST], { cwd: PROJECT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    site = await startStaticServer(DIST, BASE);
    const now = pageArticles();
    expect(now.slice(0, 2)).toEqual(first.slice(0, 2));
    expect(now).toHaveLength(3);

    await page.goto(`${site.baseUrl}articles/${first[0]}/`);
    expect(await page.locator('h1').innerText()).toBe('青石镇老街改造完工');
    const fix = page.locator('.body ins.fix');
    expect(await fix.innerText()).toBe('青石镇');
    expect(await fix.getAttribute('title')).toBe('原文作「青石真」');
    expect(await page.locator('.body p').allInnerTexts()).toEqual([
      '本报讯（记者 林小舟）昨日，青石镇老街改造工程完工，沿街二十六家老店重新开门迎客。改造保留了石板路和木结构门面，新增了排水管网和消防通道。',
      '镇建设办负责人介绍，工程历时十个月，采用“边施工边营业”的方式，尽量减少对商户的影响。',
      '老店主王阿婆说：“街面干净了，回头客也多了。”',
    ]);
    expect(await page.locator('[data-correction]').innerText()).toMatch(/^正文第1段：「青石镇」原作「青石真」（排印错误）。原文：/);
    expect(await page.locator('[data-correction] q').innerText()).toBe('本报讯（记者 林小舟）昨日，青石真老街改造工程完工，沿街二十六家老店重新开');
    await page.locator('details.source summary').click();
    expect(await page.locator('details.source pre').innerText()).toContain('昨日，青石真老街改造工程完工');
    expect(await page.locator('[data-report]').getAttribute('href')).toBe(`https://fix.example/report?article=${first[0]}&url=${encodeURIComponent(`https://archive.example${BASE}articles/${first[0]}/`)}`);
    await page.screenshot({ path: join(ARTIFACTS, 'review-loop-article.png'), fullPage: true });

    await page.goto(`${site.baseUrl}articles/${first[1]}/`);
    expect(await page.locator('h1').innerText()).toBe('社区图书角开放');
    expect(await page.locator('hgroup .subtitle').innerText()).toBe('首批上架图书两千册');
    expect(await page.locator('.body .caption').count()).toBe(0);

    await page.goto(`${site.baseUrl}articles/${now[2]}/`);
    expect(await page.locator('.body p').allInnerTexts()).toEqual(['又讯 青石镇农贸市场本周起延长营业时间至晚上八点，方便下班居民购物。']);
    expect(await page.locator('.editorial').count()).toBe(0);
  }, 180_000);

  it('keeps the corrections through a re-ingest after a parser change', () => {
    const before = generated().bytes;
    const plain = join(PROJECT, '.plain');
    rmSync(plain, { recursive: true, force: true });
    mkdirSync(plain);
    writeFileSync(join(plain, 'qingshi.txt'), PAGE);
    const parse = () => spawnSync(process.execPath, ['scripts/ingest.ts', '--json', join(plain, 'qingshi.txt')], { cwd: PROJECT, env, encoding: 'utf8' }).stdout;
    const old = parse();
    // The new parser reads a brief opening with 又讯 as an article of its own (a real change of the copy's code, so its cache is void too).
    appendFileSync(
      join(PROJECT, 'scripts', 'lib', 'pipeline.ts'),
      `
import { tagLines as __tagLines } from './tagger.ts';
import { detectLayout as __detectLayout } from './lines.ts';
const __parsePageText = parsePageText;
parsePageText = (text, seed, encoding = 'utf-8', options = {}) =>
  __parsePageText(text, seed, encoding, { ...options, tags: options.tags ?? ((ls) => __tagLines(ls, __detectLayout(ls)).map((l) => (l.text.startsWith('又讯') ? 'A' : l.tag))) });
`,
    );
    expect(parse()).not.toBe(old);
    const r = ingest();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/1 converted/);
    expect(generated().bytes).toEqual(before);
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(GENERATED, 'report.json'), 'utf8')));
    // What the new parser gets right itself, the corrections now find already so.
    expect(report.reports[0].corrections?.items.find((i) => i.op === 'split')?.status).toBe('holds');
  });

  it('fails the build with a clear message when a correction no longer applies', () => {
    const before = generated().bytes;
    const fixes = parseFixFile(readFileSync(join(SEEDS, 'qingshi.fix.yaml'), 'utf8'), 'f', 'qingshi.txt');
    // The misprint corrected is gone from a new text of the page (the archivist fixed the text itself).
    const brk = fixes.items.find((i) => i.op === 'correct')!;
    writeFileSync(join(SEEDS, 'qingshi.txt'), PAGE.replace('青石真', '青石珍'));
    const r = ingest();
    expect(r.status).toBe(1);
    const quote = (brk.correction as { correct: string }).correct;
    expect(r.stderr).toContain(`error: qingshi.txt: seeds/qingshi.fix.yaml:${brk.line} 第${brk.n}条更正（correct「${quote}」）不再适用：本版找不到「${quote}」`);
    expect(r.stderr).toMatch(/nothing was written/);
    expect(generated().bytes).toEqual(before);
    const warned = ingest('--stale-corrections', 'warn');
    expect(warned.status).toBe(0);
    expect(warned.stderr).toContain(`warning: qingshi.txt: seeds/qingshi.fix.yaml:${brk.line} 第${brk.n}条更正`);
  });
});
