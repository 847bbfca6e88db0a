/** Structured data, sitemap and feed builders: pure string output, no invented dates. */

/**
 * Characters XML 1.0 cannot hold, not even as references (https://www.w3.org/TR/xml/#charsets): C0
 * controls but tab and line ends, U+FFFE, U+FFFF and lone surrogates. A page may hold them (below
 * the decoder's "looks binary" share); the feed and sitemaps leave them out (issue 13).
 */
const NOT_XML = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML content and attributes, leaving out what XML cannot hold. */
export function xmlEscape(s: string): string {
  return s.replace(NOT_XML, '').replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** Serialises JSON-LD so it is safe inside <script type="application/ld+json">. */
export function jsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** Inputs of a NewsArticle JSON-LD. */
export interface NewsArticleInput {
  /** Absolute URL, or null without SITE_URL (then no url is claimed). */
  url: string | null;
  headline: string;
  alternativeHeadline: string | null;
  description: string;
  authors: string[];
  paper: string | null;
  date: string | null;
  pageNumber: number | null;
  lang: string;
}

/** schema.org NewsArticle; datePublished only when the page date is known. */
export function newsArticleLd(a: NewsArticleInput): Record<string, unknown> {
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.headline,
    description: a.description,
    inLanguage: a.lang,
  };
  if (a.url) {
    ld.url = a.url;
    ld.mainEntityOfPage = a.url;
  }
  if (a.alternativeHeadline) ld.alternativeHeadline = a.alternativeHeadline;
  if (a.authors.length) ld.author = a.authors.map((name) => ({ '@type': 'Person', name }));
  if (a.date) ld.datePublished = a.date;
  if (a.paper) ld.publisher = { '@type': 'Organization', name: a.paper };
  if (a.pageNumber !== null) ld.pageStart = String(a.pageNumber);
  return ld;
}

/** One sitemap entry with its hreflang alternates. */
export interface SitemapEntry {
  loc: string;
  alternates: { hreflang: string; href: string }[];
}

/** sitemap.xml with xhtml:link alternates between the script twins; no lastmod (we do not know it). */
export function sitemapXml(entries: SitemapEntry[]): string {
  const body = entries
    .map((e) => {
      const alts = e.alternates.map((a) => `<xhtml:link rel="alternate" hreflang="${a.hreflang}" href="${xmlEscape(a.href)}"/>`).join('');
      return `<url><loc>${xmlEscape(e.loc)}</loc>${alts}</url>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${body}\n</urlset>\n`;
}

/** URLs per sitemap file: well under the protocol's 50,000 and 50 MB, so each file stays a few MB. */
export const SITEMAP_CHUNK = 10_000;

/** Splits sitemap entries into files of at most {@link SITEMAP_CHUNK}. */
export function sitemapChunks<T>(entries: T[], size = SITEMAP_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < entries.length; i += size) out.push(entries.slice(i, i + size));
  return out.length ? out : [[]];
}

/** A sitemap index pointing at the sitemap files (https://www.sitemaps.org/protocol.html#index). */
export function sitemapIndexXml(locs: string[]): string {
  const body = locs.map((l) => `<sitemap><loc>${xmlEscape(l)}</loc></sitemap>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
}

/** One RSS item. */
export interface FeedItem {
  title: string;
  link: string;
  description: string;
  date: string | null;
}

/**
 * RSS 2.0 rather than Atom: Atom requires an <updated> date on every entry, and most pages have no
 * known date. RSS makes pubDate optional, so undated items stay honest.
 */
export function rssXml(channel: { title: string; link: string; description: string; self: string }, items: FeedItem[]): string {
  const rfc822 = (d: string) => new Date(`${d}T00:00:00+08:00`).toUTCString();
  const its = items
    .map(
      (i) =>
        `<item><title>${xmlEscape(i.title)}</title><link>${xmlEscape(i.link)}</link><guid isPermaLink="true">${xmlEscape(i.link)}</guid>` +
        `<description>${xmlEscape(i.description)}</description>${i.date ? `<pubDate>${rfc822(i.date)}</pubDate>` : ''}</item>`,
    )
    .join('\n');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>` +
    `<title>${xmlEscape(channel.title)}</title><link>${xmlEscape(channel.link)}</link><description>${xmlEscape(channel.description)}</description>` +
    `<language>zh-CN</language><atom:link href="${xmlEscape(channel.self)}" rel="self" type="application/rss+xml"/>\n${its}\n</channel></rss>\n`
  );
}
