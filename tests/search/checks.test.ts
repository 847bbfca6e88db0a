/**
 * The search page's checks of what it downloads (src/lib/search/checks.ts) give the verdicts of the
 * zod schemas they stand in for (core/schema.ts), on the same valid and broken files.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { CharFileSchema, DocShardSchema, ScriptDocSchema, SearchLayoutSchema } from '../../core/schema.ts';
import { checkCharFile, checkDoc, checkLayout, checkShard, isPagefind, resultIds } from '../../src/lib/search/checks.ts';

const doc = { id: 'p-1a2b3c', paper: '某某日报', date: '2025-01-23', page: '第2版·要闻', column: null, kicker: null, title: '标题', subtitle: null, text: '正文' };
const layout = { format: 2, shards: 0, records: 3, charBuckets: 1, slices: 1, variants: '发發髮 后後' };

/** Asserts that `check` accepts exactly what `schema` accepts, and returns what it parses. */
function sameVerdicts(schema: z.ZodType, check: (x: unknown, file: string) => unknown, good: unknown[], bad: unknown[]) {
  for (const x of good) {
    expect(schema.safeParse(x).success, JSON.stringify(x)).toBe(true);
    expect(check(x, 'f')).toEqual(schema.parse(x));
  }
  for (const x of bad) {
    expect(schema.safeParse(x).success, JSON.stringify(x)).toBe(false);
    expect(() => check(x, 'search-docs/f'), JSON.stringify(x)).toThrow(/^search-docs\/f: /);
  }
}

describe('search file checks agree with the schema', () => {
  it('layout.json', () => {
    sameVerdicts(SearchLayoutSchema, checkLayout, [layout, { ...layout, shards: 4, records: 0, slices: 3, variants: '' }], [
      null, [], 'x', { ...layout, format: 0 }, { ...layout, shards: -1 }, { ...layout, records: 1.5 }, { ...layout, charBuckets: 0 },
      { ...layout, variants: null }, { format: 2, shards: 0, records: 3, charBuckets: 1 }, { ...layout, slices: 0 }, (({ slices: _s, ...rest }) => rest)(layout),
    ]);
  });
  it('result documents', () => {
    sameVerdicts(ScriptDocSchema, checkDoc, [doc, { ...doc, paper: null, date: null, page: null, title: null }], [
      null, { ...doc, id: 3 }, { ...doc, text: null }, { ...doc, title: 5 }, { ...doc, kicker: undefined }, (({ text: _t, ...rest }) => rest)(doc),
    ]);
  });
  it('document shards and character files', () => {
    sameVerdicts(DocShardSchema, checkShard, [{}, { a: doc, b: { ...doc, id: 'b' } }], [[doc], { a: { ...doc, text: 1 } }]);
    sameVerdicts(CharFileSchema, checkCharFile, [{}, { 发: [0, 3, 1] }], [{ 发: [1, -1] }, { 发: [0.5] }, { 发: '0' }, [1]]);
  });
});

describe('Pagefind answers', () => {
  it('recognises the API and reads result ids, refusing anything else', () => {
    const fn = async () => undefined;
    expect(isPagefind({ options: fn, init: fn, search: fn, mergeIndex: fn })).toBe(true);
    expect(isPagefind({ options: fn, init: fn, search: fn })).toBe(false);
    expect(isPagefind({ options: fn, init: fn })).toBe(false);
    expect(isPagefind(null)).toBe(false);
    expect(resultIds({ results: [{ id: 'a', data: fn }, { id: 'b' }] }, 'pf.js')).toEqual(['a', 'b']);
    expect(resultIds(null, 'pf.js')).toEqual([]);
    expect(() => resultIds({ results: [{}] }, 'pf.js')).toThrow(/pf\.js: a search result has no id/);
    expect(() => resultIds({}, 'pf.js')).toThrow(/without results/);
  });
});
