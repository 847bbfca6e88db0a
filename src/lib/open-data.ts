/**
 * The open data (issue 12), pure: each article as an `OpenArticle` (gold fields + page metadata +
 * URL + both scripts' text), each page and issue, and the whole-archive downloads in JSON Lines and
 * CSV, gzipped, one file per year of printing (and one for articles whose date is not printed), so
 * every article is in exactly one download of each format. Shapes from core/schema.ts.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { datedIssues, type Archive, type PaperGroup } from '../../core/archive.ts';
import { routes } from '../../core/paths.ts';
import {
  OPEN_DATA_FORMAT,
  OpenArticleSchema,
  type BodyBlock,
  type Download,
  type DownloadManifest,
  type OpenArticle,
  type OpenIssue,
  type OpenPage,
} from '../../core/schema.ts';
import { toScript } from '../../core/script.ts';

/** How to make an article's URL (absolute with SITE_URL, else a path under the base). */
export type UrlOf = (path: string) => string;

/** The plain text of an article: headline lines, the credit line, then the body blocks, separated by blank lines. */
export function plainText(a: Pick<OpenArticle, 'column' | 'kicker' | 'title' | 'subtitle' | 'byline'>, body: BodyBlock[]): string {
  const head = [a.column ? `【${a.column}】` : null, a.kicker, a.title, a.subtitle].filter((s): s is string => !!s);
  const blocks = [head.join('\n'), a.byline ?? '', ...body.map((b) => (b.type === 'caption' ? `图片说明：${b.text}` : b.text))];
  return `${blocks.filter((s) => s !== '').join('\n\n')}\n`;
}

/** Every article of the archive as open data, in archive order. */
export function openArticles(archive: Archive, bodies: (id: string) => BodyBlock[], urlOf: UrlOf): OpenArticle[] {
  return archive.articleOrder.map((id) => {
    const a = archive.articles.get(id)!;
    const p = archive.pages.get(a.page)!;
    const body = bodies(id);
    const text = plainText(a, body);
    return OpenArticleSchema.parse({
      id,
      url: urlOf(routes.article(id)),
      paper: p.paper,
      date: p.date,
      page_number: p.pageNumber,
      page_name: p.pageName,
      page_id: p.id,
      seed: p.seed,
      order: a.order,
      column: a.column,
      kicker: a.kicker,
      title: a.title,
      subtitle: a.subtitle,
      byline: a.byline,
      authors: a.authors,
      continued_from: a.continuedFrom,
      continued_to: a.continuedTo,
      truncated_start: a.truncatedStart,
      truncated_end: a.truncatedEnd,
      body,
      text_zh_hans: text,
      text_zh_hant: toScript(text, 'zh-hant'),
    });
  });
}

/** The issue JSON's path of a page, when it has an issue page. */
function issuePath(group: PaperGroup, date: string | null): string | null {
  return group.paper !== null && date !== null ? routes.issueJson(group.slug, date) : null;
}

/** One page as open data. */
export function openPage(archive: Archive, id: string, byId: Map<string, OpenArticle>, urlOf: UrlOf): OpenPage {
  const p = archive.pages.get(id)!;
  const { group } = archive.places.get(id)!;
  const issue = issuePath(group, p.date);
  return {
    format: OPEN_DATA_FORMAT,
    id,
    url: urlOf(routes.page(id)),
    seed: p.seed,
    paper: p.paper,
    date: p.date,
    page_number: p.pageNumber,
    page_name: p.pageName,
    issue: issue === null ? null : urlOf(issue),
    articles: p.articles.map((a) => byId.get(a)!),
    other: p.other,
  };
}

/** Every dated issue of a known paper as open data, keyed by its JSON path. */
export function openIssues(archive: Archive, byId: Map<string, OpenArticle>, urlOf: UrlOf): Map<string, OpenIssue> {
  const out = new Map<string, OpenIssue>();
  for (const group of archive.papers) {
    for (const issue of datedIssues(group)) {
      const pages = issue.pages.map((pid) => {
        const { format: _, ...page } = openPage(archive, pid, byId, urlOf);
        return page;
      });
      out.set(routes.issueJson(group.slug, issue.date!), { format: OPEN_DATA_FORMAT, paper: group.paper!, paper_slug: group.slug, date: issue.date!, url: urlOf(routes.issue(group.slug, issue.date!)), pages });
    }
  }
  return out;
}

/** CSV columns of the downloads: every OpenArticle field but the structured body. */
export const CSV_COLUMNS = Object.keys(OpenArticleSchema.shape).filter((k) => k !== 'body') as (keyof OpenArticle)[];

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; null is empty. */
export function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('、') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV download's text: a header row, then one row per article, CRLF line ends (RFC 4180), a BOM for spreadsheets. */
export function toCsv(articles: OpenArticle[]): string {
  const rows = [CSV_COLUMNS.join(','), ...articles.map((a) => CSV_COLUMNS.map((c) => csvField(a[c])).join(','))];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/** A JSON Lines download's text: one article per line. */
export function toJsonl(articles: OpenArticle[]): string {
  return articles.map((a) => `${JSON.stringify(a)}\n`).join('');
}

/** The downloads' files, by name: `baoku-<year|undated>.<jsonl|csv>.gz`, each year's articles in archive order. */
export function downloads(articles: OpenArticle[], urlOf: UrlOf): { files: Map<string, Uint8Array>; manifest: DownloadManifest } {
  const byYear = new Map<string | null, OpenArticle[]>();
  for (const a of articles) {
    const y = a.date?.slice(0, 4) ?? null;
    byYear.set(y, [...(byYear.get(y) ?? []), a]);
  }
  // Newest year first, the undated last.
  const years = [...byYear.keys()].sort((x, y) => (x === null ? 1 : y === null ? -1 : x < y ? 1 : -1));
  const files = new Map<string, Uint8Array>();
  const list: Download[] = [];
  for (const year of years) {
    const group = byYear.get(year)!;
    for (const format of ['jsonl', 'csv'] as const) {
      const file = `baoku-${year ?? 'undated'}.${format}.gz`;
      // gzip writes no name and a zero time stamp: the same archive gives the same bytes.
      const bytes = gzipSync(format === 'jsonl' ? toJsonl(group) : toCsv(group), { level: 9 });
      files.set(file, bytes);
      list.push({ file, url: urlOf(routes.dataFile(file)), format, year, articles: group.length, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
  }
  return { files, manifest: { format: OPEN_DATA_FORMAT, articles: articles.length, files: list } };
}
