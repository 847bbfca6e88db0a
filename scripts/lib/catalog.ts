/**
 * @fileoverview The catalog: page metadata an archivist gives — paper name, date, page number and
 * page name — from three sources (issue 12), all optional and each checked with a clear error:
 *
 * - `seeds/catalog.json` (`CatalogSchema`, core/schema.ts): `pages` keyed by page id, and `papers`
 *   keyed by name (a paper's URL `slug`);
 * - `seeds/catalog.csv`: one row per page, columns `CATALOG_CSV_COLUMNS` (a spreadsheet export);
 * - the folder convention `seeds/<paper>/<YYYY-MM-DD>/<NN>-<版名>.txt` (seed-path.ts).
 *
 * Fill in only what the printed page itself shows, never an invented date. A field given in the
 * JSON or CSV wins over what the path says; a page listed in both the JSON and the CSV is an error.
 */
import type { z } from 'astro/zod';
import { CATALOG_CSV_COLUMNS, CatalogEntrySchema, CatalogSchema, type Catalog, type PageMeta } from '../../core/schema.ts';
import { pageIdOf } from './ids.ts';
import { parseSeedPath, SeedPathError } from './seed-path.ts';

/** The fields an entry may have, for the message about an unknown one. */
const FIELDS = ['paper', 'date', 'pageNumber', 'pageName', 'note'];
const PAPER_FIELDS = ['slug', 'formerSlugs', 'note'];

/** Errors found in a catalog: every bad entry or row, each on its own line. */
export class CatalogError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

/** `pages["x"].date` for the path ['pages', 'x', 'date']. */
function where(path: PropertyKey[]): string {
  return path.map((k, i) => (i === 1 ? `[${JSON.stringify(String(k))}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

/** One zod issue as a sentence about the catalog file. */
function describe(file: string, issue: z.core.$ZodIssue): string {
  const at = where(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return `${file}: ${at}: unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')} (known: ${(issue.path[0] === 'papers' ? PAPER_FIELDS : FIELDS).join(', ')})`;
  }
  if (issue.path.length === 0) return `${file}: expected an object with a "pages" object`;
  if (issue.path.length === 1) return `${file}: "${String(issue.path[0])}" must be an object keyed by ${issue.path[0] === 'papers' ? 'paper name' : 'page id'}`;
  if (issue.path.length === 2) return `${file}: ${at} must be an object`;
  return `${file}: ${at} ${issue.message}`;
}

/** Parses and validates catalog JSON text; throws a CatalogError naming the file and every bad entry. */
export function parseCatalog(text: string, file: string): Catalog {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CatalogError([`${file}: not valid JSON (${(e as Error).message})`]);
  }
  const parsed = CatalogSchema.safeParse(raw);
  if (!parsed.success) throw new CatalogError(parsed.error.issues.map((i) => describe(file, i)));
  return parsed.data;
}

/** RFC 4180 records: quoted fields with "" escapes, CRLF or LF, a BOM ignored. Each record with its first line number. */
export function csvRecords(text: string): { line: number; fields: string[] }[] {
  const s = text.replace(/^\uFEFF/, '');
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) out.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else {
        if (c === '\n') line++;
        field += c;
        i++;
      }
      continue;
    }
    if (c === '"' && field === '') (quoted = true), i++;
    else if (c === ',') fields.push(field), (field = ''), i++;
    else if (c === '\r' && s[i + 1] === '\n') i++;
    else if (c === '\n') endRecord(), line++, (start = line), i++;
    else (field += c), i++;
  }
  if (quoted) throw new CatalogError([`line ${start}: a quoted field is not closed`]);
  if (field !== '' || fields.length) endRecord();
  return out;
}

/**
 * Parses a CSV catalog (`page,paper,date,pageNumber,pageName,note` — the header names the columns,
 * in any order; only `page` is required). Throws a CatalogError with one line per bad row.
 */
