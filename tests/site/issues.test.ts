/**
 * Issues and dates (issue 12): issue pages, page and issue neighbours, the calendar, 历史上的今天,
 * paper slugs and their redirects, and the open data — on a small hand-made archive whose expected
 * views are written out here.
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildArchive, issueNeighbours, issuesByDay, pageNeighbours, paperSlugOf } from '../../core/archive.ts';
import { readMdxBody } from '../../core/mdx-body.ts';
import { OpenArticleSchema, type ArticleFrontmatter, type PageRecord } from '../../core/schema.ts';
import { csvRecords } from '../../scripts/lib/catalog.ts';
import { articleToMdx } from '../../scripts/lib/mdx.ts';
import { dayIndexView, dayView } from '../../src/lib/route-data/on-this-day.ts';
import { issueView, paperKeyPaths, paperKeys, paperPaths, papersView, yearView } from '../../src/lib/route-data/paper.ts';
import { downloads, openArticles, openIssues, openPage, plainText, toCsv } from '../../src/lib/open-data.ts';
import { homeView } from '../../src/lib/route-data/home.ts';

const page = (id: string, over: Partial<PageRecord> = {}): PageRecord => ({
  id, seed: `${id}.txt`, paper: null, date: null, pageNumber: null, pageName: null, layout: 'column', encoding: 'utf-8', articles: [], other: [], ...over,
});
const art = (id: string, pageId: string, over: Partial<ArticleFrontmatter> = {}): ArticleFrontmatter => ({
  id, page: pageId, order: 1, column: null, kicker: null, title: `标题${id}`, subtitle: null, byline: null, authors: [], continuedFrom: null,
  continuedTo: null, truncatedStart: false, truncatedEnd: false, lines: [1, 2], source: '原文', excerpt: '摘要', ...over,
});

// 甲报 (catalog slug jiabao): 2023-01-23 (pages 1, 2), 2024-01-23 (page 1), 2024-03-05 (page 1), one undated page.
// 乙报 (no slug): 2024-01-23 (page 1). One page of an unknown paper, dated 2024-01-23.
const jia = { paper: '甲报', paperSlug: 'jiabao' };
const archive = buildArchive(
  [
    page('j1', { ...jia, date: '2023-01-23', pageNumber: 1, articles: ['a1', 'a2'] }),
    page('j2', { ...jia, date: '2023-01-23', pageNumber: 2, articles: ['a3'] }),
    page('j3', { ...jia, date: '2024-01-23', pageNumber: 1, articles: ['a4'] }),
    page('j4', { ...jia, date: '2024-03-05', pageNumber: 1, articles: [] }),
    page('ju', { ...jia, articles: ['a5'] }),
    page('y1', { paper: '乙报', date: '2024-01-23', pageNumber: 1, articles: ['a6'] }),
    page('n1', { date: '2024-01-23', articles: ['a7'] }),
  ],
  [art('a1', 'j1', { authors: ['王小明'] }), art('a2', 'j1', { order: 2 }), art('a3', 'j2'), art('a4', 'j3'), art('a5', 'ju'), art('a6', 'y1'), art('a7', 'n1')],
);
const [jiaGroup, yiGroup] = archive.papers;

describe('paper slugs', () => {
  it('are the catalog slug, else the name itself; the old hash and the name slug redirect', () => {
    expect(archive.papers.map((g) => [g.paper, g.slug])).toEqual([['乙报', '乙报'], ['甲报', 'jiabao'], [null, 'unknown']]);
    expect(paperSlugOf(' Ａ Daily / 晚报 ')).toBe('a-daily-晚报');
    expect(paperSlugOf('unknown')).toMatch(/^[0-9a-f]{8}$/);
    const jiabao = archive.papers[1];
    expect([jiabao.formerSlugs, jiabao.hashSlug]).toEqual([['甲报'], '56960796']);
    const redirects = paperPaths(archive).filter((p) => p.props.redirect !== null && p.params.locale === undefined);
    expect(redirects.map((p) => [p.params.slug, p.props.redirect])).toEqual([['ffa508f5', 'papers/乙报/'], ['甲报', 'papers/jiabao/'], ['56960796', 'papers/jiabao/']]);
    // The hash slug had only month and undated pages; the name slug had every page.
    const old = paperKeyPaths(archive).filter((p) => p.params.slug === '56960796' && p.params.locale === undefined).map((p) => p.params.key);
    expect(old).toEqual(['2024-03', '2024-01', '2023-01', 'undated']);
    expect(paperKeys(jiabao)).toEqual(['2024-03', '2024-01', '2023-01', 'undated', '2024', '2023', '2024-03-05', '2024-01-23', '2023-01-23']);
  });
  it('refuses two papers with one slug', () => {
    expect(() => buildArchive([page('a', { paper: '甲', paperSlug: 'x' }), page('b', { paper: '乙', paperSlug: 'x' })], [])).toThrow(/both have the URL slug "x"/);
  });
});

describe('issues', () => {
  it('list their pages in page order with their articles', () => {
    const v = issueView(archive, 'jiabao', '2023-01-23', 'zh-hans');
    expect(v.dateText).toBe('2023年1月23日 星期一');
    expect(v.pages.map((p) => [p.label, p.articles.map((a) => a.text)])).toEqual([['第1版', ['标题a1', '标题a2']], ['第2版', ['标题a3']]]);
    expect([v.lead, v.prev, v.next?.href]).toEqual(['标题a1', null, '/papers/jiabao/2024-01-23/']);
    expect(v.json).toBe('/papers/jiabao/2023-01-23.json');
  });
  it('link 上一版/下一版 within the issue and 上一期/下一期 within the paper, never across', () => {
    expect(pageNeighbours(archive, 'j1')).toEqual({ prev: null, next: 'j2' });
    expect(pageNeighbours(archive, 'j2')).toEqual({ prev: 'j1', next: null });
    expect(pageNeighbours(archive, 'j3')).toEqual({ prev: null, next: null });
    expect(issueNeighbours(jiaGroup.paper === '甲报' ? jiaGroup : archive.papers[1], '2024-01-23')).toMatchObject({ prev: { date: '2023-01-23' }, next: { date: '2024-03-05' } });
    expect(issueNeighbours(yiGroup.paper === '乙报' ? yiGroup : archive.papers[0], '2024-01-23')).toEqual({ prev: null, next: null });
  });
  it('exist only for a known paper: an unknown paper\'s pages of one date need not be one issue', () => {
    expect(paperKeys(archive.papers[2])).toEqual(['2024-01']);
    expect(papersView(archive, 'zh-hans').papers.map((p) => [p.name, p.issueCount, p.span, p.undatedPages])).toEqual([
      ['乙报', 1, ['2024-01-23', '2024-01-23'], 0],
      ['甲报', 3, ['2023-01-23', '2024-03-05'], 1],
      ['报名未知的版面', 0, null, 1],
    ]);
  });
});

describe('the calendar', () => {
  it('has twelve months, Monday first, the days with an issue linked', () => {
    const v = yearView(archive, 'jiabao', '2024', 'zh-hans');
    expect(v.months).toHaveLength(12);
    const jan = v.months[0];
    // 2024-01-01 was a Monday: no blank before it; 31 days in five weeks.
    expect(jan.weeks[0][0]).toMatchObject({ day: 1 });
    expect(jan.weeks.flat().filter((d) => d?.href).map((d) => [d!.date, d!.href])).toEqual([['2024-01-23', '/papers/jiabao/2024-01-23/']]);
    expect(v.months[1].weeks[0].slice(0, 3)).toEqual([null, null, null]); // 2024-02-01 was a Thursday
    expect(v.months[1].weeks.flat().filter(Boolean)).toHaveLength(29); // a leap year
    expect(v.months.map((m) => m.issues)).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect([v.prev?.text, v.next]).toEqual(['2023年', null]);
    expect(() => yearView(archive, 'jiabao', '2022', 'zh-hans')).toThrow();
  });
});

describe('历史上的今天', () => {
  it('groups every known paper\'s issues by month and day, newest year first', () => {
    const days = issuesByDay(archive);
    expect([...days.keys()]).toEqual(['01-23', '03-05']);
    expect(days.get('01-23')!.map((r) => `${r.group.paper} ${r.issue.date}`)).toEqual(['乙报 2024-01-23', '甲报 2024-01-23', '甲报 2023-01-23']);
    const v = dayView(archive, '01-23', 'zh-hans');
    expect([v.label, v.years, v.issues[2].lead]).toEqual(['1月23日', 2, { href: '/articles/a1/', text: '标题a1' }]);
    expect(dayIndexView(archive, 'zh-hans').dayList).toBe('01-23 03-05');
    expect(homeView(archive, 'zh-hans').onThisDay.days).toBe('01-23:3 03-05:1');
  });
});

describe('open data', () => {
  const bodies = (id: string) => [{ type: 'p' as const, text: `${id}的正文，"引号"` }, { type: 'caption' as const, text: '图注' }];
  const urlOf = (p: string) => `/base/${p}`;
  const list = openArticles(archive, bodies, urlOf);
  const byId = new Map(list.map((a) => [a.id, a]));

  it('gives every article its gold fields, page metadata, URL and both scripts\' text', () => {
    const a1 = byId.get('a1')!;
    expect(OpenArticleSchema.parse(a1)).toEqual(a1);
    expect(a1).toMatchObject({ url: '/base/articles/a1/', paper: '甲报', date: '2023-01-23', page_number: 1, page_id: 'j1', authors: ['王小明'], continued_from: null });
    expect(a1.text_zh_hans).toBe('标题a1\n\na1的正文，"引号"\n\n图片说明：图注\n');
    expect(a1.text_zh_hant).toBe('標題a1\n\na1的正文，"引號"\n\n圖片說明：圖注\n');
    expect(plainText({ column: '评论', kicker: '引', title: '主', subtitle: '副', byline: '记者 甲' }, [])).toBe('【评论】\n引\n主\n副\n\n记者 甲\n');
  });
  it('reads the body back from the MDX the ingest writes', () => {
    const body = [{ type: 'p' as const, text: '{<script>}`"\\' }, { type: 'h' as const, text: '小标题' }, { type: 'caption' as const, text: '图' }];
    const gold = { column: null, kicker: null, title: 'T', subtitle: null, byline: null, authors: [], continued_from: null, continued_to: null, truncated_start: false, truncated_end: false, body };
    const mdx = articleToMdx(gold, { ...art('x', 'p'), title: 'T' });
    expect(readMdxBody(mdx.slice(mdx.indexOf('\n---\n') + 5))).toEqual(body);
    expect(() => readMdxBody('import x from "y"')).toThrow(/not an ingest body block/);
  });
  it('holds every article exactly once across the downloads of each format, one file per year', () => {
    const { files, manifest } = downloads(list, urlOf);
    expect(manifest.files.map((f) => [f.file, f.articles])).toEqual([
      ['baoku-2024.jsonl.gz', 3], ['baoku-2024.csv.gz', 3], ['baoku-2023.jsonl.gz', 3], ['baoku-2023.csv.gz', 3], ['baoku-undated.jsonl.gz', 1], ['baoku-undated.csv.gz', 1],
    ]);
    const jsonl = [...files].filter(([f]) => f.endsWith('.jsonl.gz')).flatMap(([, b]) => gunzipSync(b).toString('utf8').trim().split('\n').map((l) => JSON.parse(l).id));
    expect(jsonl.sort()).toEqual([...archive.articles.keys()].sort());
    const csv = [...files].filter(([f]) => f.endsWith('.csv.gz')).flatMap(([, b]) => csvRecords(gunzipSync(b).toString('utf8')).slice(1).map((r) => r.fields[0]));
    expect(csv.sort()).toEqual([...archive.articles.keys()].sort());
    // Deterministic bytes: the same archive gives the same files.
    expect(downloads(list, urlOf).manifest).toEqual(manifest);
  });
  it('writes CSV that a spreadsheet reads back: quotes doubled, line breaks inside quotes', () => {
    const [head, row] = csvRecords(toCsv([byId.get('a1')!]));
    expect(head.fields.slice(0, 3)).toEqual(['id', 'url', 'paper']);
    expect(head.fields).not.toContain('body');
    expect(row.fields[head.fields.indexOf('text_zh_hans')]).toBe('标题a1\n\na1的正文，"引号"\n\n图片说明：图注\n');
    expect(row.fields[head.fields.indexOf('authors')]).toBe('王小明');
  });
  it('gives pages and issues with their articles in order', () => {
    expect(openPage(archive, 'j1', byId, urlOf)).toMatchObject({ id: 'j1', issue: '/base/papers/jiabao/2023-01-23.json', articles: [{ id: 'a1' }, { id: 'a2' }] });
    expect(openPage(archive, 'n1', byId, urlOf).issue).toBeNull();
    const issues = openIssues(archive, byId, urlOf);
    expect([...issues.keys()]).toEqual(['papers/乙报/2024-01-23.json', 'papers/jiabao/2024-03-05.json', 'papers/jiabao/2024-01-23.json', 'papers/jiabao/2023-01-23.json']);
    expect(issues.get('papers/jiabao/2023-01-23.json')!.pages.map((p) => p.id)).toEqual(['j1', 'j2']);
  });
});
