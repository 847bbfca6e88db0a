/**
 * Citations of a newspaper article (issue 12): the GB/T 7714-2015 reference the page shows, the
 * `citation_*` meta tags Zotero and Google Scholar read (Highwire Press tags), and RIS and BibTeX
 * files for reference managers.
 *
 * GB/T 7714-2015 (报纸, 4.4/8.x): `主要责任者. 题名[N]. 报纸名, 出版日期(版次).`, online
 * `…[N/OL]. 报纸名, 出版日期(版次)[引用日期]. 获取和访问路径.` An element the page does not print is
 * written as unknown in square brackets, the standard's way for information supplied by the
 * cataloguer ([报名不详], [出版日期不详]); a page number that is not printed is left out. The access
 * date is the reader's, so the static page has an empty place for it that the page's script fills
 * (no template text a title could contain). Every string from the source is a part of its own, shown
 * in `<bdi>` and, when it holds bidirectional controls, wrapped in FSI … PDI in the copied text, so a
 * stray U+202E in a headline cannot reverse the rest of the reference.
 */

/** Inputs of a newspaper reference; null means unknown. */
export interface CitationInput {
  authors: string[];
  title: string | null;
  subtitle: string | null;
  paper: string | null;
  date: string | null;
  pageNumber: number | null;
  /** Absolute URL of the article, or null when the site's URL is not configured (the script fills it in). */
  url: string | null;
}

/** A run of a reference: fixed text, a string from the source, or a place the page's script fills. */
export type CitationPart =
  | { kind: 'text'; text: string }
  | { kind: 'source'; text: string }
  /** `N` or `N/OL`: online once a URL is known. */
  | { kind: 'type'; text: string }
  /** `[YYYY-MM-DD]`, filled in by the reader's browser (empty in the static page). */
  | { kind: 'accessed'; text: string }
  /** The URL, or empty for the script to fill with the page's own address. */
  | { kind: 'url'; text: string };

/** Characters that change the direction of text around them (UAX #9): embeddings, overrides, isolates, marks. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** A source string for plain text: wrapped in FSI … PDI when it holds bidirectional controls, so they end with it. */
export function isolate(s: string): string {
  return BIDI.test(s) ? `\u2068${s}\u2069` : s;
}

/** GB/T 7714 lists at most three authors, then "等". */
export function citationAuthors(authors: string[]): string {
  if (authors.length <= 3) return authors.map(isolate).join(', ');
  return `${authors.slice(0, 3).map(isolate).join(', ')}, 等`;
}

/** The reference as parts, in order (see the file comment); `accessed` fills the access date when given. */
export function citationParts(c: CitationInput, accessed: string | null = null): CitationPart[] {
  const parts: CitationPart[] = [];
  const text = (t: string) => parts.push({ kind: 'text', text: t });
  c.authors.slice(0, 3).forEach((a, i) => {
    if (i > 0) text(', ');
    parts.push({ kind: 'source', text: a });
  });
  if (c.authors.length > 3) text(', 等');
  if (c.authors.length) text('. ');
  if (c.title) {
    parts.push({ kind: 'source', text: c.title });
    if (c.subtitle) {
      text('：');
      parts.push({ kind: 'source', text: c.subtitle });
    }
  } else if (c.subtitle) parts.push({ kind: 'source', text: c.subtitle });
  else text('[无题名]');
  text('[');
  parts.push({ kind: 'type', text: c.url ? 'N/OL' : 'N' });
  text(']. ');
  if (c.paper) parts.push({ kind: 'source', text: c.paper });
  else text('[报名不详]');
  text(`, ${c.date ?? '[出版日期不详]'}`);
  if (c.pageNumber !== null) text(`(${c.pageNumber})`);
  parts.push({ kind: 'accessed', text: accessed && c.url ? `[${accessed}]` : '' });
  text('.');
  parts.push({ kind: 'url', text: c.url ? ` ${c.url}.` : '' });
  return parts;
}

