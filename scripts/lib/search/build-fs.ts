/**
 * @fileoverview Writes the search index (issue 5): Pagefind's Node API over the token records of
 * the planned items (scripts/lib/search/plan.ts), then the result documents, character files and
 * layout of search-docs/. Shared by scripts/search-index.ts (the site) and scripts/bench-search.ts
 * (synthetic archives).
 */
import { SearchLayoutSchema, SearchMetaSchema } from '../../../core/schema.ts';
import { searchMeta } from '../../../core/search/facets.ts';
import { docShard, encodeRanks, SEARCH_FORMAT, sliceDir } from '../../../core/search/shards.ts';
import { charBucket } from '../../../core/search/tokens.ts';
import { decodeVariants, encodeVariants } from '../../../core/search/variants.ts';
import { gunzipSync, gzipSync } from 'node:zlib';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { recordContent, type SearchDoc } from '../../../core/search/record.ts';
import { archiveVariants, charBucketCount, chunkSizeFor, DOC_EXT, docShardsFor, forItem, INDEX_LANGUAGE, PAGEFIND_CHUNK_SIZE, predictedChunks, type IndexItem } from './plan.ts';

/** Pagefind's bundled UIs; our client talks to pagefind.js directly, so these are never fetched. */
const UNUSED_PAGEFIND_FILES = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;

/** Result of indexing: where things went and how big they are. */
export interface IndexStats {
  records: number;
  /** Variant classes found in the archive, character files, articles indexed with two streams. */
  variantClasses: number;
  charBuckets: number;
  twoStreams: number;
  indexBytes: number;
  indexFiles: number;
  /** Pagefind's index chunk size used (PAGEFIND_CHUNK_SIZE / slices unless a file cap needed larger chunks). */
  chunkSize: number;
  /** Pagefind indexes the archive was split into (sliceRecords). */
  slices: number;
  /** Result documents: shards per script (0 = one file per document); files and gzip bytes of search-docs/ (documents and character files; files also count layout.json). */
  docShards: number;
  docFiles: number;
  docBytes: number;
}

/** Pagefind's files besides index chunks, as budgeted before it runs: meta, entry, JS, worker, wasm, a few filters. */
const PAGEFIND_OTHER_FILES = 10;

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
  /**
   * Most articles in one Pagefind index (default SLICE_RECORDS). A larger archive is indexed as
   * slices of consecutive ranks, one Pagefind run each, merged by the client (Pagefind's
   * mergeIndex): Pagefind's indexer holds its whole index in memory, about 0.4 MiB per article.
   */
  sliceRecords?: number;
}

/**
 * Articles per Pagefind slice. Measured at 20,000 generated articles (2 cores): one index took the
 * Pagefind indexer to an 8.1 GiB peak; slices of 5,000 keep it near 2 GiB (bench/scale.md).
 */
export const SLICE_RECORDS = 5_000;

