/**
 * Route data of the article view (`articles/<id>/`): everything the page shows, computed from the
 * archive model so the route stays a few lines and the logic is testable without Astro (issue 14).
 */
import { articleTitle, dateLabel, findPageByNumber, neighbours, normalizeName, pageLabel, paperLabel, slugOf, type Archive } from '../../../core/archive.ts';
import { clip } from '../../../core/clip.ts';
import { parsePageRef } from '../../../core/continuation.ts';
import { localeParams, routes } from '../../../core/paths.ts';
import type { ArticleFrontmatter, PageRecord } from '../../../core/schema.ts';
import { langTag, toScript, toScriptOrNull, type Locale } from '../../../core/script.ts';
import { citationMeta, citationParts, formatCitation, type CitationInput, type CitationPart } from '../citation.ts';
import { facsimileImage, pdfDownload, polygonPoints, type FacsimileImage } from '../facsimile.ts';
import { reportLink, reportTemplate } from '../report-link.ts';
import { jsonLd, newsArticleLd } from '../seo.ts';
import { absolute, href } from '../site.ts';

/** getStaticPaths of the article route: every article in both scripts. */
export function articlePaths(archive: Archive): { params: { locale: string | undefined; id: string } }[] {
  return localeParams().flatMap((lp) => [...archive.articles.keys()].map((id) => ({ params: { ...lp, id } })));
}

/** A link with its text (simplified; the view converts it). */
export interface Link {
  href: string;
  text: string;
}

/** What the article view shows. */
export interface ArticleView {
  locale: Locale;
  article: ArticleFrontmatter;
  page: PageRecord;
  /** Route-relative path of the article. */
  path: string;
  /** Headline for lists and <title> (untitled pieces say so). */
  title: string;
  description: string;
  structuredData: string;
  /** Paper · date · page label of the page it is printed on, and a link to that page. */
  printed: { paper: string; date: string; page: string; href: string };
  column: Link | null;
  authors: Link[];
  /** Editorial notes: truncation, and continuation notes linked to the page when the archive has it. */
  notes: { text: string; href: string | null }[];
  prev: Link | null;
  next: Link | null;
  /** The GB/T 7714 reference as parts (source strings isolated in the view) and as plain text. */
  citation: CitationPart[];
  citationText: string;
  /** `citation_*` meta tags for Zotero and Google Scholar. */
  meta: [string, string][];
  /** Open data and citation files of the article (locale-neutral, under the base). */
  files: { json: string; text: string; ris: string; bib: string };
  /** For the body components (Astro.locals.reading): href of the page a "第N版" note refers to. */
  continuationHref: (pageNumber: number) => string | null;
  /** The 纠错 link, prefilled with the article's id and URL (src/lib/report-link.ts). */
  reportHref: string;
  /** Text corrections (issue 11): where, the printed and the corrected text, the printed text around it. */
  corrections: { where: string; original: string; corrected: string; context: string; note: string | null }[];
  /**
   * Where the article sits on its printed page (issue #16), for a page read from a PDF: the page's
   * smallest image with the article's regions marked, linking to the page view; and the PDF to
   * download. Null for a text page.
   */
  facsimile: { image: FacsimileImage; page: { width: number; height: number }; marks: string[]; href: string; pdf: { href: string; name: string; text: string } } | null;
}

const FIELD_NAMES = { column: '栏目', kicker: '引题', title: '标题', subtitle: '副题', byline: '署名' } as const;

