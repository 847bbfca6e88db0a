/**
 * @fileoverview The search filters — paper, year, column, and a date range (issue 12): the values the
 * indexer stores for each article (`search-docs/meta.sdoc`, SearchMetaSchema) and the options the
 * search page offers, from one definition, so an option always names values the index holds. The
 * page filters, counts and sorts its results with the functions here. Values are the simplified
 * originals; option labels follow the page's script.
 */
import type { SearchMeta } from '../schema.ts';

/** The select filters, in the order the search page shows them and reads them from its URL. */
export const FILTER_KEYS = ['paper', 'year', 'column'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Result orders: relevance (headline matches first, then archive order), newest or oldest printed first. */
export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];

/** The metadata the filters need for one article. */
export interface FacetSource {
  paper: string | null;
  date: string | null;
  column: string | null;
}

/** An article's value for each filter; null where its page or headline does not say. */
export function filterValues(s: FacetSource): Record<FilterKey, string | null> {
  return { paper: s.paper || null, year: s.date?.slice(0, 4) || null, column: s.column || null };
}

/** One select of the search page's filters. */
export interface FilterSpec {
  key: FilterKey;
  label: string;
  options: { value: string; label: string }[];
}

/** Filter specs with the values present in the archive: sorted, years newest first. */
export function facetsOf(items: FacetSource[], labels: Record<FilterKey, string>, toLabel: (s: string) => string = (s) => s): FilterSpec[] {
  const values = items.map(filterValues);
  return FILTER_KEYS.map((key) => {
    const sorted = [...new Set(values.map((v) => v[key]).filter((v) => v !== null))].sort();
    if (key === 'year') sorted.reverse();
    return { key, label: labels[key], options: sorted.map((value) => ({ value, label: toLabel(value) })) };
  });
}

/** The earliest and latest date of the archive (for the date range's bounds), or null when nothing is dated. */
export function dateSpan(items: FacetSource[]): [string, string] | null {
  const dates = items.map((i) => i.date).filter((d): d is string => d !== null).sort();
  return dates.length ? [dates[0], dates[dates.length - 1]] : null;
}

/** The search meta file of items in rank order, with their Pagefind result ids (the indexer writes it). */
export function searchMeta(items: FacetSource[], ids: string[]): SearchMeta {
  if (ids.length !== items.length) throw new Error(`search meta: ${ids.length} ids for ${items.length} items`);
  const papers = [...new Set(items.map((i) => i.paper).filter((p): p is string => !!p))].sort();
  const columns = [...new Set(items.map((i) => i.column).filter((c): c is string => !!c))].sort();
  const pi = new Map(papers.map((p, k) => [p, k]));
  const ci = new Map(columns.map((c, k) => [c, k]));
  return { papers, columns, ids, rows: items.map((i) => [i.paper ? pi.get(i.paper)! : -1, i.date ? Number(i.date.replace(/-/g, '')) : 0, i.column ? ci.get(i.column)! : -1]) };
}

/** One result's filter values, read from the meta file's row (dates back in YYYY-MM-DD). */
export function rowValues(meta: SearchMeta, rank: number): FacetSource {
  const row = meta.rows[rank];
  if (!row) throw new Error(`search meta: no row for rank ${rank}`);
  const [p, d, c] = row;
  const ds = d ? String(d) : null;
  return { paper: p >= 0 ? meta.papers[p] : null, date: ds ? `${ds.slice(0, 4)}-${ds.slice(4, 6)}-${ds.slice(6, 8)}` : null, column: c >= 0 ? meta.columns[c] : null };
}

/** What the reader chose: select filters and an inclusive date range (YYYY-MM-DD; either end may be open). */
export interface Selection {
  filters: Partial<Record<FilterKey, string>>;
  from?: string;
  to?: string;
}

/** Whether an article passes the selection, leaving out filter `except` (for counting that filter's values). */
export function passes(v: FacetSource, sel: Selection, except?: FilterKey): boolean {
  const values = filterValues(v);
  for (const k of FILTER_KEYS) {
    const want = sel.filters[k];
    if (k !== except && want && values[k] !== want) return false;
  }
  // A date range keeps only dated articles: an undated one cannot be said to fall in it.
  if (sel.from || sel.to) {
    if (v.date === null) return false;
    if (sel.from && v.date < sel.from) return false;
    if (sel.to && v.date > sel.to) return false;
  }
  return true;
}

/**
 * How many results each value of each filter would leave, given the other filters and the date
 * range (the usual faceted count: a filter's own choice does not narrow its own counts).
 */
export function facetCounts(values: FacetSource[], sel: Selection): Record<FilterKey, Map<string, number>> {
  const out = { paper: new Map(), year: new Map(), column: new Map() } as Record<FilterKey, Map<string, number>>;
  for (const v of values) {
    const fv = filterValues(v);
    for (const k of FILTER_KEYS) {
      const value = fv[k];
      if (value === null || !passes(v, sel, k)) continue;
      out[k].set(value, (out[k].get(value) ?? 0) + 1);
    }
  }
  return out;
}

/**
 * Results in the chosen order: relevance keeps the given order; newest / oldest order by date,
 * undated last, the given order breaking ties (a stable sort).
 */
export function sortByDate<T>(items: T[], dateOf: (t: T) => string | null, sort: Sort): T[] {
  if (sort === 'relevance') return items;
  const sign = sort === 'newest' ? -1 : 1;
  return items
    .map((t, i) => ({ t, i, d: dateOf(t) }))
    .sort((a, b) => {
      if (a.d !== b.d) {
        if (a.d === null) return 1;
        if (b.d === null) return -1;
        return a.d < b.d ? -sign : sign;
      }
      return a.i - b.i;
    })
    .map((x) => x.t);
}
