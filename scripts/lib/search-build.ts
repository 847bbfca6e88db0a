/**
 * Build-side helpers for the search index: reading article metadata from the ingest output and
 * indexing a set of articles with Pagefind's Node API. Shared by scripts/search-index.ts (the site)
 * and scripts/bench-search.ts (synthetic archives).
 */
import { docShard, type DocLayout } from '../../src/lib/search/shards.ts';
import { gunzipSync, gzipSync } from 'node:zlib';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { recordContent, type SearchDoc } from '../../src/lib/search/record.ts';

/** Pseudo-language for the index: not zh/ja/th (no segmenting), no stemmer — words stay verbatim. */
export const INDEX_LANGUAGE = 'zxx';

/** Extension of the gzipped per-article result documents (see src/lib/search/engine.ts). */
export const DOC_EXT = 'sdoc';

/** Pagefind's bundled UIs; our client talks to pagefind.js directly, so these are never fetched. */
const UNUSED_PAGEFIND_FILES = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;

/** Minimal frontmatter reader: the ingest writes every value as a JSON literal (scripts/lib/mdx.ts). */
export function readFrontmatter(mdx: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---/.exec(mdx);
  if (!m) throw new Error('no frontmatter');
  const out: Record<string, unknown> = {};
  for (const line of m[1].split('\n')) {
    const i = line.indexOf(': ');
    if (i > 0) out[line.slice(0, i)] = JSON.parse(line.slice(i + 2));
  }
  return out;
}

/** One article ready to index: its document plus filter values and archive rank. */
export interface IndexItem {
  doc: SearchDoc;
  url: string;
  filters: Record<string, string[]>;
}

/** Result of indexing: where things went and how big they are. */
export interface IndexStats {
  records: number;
  indexBytes: number;
  indexFiles: number;
  docBytes: number;
}

/**
 * Indexes `items` (already in archive order) into `<outDir>/pagefind/` and writes one document per
 * article and script to `<outDir>/search-docs/<pagefind result id>.<script>.sdoc` (gzipped JSON), so a result can be shown from its
 * Pagefind id alone. Pagefind's fragments then hold nothing we read (only the token stream), so they
 * are removed, as are Pagefind's bundled UIs.
 */
export async function buildSearchIndex(outDir: string, items: IndexItem[], docShards = 0): Promise<IndexStats> {
  const pfDir = join(outDir, 'pagefind');
  const docsDir = join(outDir, 'search-docs');
  await rm(pfDir, { recursive: true, force: true });
  await rm(docsDir, { recursive: true, force: true });
  const byUrl = new Map<string, SearchDoc>();
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    const width = String(items.length).length;
    for (const [i, item] of items.entries()) {
      if (byUrl.has(item.url)) throw new Error(`duplicate url ${item.url}`);
      byUrl.set(item.url, item.doc);
      const r = await index.addCustomRecord({
        url: item.url,
        content: recordContent(item.doc.hans, item.doc.hant),
        language: INDEX_LANGUAGE,
        filters: item.filters,
        sort: { rank: String(i).padStart(width, '0') },
      });
      if (r.errors.length) throw new Error(`pagefind record ${item.url}: ${r.errors.join('; ')}`);
    }
    const files = await index.getFiles();
    if (files.errors.length) throw new Error(`pagefind: ${files.errors.join('; ')}`);
    await mkdir(docsDir, { recursive: true });
    let docBytes = 0;
    let indexBytes = 0;
    let indexFiles = 0;
    let mapped = 0;
    const shardDocs = new Map<string, Record<string, unknown>>();
    for (const f of files.files) {
      const m = /^fragment\/(.+)\.pf_fragment$/.exec(f.path);
      if (m) {
        // A fragment is gzip("pagefind_dcd" + JSON); we only need its url to name the document.
        const json = gunzipSync(f.content).toString('utf8').replace(/^pagefind_dcd/, '');
        const url: string = JSON.parse(json).url;
        const doc = byUrl.get(url);
        if (!doc) throw new Error(`pagefind fragment for unknown url ${url}`);
        if (docShards > 0) {
          for (const script of ['hans', 'hant'] as const) {
            const k = `s${docShard(m[1], docShards)}.${script}`;
            const shard = shardDocs.get(k) ?? {};
            shard[m[1]] = doc[script];
            shardDocs.set(k, shard);
          }
          mapped++;
          continue;
        }
        for (const script of ['hans', 'hant'] as const) {
          // Stored gzipped (like Pagefind's own files) and inflated by the client: small on disk
          // and on the wire whether or not the host compresses. The extension is deliberately not
          // .gz, which some servers would label Content-Encoding: gzip.
          const body = gzipSync(JSON.stringify(doc[script]), { level: 9 });
          docBytes += body.length;
          await writeFile(join(docsDir, `${m[1]}.${script}.${DOC_EXT}`), body);
        }
        mapped++;
        continue;
      }
      if (UNUSED_PAGEFIND_FILES.test(f.path)) continue;
      const dest = join(pfDir, f.path);
      await mkdir(join(dest, '..'), { recursive: true });
      await writeFile(dest, f.content);
      indexBytes += f.content.length;
      indexFiles++;
    }
    for (const [k, shard] of [...shardDocs].sort(([x], [y]) => (x < y ? -1 : 1))) {
      const body = gzipSync(JSON.stringify(shard), { level: 9 });
      docBytes += body.length;
      await writeFile(join(docsDir, `${k}.${DOC_EXT}`), body);
    }
    const layout: DocLayout = { shards: docShards };
    await writeFile(join(docsDir, 'layout.json'), JSON.stringify(layout));
    if (mapped !== items.length) throw new Error(`pagefind wrote ${mapped} fragments for ${items.length} records`);
    return { records: items.length, indexBytes, indexFiles, docBytes };
  } finally {
    await pagefind.close();
  }
}

/** Lists the immediate subdirectories of `dir` (empty if it does not exist). */
export async function subdirs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory()).map((e) => e.name);
}

/** Reads a file as UTF-8, or null when it is missing. */
export async function readText(path: string): Promise<string | null> {
  return readFile(path, 'utf8').catch(() => null);
}
