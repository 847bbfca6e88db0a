/**
 * Facets of the whole archive, read from the content collections (build time only).
 */
import { getCollection } from 'astro:content';
import { facetsOf } from '../../../core/search/facets.ts';
import { toHant } from '../../../core/search/hant.ts';

/** Filter specs for the search page in the given script. */
export async function siteFacets(script: 'hans' | 'hant') {
  const pages = new Map((await getCollection('pages')).map((p) => [p.data.id, p.data]));
  const items = (await getCollection('articles')).map((a) => {
    const p = pages.get(a.data.page);
    return { paper: p?.paper ?? null, date: p?.date ?? null, column: a.data.column };
  });
  return script === 'hant'
    ? facetsOf(items, { paper: '報紙', year: '年份', column: '欄目' }, (s) => toHant(s))
    : facetsOf(items, { paper: '报纸', year: '年份', column: '栏目' });
}
