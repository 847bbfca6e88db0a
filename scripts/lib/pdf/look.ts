/**
 * @fileoverview What the printed page says of each line of its text (issue #16): the facts a text
 * page lacks — font size against the page's body size, weight, direction, where the line stands in
 * its block (first, indented, after a full or a short line) and whether a ruling line separates
 * its block from the block read before it. The article parser takes them as hard constraints
 * (scripts/lib/layout-constraints.ts); the learned features of text pages are left as they are.
 * Pure: a `PdfPage` and which PDF lines each text line holds in, facts out.
 */
import type { Box, PdfPage, PdfRule } from './types.ts';

/** The printed look of one line of the page text. */
export interface LineLook {
  /** The PDF lines (indexes into `PdfPage.lines`) the text line stands for, in reading order. */
  lines: number[];
  /** Union of their boxes. */
  box: Box;
  /** Font size of its first PDF line (pt), and that size over the page's body size. */
  size: number;
  rel: number;
  bold: boolean;
  vertical: boolean;
  /** Block of its first PDF line (index into `PdfPage.blocks`). */
  block: number;
  /** Its block is running text: two or more horizontal lines at the body size, not all bold (or one such line within a column of them). */
  inBody: boolean;
  /** Its first PDF line is the first of its block. */
  blockStart: boolean;
  /** It starts 1.5 to 4.5 em right of its column's left edge: a paragraph's first line. */
  indent: boolean;
  /** The line before it in its block reaches the block's right edge (within half an em)… */
  afterFull: boolean;
  /** …or stops at least 1.5 em short of it (a paragraph ended there). */
  afterShort: boolean;
  /** A ruling line stands between its block and the block read before it (rules separate articles). */
  ruled: boolean;
}

/** The look of a page's text lines, by 1-based text line number. */
export interface PageLook {
  width: number;
  height: number;
  /** The size most glyphs of horizontal text are set in (pt). */
  bodySize: number;
  /** The page indents its paragraphs (three or more indented lines in running text). */
  indents: boolean;
  byLine: Map<number, LineLook>;
  /** Every PDF line's box and block (indexes of `LineLook.lines`), for article regions (regions.ts). */
  pdfLines: { box: Box; block: number }[];
  /** The page's pictures (photos, drawings), which regions.ts gives to the article they sit with. */
  figures: Box[];
}

/** Sizes within this fraction of each other are one size. */
const SAME_SIZE = 0.05;

/** The size most glyphs of the page's horizontal lines are set in; 0 for a page without text. */
export function bodySizeOf(page: PdfPage): number {
  const glyphs = new Map<number, number>();
  for (const l of page.lines) if (!l.vertical) glyphs.set(l.size, (glyphs.get(l.size) ?? 0) + l.glyphs);
  let best = 0;
  let n = -1;
  for (const [size, k] of [...glyphs].sort((a, b) => a[0] - b[0])) if (k > n) [best, n] = [size, k];
  return best;
}

const overlap = (a0: number, a1: number, b0: number, b1: number): number => Math.min(a1, b1) - Math.max(a0, b0);

/** Whether a rule lies between two boxes: a horizontal rule above one and below the other across both, or a vertical one between them along both. */
export function ruleBetween(rules: PdfRule[], a: Box, b: Box): boolean {
  const eps = 0.5;
  return rules.some((r) => {
    if (r.orientation === 'horizontal') {
      const y = r.box.y;
      const between = (a.y + a.h <= y + eps && b.y >= y - eps) || (b.y + b.h <= y + eps && a.y >= y - eps);
      return between && overlap(r.box.x, r.box.x + r.box.w, a.x, a.x + a.w) > 0 && overlap(r.box.x, r.box.x + r.box.w, b.x, b.x + b.w) > 0;
    }
    const x = r.box.x;
    const between = (a.x + a.w <= x + eps && b.x >= x - eps) || (b.x + b.w <= x + eps && a.x >= x - eps);
    return between && overlap(r.box.y, r.box.y + r.box.h, a.y, a.y + a.h) > 0 && overlap(r.box.y, r.box.y + r.box.h, b.y, b.y + b.h) > 0;
  });
}

