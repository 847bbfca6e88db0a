/**
 * Route data of the page view (`pages/<id>/`, 版面): its label, what it holds, its non-article
 * blocks named as a reader would name them, and the previous and next page (issue 14).
 */
import { articleTitle, dateLabel, issueNeighbours, pageLabel, pageNeighbours, paperLabel, type Archive } from '../../../core/archive.ts';
import { localeParams, routes } from '../../../core/paths.ts';
import type { ArticleFrontmatter, OtherBlock, PageRecord } from '../../../core/schema.ts';
import type { Locale } from '../../../core/script.ts';
import { facsimileImage, facsimileLinks, pdfDownload, type FacsimileImage, type FacsimileLink } from '../facsimile.ts';
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
  /** 上一版 / 下一版: within the page's issue (or its paper's undated pages), never across papers. */
  prev: PageLink | null;
  next: PageLink | null;
  /** What the page pager is called and says at its ends (simplified). */
  pager: { label: string; words: { prev: string; next: string; first: string; last: string } };
  /** The page's issue (期) and the paper's previous and next issues, when the page is dated and its paper known. */
  issue: { href: string; text: string; prev: PageLink | null; next: PageLink | null } | null;
  /** Open data of the page. */
  json: string;
  /** The printed page, for a page read from a PDF (issue #16): its image, the articles' links over it, the PDF to download; null for a text page. */
  facsimile: { image: FacsimileImage; page: { width: number; height: number }; links: FacsimileLink[]; pdf: { href: string; name: string; text: string } } | null;
}

/** A media file of the ingest output (a page image, a PDF), published under the base. */
export const mediaHref = (file: string): string => href(null, file);

/** Pager words: 版 within a dated issue; within undated pages of one paper, or of unknown papers, plainer words. */
function pagerOf(page: PageRecord): PageView['pager'] {
  if (page.paper !== null && page.date !== null) return { label: '本期版面', words: { prev: '上一版', next: '下一版', first: '已是本期第一版', last: '已是本期最后一版' } };
  if (page.paper !== null) return { label: '本报日期未知的版面', words: { prev: '上一个版面', next: '下一个版面', first: '已是本报日期未知版面的第一个', last: '已是本报日期未知版面的最后一个' } };
  return { label: '报名未知的版面', words: { prev: '上一个版面', next: '下一个版面', first: '已是报名未知版面的第一个', last: '已是报名未知版面的最后一个' } };
}

/** The view of page `id` in `locale`. */
export function pageView(archive: Archive, id: string, locale: Locale): PageView {
  const page = archive.pages.get(id);
  if (!page) throw new Error(`no page ${id}`);
  const { prev, next } = pageNeighbours(archive, page.id);
  const { group } = archive.places.get(page.id)!;
  const label = pageLabel(page, archive);
  const where = `${paperLabel(page.paper)} · ${dateLabel(page.date)}`;
  const link = (other: string | null): PageLink | null => {
    if (other === null) return null;
    const p = archive.pages.get(other)!;
    return { href: href(locale, routes.page(other)), text: pageLabel(p, archive) };
  };
  let issue: PageView['issue'] = null;
  if (page.paper !== null && page.date !== null) {
    const around = issueNeighbours(group, page.date);
    const issueLink = (date: string | null | undefined): PageLink | null => (date ? { href: href(locale, routes.issue(group.slug, date)), text: date } : null);
    issue = { href: href(locale, routes.issue(group.slug, page.date)), text: `${paperLabel(page.paper)} ${page.date} 本期全部版面`, prev: issueLink(around.prev?.date), next: issueLink(around.next?.date) };
  }
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
    pager: pagerOf(page),
    issue,
    json: href(null, routes.pageJson(page.id)),
    facsimile: page.facsimile
      ? {
          image: facsimileImage(page.facsimile, mediaHref),
          page: { width: page.facsimile.width, height: page.facsimile.height },
          links: facsimileLinks(page.articles.map((a) => archive.articles.get(a)!), (a) => href(locale, routes.article(a)), (a, n) => `${n}. ${articleTitle(a)}`),
          pdf: pdfDownload(page.facsimile, mediaHref),
        }
      : null,
  };
}
