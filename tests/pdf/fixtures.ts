/**
 * The committed PDF fixtures (tests/fixtures/pdf/<case>/) and their extraction, read once per
 * test file. The truth files come from the typesetter (scripts/lib/pdf-fixtures/), never from
 * the extraction under test.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { layoutPage } from '../../scripts/lib/pdf/layout.ts';
import { openPdf, readPageContent } from '../../scripts/lib/pdf/read-fs.ts';
import type { PageContent, PdfPage } from '../../scripts/lib/pdf/types.ts';
import type { Truth } from '../../scripts/lib/pdf-fixtures/write-fs.ts';

export const FIXTURES = join(import.meta.dirname, '../fixtures/pdf');

/** The fixture cases on disk. */
export const CASES = readdirSync(FIXTURES).filter((d) => !d.startsWith('.')).sort();

export interface LoadedCase {
  name: string;
  pdf: Uint8Array;
  truth: Truth;
  content: PageContent;
  page: PdfPage;
}

const cache = new Map<string, Promise<LoadedCase>>();

/** A case's PDF, truth, raw content and layout. */
export function loadCase(name: string): Promise<LoadedCase> {
  let p = cache.get(name);
  if (!p) {
    p = (async () => {
      const pdf = readFileSync(join(FIXTURES, name, 'page.pdf'));
      const truth = JSON.parse(readFileSync(join(FIXTURES, name, 'truth.json'), 'utf8')) as Truth;
      const doc = await openPdf(pdf);
      const content = await readPageContent(doc, 1);
      await doc.loadingTask.destroy();
      return { name, pdf, truth, content, page: layoutPage(content) };
    })();
    cache.set(name, p);
  }
  return p;
}

/** Text without white space, as the gold schema compares text. */
export const squash = (s: string): string => s.replace(/\s+/gu, '');
