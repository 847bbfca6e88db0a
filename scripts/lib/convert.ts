/**
 * @fileoverview Stage 7 — convert: all pages of `seeds/` become the files of the site's content
 * collections (article MDX, page JSON) and a machine-readable report. Pure: bytes in, files out.
 * Every record written is checked against the one schema (core/schema.ts) first, so the site never
 * meets a file the ingest could not have meant.
 */
import { createHash } from 'node:crypto';
import { shortHash } from '../../core/hash.ts';
import { EMPTY_META, GoneArticleSchema, PageRecordSchema, ReportSchema, type ArticleFrontmatter, type CachedPage, type Catalog, type IdRegistry, type PageMeta, type PageRecord, type PageReport, type PdfText, type RegistryPage, type TextCorrection } from '../../core/schema.ts';
import { CorrectionError, fixFileName, parseFixFile, type FixFile } from './corrections.ts';
import { decodePage, PageError, type DecodeOptions } from './decode.ts';
import { assignIds, emptyRegistry } from './id-registry.ts';
import { articleIds, pageIdOf, pageIdProblem } from './ids.ts';
import { MAX_ARTICLE_CHARS, MAX_ARTICLES_PER_PAGE } from './limits.ts';
import { articleToMdx } from './mdx.ts';
import { parsePageText, type PageResult } from './pipeline.ts';
import { facsimileOf } from './facsimile.ts';
import { pdfPageText } from './pdf-page.ts';
import type { PdfPage } from './pdf/types.ts';

/** The outcome of converting a set of pages. */
export interface ArchiveOutput {
  /** Output files: path relative to the output folder → content. */
  files: Map<string, string>;
  reports: PageReport[];
  /** Inputs that could not be converted (the rest of the archive still builds). */
  warnings: string[];
  /** Pages whose characters were not conserved, stale corrections, page-id clashes: these fail the build. */
  fatal: string[];
  /** The id registry after this run (issue 11): every id ever published, live or gone. */
  registry: IdRegistry;
}

/** The PDF a page is read from (issue #16). */
export interface PdfInput {
  /** The PDF file (relative to seeds/), its SHA-256 (hex) and size in bytes. */
  file: string;
  sha256: string;
  size: number;
  /** The page's number in it (1-based) and its page count. */
  page: number;
  pages: number;
  /** The page's `.txt` is given as the input's bytes (else they are empty). */
  txt: boolean;
  /** The page's layout: extracted before conversion, left out for a page the cache holds (pdf/read-fs.ts). */
  layout?: PdfPage;
}

/** A page file given to the archive. */
export interface PageInput {
  name: string;
  /** The page text's bytes (for a PDF page, its `.txt`'s, or none). */
  bytes: Uint8Array;
  /** For a page read from a PDF: which, and its layout. */
  pdf?: PdfInput;
  /** The text of the page's corrections file (`<page>.fix.yaml`, issue 11), if it has one. */
  fixes?: string;
  /** How messages name that file (default: its name beside the page's). */
  fixName?: string;
}

/** The excerpt of the frontmatter: the body's paragraphs, white space removed, first 120 characters. */
function plainExcerpt(r: PageResult, i: number): string {
  const text = r.articles[i].body.filter((b) => b.type === 'p').map((b) => b.text.replace(/\s+/g, '')).join('');
  return [...text].slice(0, 120).join('');
}

/** Converts one parsed page into its files; `ids` are its articles' ids (default: from their openings, ids.ts); `pdf`, the PDF it was read from. */
export function pageFiles(r: PageResult, meta: PageMeta, ids?: string[], pdf?: PdfInput): { files: [string, string][]; record: PageRecord; ids: string[] } {
  const id = pageIdOf(r.seed);
  ids ??= articleIds(id, r.articles.map((a) => a.body.map((b) => b.text).join('')));
  const srcLines = r.text.split('\n');
  const files: [string, string][] = [];
  r.articles.forEach((a, i) => {
    const nos = r.sourceLines[i];
    const fixes = (r.fixes ?? []).filter((f) => f.article === i);
    const corrections: TextCorrection[] = fixes.map((f) => ({ field: f.field, block: f.block, original: f.original, corrected: f.corrected, context: f.context, note: f.note }));
    const fm: ArticleFrontmatter = {
      id: ids[i],
      page: id,
      order: i + 1,
      column: a.column,
      kicker: a.kicker,
      title: a.title,
      subtitle: a.subtitle,
      byline: a.byline,
      authors: a.authors,
      continuedFrom: a.continued_from,
      continuedTo: a.continued_to,
      truncatedStart: a.truncated_start,
      truncatedEnd: a.truncated_end,
      lines: [nos[0], nos[nos.length - 1]],
      source: nos.map((n) => srcLines[n - 1]).join('\n'),
      excerpt: plainExcerpt(r, i),
      ...(corrections.length ? { corrections } : {}),
      ...(r.regions ? { regions: r.regions[i] } : {}),
    };
    files.push([`articles/${ids[i]}.mdx`, articleToMdx(a, fm, fixes)]);
  });
  const facsimile = pdf?.layout ? { facsimile: facsimileOf({ file: pdf.file, sha256: pdf.sha256, bytes: pdf.size, page: pdf.page, pages: pdf.pages }, pdf.layout) } : {};
  const record: PageRecord = PageRecordSchema.parse({ id, seed: r.seed, ...meta, layout: r.layout, encoding: r.encoding, articles: ids, other: r.other, ...facsimile });
  files.push([`pages/${id}.json`, `${JSON.stringify(record, null, 2)}\n`]);
  return { files, record, ids };
}