export function parseCatalogCsv(text: string, file: string): Catalog {
  let records: ReturnType<typeof csvRecords>;
  try {
    records = csvRecords(text);
  } catch (e) {
    throw new CatalogError((e as CatalogError).problems.map((p) => `${file}: ${p}`));
  }
  if (records.length === 0) return { pages: {}, papers: {} };
  const [head, ...rows] = records;
  const columns = head.fields.map((f) => f.trim());
  const problems: string[] = [];
  const unknown = columns.filter((c) => !(CATALOG_CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) problems.push(`${file}:${head.line}: unknown column ${unknown.map((c) => `"${c}"`).join(', ')} (known: ${CATALOG_CSV_COLUMNS.join(', ')})`);
  if (!columns.includes('page')) problems.push(`${file}:${head.line}: no "page" column (the page id: the file name without .txt)`);
  if (problems.length) throw new CatalogError(problems);
  const pages: Record<string, PageMeta> = {};
  const seen = new Map<string, number>();
  for (const { line, fields } of rows) {
    const at = `${file}:${line}`;
    if (fields.length !== columns.length) {
      problems.push(`${at}: ${fields.length} fields, the header has ${columns.length}`);
      continue;
    }
    const row = Object.fromEntries(columns.map((c, k) => [c, fields[k]]));
    const page = row.page.trim();
    if (!page) {
      problems.push(`${at}: "page" is empty`);
      continue;
    }
    if (seen.has(page)) {
      problems.push(`${at}: page "${page}" is already listed on line ${seen.get(page)}`);
      continue;
    }
    seen.set(page, line);
    const n = (row.pageNumber ?? '').trim();
    const entry = { paper: row.paper, date: row.date, pageName: row.pageName, note: row.note, pageNumber: n === '' ? null : /^\d+$/.test(n) ? Number(n) : n };
    const parsed = CatalogEntrySchema.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${at}: page "${page}": ${String(issue.path[0])} ${issue.message}`);
      continue;
    }
    pages[page] = parsed.data;
  }
  if (problems.length) throw new CatalogError(problems);
  return { pages, papers: {} };
}

/** The folder convention's metadata of every page file (by page id); CatalogError lists paths that break it. */
export function pathCatalog(names: string[]): Record<string, PageMeta> {
  const out: Record<string, PageMeta> = {};
  const problems: string[] = [];
  for (const name of names) {
    try {
      const p = parseSeedPath(name);
      if (p) out[pageIdOf(name)] = { ...p.meta };
    } catch (e) {
      if (!(e instanceof SeedPathError)) throw e;
      problems.push(`seeds/${e.message}`);
    }
  }
  if (problems.length) throw new CatalogError(problems);
  return out;
}

/**
 * The catalog the ingest uses: the folder convention's metadata, overridden field by field by the
 * JSON and CSV catalogs (which must not list the same page), and each paper's slug from `papers`.
 */
export function resolveCatalog(sources: { json?: Catalog; csv?: Catalog; paths?: Record<string, PageMeta>; csvFile?: string; jsonFile?: string }): Catalog {
  const { json = { pages: {}, papers: {} }, csv = { pages: {}, papers: {} }, paths = {} } = sources;
  const both = Object.keys(csv.pages).filter((id) => id in json.pages);
  if (both.length) throw new CatalogError(both.map((id) => `page "${id}" is listed in both ${sources.jsonFile ?? 'catalog.json'} and ${sources.csvFile ?? 'catalog.csv'}: keep one entry`));
  const pages: Record<string, PageMeta> = {};
  for (const id of new Set([...Object.keys(paths), ...Object.keys(json.pages), ...Object.keys(csv.pages)])) {
    const given = json.pages[id] ?? csv.pages[id];
    const path = paths[id];
    const meta: PageMeta = { paper: given?.paper ?? path?.paper ?? null, date: given?.date ?? path?.date ?? null, pageNumber: given?.pageNumber ?? path?.pageNumber ?? null, pageName: given?.pageName ?? path?.pageName ?? null };
    const paper = meta.paper === null ? undefined : json.papers[meta.paper];
    if (paper?.slug) meta.paperSlug = paper.slug;
    if (paper?.formerSlugs?.length) meta.paperFormerSlugs = paper.formerSlugs;
    pages[id] = meta;
  }
  return { pages, papers: json.papers };
}
