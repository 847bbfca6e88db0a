/**
 * @fileoverview Reading order of a page's blocks by recursive XY-cut (Nagy & Seth 1984), with the
 * page's rules as walls (issue #16).
 *
 * A region is cut where a band across it holds no block: rows top to bottom, or columns left to
 * right, whichever leaves the wider band (rows on a tie); then each part is ordered the same way.
 * A ruling line is a wall: a vertical rule forbids row cuts along its length, a horizontal one
 * column cuts, which keeps two articles side by side apart even where their headlines and
 * bodies line up; and a band a rule runs along is cut first (rules separate articles), before the
 * unruled bands between the columns of one article. A headline spanning columns forbids column cuts by itself. Vertical text is read
 * right to left, so in a column cut a part of vertical lines only at the right end (a vertical
 * headline beside its article, 竖题) is read before the parts to its left.
 */
import type { RawBlock } from './blocks.ts';
import { unionBox } from './lines.ts';
import type { Box, PdfRule } from './types.ts';

/** A band narrower than this (points) is no cut. */
const MIN_BAND = 0.5;

type Axis = 'y' | 'x';

function span(b: Box, axis: Axis): [number, number] {
  return axis === 'y' ? [b.y, b.y + b.h] : [b.x, b.x + b.w];
}

/** Free bands along `axis` across the region: [start, end] pairs between occupied intervals. */
function bands(intervals: [number, number][]): [number, number][] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  let end = sorted.length ? sorted[0][1] : 0;
  for (const [s, e] of sorted.slice(1)) {
    if (s - end >= MIN_BAND) out.push([end, s]);
    end = Math.max(end, e);
  }
  return out;
}

function inside(r: PdfRule, region: Box): boolean {
  const eps = 0.5;
  return r.box.x + r.box.w > region.x + eps && r.box.x < region.x + region.w - eps && r.box.y + r.box.h > region.y + eps && r.box.y < region.y + region.h - eps;
}

/** A free band, and whether a rule runs along it (a rule drawn to separate what it cuts). */
interface Band {
  start: number;
  end: number;
  ruled: boolean;
}

function cuts(blocks: RawBlock[], walls: PdfRule[], axis: Axis): Band[] {
  const occupied = blocks.map((b) => span(b.box, axis));
  // Rules crossing the cut direction are walls along their length.
  const across = axis === 'y' ? 'vertical' : 'horizontal';
  const along = axis === 'y' ? 'horizontal' : 'vertical';
  for (const r of walls) if (r.orientation === across) occupied.push(span(r.box, axis));
  return bands(occupied).map(([start, end]) => ({
    start,
    end,
    ruled: walls.some((r) => r.orientation === along && span(r.box, axis)[0] >= start - 0.5 && span(r.box, axis)[1] <= end + 0.5),
  }));
}

function groupBy(blocks: RawBlock[], axis: Axis, gaps: Band[]): RawBlock[][] {
  const groups: RawBlock[][] = gaps.map(() => []).concat([[]]);
  for (const b of blocks) {
    const [s] = span(b.box, axis);
    let i = 0;
    while (i < gaps.length && s >= gaps[i].end - 1e-6) i++;
    groups[i].push(b);
  }
  return groups.filter((g) => g.length > 0);
}

function orderColumns(groups: RawBlock[][]): RawBlock[][] {
  const verticalOnly = (g: RawBlock[]): boolean => g.every((b) => b.vertical);
  if (groups.every(verticalOnly)) return [...groups].reverse();
  let k = groups.length;
  while (k > 0 && verticalOnly(groups[k - 1])) k--;
  return [...groups.slice(k).reverse(), ...groups.slice(0, k)];
}

function xyCut(blocks: RawBlock[], rules: PdfRule[]): RawBlock[] {
  if (blocks.length <= 1) return blocks;
  const region = unionBox(blocks.map((b) => b.box));
  const walls = rules.filter((r) => inside(r, region));
  let rows = cuts(blocks, walls, 'y');
  let cols = cuts(blocks, walls, 'x');
  if (!rows.length && !cols.length) {
    // Overlapping blocks: top to bottom, then left to right.
    return [...blocks].sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  }
  // Rules separate what they run between: cut at ruled bands first, in the direction that has them.
  const ruledRows = rows.filter((b) => b.ruled);
  const ruledCols = cols.filter((b) => b.ruled);
  if (ruledRows.length || ruledCols.length) {
    rows = ruledRows;
    cols = ruledCols;
  }
  const widest = (g: Band[]): number => Math.max(0, ...g.map((b) => b.end - b.start));
  const byRows = rows.length > 0 && widest(rows) >= widest(cols);
  const groups = byRows ? groupBy(blocks, 'y', rows) : orderColumns(groupBy(blocks, 'x', cols));
  return groups.flatMap((g) => xyCut(g, walls));
}

/** The blocks in reading order. */
export function readingOrder(blocks: RawBlock[], rules: PdfRule[]): RawBlock[] {
  return xyCut(blocks, rules);
}
