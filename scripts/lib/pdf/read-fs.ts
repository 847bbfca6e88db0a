/**
 * @fileoverview Opens PDFs with pdf.js (pdfjs-dist, legacy build for Node) and reads a page's
 * operator list into `PageContent`, then its layout (issue #16). Node-only: pdf.js reads its
 * character maps and standard font data from its own package folder.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { layoutPage } from './layout.ts';
import { readOperators, type FontData, type Matrix } from './operators.ts';
import type { PageContent, PdfPage } from './types.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
/** An open PDF (pdf.js `PDFDocumentProxy`). */
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

let pdfjs: Promise<PdfJs> | null = null;
/** pdf.js, loaded once on first use. */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

const pkg = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** Where pdf.js finds its CMaps, standard fonts and image-decoder wasm (paths with a trailing slash). */
export const PDFJS_DATA = {
  cMapUrl: join(pkg, 'cmaps') + '/',
  cMapPacked: true,
  standardFontDataUrl: join(pkg, 'standard_fonts') + '/',
  wasmUrl: join(pkg, 'wasm') + '/',
};

/** Opens a PDF from its bytes (copied: pdf.js takes ownership of the buffer it is given). */
export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const { getDocument } = await loadPdfJs();
  return getDocument({ data: new Uint8Array(bytes), ...PDFJS_DATA, fontExtraProperties: true, verbosity: 0 }).promise;
}

/** The glyphs, rules and fonts of page `n` (1-based). */
export async function readPageContent(doc: PdfDocument, n: number): Promise<PageContent> {
  const { OPS } = await loadPdfJs();
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale: 1 });
  const list = await page.getOperatorList();
  const fontOf = (id: string): FontData | undefined => (page.commonObjs.has(id) ? (page.commonObjs.get(id) as FontData) : undefined);
  const content = readOperators(list, OPS, fontOf, viewport.transform as unknown as Matrix, { page: n, width: viewport.width, height: viewport.height });
  page.cleanup();
  return content;
}

/** Every page of a PDF file as a layout. */
export async function extractPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const doc = await openPdf(bytes);
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(layoutPage(await readPageContent(doc, n)));
    return pages;
  } finally {
    await doc.loadingTask.destroy();
  }
}

/** Every page of a PDF file on disk as a layout. */
export async function extractPdfFile(path: string): Promise<PdfPage[]> {
  return extractPdf(await readFile(path));
}
