/**
 * The browser engine against a stubbed fetch: result documents, verification and archive parts,
 * without a browser or a built site.
 */
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArchiveSearch, mapLimited, SearchEngine } from '../../src/lib/search/engine.ts';
import { NO_VARIANTS } from '../../core/search/variants.ts';
import { SEARCH_FORMAT } from '../../core/search/shards.ts';

const doc = (id: string, text: string) => ({ id, paper: null, date: null, page: null, column: null, kicker: null, title: null, subtitle: null, text });

/** Serves `files` (path → JSON value; `.sdoc` gzipped) and 404 for anything else. */
function serve(files: Record<string, unknown>) {
  vi.stubGlobal('fetch', async (url: string) => {
    if (!(url in files)) return new Response('not found', { status: 404 });
    const json = JSON.stringify(files[url]);
    return new Response(url.endsWith('.sdoc') ? gzipSync(json) : json, { status: 200 });
  });
}
afterEach(() => vi.unstubAllGlobals());

describe('verification', () => {
  it('accepts parts found in either script when the two texts were indexed apart', async () => {
    serve({
      '/b/search-docs/layout.json': { format: SEARCH_FORMAT, shards: 0, records: 1, charBuckets: 1, slices: 1, variants: '' },
      '/b/search-docs/x.hans.sdoc': doc('x', '甲乙'),
      '/b/search-docs/x.hant.sdoc': doc('x', '丙丁'),
    });
    const engine = new SearchEngine('/b/');
    expect((await engine.verified('x', ['甲', '丁'], NO_VARIANTS, 'hans'))?.text).toBe('甲乙');
    expect((await engine.verified('x', ['丙'], NO_VARIANTS, 'hans'))?.text).toBe('甲乙');
    expect(await engine.verified('x', ['戊'], NO_VARIANTS, 'hans')).toBeNull();
  });

  it('reads documents out of shards and names the part in its errors', async () => {
    serve({ '/b/search-docs/layout.json': { format: SEARCH_FORMAT, shards: 1, records: 1, charBuckets: 1, slices: 1, variants: '' }, '/b/search-docs/s0.hans.sdoc': { x: doc('x', '甲') } });
    const engine = new SearchEngine('/b/');
    expect((await engine.doc('x', 'hans')).text).toBe('甲');
    await expect(engine.doc('x', 'hant')).rejects.toThrow('/b/search-docs/s0.hant.sdoc');
  });
});

describe('search format', () => {
  it('refuses a part indexed with another format, saying what to do', async () => {
    serve({ '/old/search-docs/layout.json': { shards: 3, charBuckets: 1, slices: 1, variants: '' } });
    await expect(new SearchEngine('/old/').doc('x', 'hans')).rejects.toThrow(/\/old\/ was indexed with search format 1.*rebuild every archive part/);
  });
});

describe('archive parts', () => {
  it('answers from the parts that work and reports the others', async () => {
    serve({});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const search = new ArchiveSearch(['/a/', '/b/']);
    // Both parts are missing here: that is an error, not an empty result.
    await expect(search.search('甲')).rejects.toThrow();
    const [a] = search.engines;
    vi.spyOn(a, 'search').mockResolvedValue({ parts: ['甲'], variants: NO_VARIANTS, ids: ['p', 'q'], headline: new Set(['q']) });
    vi.spyOn(a, 'values').mockResolvedValue([{ paper: '甲报', date: '2024-01-23', column: null }, { paper: '乙报', date: null, column: null }]);
    const r = await search.search('甲');
    expect(r.failed).toEqual(['/b/']);
    expect(r.hits.map((h) => [h.engine.base, h.id])).toEqual([['/a/', 'q'], ['/a/', 'p']]);
    // Filters, date range and order apply across parts, with counts per value beside them.
    const f = await search.search('甲', { filters: { paper: '甲报' } });
    expect(f.hits.map((h) => h.id)).toEqual(['p']);
    expect(f.total).toBe(2);
    expect(new Map(f.counts.paper)).toEqual(new Map([['甲报', 1], ['乙报', 1]]));
    expect((await search.search('甲', { filters: {}, from: '2024-01-01' })).hits.map((h) => h.id)).toEqual(['p']);
    expect((await search.search('甲', { filters: {} }, 'newest')).hits.map((h) => h.id)).toEqual(['p', 'q']);
  });
});

describe('bounded downloads', () => {
  it('runs at most the limit at once, results in order', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimited(Array.from({ length: 50 }, (_, i) => i), 6, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 1));
      running--;
      return n * 2;
    });
    expect(most).toBe(6);
    expect(out).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
  });
});
