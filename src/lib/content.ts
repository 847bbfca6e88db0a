/** Loads the content collections once per build and builds the archive model. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildArchive, type Archive } from '../../core/archive.ts';
import { readMdxBlocks, readMdxBody, type MdxBlock } from '../../core/mdx-body.ts';
import type { OpenArticle, OpenIssue } from '../../core/schema.ts';
import { downloads, openArticles, openIssues, type UrlOf } from './open-data.ts';
import { absolute } from './site.ts';

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

/** The body blocks of an article by its id, read from its file's MDX body (core/mdx-body.ts). */
export async function articleBlocks(id: string): Promise<MdxBlock[]> {
  entries ??= getCollection('articles').then((all) => new Map(all.map((e) => [e.data.id, e])));
  const e = (await entries).get(id);
  if (!e) throw new Error(`no article entry ${id}`);
  try {
    return readMdxBlocks(e.body ?? '');
  } catch (err) {
    throw new Error(`${e.filePath ?? id}: ${(err as Error).message}`, { cause: err });
  }
}

/** The open data of the archive, made once per build (issue 12): articles by id, pages' and issues' JSON, downloads. */
export interface OpenData {
  articles: Map<string, OpenArticle>;
  issues: Map<string, OpenIssue>;
  downloads: ReturnType<typeof downloads>;
  urlOf: UrlOf;
}

let openData: Promise<OpenData> | null = null;

/** The archive's open data (memoised); URLs absolute with SITE_URL, else under the base. */
export function loadOpenData(): Promise<OpenData> {
  openData ??= (async () => {
    const archive = await loadArchive();
    const all = await getCollection('articles');
    const bodies = new Map(all.map((e) => [e.data.id, readMdxBody(e.body ?? '')]));
    const site = import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined;
    const urlOf: UrlOf = (path) => absolute(site, 'zh-hans', path);
    const list = openArticles(archive, (id) => bodies.get(id)!, urlOf);
    const byId = new Map(list.map((a) => [a.id, a]));
    return { articles: byId, issues: openIssues(archive, byId, urlOf), downloads: downloads(list, urlOf), urlOf };
  })();
  return openData;
}
