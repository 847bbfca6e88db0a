/**
 * GB/T 7714-2015 references for newspaper articles (文献类型标识 [N], online [N/OL]).
 * Unknown parts are omitted rather than guessed; the access date (引用日期) is the reader's,
 * so the static page leaves a slot `{accessed}` that the copy script fills with today's date.
 */

/** Inputs of a newspaper reference; null means unknown. */
export interface CitationInput {
  authors: string[];
  title: string | null;
  subtitle: string | null;
  paper: string | null;
  date: string | null;
  pageNumber: number | null;
  url: string | null;
}

/** Placeholder where the access date goes, e.g. "[2025-03-01]". */
export const ACCESSED_SLOT = '{accessed}';

/** GB/T 7714 lists at most three authors, then "等". */
export function citationAuthors(authors: string[]): string {
  if (authors.length <= 3) return authors.join(', ');
  return `${authors.slice(0, 3).join(', ')}, 等`;
}

/**
 * Formats a reference. With `accessed` null the output keeps ACCESSED_SLOT (for the template) only when
 * `keepSlot` is set; otherwise the access date is simply omitted (the honest static form).
 */
export function formatCitation(c: CitationInput, accessed: string | null = null, keepSlot = false): string {
  const parts: string[] = [];
  const who = citationAuthors(c.authors);
  const title = c.title ? (c.subtitle ? `${c.title}：${c.subtitle}` : c.title) : '无题';
  parts.push(who ? `${who}. ${title}[${c.url ? 'N/OL' : 'N'}]` : `${title}[${c.url ? 'N/OL' : 'N'}]`);
  let where = '';
  if (c.paper) {
    where = c.paper;
    if (c.date) where += `, ${c.date}`;
    if (c.pageNumber !== null) where += c.date ? `(${c.pageNumber})` : `, (${c.pageNumber})`;
  }
  const accessPart = c.url ? (accessed ? `[${accessed}]` : keepSlot ? ACCESSED_SLOT : '') : '';
  if (where || accessPart) parts.push(`${where}${accessPart}`);
  if (c.url) parts.push(c.url);
  return `${parts.join('. ')}.`;
}
