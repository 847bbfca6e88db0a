/**
 * Archive-level guarantees: byte-identical output on re-run, article ids that never change when
 * other pages come or go, conservation of every character, and bad pages that do not stop the rest.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertPages, type CachedPage, type PageCache, type PageInput } from '../../scripts/lib/convert.ts';
import { parseCatalog } from '../../scripts/lib/catalog.ts';
import { checkConservation } from '../../scripts/lib/invariants.ts';
import { splitLines } from '../../scripts/lib/lines.ts';
import { parsePage } from '../../scripts/lib/pipeline.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');
const seeds: PageInput[] = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((name) => ({ name, bytes: readFileSync(join(SEEDS, name)) }));
const noCatalog = { pages: {} };

function articleIdsOf(files: Map<string, string>): string[] {
  return [...files.keys()].filter((k) => k.startsWith('articles/')).sort();
}

describe('archive output', () => {
  it('is byte-identical when run twice, whatever the input order', () => {
    const a = convertPages(seeds, noCatalog).files;
    const b = convertPages([...seeds].reverse(), noCatalog).files;
    expect([...b.entries()]).toEqual([...a.entries()]);
  });

  it('keeps every article id when another page is added or removed', () => {
    const all = articleIdsOf(convertPages(seeds, noCatalog).files);
    const extra = { name: 'zzz_new.txt', bytes: readFileSync(join(import.meta.dirname, '../fixtures/pages/gb18030/utf8.txt')) };
    const more = articleIdsOf(convertPages([...seeds, extra], noCatalog).files);
    const fewer = articleIdsOf(convertPages(seeds.slice(1), noCatalog).files);
    expect(more.filter((id) => !id.includes('zzz_new'))).toEqual(all);
    expect(fewer).toEqual(all.filter((id) => !id.startsWith(`articles/${seeds[0].name.replace('.txt', '')}`)));
    expect(new Set(all).size).toBe(all.length);
  });

  it('with a page cache, re-converts only a changed page and gives the same files', () => {
    const store = new Map<string, CachedPage>();
    let misses = 0;
    const cache: PageCache = {
      get: (k) => store.get(k),
      set: (k, v) => {
        misses++;
        store.set(k, v);
      },
    };
    const plain = convertPages(seeds, noCatalog).files;
    expect([...convertPages(seeds, noCatalog, { cache, version: 'v1' }).files.entries()]).toEqual([...plain.entries()]);
    expect(misses).toBe(seeds.length);
    const changed = seeds.map((s, i) => (i === 2 ? { ...s, bytes: Buffer.concat([Buffer.from(s.bytes), Buffer.from('\n补记：本版有更正。\n')]) } : s));
    const again = convertPages(changed, noCatalog, { cache, version: 'v1' }).files;
    expect(misses).toBe(seeds.length + 1);
    expect([...again.entries()]).toEqual([...convertPages(changed, noCatalog).files.entries()]);
    convertPages(changed, noCatalog, { cache, version: 'v2' });
    expect(misses).toBe(2 * seeds.length + 1); // a new converter version invalidates everything
  });

  it('converts the other pages when one page is empty or binary, and says which', () => {
    const bad = [
      { name: 'empty.txt', bytes: new Uint8Array() },
      { name: 'binary.txt', bytes: Uint8Array.from([0, 1, 2, 3]) },
    ];
    const out = convertPages([...seeds, ...bad], noCatalog);
    expect(out.fatal).toEqual([]);
    expect(out.warnings.join('\n')).toMatch(/empty\.txt: the file is empty/);
    expect(out.warnings.join('\n')).toMatch(/binary\.txt: .*binary/);
    expect(articleIdsOf(out.files)).toEqual(articleIdsOf(convertPages(seeds, noCatalog).files));
  });

  it('puts catalog metadata on page records and validates the catalog', () => {
    const id = seeds[0].name.replace('.txt', '');
    const catalog = parseCatalog(JSON.stringify({ pages: { [id]: { paper: '某某日报', date: '2025-01-23', pageNumber: 2 } } }), 'catalog.json');
    const rec = JSON.parse(convertPages(seeds, catalog).files.get(`pages/${id}.json`)!);
    expect(rec).toMatchObject({ paper: '某某日报', date: '2025-01-23', pageNumber: 2, pageName: null });
    expect(() => parseCatalog('{"pages":{"x":{"date":"2025-02-30"}}}', 'seeds/catalog.json')).toThrow(/seeds\/catalog\.json: pages\["x"\]\.date/);
    expect(() => parseCatalog('{"pages":{"x":{"pape":"A"}}}', 'seeds/catalog.json')).toThrow(/unknown field "pape"/);
    expect(() => parseCatalog('{"pages":{"x":{"pageNumber":0}}}', 'c.json')).toThrow(/pageNumber/);
  });
});

describe('conservation', () => {
  for (const s of seeds) {
    it(`${s.name}: every character ends up exactly once`, () => {
      const r = parsePage(s.bytes, s.name);
      expect(checkConservation(splitLines(r.text), r)).toBeNull();
    });
  }
  it('detects a lost and a doubled character and names the line', () => {
    const s = seeds[0];
    const r = parsePage(s.bytes, s.name);
    const lines = splitLines(r.text);
    const first = r.articles[0].body[0];
    const lost = structuredClone(r);
    lost.articles[0].body[0] = { ...first, text: first.text.slice(0, -1) };
    const err = checkConservation(lines, lost);
    expect(err?.missing).toBe(first.text.slice(-1));
    expect(err?.line).not.toBeNull();
    const doubled = structuredClone(r);
    doubled.other.push({ type: 'label', text: '党' });
    expect(checkConservation(lines, doubled)?.extra).toBe('党');
  });
});

describe('conservation fast path', () => {
  it('counts control characters as text, as the exact check does', () => {
    const lines = splitLines('甲\u0001乙\n');
    expect(checkConservation(lines, { articles: [], other: [{ type: 'label', text: '甲乙' }] })?.missing).toBe('\u0001');
    expect(checkConservation(lines, { articles: [], other: [{ type: 'label', text: '甲 \u3000乙\u0001' }] })).toBeNull();
  });
});