/** The reference as plain text (source strings isolated when they need it). */
export function formatCitation(c: CitationInput, accessed: string | null = null): string {
  return citationParts(c, accessed)
    .map((p) => (p.kind === 'source' ? isolate(p.text) : p.text))
    .join('');
}

/** The `citation_*` meta tags of an article (Highwire Press tags, as Zotero's and Google Scholar's readers take them). */
export function citationMeta(c: CitationInput & { language: string }): [string, string][] {
  const out: [string, string][] = [];
  const title = c.title ?? c.subtitle;
  if (title) out.push(['citation_title', title]);
  for (const a of c.authors) out.push(['citation_author', a]);
  // Google Scholar's inclusion guidelines ask for YYYY/MM/DD; Zotero reads either.
  if (c.date) out.push(['citation_publication_date', c.date.replace(/-/g, '/')]);
  if (c.paper) out.push(['citation_journal_title', c.paper]);
  if (c.pageNumber !== null) out.push(['citation_firstpage', String(c.pageNumber)]);
  if (c.url) out.push(['citation_public_url', c.url]);
  out.push(['citation_language', c.language]);
  return out;
}

/** A field value on one RIS line: line breaks would end the field. */
const risValue = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

/** An RIS record (TY NEWS), CRLF lines as the format's readers expect. */
export function risRecord(c: CitationInput & { language: string; id: string }): string {
  const lines: string[] = ['TY  - NEWS'];
  const title = c.title ? (c.subtitle ? `${c.title}：${c.subtitle}` : c.title) : c.subtitle;
  if (title) lines.push(`TI  - ${risValue(title)}`);
  for (const a of c.authors) lines.push(`AU  - ${risValue(a)}`);
  if (c.paper) lines.push(`T2  - ${risValue(c.paper)}`);
  if (c.date) lines.push(`PY  - ${c.date.slice(0, 4)}`, `DA  - ${c.date.replace(/-/g, '/')}`);
  if (c.pageNumber !== null) lines.push(`SP  - ${c.pageNumber}`);
  if (c.url) lines.push(`UR  - ${c.url}`);
  lines.push(`LA  - ${c.language}`, 'DB  - 报库', `ID  - ${c.id}`, 'ER  - ');
  return `${lines.join('\r\n')}\r\n`;
}

/** Text for a BibTeX field: the characters BibTeX or LaTeX would read as syntax, escaped. */
export function bibtexEscape(s: string): string {
  return s.replace(/[\\{}#$%&~_^]/g, (ch) => ({ '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '#': '\\#', $: '\\$', '%': '\\%', '&': '\\&', '~': '\\textasciitilde{}', _: '\\_', '^': '\\textasciicircum{}' })[ch]!).replace(/\s*[\r\n]+\s*/g, ' ');
}

/** A BibTeX entry: `@article` with biblatex's `entrysubtype = {newspaper}`; `key` must be ASCII. */
export function bibtexEntry(c: CitationInput & { language: string; key: string }): string {
  const fields: [string, string][] = [];
  const title = c.title ? (c.subtitle ? `${c.title}：${c.subtitle}` : c.title) : c.subtitle;
  if (title) fields.push(['title', title]);
  if (c.authors.length) fields.push(['author', c.authors.map(bibtexEscape).join(' and ')]);
  if (c.paper) fields.push(['journal', c.paper]);
  if (c.date) fields.push(['date', c.date], ['year', c.date.slice(0, 4)], ['month', String(Number(c.date.slice(5, 7)))], ['day', String(Number(c.date.slice(8, 10)))]);
  if (c.pageNumber !== null) fields.push(['pages', String(c.pageNumber)]);
  if (c.url) fields.push(['url', c.url]);
  fields.push(['langid', c.language], ['entrysubtype', 'newspaper']);
  const body = fields.map(([k, v]) => `  ${k} = {${k === 'author' || k === 'url' ? v : bibtexEscape(v)}}`).join(',\n');
  return `@article{${c.key},\n${body}\n}\n`;
}
