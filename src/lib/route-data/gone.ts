/**
 * Route data of a gone article's URL (issue 11): an id published once whose article no longer
 * exists keeps a page saying what happened and linking to where its text went, never a 404.
 */
import { articleTitle, type Archive } from '../../../core/archive.ts';
import { localeParams, routes } from '../../../core/paths.ts';
import type { GoneArticle } from '../../../core/schema.ts';
import type { Locale } from '../../../core/script.ts';
import { href } from '../site.ts';
import type { Link } from './article.ts';

/** getStaticPaths entries of gone ids, in both scripts. */
export function gonePaths(gone: GoneArticle[]): { params: { locale: string | undefined; id: string } }[] {
  return localeParams().flatMap((lp) => gone.map((g) => ({ params: { ...lp, id: g.id } })));
}

/** What the page of a gone id shows. */
export interface GoneView {
  locale: Locale;
  path: string;
  /** The headline it was published under. */
  title: string;
  /** One sentence: what became of it. */
  what: string;
  reason: string;
  /** Where its text is now (merged, split); empty when withdrawn. */
  links: Link[];
  /** The page it was printed on, while the archive has it. */
  page: Link | null;
}

const WHAT = {
  merged: '这篇文章已并入同版的另一篇，全文见：',
  split: '这篇文章已拆分为同版的以下几篇：',
  withdrawn: '这篇文章已不再作为单独的文章收录。',
} as const;

/** The view of gone id `g` in `locale`; links go only to articles the archive has. */
export function goneView(archive: Archive, g: GoneArticle, locale: Locale): GoneView {
  if (archive.articles.has(g.id)) throw new Error(`gone id ${g.id} is also a live article`);
  const links = g.to.flatMap((id) => {
    const a = archive.articles.get(id);
    return a ? [{ href: href(locale, routes.article(id)), text: articleTitle(a) }] : [];
  });
  const status = links.length ? g.status : 'withdrawn';
  const page = archive.pages.has(g.page) ? { href: href(locale, routes.page(g.page)), text: '本文所在的版面' } : null;
  return { locale, path: routes.article(g.id), title: g.title ?? '（无标题）', what: WHAT[status], reason: g.reason, links, page };
}
