/**
 * The test build shared by the `unit` project's dist checks and the `browser` project: where the
 * prefixed build lives, under which base, and what the ingest put into it — the expectations the
 * tests derive from the ingest's own output instead of counting the seeds by hand.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PageRecordSchema, type PageRecord } from '../../core/schema.ts';

/** The base path the test build is made with, to catch any link that ignores it. */
export const PREFIX = '/some/prefix/';
/** Output folder of the test build (global-setup writes it). */
export const DIST = join(import.meta.dirname, '..', '.artifacts', 'dist-prefix');
/** Screenshot and report folder. */
export const ARTIFACTS = join(import.meta.dirname, '..', '.artifacts');
/** The ingest's output the test build was made from (global-setup runs the ingest into it). */
export const GENERATED = join(import.meta.dirname, '..', '..', 'src', 'content', 'generated');

/** The page records the ingest wrote. */
export function pageRecords(): PageRecord[] {
  return readdirSync(join(GENERATED, 'pages'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => PageRecordSchema.parse(JSON.parse(readFileSync(join(GENERATED, 'pages', f), 'utf8'))));
}

/** Page ids and article ids of the ingest's output, sorted. */
export function ingested(): { pages: string[]; articles: string[] } {
  const pages = readdirSync(join(GENERATED, 'pages'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => PageRecordSchema.parse(JSON.parse(readFileSync(join(GENERATED, 'pages', f), 'utf8'))));
  return { pages: pages.map((p) => p.id).sort(), articles: pages.flatMap((p) => p.articles).sort() };
}

/** Every HTML file of the build, relative to DIST (`articles/<id>/index.html`, …), sorted. */
export function htmlFiles(dir = DIST): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => {
      const p = join(d, n);
      return statSync(p).isDirectory() ? walk(p) : n.endsWith('.html') ? [relative(dir, p)] : [];
    });
  return walk(dir).sort();
}
