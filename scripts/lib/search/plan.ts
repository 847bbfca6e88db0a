/**
 * @fileoverview The search index's plan, pure: what each article contributes (its documents and
 * filters, in the site's archive order), the script variants of the archive, and how many files
 * of each kind a build may write under a host's file cap (issue 6). scripts/lib/search/build-fs.ts
 * carries it out with Pagefind.
 */
import { hrefFor, routes } from '../../../core/paths.ts';
import { pageLabel, type Archive } from '../../../core/archive.ts';
import { ScriptDocSchema, type ArticleFrontmatter, type PageRecord, type ScriptDoc } from '../../../core/schema.ts';
import { toScriptOrNull } from '../../../core/script.ts';
import { fold } from '../../../core/search/fold.ts';
import { headlineOf, type SearchDoc } from '../../../core/search/record.ts';
import { differingPairs, variantClasses } from '../../../core/search/variants.ts';

/** Pseudo-language for the index: not zh/ja/th (no segmenting), no stemmer — words stay verbatim. */
export const INDEX_LANGUAGE = 'zxx';

/** Extension of the gzipped per-article result documents (see src/lib/search/engine.ts). */
export const DOC_EXT = 'sdoc';

/**
 * Target size of one character file (article–character entries). A one-character query loads one
 * such file; at a few bytes an entry (delta-coded ranks) this keeps it near 100 KB before compression.
 */
export const CHAR_FILE_ENTRIES = 40_000;

/** One article ready to index (items are in archive order): its document and its page's URL. */
export interface IndexItem {
  doc: SearchDoc;
  url: string;
  /** The page file the article is printed on (its seed name), for messages. */
  page?: string;
}

/**
 * The archive's script variants: every pair of characters that differ at the same place in an
 * article's folded simplified and traditional texts (body and headline), joined into classes.
 */
export function archiveVariants(items: IndexItem[]): string[] {
  const pairs: [string, string][] = [];
  for (const item of items) {
    const { doc } = item;
    forItem(item, () => {
      for (const [a, b] of [
        [doc.hans.text, doc.hant.text],
        [headlineOf(doc.hans), headlineOf(doc.hant)],
      ]) {
        // One by one: a long article has more pairs than a call's arguments may number (issue 13).
        for (const pair of differingPairs(fold(a), fold(b)) ?? []) pairs.push(pair);
      }
    });
  }
  return variantClasses(pairs);
}

/** Runs `f` for one item; an error from it names the article and its page (issue 13). */
export function forItem<T>(item: IndexItem, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new Error(`search-index: article ${item.doc.hans.id} (page ${item.page ?? 'unknown'}, ${item.url}): ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
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


/** The indexed texts of an article's two built pages (their data-pagefind-body), or null where a page has none. */
export interface ArticleTexts {
  hans: string | null;
  hant: string | null;
}

/** An article's result document in one script: labels as the site prints them, converted for traditional. */
function scriptDoc(a: ArticleFrontmatter, p: PageRecord, label: string, text: string, locale: 'zh-hans' | 'zh-hant'): ScriptDoc {
  const t = (s: string | null) => toScriptOrNull(s, locale);
  return ScriptDocSchema.parse({ id: a.id, paper: t(p.paper), date: p.date, page: t(label), column: t(a.column), kicker: t(a.kicker), title: t(a.title), subtitle: t(a.subtitle), text });
}

/**
 * The index items of an archive, in its archive order (the site's: core/archive.ts `articleOrder`,
 * which is the order results are shown in), each page labelled as the site labels it. Articles
 * whose pages lack an indexed text in either script are returned in `missing`.
 */
export function indexItems(archive: Archive, base: string, textsOf: (id: string) => ArticleTexts): { items: IndexItem[]; missing: string[] } {
  const items: IndexItem[] = [];
  const missing: string[] = [];
  for (const id of archive.articleOrder) {
    const a = archive.articles.get(id)!;
    const p = archive.pages.get(a.page)!;
    const { hans, hant } = textsOf(id);
    if (hans === null || hant === null) {
      missing.push(id);
      continue;
    }
    const label = pageLabel(p, archive);
    items.push({
      page: p.seed,
      url: hrefFor(base, 'zh-hans', routes.article(id)),
      doc: { hans: scriptDoc(a, p, label, hans, 'zh-hans'), hant: scriptDoc(a, p, label, hant, 'zh-hant') },
    });
  }
  return { items, missing };
}
