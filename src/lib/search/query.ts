/**
 * Query parsing: what the user typed → parts with script variants → the Pagefind searches to run.
 */
import { fold } from './fold.ts';
import { partSearch } from './tokens.ts';
import type { QueryParts } from './verify.ts';

/** Splits a query on whitespace into folded parts (duplicates dropped), each with its variants. */
export function parseQuery(q: string, convert?: (s: string) => string): QueryParts {
  const seen = new Set<string>();
  const parts: QueryParts = [];
  for (const raw of q.split(/[\s\u3000]+/u)) {
    const f = fold(raw);
    if (!f || seen.has(f)) continue;
    seen.add(f);
    const variants = [f];
    if (convert) {
      const c = fold(convert(f));
      if (c && c !== f) variants.push(c);
    }
    parts.push(variants);
  }
  return parts;
}

/** One Pagefind search: its query string and which results it feeds. */
export interface PlannedSearch {
  part: number;
  headline: boolean;
  term: string;
}

/** The body and headline searches for every variant of every part. */
export function planSearches(parts: QueryParts): PlannedSearch[] {
  const plan: PlannedSearch[] = [];
  parts.forEach((variants, part) => {
    for (const v of variants) {
      plan.push({ part, headline: false, term: partSearch(v) });
      plan.push({ part, headline: true, term: partSearch(v, true) });
    }
  });
  return plan;
}

/**
 * Combines per-search hit lists into the ranked result: AND over parts, OR over a part's variants,
 * articles whose headline holds every part first, each group in archive order (`order` = all ids).
 */
export function combineHits(
  parts: number,
  hits: { part: number; headline: boolean; ids: string[] }[],
  order: string[],
): { ids: string[]; headline: Set<string> } {
  const body: Set<string>[] = Array.from({ length: parts }, () => new Set());
  const head: Set<string>[] = Array.from({ length: parts }, () => new Set());
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
