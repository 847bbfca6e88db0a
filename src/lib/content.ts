/** Loads the content collections once per build and builds the archive model. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildArchive, type Archive } from '../../core/archive.ts';

let cached: Promise<Archive> | null = null;

/** The archive model (memoised: every route of the build shares it). */
export function loadArchive(): Promise<Archive> {
  cached ??= (async () => {
    const [pages, articles] = await Promise.all([getCollection('pages'), getCollection('articles')]);
    return buildArchive(
      pages.map((p) => p.data),
      articles.map((a) => a.data),
    );
  })();
  return cached;
}

let entries: Promise<Map<string, CollectionEntry<'articles'>>> | null = null;

/** The collection entry of an article by its frontmatter id (entry ids are slugified file names). */
export async function articleEntry(id: string): Promise<CollectionEntry<'articles'>> {
  entries ??= getCollection('articles').then((all) => new Map(all.map((e) => [e.data.id, e])));
  const e = (await entries).get(id);
  if (!e) throw new Error(`no article entry ${id}`);
  return e;
}
