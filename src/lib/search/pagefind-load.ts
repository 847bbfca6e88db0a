/**
 * @fileoverview Loading one archive part's Pagefind (its pagefind.js, a module of the built site)
 * and asking it for the result ids of a term. Shared by the search worker and by the page itself,
 * which falls back to it where no worker can run.
 */
import { sliceDir } from '../../../core/search/shards.ts';
import { isPagefind, resultIds, SearchFileError, type Pagefind } from './checks.ts';

/** Where a part's pagefind.js is (named in errors about its answers). */
export function pagefindUrl(base: string): string {
  return `${base}pagefind/pagefind.js`;
}

/**
 * Imports and starts the Pagefind of the part at `base` (a path ending in "/"), with the part's
 * other index slices (search-docs/layout.json `slices`; pagefind/s<k>/) merged into it: one
 * search then answers from all of them, with one copy of Pagefind's code and WebAssembly.
 */
export async function loadPagefind(base: string, slices: number): Promise<Pagefind> {
  const url = pagefindUrl(base);
  const pf: unknown = await import(/* @vite-ignore */ url);
  if (!isPagefind(pf)) throw new SearchFileError(url, 'not the Pagefind API (options, init, search, mergeIndex)');
  await pf.options({ basePath: `${base}pagefind/` });
  await pf.init();
  for (let k = 1; k < slices; k++) await pf.mergeIndex(`${base}pagefind/${sliceDir(k)}`);
  return pf;
}

/** The result ids Pagefind answers for `term` (a token query, see core/search/query.ts). */
export async function pagefindIds(pf: Pagefind, base: string, term: string): Promise<string[]> {
  return resultIds(await pf.search(term), pagefindUrl(base));
}
