/**
 * Build-side helpers for the search index: reading article metadata from the ingest output and
 * indexing a set of articles with Pagefind's Node API. Shared by scripts/search-index.ts (the site)
 * and scripts/bench-search.ts (synthetic archives).
 */
import { SearchLayoutSchema } from '../../../core/schema.ts';
import { docShard, encodeRanks, SEARCH_FORMAT } from '../../../core/search/shards.ts';
import { charBucket } from '../../../core/search/tokens.ts';
import { fold } from '../../../core/search/fold.ts';
import { decodeVariants, differingPairs, encodeVariants, variantClasses } from '../../../core/search/variants.ts';
import { gunzipSync, gzipSync } from 'node:zlib';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { headlineOf, recordContent, type SearchDoc } from '../../../core/search/record.ts';

/** Pseudo-language for the index: not zh/ja/th (no segmenting), no stemmer — words stay verbatim. */
export const INDEX_LANGUAGE = 'zxx';

/** Extension of the gzipped per-article result documents (see src/lib/search/engine.ts). */
export const DOC_EXT = 'sdoc';

/**
 * Target size of one character file (article–character entries). A one-character query loads one
 * such file; at a few bytes an entry (delta-coded ranks) this keeps it near 100 KB before compression.
 */
export const CHAR_FILE_ENTRIES = 40_000;

/** Pagefind's bundled UIs; our client talks to pagefind.js directly, so these are never fetched. */
const UNUSED_PAGEFIND_FILES = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;

/** One article ready to index: its document plus filter values and archive rank. */
export interface IndexItem {
  doc: SearchDoc;
  url: string;
  filters: Record<string, string[]>;
}

/** Result of indexing: where things went and how big they are. */
export interface IndexStats {
  records: number;
  /** Variant classes found in the archive, character files, articles indexed with two streams. */
  variantClasses: number;
  charBuckets: number;
  twoStreams: number;
  indexBytes: number;
  indexFiles: number;
  /** Pagefind's index chunk size used (PAGEFIND_CHUNK_SIZE unless a file cap needed larger chunks). */
  chunkSize: number;
  /** Result documents: shards per script (0 = one file per document); files and gzip bytes of search-docs/ (documents and character files; files also count layout.json). */
  docShards: number;
  docFiles: number;
  docBytes: number;
}

/**
 * The archive's script variants: every pair of characters that differ at the same place in an
 * article's folded simplified and traditional texts (body and headline), joined into classes.
 */
export function archiveVariants(items: IndexItem[]): string[] {
  const pairs: [string, string][] = [];
  for (const { doc } of items) {
    for (const [a, b] of [
      [doc.hans.text, doc.hant.text],
      [headlineOf(doc.hans), headlineOf(doc.hant)],
    ]) {
      pairs.push(...(differingPairs(fold(a), fold(b)) ?? []));
    }
  }
  return variantClasses(pairs);
}

/** How many character files an archive gets: enough that each holds about CHAR_FILE_ENTRIES. */
export function charBucketCount(entries: number): number {
  return Math.max(1, Math.ceil(entries / CHAR_FILE_ENTRIES));
}

/** Pagefind's default index chunk size (pagefind/src/index/mod.rs: locations + pages per chunk). */
export const PAGEFIND_CHUNK_SIZE = 20_000;

/**
 * Result-document shards under a file cap of `maxFiles` search files: documents get a quarter of
 * the cap — one file per article and script if that fits, else as many shards as fit (more shards
 * = smaller downloads per result). An explicit `requested` shard count wins.
 */
export function docShardsFor(maxFiles: number, articles: number, requested = 0): number {
  if (requested > 0) return requested;
  const share = Math.floor(maxFiles / 4);
  if (2 * articles + 1 <= share) return 0;
  return Math.max(1, Math.floor((share - 1) / 2));
}

/**
 * The index chunk size that should bring `chunks` chunks (built at `size`) down to `allowed`:
 * chunks hold about `size` locations each, so scale, with 10% to spare for the last word of a
 * chunk overshooting.
 */
export function chunkSizeFor(size: number, chunks: number, allowed: number): number {
  if (allowed < 1) throw new Error('no room for an index chunk');
  return Math.ceil(((size * chunks) / allowed) * 1.1);
}

/** Pagefind's files besides index chunks, as budgeted before it runs: meta, entry, JS, worker, wasm, a few filters. */
const PAGEFIND_OTHER_FILES = 10;

/**
 * Pagefind's index chunks for `records` at the default chunk size, estimated from the words: a chunk
 * holds about PAGEFIND_CHUNK_SIZE locations plus word–page entries. Pagefind's real count runs ~20%
 * higher than this sum (1,752 against 1,471 at 20,000 articles), so the estimate adds a quarter.
 */
