/**
 * Route data of the open data (issue 12): the files beside each article (JSON, plain text, RIS,
 * BibTeX) and the 数据下载 page, whose field list is read from the schema's own descriptions so the
 * documentation cannot drift from the data.
 */
import { normalizeName, type Archive } from '../../../core/archive.ts';
import { shortHash } from '../../../core/hash.ts';
import { routes } from '../../../core/paths.ts';
import { OpenArticleSchema, type Download } from '../../../core/schema.ts';
import type { Locale } from '../../../core/script.ts';
import { bibtexEntry, risRecord, type CitationInput } from '../citation.ts';
import type { OpenData } from '../content.ts';
import { CSV_COLUMNS } from '../open-data.ts';
import { absolute, href } from '../site.ts';

/** JSON as the open data writes it: two-space indent, a final newline. */
export function jsonBody(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

const KINDS = { json: 'application/json; charset=utf-8', txt: 'text/plain; charset=utf-8', ris: 'application/x-research-info-systems; charset=utf-8', bib: 'application/x-bibtex; charset=utf-8' } as const;

/** File names beside the article pages: `<id>.json`, `<id>.txt`, `<id>.ris`, `<id>.bib`. */
export function articleFileNames(archive: Archive): string[] {
  return archive.articleOrder.flatMap((id) => Object.keys(KINDS).map((ext) => `${id}.${ext}`));
}

/** A BibTeX key for an article: its id when ASCII, else `baoku-` and a hash of it. */
export function bibKey(id: string): string {
  return /^[A-Za-z0-9_-]+$/.test(id) ? `baoku-${id}` : `baoku-${shortHash(id, 12)}`;
}

/** The reference of an article in simplified script, its URL absolute only with SITE_URL. */
function citationOf(archive: Archive, id: string, site: URL | undefined): CitationInput {
  const a = archive.articles.get(id)!;
  const p = archive.pages.get(a.page)!;
  return { authors: a.authors.map(normalizeName), title: a.title, subtitle: a.subtitle, paper: p.paper, date: p.date, pageNumber: p.pageNumber, url: site ? absolute(site, 'zh-hans', routes.article(id)) : null };
}

/** The body and content type of `articles/<file>`. */
export function articleFile(archive: Archive, data: OpenData, file: string, site: URL | undefined): { body: string; type: string } {
  const m = /^(.+)\.(json|txt|ris|bib)$/.exec(file);
  if (!m || !archive.articles.has(m[1])) throw new Error(`no article file ${file}`);
  const [, id, ext] = m as unknown as [string, string, keyof typeof KINDS];
  const type = KINDS[ext];
  const open = data.articles.get(id)!;
  if (ext === 'json') return { body: jsonBody(open), type };
  if (ext === 'txt') return { body: open.text_zh_hans, type };
  const c = citationOf(archive, id, site);
  if (ext === 'ris') return { body: risRecord({ ...c, language: 'zh-Hans', id }), type };
  return { body: bibtexEntry({ ...c, language: 'zh-Hans', key: bibKey(id) }), type };
}

/** One field of the open data as the 数据下载 page documents it. */
export interface FieldDoc {
  name: string;
  type: string;
  meaning: string;
  inCsv: boolean;
}

/** The type of a schema field in words. */
function typeOf(schema: { def?: { type?: string; innerType?: unknown; element?: unknown } }): string {
  const t = schema.def?.type;
  if (t === 'nullable') return `${typeOf(schema.def!.innerType as typeof schema)} 或 null`;
  if (t === 'array') return `${typeOf(schema.def!.element as typeof schema)} 的数组`;
  return ({ string: '字符串', number: '整数', boolean: '布尔值', object: '对象' } as Record<string, string>)[t ?? ''] ?? t ?? '';
}

/** Every field of an article record, with its type and meaning from the schema. */
export function fieldDocs(): FieldDoc[] {
  return Object.entries(OpenArticleSchema.shape).map(([name, schema]) => ({
    name,
    type: typeOf(schema as never),
    meaning: (schema as { description?: string }).description ?? '',
    inCsv: (CSV_COLUMNS as string[]).includes(name),
  }));
}

/** What the 数据下载 page shows. */
export interface DataView {
  locale: Locale;
  articles: number;
  files: (Download & { href: string })[];
  manifest: string;
  fields: FieldDoc[];
  /** Example paths of the per-item files (first article, page and issue), when the archive has them. */
  examples: { article: string | null; page: string | null; issue: string | null };
}

/** The 数据下载 page in `locale`. */
export function dataView(archive: Archive, data: OpenData, locale: Locale): DataView {
  const first = archive.articleOrder[0] ?? null;
  const issue = [...data.issues.keys()][0] ?? null;
  return {
    locale,
    articles: data.downloads.manifest.articles,
    files: data.downloads.manifest.files.map((f) => ({ ...f, href: href(null, routes.dataFile(f.file)) })),
    manifest: href(null, routes.dataFile('index.json')),
    fields: fieldDocs(),
    examples: {
      article: first && href(null, routes.articleJson(first)),
      page: archive.pageOrder[0] ? href(null, routes.pageJson(archive.pageOrder[0])) : null,
      issue: issue && href(null, issue),
    },
  };
}
