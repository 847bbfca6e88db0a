/**
 * Route data (src/lib/route-data/): what the article, page, home, paper and feed routes show,
 * computed from small hand-made archives whose expected views are written out here.
 */
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../core/archive.ts';
import type { ArticleFrontmatter, PageRecord } from '../../core/schema.ts';
import { articlePaths, articleView } from '../../src/lib/route-data/article.ts';
import { feedItems } from '../../src/lib/route-data/feed.ts';
import { homeView, latestIssues } from '../../src/lib/route-data/home.ts';
import { pageView } from '../../src/lib/route-data/page.ts';
import { paperView, shelfView } from '../../src/lib/route-data/paper.ts';
import { searchFilters } from '../../src/lib/route-data/search.ts';

const page = (id: string, over: Partial<PageRecord> = {}): PageRecord => ({
  id, seed: `${id}.txt`, paper: null, date: null, pageNumber: null, pageName: null, layout: 'column', encoding: 'utf-8', articles: [], other: [], ...over,
});
const art = (id: string, pageId: string, over: Partial<ArticleFrontmatter> = {}): ArticleFrontmatter => ({
  id, page: pageId, order: 1, column: null, kicker: null, title: `标题${id}`, subtitle: null, byline: null, authors: [], continuedFrom: null,
  continuedTo: null, truncatedStart: false, truncatedEnd: false, lines: [1, 2], source: '原文', excerpt: '摘要', ...over,
});

// One issue of 甲报 with pages 1 and 2; an article on page 2 continues from page 1 and on to page 3 (not in the archive).
const archive = buildArchive(
  [
    page('p1', { paper: '甲报', date: '2025-01-23', pageNumber: 1, pageName: '要闻', articles: ['a1'] }),
    page('p2', { paper: '甲报', date: '2025-01-23', pageNumber: 2, articles: ['a2', 'a3'], other: [{ type: 'banner', text: '标语' }] }),
    page('u', { articles: ['a4'] }),
  ],
  [
    art('a1', 'p1', { authors: ['王 小明'] }),
    art('a2', 'p2', { continuedFrom: '第1版', continuedTo: '第3版', truncatedEnd: true, column: '苕 溪 时 评', excerpt: '字'.repeat(120) }),
    art('a3', 'p2', { title: null, order: 2 }),
    art('a4', 'u', { title: '无日期' }),
  ],
);
const site = new URL('https://archive.example');

describe('article view', () => {
  it('lists every article in both scripts', () => {
    expect(articlePaths(archive)).toHaveLength(8);
    expect(articlePaths(archive)[4]).toEqual({ params: { locale: 'zh-hant', id: 'a1' } });
  });
  it('links continuation notes to pages the archive has and says so where it has not', () => {
    const v = articleView(archive, 'a2', 'zh-hans', site);
    expect(v.notes).toEqual([
      { text: '本文结尾在现存版面之外，此处至版面末尾为止。', href: null },
      { text: '本文上接第1版：前文在该版，见该版面。', href: '/pages/p1/' },
      { text: '本文下转第3版：后文在该版，本库暂未收录。', href: null },
    ]);
    expect(v.continuationHref(1)).toBe('/pages/p1/');
    expect(v.continuationHref(3)).toBeNull();
  });
  it('gives where it was printed, its column, neighbours and a description cut at 110 characters', () => {
    const v = articleView(archive, 'a2', 'zh-hant', site);
    expect(v.printed).toEqual({ paper: '甲报', date: '2025-01-23', page: '第2版', href: '/zh-hant/pages/p2/' });
    expect(v.column?.text).toBe('苕溪时评');
    expect(v.column?.href).toMatch(/^\/zh-hant\/columns\/[0-9a-f]{8}\/$/);
    expect(v.prev).toBeNull();
    expect(v.next).toEqual({ href: '/zh-hant/articles/a3/', text: '（无标题）' });
    expect(v.description).toBe(`${'字'.repeat(110)}…`);
  });
  it('cites and credits in the page script, with normalised names', () => {
    const v = articleView(archive, 'a1', 'zh-hant', site);
    expect(v.authors.map((a) => a.text)).toEqual(['王小明']);
    expect(v.citationText).toBe('王小明. 標題a1[N/OL]. 甲報, 2025-01-23(1). https://archive.example/zh-hant/articles/a1/.');
    expect(v.meta).toContainEqual(['citation_journal_title', '甲報']);
    expect(v.meta).toContainEqual(['citation_public_url', 'https://archive.example/zh-hant/articles/a1/']);
    // Without SITE_URL nothing claims a host: no URL in the citation (the page's script adds its own), none in the meta.
    const bare = articleView(archive, 'a1', 'zh-hans', undefined);
    expect(bare.citationText).toBe('王小明. 标题a1[N]. 甲报, 2025-01-23(1).');
    expect(bare.meta.map(([k]) => k)).not.toContain('citation_public_url');
    expect(JSON.parse(bare.structuredData).url).toBeUndefined();
    expect(JSON.parse(v.structuredData)).toMatchObject({ headline: '標題a1', inLanguage: 'zh-Hant', datePublished: '2025-01-23' });
  });
});

