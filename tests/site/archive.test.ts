import { describe, expect, it } from 'vitest';
import { buildArchive, comparePages, facetGroups, findPageByNumber, neighbours, normalizeName, pageLabel, shelves, slugOf, UNDATED_SHELF } from '../../core/archive.ts';
import { parsePageRef, splitContinuations } from '../../core/continuation.ts';
import type { ArticleFrontmatter, PageRecord } from '../../core/schema.ts';

const page = (id: string, over: Partial<PageRecord> = {}): PageRecord => ({
  id, seed: `${id}.txt`, paper: null, date: null, pageNumber: null, pageName: null, layout: 'paragraph', encoding: 'utf-8', articles: [], other: [], ...over,
});
const art = (id: string, pageId: string, over: Partial<ArticleFrontmatter> = {}): ArticleFrontmatter => ({
  id, page: pageId, order: 1, column: null, kicker: null, title: `T${id}`, subtitle: null, byline: null, authors: [], continuedFrom: null,
  continuedTo: null, truncatedStart: false, truncatedEnd: false, lines: [1, 2], source: 'abc', excerpt: 'abc', ...over,
});

describe('page order', () => {
  it('dated issues newest first, undated after, unknown paper last, page numbers ascending', () => {
    const pages = [
      page('u1'), page('a-old-2', { paper: '甲报', date: '2024-01-01', pageNumber: 2 }), page('a-new', { paper: '甲报', date: '2025-01-01', pageNumber: 1 }),
      page('a-old-1', { paper: '甲报', date: '2024-01-01', pageNumber: 1 }), page('a-undated', { paper: '甲报' }),
    ];
    expect([...pages].sort(comparePages).map((p) => p.id)).toEqual(['a-new', 'a-old-1', 'a-old-2', 'a-undated', 'u1']);
  });
  it('groups papers and issues honestly', () => {
    const ar = buildArchive([page('x', { articles: ['x-1'] }), page('y', { paper: '乙报', articles: ['y-1', 'y-2'] })], [art('x-1', 'x'), art('y-1', 'y'), art('y-2', 'y')]);
    expect(ar.papers.map((g) => [g.paper, g.issues.map((i) => i.date), g.pageCount, g.articleCount])).toEqual([
      ['乙报', [null], 1, 2],
      [null, [null], 1, 1],
    ]);
  });
  it('rejects a page listing a missing article', () => {
    expect(() => buildArchive([page('x', { articles: ['nope'] })], [])).toThrow(/missing/);
  });
});

describe('facets', () => {
  it('collects reporters and columns with stable 8-hex slugs, most articles first', () => {
    const ar = buildArchive(
      [page('p', { articles: ['a', 'b'] })],
      [art('a', 'p', { authors: ['俞杰', '张三'], column: '苕 溪 时 评' }), art('b', 'p', { authors: ['俞杰'] })],
    );
    expect(ar.reporters.map((r) => [r.name, r.articles])).toEqual([['俞杰', ['a', 'b']], ['张三', ['a']]]);
    expect(ar.columns.map((c) => c.name)).toEqual(['苕溪时评']);
    // The first 8 hex digits of SHA-256 of the UTF-8 name (printf '俞杰' | sha256sum).
    expect(ar.reporters[0].slug).toBe('88cca129');
    expect(slugOf('俞杰')).toBe('88cca129');
    expect(slugOf('俞杰')).not.toBe(slugOf('张三'));
  });
  it('splits an index by first character, biggest groups first, keeping each group in index order', () => {
    const f = (name: string, n: number) => ({ name, slug: slugOf(name), articles: Array.from({ length: n }, (_, i) => `${name}${i}`) });
    const list = [f('王五', 9), f('李四', 7), f('王二', 5), f('𠀋甲', 4), f('李一', 3), f('王六', 1)];
    const groups = facetGroups(list);
    expect(groups.map((g) => [g.initial, g.key, g.facets.map((x) => x.name)])).toEqual([
      ['王', '738b', ['王五', '王二', '王六']],
      ['李', '674e', ['李四', '李一']],
      ['𠀋', '2000b', ['𠀋甲']],
    ]);
    expect(groups.flatMap((g) => g.facets).length).toBe(list.length);
  });
  it('normalizes letter-spaced CJK names but keeps spaces next to Latin', () => {
    expect(normalizeName('龚 檬')).toBe('龚檬');
    expect(normalizeName('K 歌 王')).toBe('K 歌王');
  });
});

