/**
 * The search page's filters, counts, date range and order (core/search/facets.ts, issue 12), on a
 * hand-made list whose expected answers are written out.
 */
import { describe, expect, it } from 'vitest';
import { SearchMetaSchema } from '../../core/schema.ts';
import { dateSpan, facetCounts, passes, rowValues, searchMeta, sortByDate, type FacetSource } from '../../core/search/facets.ts';
import { checkMeta } from '../../src/lib/search/checks.ts';

const items: FacetSource[] = [
  { paper: '甲报', date: '2024-01-23', column: '评论' },
  { paper: '乙报', date: '2023-01-23', column: null },
  { paper: '甲报', date: null, column: '评论' },
  { paper: null, date: '2024-03-05', column: null },
];

describe('the meta file', () => {
  it('stores each rank as indexes into the names, dates as YYYYMMDD, and reads them back', () => {
    const meta = searchMeta(items, ['r0', 'r1', 'r2', 'r3']);
    expect(meta).toEqual({ papers: ['乙报', '甲报'], columns: ['评论'], ids: ['r0', 'r1', 'r2', 'r3'], rows: [[1, 20240123, 0], [0, 20230123, -1], [1, 0, 0], [-1, 20240305, -1]] });
    expect(items.map((_, r) => rowValues(meta, r))).toEqual(items);
    expect(checkMeta(meta, 'm')).toEqual(SearchMetaSchema.parse(meta));
    expect(() => searchMeta(items, ['r0'])).toThrow(/1 ids for 4 items/);
    for (const bad of [{ ...meta, rows: [[1, -5, 0]] }, { ...meta, rows: [[1, 0]] }, { ...meta, papers: [1] }, { ...meta, ids: [3] }, { ...meta, extra: 1 }]) {
      expect(SearchMetaSchema.safeParse(bad).success).toBe(false);
      expect(() => checkMeta(bad, 'search-docs/meta.sdoc')).toThrow(/^search-docs\/meta\.sdoc: /);
    }
  });
});

describe('filters and the date range', () => {
  it('keeps what matches; a range keeps dated articles only, both ends inclusive', () => {
    const kept = (sel: Parameters<typeof passes>[1]) => items.map((v, i) => (passes(v, sel) ? i : -1)).filter((i) => i >= 0);
    expect(kept({ filters: { paper: '甲报' } })).toEqual([0, 2]);
    expect(kept({ filters: { year: '2024' } })).toEqual([0, 3]);
    expect(kept({ filters: {}, from: '2024-01-23' })).toEqual([0, 3]);
    expect(kept({ filters: {}, to: '2024-01-23' })).toEqual([0, 1]);
    expect(kept({ filters: { column: '评论' }, from: '2000-01-01' })).toEqual([0]);
    expect(dateSpan(items)).toEqual(['2023-01-23', '2024-03-05']);
    expect(dateSpan([{ paper: null, date: null, column: null }])).toBeNull();
  });
  it('counts each value under the other filters, not its own', () => {
    const c = facetCounts(items, { filters: { paper: '甲报', year: '2024' } });
    expect([...c.paper]).toEqual([['甲报', 1]]);
    expect([...c.year]).toEqual([['2024', 1]]);
    expect([...c.column]).toEqual([['评论', 1]]);
    const all = facetCounts(items, { filters: {} });
    expect([...all.paper]).toEqual([['甲报', 2], ['乙报', 1]]);
  });
});

describe('order', () => {
  it('sorts newest or oldest first, undated last, ties in the given order; relevance keeps it', () => {
    const dates = ['2024-01-23', null, '2023-01-23', '2024-01-23', null];
    const idx = dates.map((_, i) => i);
    expect(sortByDate(idx, (i) => dates[i], 'newest')).toEqual([0, 3, 2, 1, 4]);
    expect(sortByDate(idx, (i) => dates[i], 'oldest')).toEqual([2, 0, 3, 1, 4]);
    expect(sortByDate(idx, (i) => dates[i], 'relevance')).toEqual(idx);
  });
});
