/**
 * Route data of the page view (`pages/<id>/`, 版面): its label, what it holds, its non-article
 * blocks named as a reader would name them, and the previous and next page (issue 14).
 */
import { articleTitle, dateLabel, neighbours, pageLabel, paperLabel, type Archive } from '../../../core/archive.ts';
import { localeParams, routes } from '../../../core/paths.ts';
import type { ArticleFrontmatter, OtherBlock, PageRecord } from '../../../core/schema.ts';
import type { Locale } from '../../../core/script.ts';
import { href } from '../site.ts';

/** getStaticPaths of the page route: every page in both scripts. */
export function pagePaths(archive: Archive): { params: { locale: string | undefined; id: string } }[] {
  return localeParams().flatMap((lp) => archive.pageOrder.map((id) => ({ params: { ...lp, id } })));
}

/** What each kind of non-article block is, in the words a newspaper reader uses. */
export const BLOCK_NAMES: Record<OtherBlock['type'], string> = {
  banner: '通栏标语',
  teasers: '导读',
  label: '栏目标签',
  intro: '栏目导语',
  caption: '图片说明',
  credit: '署名',
  text: '其他文字',
  header: '报眉',
  notice: '启事',
  classified: '分类广告',
  ad: '广告',
};

/** A neighbouring page: its link and its label (simplified). */
export interface PageLink {
  href: string;
  text: string;
}

/**
 * Articles shown as full cards on a page view; the rest of a crowded page (up to the ingest's
 * MAX_ARTICLES_PER_PAGE, 500) are listed by title only, so the page view stays small (issue 13:
 * 10,000 cards made a 4.6 MB page).
 */
export const PAGE_VIEW_CARDS = 100;

/** An article of a crowded page listed by title only. */
export interface TitleLink {
  id: string;
  href: string;
  title: string;
}

/** What the page view shows. */
export interface PageView {
  locale: Locale;
  page: PageRecord;
  /** The first PAGE_VIEW_CARDS articles, as cards. */
  articles: ArticleFrontmatter[];
  /** The articles after those, by title only, numbered on from the cards. */
  more: TitleLink[];
  /** The page's label (第2版·要闻, or an honest 未标版次 label) and where it was printed. */
  label: string;
  where: string;
  title: string;
  description: string;
  other: { type: OtherBlock['type']; name: string; text: string }[];
  prev: PageLink | null;
  next: PageLink | null;
}

/** The view of page `id` in `locale`. */
export function pageView(archive: Archive, id: string, locale: Locale): PageView {
  const page = archive.pages.get(id);
  if (!page) throw new Error(`no page ${id}`);
  const { prev, next } = neighbours(archive.pageOrder, page.id);
  const label = pageLabel(page, archive);
  const where = `${paperLabel(page.paper)} · ${dateLabel(page.date)}`;
  const link = (other: string | null): PageLink | null => {
    if (other === null) return null;
    const p = archive.pages.get(other)!;
    return { href: href(locale, routes.page(other)), text: `${paperLabel(p.paper)} · ${pageLabel(p, archive)}` };
  };
  return {
    locale,
    page,
    articles: page.articles.slice(0, PAGE_VIEW_CARDS).map((a) => archive.articles.get(a)!),
    more: page.articles.slice(PAGE_VIEW_CARDS).map((id) => ({ id, href: href(locale, routes.article(id)), title: articleTitle(archive.articles.get(id)!) })),
    label,
    where,
    title: `${label} · ${paperLabel(page.paper)}`,
    description: `${where} ${label}：${page.articles.length}篇文章。`,
    other: page.other.map((b) => ({ type: b.type, name: BLOCK_NAMES[b.type], text: b.text })),
    prev: link(prev),
    next: link(next),
  };
}