export function predictedChunks(records: { content: string }[]): number {
  let units = 0;
  for (const r of records) {
    const words = r.content.split(' ');
    units += words.length + new Set(words).size;
  }
  return Math.ceil((units / PAGEFIND_CHUNK_SIZE) * 1.25);
}

/** Options of buildSearchIndex (see scripts/search-index.ts). */
export interface IndexOptions {
  /** Pack result documents into this many files per script (0: one file per article and script). */
  docShards?: number;
  /**
   * Cap on the search files written (pagefind/ and search-docs/ together). Documents get a quarter
   * (docShardsFor); if Pagefind's index does not fit the rest, it is built again with larger index
   * chunks (Pagefind's PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE). An index that still does not fit is an
   * error.
   */
  maxFiles?: number;
  /** Number of character files (default: fitted to the archive, see charBucketCount). */
  charBuckets?: number;
}

/** One Pagefind build of the records: its files (fragments and bundled UIs dropped) and fragment map. */
interface PagefindOutput {
  files: { path: string; content: Uint8Array }[];
  /** Fragment (result) id → url. */
  fragments: Map<string, string>;
  chunkSize: number;
}

/** Builds Pagefind's index of `records` at the given index chunk size (a fresh Pagefind service). */
async function runPagefind(records: pagefind.CustomRecord[], chunkSize: number): Promise<PagefindOutput> {
  const before = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  // Read by the Pagefind service when it starts (createIndex spawns it; close() stops it).
  if (chunkSize !== PAGEFIND_CHUNK_SIZE) process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(chunkSize);
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    for (const record of records) {
      const r = await index.addCustomRecord(record);
      if (r.errors.length) throw new Error(`pagefind record ${record.url}: ${r.errors.join('; ')}`);
    }
    const got = await index.getFiles();
    if (got.errors.length) throw new Error(`pagefind: ${got.errors.join('; ')}`);
    const files: PagefindOutput['files'] = [];
    const fragments = new Map<string, string>();
    for (const f of got.files) {
      const m = /^fragment\/(.+)\.pf_fragment$/.exec(f.path);
      if (m) {
        // A fragment is gzip("pagefind_dcd" + JSON); we only need its url to name the document.
        const json = gunzipSync(f.content).toString('utf8').replace(/^pagefind_dcd/, '');
        fragments.set(m[1], JSON.parse(json).url);
      } else if (!UNUSED_PAGEFIND_FILES.test(f.path)) {
        files.push({ path: f.path, content: f.content });
      }
    }
    return { files, fragments, chunkSize };
  } finally {
    await pagefind.close();
    if (before === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = before;
  }
}

/**
 * Indexes `items` (already in archive order) into `<outDir>/pagefind/` and writes one document per
 * article and script to `<outDir>/search-docs/<pagefind result id>.<script>.sdoc` (gzipped JSON, or
 * shards of them), so a result can be shown from its Pagefind id alone. Pagefind's fragments hold
 * nothing we read (only the token stream), so they are not written, nor are Pagefind's bundled UIs.
 */
