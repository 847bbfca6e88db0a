/**
 * A small archive with pages read from PDFs (issue #16), for the facsimile journeys: one issue of
 * a paper by the folder convention, whose 第1版 is a generated PDF with a trusted text layer, 第2版
 * a PDF whose text layer is garbled (no ToUnicode) with the `.txt` an archivist has beside it, and
 * 第3版 a text page (no facsimile). The PDFs are the generated fixtures (tests/fixtures/pdf/,
 * scripts/pdf-fixtures.ts). Built in a copy of the project under PDF_BASE into PDF_DIST.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectCopy } from '../../scripts/lib/project-copy-fs.ts';
import { collectMaterial, synthPageWithTruth } from '../../scripts/lib/synth.ts';
import { buildArchiveIn } from './archive-steps.ts';
import { ARTIFACTS } from './site.ts';

const ROOT = join(import.meta.dirname, '..', '..');
/** The project copy the archive is built in. */
export const PDF_PROJECT = join(ROOT, '.cache', 'pdf-project');
/** Base path of the archive. */
export const PDF_BASE = '/facs/';
/** Where it is built: the served root, with the site under PDF_BASE. */
export const PDF_ROOT = join(ARTIFACTS, 'pdf-root');
export const PDF_DIST = join(PDF_ROOT, 'facs');
/** The issue's folder under seeds/. */
export const PDF_ISSUE = '版报/2031-05-04';
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'pdf');

/** Writes the archive's seeds into `dir`. */
export function writePdfSeeds(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  const issue = join(dir, ...PDF_ISSUE.split('/'));
  mkdirSync(issue, { recursive: true });
  copyFileSync(join(FIXTURES, 'front', 'page.pdf'), join(issue, '01-要闻.pdf'));
  copyFileSync(join(FIXTURES, 'front-no-tounicode', 'page.pdf'), join(issue, '02-城事.pdf'));
  copyFileSync(join(FIXTURES, 'front-no-tounicode', 'page.txt'), join(issue, '02-城事.txt'));
  const seeds = join(ROOT, 'seeds');
  const material = collectMaterial(readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => ({ name: f, text: readFileSync(join(seeds, f), 'utf8') })));
  writeFileSync(join(issue, '03-综合.txt'), synthPageWithTruth(material, 1).text);
}

/** Builds the archive in a copy of the project (ingest with its render cache, astro build, search index). */
export function buildPdfArchive(): void {
  projectCopy(ROOT, PDF_PROJECT);
  const seeds = join(PDF_PROJECT, 'seeds');
  writePdfSeeds(seeds);
  buildArchiveIn({ label: 'pdf archive', project: PDF_PROJECT, root: PDF_ROOT, dist: PDF_DIST, base: PDF_BASE });
}

/** The generated report of the archive's ingest (after buildPdfArchive). */
export function pdfReport(): { reports: { seed: string; ok: boolean; pdf?: { text: string; trust: string; aligned: number | null } }[] } {
  return JSON.parse(readFileSync(join(PDF_PROJECT, 'src', 'content', 'generated', 'report.json'), 'utf8'));
}
