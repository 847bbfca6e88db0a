/**
 * @fileoverview The archive's limits (issue 13), each enforced with a message naming the page and
 * documented in README.md ("Limits"). Each is far above what a printed newspaper page holds and
 * below what makes a step slow or a page view heavy, so a page over one is almost always a wrong
 * file (several pages glued together, a lost layout) rather than a real page.
 */

/**
 * The largest page file, in bytes: about 170,000 Chinese characters, ten times the densest printed
 * page. The parser's time grows faster than linearly with a page (about 2.5 s at this size, 12 s at 1 MiB).
 */
export const MAX_PAGE_BYTES = 512 * 1024;

/**
 * The largest PDF, in bytes (issue #16): an issue's PDF of 24 pages with high-resolution photos is
 * 50–150 MB; pdf.js holds the whole file in memory while it reads and renders a page.
 */
export const MAX_PDF_BYTES = 256 * 1024 * 1024;

/** The most articles on one page: a page of classified briefs holds a few hundred. */
export const MAX_ARTICLES_PER_PAGE = 500;

/** The longest article, in characters (code points) of its headline and body: a full printed page of solid text is about 20,000. */
export const MAX_ARTICLE_CHARS = 60_000;

/**
 * The longest page id, in bytes of UTF-8. Ids name files and folders (`articles/<id>-<hash>.mdx`,
 * `dist/articles/<id>-<hash>/`), which most file systems cap at 255 bytes; this leaves room for the
 * article hash, a counter, the extension and a temp-file suffix.
 */
export const MAX_PAGE_ID_BYTES = 120;
