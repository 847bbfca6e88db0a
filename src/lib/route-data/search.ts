/**
 * Route data of the search page: the filters it offers, from the archive the site is built from —
 * the values the indexer stores (core/search/facets.ts), labelled in the page's script.
 */
import type { Archive } from '../../../core/archive.ts';
import { toScript, type Locale } from '../../../core/script.ts';
import { dateSpan, facetsOf, type FilterSpec } from '../../../core/search/facets.ts';

/** Filter specs (paper, year, column) for the search page in `locale`. */
export function searchFilters(archive: Archive, locale: Locale): FilterSpec[] {
  const items = [...archive.articles.values()].map((a) => {
    const p = archive.pages.get(a.page)!;
    return { paper: p.paper, date: p.date, column: a.column };
  });
  return locale === 'zh-hant'
    ? facetsOf(items, { paper: '報紙', year: '年份', column: '欄目' }, (s) => toScript(s, 'zh-hant'))
    : facetsOf(items, { paper: '报纸', year: '年份', column: '栏目' });
}

/** The archive's first and last date, for the search page's date range (none when nothing is dated). */
export function searchDateSpan(archive: Archive): [string, string] | null {
  return dateSpan([...archive.pages.values()].filter((p) => p.articles.length > 0).map((p) => ({ paper: p.paper, date: p.date, column: null })));
}
