/**
 * Filter options for the search page, computed at build time from the archive's metadata.
 * Values are the simplified originals (what the index stores); labels follow the page's script.
 */

/** The metadata the facets need for one article. */
export interface FacetSource {
  paper: string | null;
  date: string | null;
  column: string | null;
}

/** Filter specs (paper, year, column) with the values present in the archive, sorted. */
export function facetsOf(
  items: FacetSource[],
  labels: { paper: string; year: string; column: string },
  toLabel: (s: string) => string = (s) => s,
): { key: 'paper' | 'year' | 'column'; label: string; options: { value: string; label: string }[] }[] {
  const collect = (pick: (i: FacetSource) => string | null) =>
    [...new Set(items.map(pick).filter((v): v is string => !!v))].sort().map((value) => ({ value, label: toLabel(value) }));
  return [
    { key: 'paper' as const, label: labels.paper, options: collect((i) => i.paper) },
    { key: 'year' as const, label: labels.year, options: collect((i) => i.date?.slice(0, 4) ?? null).reverse() },
    { key: 'column' as const, label: labels.column, options: collect((i) => i.column) },
  ];
}