/** A page's converted files and report, as kept between runs (`CachedPageSchema`). */
export type { CachedPage };

/**
 * A store of converted pages keyed by what they depend on (page bytes, catalog entry, parser
 * version), so a re-run converts only pages that changed (issue #6). The key is opaque here.
 */
export interface PageCache {
  get(key: string): CachedPage | undefined;
  set(key: string, value: CachedPage): void;
  /** Whether the key is there, without counting a hit (for deciding what to convert ahead). */
  has?(key: string): boolean;
}

/** Options of {@link convertPages}. */
export interface ArchiveOptions {
  onPage?: (done: number, total: number, name: string) => void;
  cache?: PageCache;
  /** Identifies the converter's code; part of every cache key. */
  version?: string;
  /** Page files that could not be read (a broken link, a FIFO…), with the reason: reported by name. */
  unreadable?: { name: string; reason: string }[];
  /** How invalid UTF-8 is handled (decode.ts): refused by default, U+FFFD only when asked. */
  invalidUtf8?: DecodeOptions['invalidUtf8'];
  /** Pages already converted (by worker threads: convert-parallel.ts), by file name. */
  outcomes?: Map<string, PageOutcome>;
  /** The id registry so far (`seeds/ids.json`, issue 11); absent: no article has been published yet. */
  registry?: IdRegistry;
  /** A stale correction fails its page (default) or is skipped with a warning. */
  staleCorrections?: 'error' | 'warn';
}

/** The characters (code points) of an article: its headline parts and body. */
function articleChars(a: PageResult['articles'][number]): number {
  let n = 0;
  for (const s of [a.column, a.kicker, a.title, a.subtitle, a.byline, ...a.body.map((b) => b.text)]) if (s) for (const _ of s) n++;
  return n;
}

/**
 * Decodes and converts one page within the archive's limits (limits.ts); throws {@link PageError}
 * naming the page (and the line) for anything it cannot take.
 */
