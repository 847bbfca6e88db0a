/**
 * The search layout, `search-docs/layout.json`, written by the indexer and read by the client before
 * its first search.
 *
 * Where the result documents live (issue #6): by default one file per article and script, so a
 * results page downloads only what it shows; with `--doc-shards N` (or a file cap) the documents are
 * packed into N files per script, each a run of consecutive articles in archive order (Pagefind's
 * `rank` sort). Results are shown in archive order too, so a page of results mostly falls into one
 * or two shards rather than one shard per result. The file's shape is `SearchLayoutSchema`
 * (core/schema.ts).
 */

/**
 * Version of the index format (layout, documents, character files, Pagefind words). A client only
 * reads a part built with its own format: archive parts must be rebuilt together when it changes.
 * 3: search-docs/meta.sdoc (filters, dates and sorting done by the page, issue 12).
 * 4: Pagefind's index in slices of consecutive ranks, merged by the client (layout.slices, issue 15).
 */
export const SEARCH_FORMAT = 4;

/** Slice k's Pagefind folder under pagefind/ (build and page agree on it): the first is Pagefind's own folder, the rest beside it. */
export function sliceDir(k: number): string {
  return k === 0 ? '' : `s${k}/`;
}

/** The shard holding the article of archive rank `rank`: equal runs of consecutive ranks. */
export function docShard(rank: number, records: number, shards: number): number {
  if (!Number.isInteger(records) || records < 1) throw new Error(`search layout: bad record count ${records}`);
  if (!Number.isInteger(rank) || rank < 0 || rank >= records) throw new Error(`rank ${rank} outside 0..${records - 1}`);
  return Math.floor((rank * shards) / records);
}

/** Ranks as stored in a character file: ascending, each as the difference from the one before. */
export function encodeRanks(ranks: number[]): number[] {
  return ranks.map((r, i) => (i === 0 ? r : r - ranks[i - 1]));
}

/** Inverse of encodeRanks. */
export function decodeRanks(deltas: number[]): number[] {
  const out: number[] = [];
  let r = 0;
  for (const [i, d] of deltas.entries()) out.push((r = i === 0 ? d : r + d));
  return out;
}
