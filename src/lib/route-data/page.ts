/**
 * Route data of the page view (`pages/<id>/`, 版面): its label, what it holds, its non-article
 * blocks named as a reader would name them, and the previous and next page (issue 14).
 */
import { dateLabel, neighbours, pageLabel, paperLabel, type Archive } from '../../../core/archive.ts';
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

/** What the page view shows. */
export interface PageView {
  locale: Locale;
  page: PageRecord;
  articles: ArticleFrontmatter[];
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
    articles: page.articles.map((a) => archive.articles.get(a)!),
    label,
    where,
    title: `${label} · ${paperLabel(page.paper)}`,
    description: `${where} ${label}：${page.articles.length}篇文章。`,
    other: page.other.map((b) => ({ type: b.type, name: BLOCK_NAMES[b.type], text: b.text })),
    prev: link(prev),
    next: link(next),
  };
}
