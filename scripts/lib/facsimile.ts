/**
 * @fileoverview The facsimile of a page read from a PDF (issue #16): which images of it the site
 * offers and where they and the PDF are in the ingest output (`media/`), published at the same
 * paths. Files are named by the PDF's hash, so a rebuild writes only what a new or changed PDF
 * adds, and an issue's PDF is published once for all its pages. Pure: the renders themselves are
 * pdf/render-fs.ts's.
 */
import type { Facsimile } from '../../core/schema.ts';

/**
 * Widths the page is rendered at (px): 360 for a phone's 1× screen, 800 for its 2× screen and
 * small laptops, 1600 and 2400 for large and 2× screens reading the page at full width.
 */
export const FACSIMILE_WIDTHS = [360, 800, 1600, 2400] as const;

/** The media folder of a PDF in the ingest output: `media/<first 16 hex digits of its SHA-256>/`. */
export function mediaFolder(sha256: string): string {
  return `media/${sha256.slice(0, 16)}`;
}

/** Pixel sizes of the page's images, narrowest first: the widest is rendered, the others scaled from it (render-fs.ts). */
export function imageSizes(page: { width: number; height: number }, widths: readonly number[] = FACSIMILE_WIDTHS): { width: number; height: number }[] {
  const sorted = [...widths].sort((a, b) => a - b);
  const widest = sorted[sorted.length - 1];
  const full = Math.round((widest * page.height) / page.width);
  return sorted.map((w) => ({ width: w, height: w === widest ? full : Math.round((w * full) / widest) }));
}

/** What the page record says of a PDF page's printed page. */
export function facsimileOf(pdf: { file: string; sha256: string; bytes: number; page: number; pages: number }, size: { width: number; height: number }, widths: readonly number[] = FACSIMILE_WIDTHS): Facsimile {
  const dir = mediaFolder(pdf.sha256);
  return {
    width: size.width,
    height: size.height,
    pdf: { file: `${dir}/original.pdf`, name: pdf.file.replace(/^.*\//u, ''), page: pdf.page, pages: pdf.pages, sha256: pdf.sha256, bytes: pdf.bytes },
    images: imageSizes(size, widths).map((s) => ({ ...s, file: `${dir}/p${pdf.page}-w${s.width}.webp` })),
  };
}
