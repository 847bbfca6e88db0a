/**
 * What the site shows of a page read from a PDF (issue #16): the printed page as responsive WebP
 * images with each article a link over its regions, the same page small on an article's view with
 * that article marked, and the PDF to download. Pure: a page record and its articles in, the
 * attributes the components print out. Regions are PDF points on the page as displayed
 * (core/schema.ts `Box`), so the SVG drawn over the image takes the page size as its viewBox and
 * scales with the image; no script is involved.
 */
import type { ArticleFrontmatter, Box, Facsimile } from '../../core/schema.ts';

/** One region as SVG polygon points (`x,y x,y …`, clockwise from the top-left corner). */
export function polygonPoints(b: Box): string {
  const n = (v: number) => String(Math.round(v * 100) / 100);
  const [x0, y0, x1, y1] = [b.x, b.y, b.x + b.w, b.y + b.h].map(n);
  return `${x0},${y0} ${x1},${y0} ${x1},${y1} ${x0},${y1}`;
}

/** The `<img>` of a facsimile: the narrowest image as `src`, every image in `srcset`, and the widest's size (so the box is reserved before it loads). */
export interface FacsimileImage {
  src: string;
  srcset: string;
  width: number;
  height: number;
}

/** The image attributes of a facsimile; `url` makes a media file's href (under the site's base). */
export function facsimileImage(f: Facsimile, url: (file: string) => string): FacsimileImage {
  const images = [...f.images].sort((a, b) => a.width - b.width);
  const widest = images[images.length - 1];
  return { src: url(images[0].file), srcset: images.map((i) => `${url(i.file)} ${i.width}w`).join(', '), width: widest.width, height: widest.height };
}

/** An article's link on the facsimile: where it goes, what it is called, and its regions as polygons. */
export interface FacsimileLink {
  id: string;
  href: string;
  title: string;
  polygons: string[];
}

/** The links of a page's articles that have regions, in reading order (`number` is the article's place on the page, from 1). */
export function facsimileLinks(articles: ArticleFrontmatter[], href: (id: string) => string, title: (a: ArticleFrontmatter, number: number) => string): FacsimileLink[] {
  return articles.flatMap((a, i) => (a.regions?.length ? [{ id: a.id, href: href(a.id), title: title(a, i + 1), polygons: a.regions.map(polygonPoints) }] : []));
}

/** The PDF download of a facsimile: its href, the name it is saved under, and how it is described (simplified). */
export function pdfDownload(f: Facsimile, url: (file: string) => string): { href: string; name: string; text: string } {
  const size = f.pdf.bytes >= 1024 * 1024 ? `${(f.pdf.bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(f.pdf.bytes / 1024))} KB`;
  const which = f.pdf.pages > 1 ? `，本版在第${f.pdf.page}页，共${f.pdf.pages}页` : '';
  return { href: url(f.pdf.file), name: f.pdf.name, text: `下载原版 PDF（${f.pdf.name}，${size}${which}）` };
}