/** The article view of article `id` in `locale`; `site` makes its URL absolute; `report` is the 纠错 link's template. */
export function articleView(archive: Archive, id: string, locale: Locale, site: URL | undefined, report: string = reportTemplate()): ArticleView {
  const a = archive.articles.get(id);
  if (!a) throw new Error(`no article ${id}`);
  const page = archive.pages.get(a.page)!;
  const path = routes.article(a.id);
  const pageHref = href(locale, routes.page(page.id));
  const continuationHref = (n: number) => {
    const target = findPageByNumber(archive, page, n);
    return target ? href(locale, routes.page(target.id)) : null;
  };
  const refHref = (ref: string | null) => {
    const n = ref ? parsePageRef(ref) : null;
    return n === null ? null : continuationHref(n);
  };
  const { prev, next } = neighbours(page.articles, a.id);
  const articleLink = (other: string | null): Link | null => {
    if (other === null) return null;
    return { href: href(locale, routes.article(other)), text: articleTitle(archive.articles.get(other)!) };
  };

  const authors = a.authors.map(normalizeName);
  // Absolute only with SITE_URL; otherwise no URL is claimed (the page's script puts in its own address).
  const url = site ? absolute(site, locale, path) : null;
  const citationInput: CitationInput = {
    authors: authors.map((n) => toScript(n, locale)),
    title: toScriptOrNull(a.title, locale),
    subtitle: toScriptOrNull(a.subtitle, locale),
    paper: toScriptOrNull(page.paper, locale),
    date: page.date,
    pageNumber: page.pageNumber,
    url,
  };
  const title = articleTitle(a);
  const description = clip(a.excerpt, 110);
  const structuredData = jsonLd(
    newsArticleLd({
      url,
      headline: toScript(title, locale),
      alternativeHeadline: toScriptOrNull(a.kicker ?? a.subtitle, locale),
      description: toScript(description, locale),
      authors: citationInput.authors,
      paper: citationInput.paper,
      date: page.date,
      pageNumber: page.pageNumber,
      lang: langTag(locale),
    }),
  );

  const notes: ArticleView['notes'] = [];
  if (a.truncatedStart) notes.push({ text: '本文开头在现存版面之外，此处从中途开始。', href: null });
  if (a.truncatedEnd) notes.push({ text: '本文结尾在现存版面之外，此处至版面末尾为止。', href: null });
  for (const [word, ref] of [['上接', a.continuedFrom], ['下转', a.continuedTo]] as const) {
    if (!ref) continue;
    const target = refHref(ref);
    notes.push({ text: `本文${word}${ref}：${word === '上接' ? '前文' : '后文'}在该版，${target ? '见该版面' : '本库暂未收录'}。`, href: target });
  }

  const column = a.column ? normalizeName(a.column) : null;
  return {
    locale,
    article: a,
    page,
    path,
    title,
    description,
    structuredData,
    printed: { paper: paperLabel(page.paper), date: dateLabel(page.date), page: pageLabel(page, archive), href: pageHref },
    column: column ? { href: href(locale, routes.column(slugOf(column))), text: column } : null,
    authors: authors.map((n) => ({ href: href(locale, routes.reporter(slugOf(n))), text: n })),
    notes,
    prev: articleLink(prev),
    next: articleLink(next),
    citation: citationParts(citationInput),
    citationText: formatCitation(citationInput),
    meta: citationMeta({ ...citationInput, title: toScriptOrNull(a.title, locale), language: langTag(locale) }),
    files: { json: href(null, routes.articleJson(a.id)), text: href(null, routes.articleText(a.id)), ris: href(null, routes.articleRis(a.id)), bib: href(null, routes.articleBib(a.id)) },
    continuationHref,
    // Without SITE_URL the archive knows no host: the report names the page by its path.
    reportHref: reportLink(report, { id: a.id, url: url ?? href(locale, path), title }),
    corrections: (a.corrections ?? []).map((c) => ({
      where: c.field === 'body' ? `正文第${(c.block ?? 0) + 1}段` : FIELD_NAMES[c.field],
      original: c.original,
      corrected: c.corrected,
      context: c.context,
      note: c.note,
    })),
    facsimile: page.facsimile
      ? {
          // Only the narrowest image: the thumbnail is drawn 10rem wide.
          image: { ...facsimileImage(page.facsimile, (f) => href(null, f)), srcset: '' },
          page: { width: page.facsimile.width, height: page.facsimile.height },
          marks: (a.regions ?? []).map(polygonPoints),
          href: `${pageHref}#a-${a.id}`,
          pdf: pdfDownload(page.facsimile, (f) => href(null, f)),
        }
      : null,
  };
}
