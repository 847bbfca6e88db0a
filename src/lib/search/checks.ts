/**
 * @fileoverview What the search page downloads, checked before use: the search layout, result
 * documents, document shards and character files (their shapes are the zod schemas of
 * core/schema.ts). The browser gets these few lines instead of zod, whose namespace export would
 * add ~90 KB gzip to the search page; tests/search/checks.test.ts holds every check to the
 * schema's verdict on the same inputs (issue 14).
 */
import type { ScriptDoc, SearchLayout, SearchMeta } from '../../../core/schema.ts';

/** A downloaded file that does not have the shape its reader expects. */
export class SearchFileError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'SearchFileError';
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isWhole = (x: unknown, min: number): x is number => typeof x === 'number' && Number.isInteger(x) && x >= min;
const isText = (x: unknown): x is string => typeof x === 'string';
const isNullableText = (x: unknown): x is string | null => x === null || typeof x === 'string';

/** `search-docs/layout.json` as SearchLayoutSchema reads it; throws SearchFileError naming `file`. */
export function checkLayout(x: unknown, file: string): SearchLayout {
  if (!isObject(x)) throw new SearchFileError(file, 'not an object');
  const { format, shards, records, charBuckets, slices, variants } = x;
  if (!isWhole(format, 1)) throw new SearchFileError(file, 'format must be a whole number ≥ 1');
  if (!isWhole(shards, 0) || !isWhole(records, 0) || !isWhole(charBuckets, 1)) throw new SearchFileError(file, 'shards, records and charBuckets must be whole numbers');
  if (!isWhole(slices, 1)) throw new SearchFileError(file, 'slices must be a whole number ≥ 1');
  if (!isText(variants)) throw new SearchFileError(file, 'variants must be a string');
  return { format, shards, records, charBuckets, slices, variants };
}

/** One result document as ScriptDocSchema reads it. */
export function checkDoc(x: unknown, file: string): ScriptDoc {
  if (!isObject(x)) throw new SearchFileError(file, 'a document is not an object');
  const { id, paper, date, page, column, kicker, title, subtitle, text } = x;
  if (!isText(id) || !isText(text)) throw new SearchFileError(file, 'a document needs a string id and text');
  const label = (v: unknown): string | null => {
    if (!isNullableText(v)) throw new SearchFileError(file, `document ${id}: a label is neither a string nor null`);
    return v;
  };
  return { id, paper: label(paper), date: label(date), page: label(page), column: label(column), kicker: label(kicker), title: label(title), subtitle: label(subtitle), text };
}

/** A document shard (result id → document) as DocShardSchema reads it. */
export function checkShard(x: unknown, file: string): Record<string, ScriptDoc> {
  if (!isObject(x)) throw new SearchFileError(file, 'not an object');
  return Object.fromEntries(Object.entries(x).map(([id, doc]) => [id, checkDoc(doc, file)]));
}

/** A character file (character → delta-coded ranks) as CharFileSchema reads it. */
export function checkCharFile(x: unknown, file: string): Record<string, number[]> {
  if (!isObject(x)) throw new SearchFileError(file, 'not an object');
  const out: Record<string, number[]> = {};
  for (const [ch, ranks] of Object.entries(x)) {
    if (!Array.isArray(ranks) || !ranks.every((r) => isWhole(r, 0))) throw new SearchFileError(file, `the ranks of "${ch}" are not whole numbers`);
    out[ch] = ranks;
  }
  return out;
}

/** `search-docs/meta.sdoc` as SearchMetaSchema reads it. */
export function checkMeta(x: unknown, file: string): SearchMeta {
  if (!isObject(x)) throw new SearchFileError(file, 'not an object');
  const { papers, columns, ids, rows } = x;
  const names = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);
  if (!names(papers) || !names(columns) || !names(ids)) throw new SearchFileError(file, 'papers, columns and ids must be lists of strings');
  if (Object.keys(x).some((k) => !['papers', 'columns', 'ids', 'rows'].includes(k))) throw new SearchFileError(file, 'unknown field');
  const index = (v: unknown) => isWhole(v, -1);
  if (!Array.isArray(rows) || !rows.every((r) => Array.isArray(r) && r.length === 3 && index(r[0]) && isWhole(r[1], 0) && index(r[2]))) {
    throw new SearchFileError(file, 'rows must be [paper, date, column] whole numbers');
  }
  return { papers, columns, ids, rows: rows as SearchMeta['rows'] };
}

/** The subset of the Pagefind JS API the engine uses (pagefind/pagefind.js, a module of the built site). */
export interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** Resolves to an object with `results` (each with an `id`), or null when a newer search superseded it. */
  search(term: string | null, o?: Record<string, unknown>): Promise<unknown>;
  /** Adds another index (a slice of the same part) to the searches. */
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
}

/** True when the imported pagefind.js module has the functions the engine calls. */
export function isPagefind(x: unknown): x is Pagefind {
  return isObject(x) && typeof x.options === 'function' && typeof x.init === 'function' && typeof x.search === 'function' && typeof x.mergeIndex === 'function';
}

/** The result ids of a Pagefind search answer ([] for a superseded search). */
export function resultIds(answer: unknown, file: string): string[] {
  if (answer === null) return [];
  if (!isObject(answer) || !Array.isArray(answer.results)) throw new SearchFileError(file, 'a search answered without results');
  return answer.results.map((r: unknown) => {
    if (!isObject(r) || !isText(r.id)) throw new SearchFileError(file, 'a search result has no id');
    return r.id;
  });
}