export async function buildSearchIndex(outDir: string, items: IndexItem[], options: IndexOptions = {}): Promise<IndexStats> {
  let docShards = options.docShards ?? 0;
  const pfDir = join(outDir, 'pagefind');
  const docsDir = join(outDir, 'search-docs');
  await rm(pfDir, { recursive: true, force: true });
  await rm(docsDir, { recursive: true, force: true });
  const byUrl = new Map<string, SearchDoc>();
  /** Archive rank (the index's `rank` sort) of each url. */
  const rankOf = new Map<string, number>();
  const classes = archiveVariants(items);
  const variants = decodeVariants(encodeVariants(classes));
  const width = String(items.length).length;
  let twoStreams = 0;
  const records: pagefind.CustomRecord[] = [];
  /** Character → ranks of the articles containing it (ascending: items are in rank order). */
  const postings = new Map<string, number[]>();
  let entries = 0;
  for (const [i, item] of items.entries()) {
    if (byUrl.has(item.url)) throw new Error(`duplicate url ${item.url}`);
    byUrl.set(item.url, item.doc);
    rankOf.set(item.url, i);
    const rc = recordContent(item.doc.hans, item.doc.hant, variants);
    if (rc.twoStreams) twoStreams++;
    for (const ch of rc.chars) {
      const list = postings.get(ch);
      if (list) list.push(i);
      else postings.set(ch, [i]);
    }
    entries += rc.chars.length;
    records.push({
      url: item.url,
      content: rc.content,
      language: INDEX_LANGUAGE,
      filters: item.filters,
      sort: { rank: String(i).padStart(width, '0') },
    });
  }
  const charBuckets = options.charBuckets ?? charBucketCount(entries);

  let docFiles = 0;
  let firstChunkSize = PAGEFIND_CHUNK_SIZE;
  if (options.maxFiles !== undefined) {
    docShards = docShardsFor(options.maxFiles, items.length, options.docShards);
    // Documents, layout.json and the character files.
    docFiles = 2 * (docShards > 0 ? Math.min(docShards, items.length) : items.length) + 1 + charBuckets;
    // Start at a chunk size that should fit, so a large archive is indexed once, not twice.
    const predicted = predictedChunks(records);
    const allowed = options.maxFiles - docFiles - PAGEFIND_OTHER_FILES;
    if (predicted > allowed && allowed > 0) firstChunkSize = chunkSizeFor(PAGEFIND_CHUNK_SIZE, predicted, allowed);
  }
  let out = await runPagefind(records, firstChunkSize);
  if (options.maxFiles !== undefined) {
    const chunks = (o: PagefindOutput) => o.files.filter((f) => f.path.startsWith('index/')).length;
    const over = (o: PagefindOutput) => o.files.length + docFiles > options.maxFiles!;
    if (over(out)) {
      const allowed = options.maxFiles - docFiles - (out.files.length - chunks(out));
      if (allowed < 1) {
        throw new Error(
          `search-index: --max-files ${options.maxFiles} leaves no room for Pagefind's index: its other files are ${out.files.length - chunks(out)} and search-docs/ needs ${docFiles}`,
        );
      }
      out = await runPagefind(records, chunkSizeFor(out.chunkSize, chunks(out), allowed));
      if (over(out)) {
        throw new Error(
          `search-index: ${out.files.length} Pagefind files (index chunk size ${out.chunkSize}) + ${docFiles} files in search-docs/ exceed --max-files ${options.maxFiles}`,
        );
      }
    }
  }

  await mkdir(docsDir, { recursive: true });
  let docBytes = 0;
  let indexBytes = 0;
  const shardDocs = new Map<string, Record<string, unknown>>();
  // In archive order, so each shard lists its documents in a fixed order whatever Pagefind's.
  const byRank = [...out.fragments].map(([id, url]) => ({ id, url, rank: rankOf.get(url) ?? -1 })).sort((a, b) => a.rank - b.rank);
  for (const { id, url, rank } of byRank) {
    const doc = byUrl.get(url);
    if (!doc || rank < 0) throw new Error(`pagefind fragment for unknown url ${url}`);
    for (const script of ['hans', 'hant'] as const) {
      if (docShards > 0) {
        const k = `s${docShard(rank, items.length, docShards)}.${script}`;
        const shard = shardDocs.get(k) ?? {};
        shard[id] = doc[script];
        shardDocs.set(k, shard);
      } else {
        // Stored gzipped (like Pagefind's own files) and inflated by the client: small on disk
        // and on the wire whether or not the host compresses. The extension is deliberately not
        // .gz, which some servers would label Content-Encoding: gzip.
        const body = gzipSync(JSON.stringify(doc[script]), { level: 9 });
        docBytes += body.length;
        await writeFile(join(docsDir, `${id}.${script}.${DOC_EXT}`), body);
      }
    }
  }
  if (out.fragments.size !== items.length) throw new Error(`pagefind wrote ${out.fragments.size} fragments for ${items.length} records`);
  for (const [k, shard] of [...shardDocs].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const body = gzipSync(JSON.stringify(shard), { level: 9 });
    docBytes += body.length;
    await writeFile(join(docsDir, `${k}.${DOC_EXT}`), body);
  }
  const charFiles = Array.from({ length: charBuckets }, () => ({}) as Record<string, number[]>);
  for (const [ch, ranks] of [...postings].sort(([a], [b]) => a.codePointAt(0)! - b.codePointAt(0)!)) {
    charFiles[charBucket(ch, charBuckets)][ch] = encodeRanks(ranks);
  }
  for (const [k, file] of charFiles.entries()) {
    const body = gzipSync(JSON.stringify(file), { level: 9 });
    docBytes += body.length;
    await writeFile(join(docsDir, `c${k}.${DOC_EXT}`), body);
  }
  for (const f of out.files) {
    const dest = join(pfDir, f.path);
    await mkdir(join(dest, '..'), { recursive: true });
    await writeFile(dest, f.content);
    indexBytes += f.content.length;
  }
  const layout = SearchLayoutSchema.parse({ format: SEARCH_FORMAT, shards: docShards, records: items.length, charBuckets, variants: encodeVariants(classes) });
  await writeFile(join(docsDir, 'layout.json'), JSON.stringify(layout));
  const written = (await readdir(docsDir)).length;
  return { records: items.length, variantClasses: classes.length, charBuckets, twoStreams, indexBytes, indexFiles: out.files.length, chunkSize: out.chunkSize, docShards, docFiles: written, docBytes };
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
