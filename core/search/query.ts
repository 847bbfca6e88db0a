/**
 * Query parsing: what the user typed → folded parts → the Pagefind searches to run.
 */
import { fold } from './fold.ts';
import { partSearch, type PartSearch } from './tokens.ts';
import { NO_VARIANTS, type Variants } from './variants.ts';
import type { QueryParts } from './verify.ts';

/**
 * Splits a query on whitespace into parts folded for search (script variants mapped with
 * `variants`), duplicates dropped.
 */
export function parseQuery(q: string, variants: Variants = NO_VARIANTS): QueryParts {
  const parts: QueryParts = [];
  for (const raw of q.split(/[\s\u3000]+/u)) {
    const f = fold(raw, variants);
    if (f && !parts.includes(f)) parts.push(f);
  }
  return parts;
}

/** One search and which results it feeds. */
export type PlannedSearch = PartSearch & { part: number; headline: boolean };

/** The body and headline searches for every part. */
export function planSearches(parts: QueryParts): PlannedSearch[] {
  return parts.flatMap((p, part) => [
    { part, headline: false, ...partSearch(p, false) },
    { part, headline: true, ...partSearch(p, true) },
  ]);
}

/**
 * Combines per-search hit lists into the ranked result: AND over parts, articles whose headline
 * holds every part first, each group in archive order (`order` = all ids).
 */
export function combineHits(
  parts: number,
  hits: { part: number; headline: boolean; ids: string[] }[],
  order: string[],
): { ids: string[]; headline: Set<string> } {
  const body: Set<string>[] = Array.from({ length: parts }, () => new Set());
  const head: Set<string>[] = Array.from({ length: parts }, () => new Set());
  // Hit lists of the same part and kind are unioned (a part normally has one search of each kind).
  for (const h of hits) for (const id of h.ids) (h.headline ? head : body)[h.part].add(id);
  const all = (sets: Set<string>[]) => (id: string) => sets.length > 0 && sets.every((s) => s.has(id));
  const inBody = all(body);
  const inHead = all(head);
  const first: string[] = [];
  const rest: string[] = [];
  for (const id of order) {
    if (!inBody(id)) continue;
    (inHead(id) ? first : rest).push(id);
  }
  return { ids: [...first, ...rest], headline: new Set(first) };
}
