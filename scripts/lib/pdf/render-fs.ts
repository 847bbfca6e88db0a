/**
 * @fileoverview Page images for the facsimile view (issue #16): a PDF page rendered by pdf.js
 * into an @napi-rs/canvas canvas (Skia; its binaries ship inside the npm package) once, at the
 * largest width, and scaled down for the others, each encoded as WebP. Renders are cached by
 * the PDF's SHA-256 under `.cache/pdf/<sha256>/<renderer>/`, so a rebuild renders only new or
 * changed PDFs; `<renderer>` names the pdf.js version and the quality, so an upgrade re-renders.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { FACSIMILE_WIDTHS } from '../facsimile.ts';
import { openPdf, type PdfDocument } from './read-fs.ts';

/** Widths rendered by default: a phone's (360 px), and 800 / 1600 / 2400 for `srcset` (the facsimile's, facsimile.ts). */
export const DEFAULT_WIDTHS: number[] = [...FACSIMILE_WIDTHS];
/** WebP quality (0–100): 80 keeps 9 pt text legible at 1600 px. */
export const DEFAULT_QUALITY = 80;

/** Where and how to render. */
export interface RenderOptions {
  widths?: number[];
  quality?: number;
  /** Cache root; default `.cache/pdf` under the working directory. */
  cacheDir?: string;
}

/** One image of a page. */
export interface PageImage {
  width: number;
  height: number;
  path: string;
  bytes: number;
}

/** A page's images, and whether they came from the cache. */
export interface PageRender {
  sha256: string;
  page: number;
  images: PageImage[];
  cached: boolean;
}

const pdfjsVersion = (createRequire(import.meta.url)('pdfjs-dist/package.json') as { version: string }).version;

/** SHA-256 of a PDF's bytes, hex: its cache key. */
export function pdfHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function heightFor(width: number, page: { width: number; height: number }): number {
  return Math.round((width * page.height) / page.width);
}

/** Renders page `n` of an open PDF at `width` pixels into a canvas (white background). */
export async function renderToCanvas(doc: PdfDocument, n: number, width: number): Promise<Canvas> {
  const page = await doc.getPage(n);
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: width / base.width });
  const canvas = createCanvas(width, heightFor(width, base));
  // pdf.js types its canvas as the DOM's; @napi-rs/canvas implements the same 2-D context.
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport, background: '#ffffff' }).promise;
  page.cleanup();
  return canvas;
}

function scaled(source: Canvas, width: number): Canvas {
  const c = createCanvas(width, Math.round((width * source.height) / source.width));
  const ctx = c.getContext('2d');
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, c.width, c.height);
  return c;
}

async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}

/** Renders every page of a PDF (an issue's PDF, say) to WebP at each width; cached pages are skipped. */
export async function renderPdf(pdf: Uint8Array, options: RenderOptions = {}): Promise<PageRender[]> {
  const out: PageRender[] = [];
  let doc: PdfDocument | null = null;
  try {
    doc = await openPdf(pdf);
    const opened = doc;
    for (let n = 1; n <= opened.numPages; n++) out.push(await render(pdf, n, options, async () => opened));
  } finally {
    await doc?.loadingTask.destroy();
  }
  return out;
}

/** Renders the given pages of a PDF (an issue's pages the archive takes), opening it only if one is not cached. */
export async function renderPages(pdf: Uint8Array, pages: number[], options: RenderOptions = {}): Promise<PageRender[]> {
  let doc: PdfDocument | null = null;
  const open = async (): Promise<PdfDocument> => (doc ??= await openPdf(pdf));
  try {
    const out: PageRender[] = [];
    for (const n of pages) out.push(await render(pdf, n, options, open));
    return out;
  } finally {
    await (doc as PdfDocument | null)?.loadingTask.destroy();
  }
}

/**
 * Renders page `n` (1-based) of a PDF to WebP at each width, or returns the cached images.
 * Widths larger than the page's rendering are still honoured (the page is vector data).
 */
export async function renderPage(pdf: Uint8Array, n: number, options: RenderOptions = {}): Promise<PageRender> {
  let doc: PdfDocument | null = null;
  try {
    return await render(pdf, n, options, async () => (doc = await openPdf(pdf)));
  } finally {
    await (doc as PdfDocument | null)?.loadingTask.destroy();
  }
}

async function render(pdf: Uint8Array, n: number, options: RenderOptions, open: () => Promise<PdfDocument>): Promise<PageRender> {
  const widths = [...(options.widths ?? DEFAULT_WIDTHS)].sort((a, b) => b - a);
  const quality = options.quality ?? DEFAULT_QUALITY;
  const sha256 = pdfHash(pdf);
  const dir = join(options.cacheDir ?? join(process.cwd(), '.cache', 'pdf'), sha256, `pdfjs-${pdfjsVersion}-q${quality}`);
  const file = (w: number): string => join(dir, `p${n}-w${w}.webp`);
  if (widths.every((w) => existsSync(file(w)))) {
    const images: PageImage[] = [];
    for (const w of widths) {
      const bytes = await readFile(file(w));
      images.push({ width: w, height: webpHeight(bytes), path: file(w), bytes: bytes.length });
    }
    return { sha256, page: n, images: images.reverse(), cached: true };
  }
  await mkdir(dir, { recursive: true });
  const full = await renderToCanvas(await open(), n, widths[0]);
  const images: PageImage[] = [];
  for (const w of widths) {
    const c = w === widths[0] ? full : scaled(full, w);
    const bytes = await c.encode('webp', quality);
    await writeAtomic(file(w), bytes);
    images.push({ width: w, height: c.height, path: file(w), bytes: (await stat(file(w))).size });
  }
  return { sha256, page: n, images: images.reverse(), cached: false };
}

/** Height of a WebP image from its header (VP8, VP8L or VP8X), for cached renders. */
export function webpHeight(b: Uint8Array): number {
  const tag = String.fromCharCode(b[12], b[13], b[14], b[15]);
  if (tag === 'VP8X') return 1 + (b[27] | (b[28] << 8) | (b[29] << 16));
  if (tag === 'VP8L') return 1 + (((b[22] & 0xc0) >> 6) | (b[23] << 2) | ((b[24] & 0x0f) << 10));
  if (tag === 'VP8 ') return (b[28] | (b[29] << 8)) & 0x3fff;
  throw new Error('not a WebP image');
}