function union(boxes: Box[]): Box {
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.w));
  const y1 = Math.max(...boxes.map((b) => b.y + b.h));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/**
 * The look of each text line. `textLines` maps a 1-based text line number to the PDF lines it
 * holds (one for the page text `toTextPage` derives; several, or part of one, for a `.txt` aligned
 * to the PDF, align.ts).
 */
export function lookOf(page: PdfPage, textLines: Map<number, number[]>): PageLook {
  const body = bodySizeOf(page);
  const sameSize = (s: number): boolean => body > 0 && Math.abs(s - body) <= SAME_SIZE * body;
  const running = page.blocks.map((b) => !b.vertical && b.lines.length >= 2 && sameSize(b.size) && b.lines.some((i) => !page.lines[i].bold));
  // A one-line block of running text (a paragraph's last line under a heading) is measured against
  // the column it stands in: the nearest block of running text whose width holds it.
  const column = page.blocks.map((b, bi) => {
    if (running[bi]) return bi;
    if (b.vertical || b.lines.length !== 1 || !sameSize(b.size) || page.lines[b.lines[0]].bold) return -1;
    const em = b.size;
    let best = -1;
    let dist = Infinity;
    page.blocks.forEach((c, ci) => {
      if (!running[ci] || b.box.x < c.box.x - 0.5 * em || b.box.x + b.box.w > c.box.x + c.box.w + 0.5 * em) return;
      const d = Math.max(c.box.y - (b.box.y + b.box.h), b.box.y - (c.box.y + c.box.h));
      if (d < dist) [best, dist] = [ci, d];
    });
    return best;
  });
  const inBody = column.map((c) => c >= 0);
  const place = page.lines.map(() => ({ start: false, indent: false, afterFull: false, afterShort: false }));
  let indented = 0;
  page.blocks.forEach((b, bi) => {
    const right = b.box.x + b.box.w;
    const left = column[bi] >= 0 ? page.blocks[column[bi]].box.x : b.box.x;
    b.lines.forEach((li, k) => {
      const l = page.lines[li];
      const em = l.size;
      const p = place[li];
      p.start = k === 0;
      const inset = l.box.x - left;
      p.indent = !b.vertical && column[bi] >= 0 && inset >= 1.5 * em && inset <= 4.5 * em;
      if (p.indent && inBody[bi]) indented++;
      if (k > 0 && !b.vertical) {
        const prev = page.lines[b.lines[k - 1]].box;
        const short = right - (prev.x + prev.w);
        p.afterFull = short <= 0.5 * em;
        p.afterShort = short >= 1.5 * em;
      }
    });
  });
  const ruled = page.blocks.map((b, bi) => bi > 0 && ruleBetween(page.rules, page.blocks[bi - 1].box, b.box));
  const byLine = new Map<number, LineLook>();
  for (const [no, idx] of textLines) {
    if (idx.length === 0) continue;
    const first = page.lines[idx[0]];
    const p = place[idx[0]];
    byLine.set(no, {
      lines: idx,
      box: union(idx.map((i) => page.lines[i].box)),
      size: first.size,
      rel: body > 0 ? Math.round((first.size / body) * 100) / 100 : 1,
      bold: first.bold,
      vertical: first.vertical,
      block: first.block,
      inBody: inBody[first.block],
      blockStart: p.start,
      indent: p.indent,
      afterFull: p.afterFull,
      afterShort: p.afterShort,
      ruled: p.start && ruled[first.block],
    });
  }
  return { width: page.width, height: page.height, bodySize: body, indents: indented >= 3, byLine, pdfLines: page.lines.map((l) => ({ box: l.box, block: l.block })), figures: page.figures ?? [] };
}

/** The text line map of the page text `toTextPage` derives: text line `lineNumbers[i]` is PDF line `i`. */
export function derivedTextLines(lineNumbers: number[]): Map<number, number[]> {
  return new Map(lineNumbers.map((no, i) => [no, [i]]));
}
