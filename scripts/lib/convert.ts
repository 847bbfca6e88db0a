/**
 * @fileoverview Stage 7 — convert: all pages of `seeds/` become the files of the site's content
 * collections (article MDX, page JSON) and a machine-readable report. Pure: bytes in, files out.
 * Every record written is checked against the one schema (core/schema.ts) first, so the site never
 * meets a file the ingest could not have meant.
 */
import { createHash } from 'node:crypto';
import { shortHash } from '../../core/hash.ts';
import { EMPTY_META, PageRecordSchema, ReportSchema, type ArticleFrontmatter, type CachedPage, type Catalog, type PageMeta, type PageRecord, type PageReport } from '../../core/schema.ts';
import { PageError } from './decode.ts';
import { articleIds, pageIdOf } from './ids.ts';
import { articleToMdx } from './mdx.ts';
import { parsePage, type PageResult } from './pipeline.ts';

/** The outcome of converting a set of pages. */
export interface ArchiveOutput {
  /** Output files: path relative to the output folder → content. */
  files: Map<string, string>;
  reports: PageReport[];
  /** Inputs that could not be converted (the rest of the archive still builds). */
  warnings: string[];
  /** Pages whose characters were not conserved: these fail the build. */
  fatal: string[];
}

/** A page file given to the archive. */
export interface PageInput {
  name: string;
  bytes: Uint8Array;
}

/** The excerpt of the frontmatter: the body's paragraphs, white space removed, first 120 characters. */
function plainExcerpt(r: PageResult, i: number): string {
  const text = r.articles[i].body.filter((b) => b.type === 'p').map((b) => b.text.replace(/\s+/g, '')).join('');
  return [...text].slice(0, 120).join('');
}

/** Converts one parsed page into its files. */
export function pageFiles(r: PageResult, meta: PageMeta): { files: [string, string][]; record: PageRecord; ids: string[] } {
  const id = pageIdOf(r.seed);
  const openings = r.articles.map((a) => a.body.map((b) => b.text).join(''));
  const ids = articleIds(id, openings);
  const srcLines = r.text.split('\n');
  const files: [string, string][] = [];
  r.articles.forEach((a, i) => {
    const nos = r.sourceLines[i];
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
    };
    files.push([`articles/${ids[i]}.mdx`, articleToMdx(a, fm)]);
  });
  const record: PageRecord = PageRecordSchema.parse({ id, seed: r.seed, ...meta, layout: r.layout, encoding: r.encoding, articles: ids, other: r.other });
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
}

/** Options of {@link convertPages}. */
export interface ArchiveOptions {
  onPage?: (done: number, total: number, name: string) => void;
  cache?: PageCache;
  /** Identifies the converter's code; part of every cache key. */
  version?: string;
}

/** Converts every page; pages are processed in file-name order so output is deterministic. */
export function convertPages(inputs: PageInput[], catalog: Pick<Catalog, 'pages'>, options: ArchiveOptions = {}): ArchiveOutput {
  const { onPage, cache, version = '' } = options;
  const files = new Map<string, string>();
  const reports: PageReport[] = [];
  const warnings: string[] = [];
  const fatal: string[] = [];
  const sorted = [...inputs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const seenIds = new Map<string, string>();
  sorted.forEach((p, n) => {
    onPage?.(n, sorted.length, p.name);
    const id = pageIdOf(p.name);
    const clash = seenIds.get(id);
    if (clash) {
      warnings.push(`${p.name}: page id "${id}" is already used by ${clash}; page skipped`);
      reports.push({ seed: p.name, id, ok: false, error: 'duplicate page id' });
      return;
    }
    seenIds.set(id, p.name);
    const meta = catalog.pages[id] ?? EMPTY_META;
    const key = cache ? shortHash(`${version}\0${p.name}\0${JSON.stringify(meta)}\0${createHash('sha256').update(p.bytes).digest('hex')}`, 32) : '';
    const hit = cache?.get(key);
    if (hit) {
      for (const [k, v] of hit.files) files.set(k, v);
      reports.push(hit.report);
      return;
    }
    try {
      const r = parsePage(p.bytes, p.name);
      const { files: fs, ids } = pageFiles(r, meta);
      for (const [k, v] of fs) files.set(k, v);
      const confidence = r.articles.map((a, i) => ({ id: ids[i], title: a.title, lines: [r.sourceLines[i][0], r.sourceLines[i][r.sourceLines[i].length - 1]] as [number, number], ...r.confidence[i] }));
      const report: PageReport = { seed: p.name, id, ok: true, articles: r.articles.length, layout: r.layout, encoding: r.encoding, doubts: r.doubts, confidence };
      reports.push(report);
      cache?.set(key, { files: fs, report });
    } catch (e) {
      if (!(e instanceof PageError)) throw e;
      const lost = /text lost or doubled/.test(e.message);
      (lost ? fatal : warnings).push(e.message);
      reports.push({ seed: p.name, id, ok: false, error: e.message });
    }
  });
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
  return { files, reports, warnings, fatal };
}
