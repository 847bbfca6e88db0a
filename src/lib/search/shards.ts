/**
 * The search layout, `search-docs/layout.json`, written by the indexer and read by the client before
 * its first search.
 *
 * Where the result documents live (issue #6): by default one file per article and script, so a
 * results page downloads only what it shows; with `--doc-shards N` the documents are packed into N
 * files per script (a result's shard is a hash of its id), which keeps a large archive under a
 * host's file-count cap at the cost of downloading whole shards.
 */

/** Contents of search-docs/layout.json. */
export interface SearchLayout {
  /** 0: one file per document (`<id>.<script>.sdoc`); N: `s<k>.<script>.sdoc` holding {id: doc}. */
  shards: number;
  /** Number of character filters (see tokens.ts). */
  charBuckets: number;
  /** The archive's script-variant classes (see variants.ts), space-separated. */
  variants: string;
}

/** The shard of a result id (FNV-1a, 32 bit): the same in the indexer and the browser. */
export function docShard(id: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shards;
}
