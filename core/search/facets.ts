/**
 * @fileoverview The search filters — paper, year, column: the values the indexer stores with each
 * article (Pagefind filters) and the options the search page offers, from one definition, so an
 * option always names values the index holds. Values are the simplified originals; option labels
 * follow the page's script.
 */

/** The filters, in the order the search page shows them and reads them from its URL. */
export const FILTER_KEYS = ['paper', 'year', 'column'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

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

/** An article's filters as Pagefind stores them: each known value, as a one-item list. */
export function pagefindFilters(s: FacetSource): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(filterValues(s))) if (v !== null) out[k] = [v];
  return out;
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