export function convertPage(bytes: Uint8Array, name: string, options: DecodeOptions & { corrections?: FixFile; staleCorrections?: 'error' | 'warn'; pdf?: PdfInput } = {}): { result: PageResult; replaced: number[]; source?: PdfText } {
  const { pdf } = options;
  let decoded: ReturnType<typeof decodePage> | undefined;
  let read: ReturnType<typeof pdfPageText> | undefined;
  if (pdf) {
    if (!pdf.layout) throw new Error(`${name}: the layout of ${pdf.file} page ${pdf.page} was not extracted`);
    const txtName = name.replace(/\.pdf$/iu, '.txt');
    decoded = pdf.txt ? decodePage(bytes, txtName, options) : undefined;
    read = pdfPageText(pdf.layout, pdfLabel(name, pdf), decoded?.text, txtName.replace(/^.*\//u, ''));
  } else decoded = decodePage(bytes, name, options);
  const text = read?.text ?? decoded!.text;
  const result = parsePageText(text, name, decoded?.encoding ?? 'utf-8', { corrections: options.corrections, staleCorrections: options.staleCorrections, look: read?.look });
  if (result.articles.length > MAX_ARTICLES_PER_PAGE) {
    throw new PageError(name, `the page holds ${result.articles.length} articles; the most Baoku takes on one page is ${MAX_ARTICLES_PER_PAGE} (several pages in one file?)`);
  }
  result.articles.forEach((a, i) => {
    const n = articleChars(a);
    if (n > MAX_ARTICLE_CHARS) {
      const line = result.firstLines[i] ?? null;
      throw new PageError(name, `article ${i + 1} holds ${n} characters; the longest Baoku takes is ${MAX_ARTICLE_CHARS} (a page whose line breaks were lost?)`, line);
    }
  });
  return { result, replaced: decoded?.replaced ?? [], ...(read ? { source: read.source } : {}) };
}

/** How messages name a page read from a PDF: the file, and the page of an issue's PDF. */
export function pdfLabel(name: string, pdf: Pick<PdfInput, 'file' | 'page' | 'pages'>): string {
  return pdf.pages > 1 ? `${pdf.file} page ${pdf.page} (${name})` : pdf.file;
}

/** The warning for a page read with U+FFFD in place of invalid UTF-8 (only with `--replace-invalid-utf8`). */
function replacedWarning(name: string, offsets: number[]): string {
  const shown = offsets.slice(0, 5).join(', ') + (offsets.length > 5 ? ` and ${offsets.length - 5} more` : '');
  return `${name}: ${offsets.length} invalid UTF-8 sequence(s), at byte ${shown}, read as U+FFFD (--replace-invalid-utf8)`;
}

/** What converting one page gave: its files, report, registry entry and warnings, or the error that refused it (`fatal`: lost text, a stale correction or a converter bug, which stop the build). */
export type PageOutcome = { ok: true; files: [string, string][]; report: PageReport; ids: RegistryPage; warnings: string[] } | { ok: false; error: string; fatal: boolean };

/**
 * Converts one page (pure): decode, parse, corrections, ids against the page's registry entry
 * `prev` (issue 11), files, report; a page that cannot be taken gives its error.
 */
export function convertOne(p: PageInput, meta: PageMeta, invalidUtf8?: DecodeOptions['invalidUtf8'], prev?: RegistryPage, staleCorrections: 'error' | 'warn' = 'error'): PageOutcome {
  const id = pageIdOf(p.name);
  try {
    const corrections = p.fixes === undefined ? undefined : parseFixFile(p.fixes, p.fixName ?? fixFileName(p.name), p.name);
    const { result: r, replaced, source } = convertPage(p.bytes, p.name, { invalidUtf8, corrections, staleCorrections, pdf: p.pdf });
    const assigned = assignIds(id, p.name, r.articles, r.other, prev);
    const { files, ids } = pageFiles(r, meta, assigned.ids, p.pdf);
    for (const g of assigned.gone) files.push([`gone/${g.id}.json`, `${JSON.stringify(GoneArticleSchema.parse(g), null, 2)}\n`]);
    const confidence = r.articles.map((a, i) => ({ id: ids[i], title: a.title, lines: [r.sourceLines[i][0], r.sourceLines[i][r.sourceLines[i].length - 1]] as [number, number], ...r.confidence[i], ...(r.regions ? { regions: r.regions[i] } : {}) }));
    const report: PageReport = {
      seed: p.name,
      id,
      ok: true,
      articles: r.articles.length,
      layout: r.layout,
      encoding: r.encoding,
      doubts: r.doubts,
      confidence,
      ...(replaced.length ? { replaced } : {}),
      ...(r.corrections ? { corrections: { file: r.corrections.file, items: r.corrections.statuses } } : {}),
      ...(source && p.pdf ? { pdf: { file: p.pdf.file, page: p.pdf.page, pages: p.pdf.pages, ...source } } : {}),
    };
    return { ok: true, files, report, ids: assigned.page, warnings: r.corrections?.warnings.map((w) => `${p.name}: ${w}`) ?? [] };
  } catch (e) {
    if (!(e instanceof PageError)) {
      // A converter bug, not a bad page: it stops the build like lost text does, naming the page.
      return { ok: false, fatal: true, error: `${p.name}: the converter failed on this page (${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}); please report it with the page` };
    }
    return { ok: false, error: e.message, fatal: e instanceof CorrectionError || /text lost or doubled/.test(e.message) };
  }
}

/** The cache key of a page: what its conversion depends on, its corrections and its entry in the id registry included. */
export function pageKey(p: PageInput, meta: PageMeta, version: string, invalidUtf8: unknown = undefined, staleCorrections: unknown = 'error', ids: RegistryPage | null = null): string {
  // A PDF page: its PDF's hash and page too (its layout follows from them and the converter); a text page's key is as it was.
  const pdf = p.pdf ? `\0${p.pdf.file}\0${p.pdf.sha256}\0${p.pdf.page}/${p.pdf.pages}\0${p.pdf.txt}` : '';
  return shortHash(`${version}\0${invalidUtf8}\0${p.name}\0${JSON.stringify(meta)}\0${createHash('sha256').update(p.bytes).digest('hex')}\0${p.fixes ?? ''}\0${staleCorrections}\0${JSON.stringify(ids)}${pdf}`, 32);
}

/** Converts every page; pages are processed in file-name order so output is deterministic. */
export function convertPages(inputs: PageInput[], catalog: Pick<Catalog, 'pages'>, options: ArchiveOptions = {}): ArchiveOutput {
  const { onPage, cache, version = '', invalidUtf8 = 'refuse', registry = emptyRegistry(), staleCorrections = 'error' } = options;
  const files = new Map<string, string>();
  const reports: PageReport[] = [];
  const warnings: string[] = [];
  const fatal: string[] = [];
  const unreadable = new Map((options.unreadable ?? []).map((u) => [u.name, u.reason]));
  const all: PageInput[] = [...inputs, ...[...unreadable.keys()].map((name) => ({ name, bytes: new Uint8Array() }))];
  const sorted = all.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const pagesOut: IdRegistry['pages'] = {};
  const seenIds = new Map<string, string>();
  for (const p of sorted) {
    if (unreadable.has(p.name) || pageIdProblem(p.name)) continue;
    const id = pageIdOf(p.name);
    const clash = seenIds.get(id);
    // Two files, one URL (issue 11): neither may silently take the other's page.
    if (clash) fatal.push(`${clash} and ${p.name} both have page id "${id}" (pages/${id}/): rename one of them`);
    else seenIds.set(id, p.name);
  }
  sorted.forEach((p, n) => {
    onPage?.(n, sorted.length, p.name);
    const id = pageIdOf(p.name);
    const refusal = unreadable.has(p.name) ? `the file is ${unreadable.get(p.name)}` : pageIdProblem(p.name);
    if (refusal) {
      warnings.push(`${p.name}: ${refusal}`);
      reports.push({ seed: p.name, id, ok: false, error: refusal });
      return;
    }
    if (seenIds.get(id) !== p.name) {
      reports.push({ seed: p.name, id, ok: false, error: 'duplicate page id' });
      return;
    }
    const meta = catalog.pages[id] ?? EMPTY_META;
    const prev = registry.pages[id];
    const key = cache ? pageKey(p, meta, version, invalidUtf8, staleCorrections, prev ?? null) : '';
    const hit = cache?.get(key);
    if (hit && hit.ids) {
      for (const [k, v] of hit.files) files.set(k, v);
      reports.push(hit.report);
      if (hit.report.replaced?.length) warnings.push(replacedWarning(p.name, hit.report.replaced));
      warnings.push(...(hit.warnings ?? []));
      pagesOut[id] = hit.ids;
      return;
    }
    const out = options.outcomes?.get(p.name) ?? convertOne(p, meta, invalidUtf8, prev, staleCorrections);
    if (out.ok) {
      if (out.report.replaced?.length) warnings.push(replacedWarning(p.name, out.report.replaced));
      warnings.push(...out.warnings);
      for (const [k, v] of out.files) files.set(k, v);
      reports.push(out.report);
      pagesOut[id] = out.ids;
      const entry: CachedPage = { files: out.files, report: out.report, ids: out.ids, warnings: out.warnings };
      cache?.set(key, entry);
      // The next run converts with the ids this one gave, which gives the same result (assignIds is idempotent): cached under that key too.
      if (cache && options.registry && JSON.stringify(out.ids) !== JSON.stringify(prev ?? null)) cache.set(pageKey(p, meta, version, invalidUtf8, staleCorrections, out.ids), entry);
    } else {
      (out.fatal ? fatal : warnings).push(out.error);
      reports.push({ seed: p.name, id, ok: false, error: out.error });
      if (prev) pagesOut[id] = prev;
    }
  });
  for (const [id, page] of Object.entries(registry.pages)) {
    if (seenIds.has(id)) continue;
    pagesOut[id] = page;
    const live = page.articles.filter((a) => !a.gone).length;
    warnings.push(`the id registry lists page "${id}" (${page.seed}) but there is no such page file: its ${live} published article(s) are not built`);
  }
  // Gone ids of every page in one file (the site's gone list, absent when there are none), in id order; pages carry theirs as gone/<id>.json for the cache.
  const goneKeys = [...files.keys()].filter((k) => k.startsWith('gone/')).sort();
  const goneRecords = goneKeys.map((k) => JSON.parse(files.get(k)!) as unknown);
  for (const k of goneKeys) files.delete(k);
  if (goneRecords.length) files.set('gone.json', `${JSON.stringify(goneRecords, null, 2)}\n`);
  const unknown = Object.keys(catalog.pages).filter((id) => !seenIds.has(id));
  for (const id of unknown) warnings.push(`catalog lists page "${id}" but seeds/ has no such page file`);
  const summary = ReportSchema.parse({
    pages: reports.length,
    converted: reports.filter((r) => r.ok).length,
    articles: reports.reduce((s, r) => s + (r.articles ?? 0), 0),
    doubts: reports.reduce((s, r) => s + (r.doubts?.length ?? 0), 0),
    warnings,
    fatal,
    reports,
  });
  files.set('report.json', `${JSON.stringify(summary, null, 2)}\n`);
  return { files, reports, warnings, fatal, registry: { format: 1, pages: pagesOut } };
}