describe('neighbours and labels', () => {
  it('prev/next with nulls at the ends', () => {
    expect(neighbours(['a', 'b', 'c'], 'a')).toEqual({ prev: null, next: 'b' });
    expect(neighbours(['a', 'b', 'c'], 'c')).toEqual({ prev: 'b', next: null });
    expect(() => neighbours(['a'], 'z')).toThrow();
  });
  it('labels unnumbered pages honestly', () => {
    const ar = buildArchive([page('p', { articles: ['a'] }), page('q', { pageNumber: 3, pageName: '要闻' })], [art('a', 'p', { title: '头条' })]);
    expect(pageLabel(ar.pages.get('p')!, ar)).toBe('未标版次 ·「头条」版');
    expect(pageLabel(ar.pages.get('q')!, ar)).toBe('第3版·要闻');
  });
});

describe('continuations', () => {
  it('parses page references in Arabic, full-width and Chinese numerals', () => {
    expect(parsePageRef('第1版')).toBe(1);
    expect(parsePageRef('第１２版')).toBe(12);
    expect(parsePageRef('第三版')).toBe(3);
    expect(parsePageRef('第十版')).toBe(10);
    expect(parsePageRef('第十二版')).toBe(12);
    expect(parsePageRef('第二十版')).toBe(20);
    expect(parsePageRef('第版')).toBeNull();
  });
  it('splits notes in both bracket widths', () => {
    expect(splitContinuations('（上接第1版）这样的生长(下转第3版)')).toEqual([
      { kind: 'continuation', text: '（上接第1版）', direction: 'from', pageNumber: 1 },
      { kind: 'text', text: '这样的生长' },
      { kind: 'continuation', text: '(下转第3版)', direction: 'to', pageNumber: 3 },
    ]);
    expect(splitContinuations('没有转版')).toEqual([{ kind: 'text', text: '没有转版' }]);
  });
  it('knows every marker the ingest records, 紧接 and full-width digits included', () => {
    expect(splitContinuations('(紧接第１版)要巩固成果')[0]).toEqual({ kind: 'continuation', text: '(紧接第１版)', direction: 'from', pageNumber: 1 });
  });
  it('links only to the same paper and issue, never across unknown dates', () => {
    const ar = buildArchive(
      [
        page('p2', { paper: '甲报', date: '2025-01-23', pageNumber: 2 }), page('p1', { paper: '甲报', date: '2025-01-23', pageNumber: 1 }),
        page('other', { paper: '甲报', date: '2025-01-24', pageNumber: 3 }), page('undated', { paper: '甲报', pageNumber: 2 }),
      ],
      [],
    );
    expect(findPageByNumber(ar, ar.pages.get('p2')!, 1)?.id).toBe('p1');
    expect(findPageByNumber(ar, ar.pages.get('p2')!, 3)).toBeNull();
    expect(findPageByNumber(ar, ar.pages.get('undated')!, 1)).toBeNull();
  });
});

describe('browse shelves (issue #6)', () => {
  it('splits a paper into one shelf per month, newest first, and undated pages into runs', () => {
    const pages = [
      page('d1', { paper: '甲报', date: '2025-02-03', pageNumber: 1 }),
      page('d2', { paper: '甲报', date: '2025-02-01', pageNumber: 1 }),
      page('d3', { paper: '甲报', date: '2024-12-31', pageNumber: 1 }),
      ...Array.from({ length: UNDATED_SHELF + 5 }, (_, i) => page(`u${String(i).padStart(4, '0')}`, { paper: '甲报' })),
    ];
    const ar = buildArchive(pages, []);
    const s = shelves(ar.papers[0]);
    expect(s.map((x) => [x.key, x.year, x.pageCount])).toEqual([
      ['2025-02', '2025', 2],
      ['2024-12', '2024', 1],
      ['undated', null, UNDATED_SHELF],
      ['undated-2', null, 5],
    ]);
    expect(s.flatMap((x) => x.issues.flatMap((i) => i.pages))).toEqual(ar.pageOrder);
    // The name itself is the slug (issue 12); the hash it had before stays as a redirect: printf '甲报' | sha256sum
    expect([ar.papers[0].slug, ar.papers[0].hashSlug]).toEqual(['甲报', '56960796']);
  });
  it('gives pages of an unknown paper the slug "unknown"', () => {
    expect(buildArchive([page('x')], []).papers[0].slug).toBe('unknown');
  });
});
