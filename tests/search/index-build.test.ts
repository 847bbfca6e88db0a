/**
 * The search index build with a file cap (issue #6), run with the real Pagefind on a small
 * generated archive: the cap holds, by packing documents and, when needed, a second Pagefind pass
 * with larger index chunks.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { sliceDir } from '../../core/search/shards.ts';
import { buildSearchIndex } from '../../scripts/lib/search/build-fs.ts';
import { docShardsFor, PAGEFIND_CHUNK_SIZE, type IndexItem } from '../../scripts/lib/search/plan.ts';
import { rng } from '../../scripts/lib/synth.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function archive(n: number): IndexItem[] {
  const rand = rng(7);
  const pool = Array.from({ length: 400 }, (_, i) => String.fromCodePoint(0x4e00 + i * 37));
  return Array.from({ length: n }, (_, i) => {
    const text = Array.from({ length: 600 }, () => pool[Math.floor(rand() * pool.length)]).join('');
    const doc = (t: string) => ({ id: `a${i}`, paper: null, date: null, page: null, column: null, kicker: null, title: t.slice(0, 8), subtitle: null, text: t });
    return { url: `/articles/a${i}/`, doc: { hans: doc(text), hant: doc(text) } };
  });
}

function searchFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /(^|\/)(pagefind|search-docs)(\/|$)/.test(join(e.parentPath, e.name).slice(dir.length))).length;
}

describe('search index under a file cap', () => {
  const items = archive(60);

  it('packs documents and enlarges index chunks until the cap holds', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'baoku-idx-'));
    dirs.push(plain);
    const free = await buildSearchIndex(plain, items);
    expect(free.docShards).toBe(0);
    expect(free.chunkSize).toBe(PAGEFIND_CHUNK_SIZE);
    const pagefindFiles = free.indexFiles;
    // Documents (two per article), layout.json, meta.sdoc and the one character file.
    expect(free.charBuckets).toBe(1);
    expect(searchFiles(plain)).toBe(pagefindFiles + 2 * items.length + 1 + 1 + 1);

    // A cap that one shard per script, layout.json, meta.sdoc, the character file and the default
    // index would just miss.
    const cap = pagefindFiles + 4;
    expect(docShardsFor(cap, items.length)).toBe(1);
    const capped = mkdtempSync(join(tmpdir(), 'baoku-idx-'));
    dirs.push(capped);
    const stats = await buildSearchIndex(capped, items, { maxFiles: cap });
    expect(stats.docShards).toBe(1);
    expect(stats.chunkSize).toBeGreaterThan(PAGEFIND_CHUNK_SIZE);
    expect(searchFiles(capped)).toBeLessThanOrEqual(cap);
    expect(JSON.parse(readFileSync(join(capped, 'search-docs/layout.json'), 'utf8')).shards).toBe(1);
  }, 60_000);

  it('splits Pagefind into equal slices of consecutive ranks, each slice its own index, and a cap still holds over all of them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baoku-idx-'));
    dirs.push(dir);
    const one = mkdtempSync(join(tmpdir(), 'baoku-idx-'));
    dirs.push(one);
    const whole = await buildSearchIndex(one, items, { sliceRecords: items.length });
    expect(whole.slices).toBe(1);
    const cap = whole.indexFiles + 2 * items.length + 3 + 12;
    const stats = await buildSearchIndex(dir, items, { sliceRecords: 25, maxFiles: cap });
    // 60 articles at most 25 a slice: three slices.
    expect(stats.slices).toBe(3);
    expect(JSON.parse(readFileSync(join(dir, 'search-docs/layout.json'), 'utf8')).slices).toBe(3);
    expect(searchFiles(dir)).toBeLessThanOrEqual(cap);
    for (const k of [0, 1, 2]) expect(readdirSync(join(dir, 'pagefind', sliceDir(k))).some((f) => f.endsWith('.pf_meta')), `slice ${k}`).toBe(true);
    expect(readdirSync(join(dir, 'pagefind'))).not.toContain('s3');
    // Every article has its result documents, whichever slice answers for it.
    const shards = readdirSync(join(dir, 'search-docs')).filter((f) => /^s\d+\.hans\.sdoc$/.test(f));
    const ids = shards.flatMap((f) => Object.keys(JSON.parse(gunzipSync(readFileSync(join(dir, 'search-docs', f))).toString('utf8'))));
    expect(new Set(ids).size).toBe(items.length);
    await expect(buildSearchIndex(dir, items, { sliceRecords: 0 })).rejects.toThrow(/at least one article/);
  }, 120_000);

  it('says so when the cap cannot be met', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baoku-idx-'));
    dirs.push(dir);
    await expect(buildSearchIndex(dir, items, { maxFiles: 6 })).rejects.toThrow(/--max-files 6/);
  }, 60_000);
});