describe('page view', () => {
  it('labels the page, names its blocks and links its neighbours within its issue only', () => {
    const v = pageView(archive, 'p2', 'zh-hans');
    expect([v.label, v.where, v.title]).toEqual(['第2版', '甲报 · 2025-01-23', '第2版 · 甲报']);
    expect(v.other).toEqual([{ type: 'banner', name: '通栏标语', text: '标语' }]);
    expect(v.prev).toEqual({ href: '/pages/p1/', text: '第1版·要闻' });
    // The next page in archive order is another paper's: 下一版 never runs across papers (issue 12).
    expect(v.next).toBeNull();
    expect(v.pager.words.last).toBe('已是本期最后一版');
    expect(v.issue).toEqual({ href: '/papers/甲报/2025-01-23/', text: '甲报 2025-01-23 本期全部版面', prev: null, next: null });
    expect(pageView(archive, 'u', 'zh-hans')).toMatchObject({ prev: null, next: null, issue: null, pager: { label: '报名未知的版面' } });
    expect(v.articles.map((a) => a.id)).toEqual(['a2', 'a3']);
  });
});

describe('home, papers and feed', () => {
  it('shows each paper with its latest pages and a link on', () => {
    const v = homeView(archive, 'zh-hans');
    expect(v.summary).toBe('收录3个版面、4篇文章，涉及1位记者与作者、1个专栏。');
    expect(v.undatedPages).toBe(1);
    expect(v.papers.map((p) => [p.group.paper, p.issues, p.more.text])).toEqual([
      ['甲报', [{ date: '2025-01-23', pages: ['p1', 'p2'] }], '甲报：按月浏览'],
      [null, [{ date: null, pages: ['u'] }], '报名未知：全部版面'],
    ]);
    const big = { paper: '乙报', slug: 'x', formerSlugs: [], hashSlug: null, pageCount: 5, articleCount: 0, issues: [{ date: '2025-02-02', pages: ['a', 'b', 'c'] }, { date: '2025-02-01', pages: ['d', 'e'] }] };
    expect(latestIssues(big, 4)).toEqual([{ date: '2025-02-02', pages: ['a', 'b', 'c'] }, { date: '2025-02-01', pages: ['d'] }]);
  });
  it('browses a paper by month with neighbours', () => {
    const slug = archive.papers[0].slug;
    expect(paperView(archive, slug, 'zh-hans').years.map((y) => [y.year, y.shelves.map((s) => s.key)])).toEqual([['2025', ['2025-01']]]);
    expect(shelfView(archive, slug, '2025-01', 'zh-hans')).toMatchObject({ name: '甲报', prev: null, next: null });
    expect(() => shelfView(archive, slug, '1999-01', 'zh-hans')).toThrow(/no shelf/);
  });
  it('puts dated articles first, newest first, keeping reading order within a date', () => {
    expect(feedItems(archive, site).map((i) => [i.title, i.date])).toEqual([
      ['标题a1', '2025-01-23'], ['标题a2', '2025-01-23'], ['（无标题）', '2025-01-23'], ['无日期', null],
    ]);
    expect(feedItems(archive, site, 2)).toHaveLength(2);
  });
  it('offers the search filters the index stores, labelled in the page script', () => {
    const [paper, year, column] = searchFilters(archive, 'zh-hant');
    expect(paper).toEqual({ key: 'paper', label: '報紙', options: [{ value: '甲报', label: '甲報' }] });
    expect(year.options.map((o) => o.value)).toEqual(['2025']);
    expect(column.options.map((o) => o.value)).toEqual(['苕 溪 时 评']);
  });
});