/** Pagefind's files a merged slice needs: its entry, metadata and index chunks (the script and wasm are the first slice's). */
const MERGED_SLICE_FILE = /^(pagefind-entry\.json|[^/]+\.pf_meta|index\/.+)$/;

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
  let twoStreams = 0;
  const records: pagefind.CustomRecord[] = [];
  /** Character → ranks of the articles containing it (ascending: items are in rank order). */
  const postings = new Map<string, number[]>();
  let entries = 0;
  for (const [i, item] of items.entries()) {
    if (byUrl.has(item.url)) throw new Error(`duplicate url ${item.url}`);
    byUrl.set(item.url, item.doc);
    rankOf.set(item.url, i);
    const rc = forItem(item, () => recordContent(item.doc.hans, item.doc.hant, variants));
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
      // No Pagefind filters or sort: the page filters, counts and orders from search-docs/meta.sdoc,
      // and both would only grow Pagefind's metadata, which every first query downloads.
    });
  }
  const charBuckets = options.charBuckets ?? charBucketCount(entries);

  const sliceRecords = options.sliceRecords ?? SLICE_RECORDS;
  if (!Number.isInteger(sliceRecords) || sliceRecords < 1) throw new Error(`search-index: a slice holds at least one article, not ${sliceRecords}`);
  // As few slices as the limit allows, of equal size (5,001 articles: two of 2,501, not 5,000 and 1).
  const count = Math.max(1, Math.ceil(records.length / sliceRecords));
  const size = Math.ceil(records.length / count);
  const slices: pagefind.CustomRecord[][] = [];
  for (let i = 0; i < records.length; i += size) slices.push(records.slice(i, i + size));
  if (slices.length === 0) slices.push([]);

  let docFiles = 0;
  // A query word loads one index chunk in every slice. Chunks of 1/slices of Pagefind's size keep
  // what a word costs to download about what one chunk of an unsliced index would (more, smaller
  // files); a file cap may then need larger ones.
  const sliceChunk = Math.ceil(PAGEFIND_CHUNK_SIZE / slices.length);
  let firstChunkSize = sliceChunk;
  if (options.maxFiles !== undefined) {
    docShards = docShardsFor(options.maxFiles, items.length, options.docShards);
    // Documents, layout.json, meta.sdoc and the character files.
    docFiles = 2 * (docShards > 0 ? Math.min(docShards, items.length) : items.length) + 2 + charBuckets;
    // Start at a chunk size that should fit, so a large archive is indexed once, not twice.
    const predicted = Math.ceil((slices.reduce((n, r) => n + predictedChunks(r), 0) * PAGEFIND_CHUNK_SIZE) / sliceChunk);
    const allowed = options.maxFiles - docFiles - PAGEFIND_OTHER_FILES * slices.length;
    if (predicted > allowed && allowed > 0) firstChunkSize = chunkSizeFor(sliceChunk, predicted, allowed);
  }
  /** Every slice through Pagefind at one chunk size, one after another (one indexer in memory at a time). */
  const runSlices = async (chunkSize: number): Promise<PagefindOutput> => {
    const files: PagefindOutput['files'] = [];
    const fragments = new Map<string, string>();
    for (const [k, slice] of slices.entries()) {
      const one = await runPagefind(slice, chunkSize);
      for (const f of one.files) if (k === 0 || MERGED_SLICE_FILE.test(f.path)) files.push({ path: sliceDir(k) + f.path, content: f.content });
      for (const [id, url] of one.fragments) {
        // Merged slices answer with their own result ids; the documents are named by them.
        if (fragments.has(id)) throw new Error(`search-index: Pagefind gave two articles the result id ${id} (${fragments.get(id)} and ${url}); index with one slice (--slice-records ${records.length})`);
        fragments.set(id, url);
      }
    }
    return { files, fragments, chunkSize };
  };
  let out = await runSlices(firstChunkSize);
  if (options.maxFiles !== undefined) {
    const chunks = (o: PagefindOutput) => o.files.filter((f) => /^(s\d+\/)?index\//.test(f.path)).length;
    const over = (o: PagefindOutput) => o.files.length + docFiles > options.maxFiles!;
    if (over(out)) {
      const allowed = options.maxFiles - docFiles - (out.files.length - chunks(out));
      if (allowed < 1) {
        throw new Error(
          `search-index: --max-files ${options.maxFiles} leaves no room for Pagefind's index: its other files are ${out.files.length - chunks(out)} and search-docs/ needs ${docFiles}`,
        );
      }
      out = await runSlices(chunkSizeFor(out.chunkSize, chunks(out), allowed));
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
  // The simplified document holds the original paper, date and column: what the filters store.
  const meta = SearchMetaSchema.parse(searchMeta(items.map((i) => i.doc.hans), byRank.map((r) => r.id)));
  const metaBody = gzipSync(JSON.stringify(meta), { level: 9 });
  docBytes += metaBody.length;
  await writeFile(join(docsDir, `meta.${DOC_EXT}`), metaBody);
  const layout = SearchLayoutSchema.parse({ format: SEARCH_FORMAT, shards: docShards, records: items.length, charBuckets, slices: slices.length, variants: encodeVariants(classes) });
  await writeFile(join(docsDir, 'layout.json'), JSON.stringify(layout));
  const written = (await readdir(docsDir)).length;
  return { records: items.length, variantClasses: classes.length, charBuckets, twoStreams, indexBytes, indexFiles: out.files.length, chunkSize: out.chunkSize, slices: slices.length, docShards, docFiles: written, docBytes };
}
