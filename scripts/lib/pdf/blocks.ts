/**
 * @fileoverview Lines → blocks: the lines a typesetter laid out together (a column's run of body
 * text, a two-line title, a caption), the units the reading order is decided for (issue #16).
 * A horizontal line joins the block above it when it has the same size, starts no more than one
 * em below it, lies mostly within its width and no rule separates them; vertical lines join the
 * block to their right on the same terms.
 */
import { unionBox, type RawLine } from './lines.ts';
import type { Box, PdfRule } from './types.ts';

/** A block before reading order: its lines in reading order. */
export interface RawBlock {
  lines: RawLine[];
  box: Box;
  size: number;
  vertical: boolean;
}

const MAX_LINE_GAP = 1.0;

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

function ruleAcross(rules: PdfRule[], above: Box, below: Box, vertical: boolean): boolean {
  if (!vertical) {
    const x0 = Math.max(above.x, below.x);
    const x1 = Math.min(above.x + above.w, below.x + below.w);
    return rules.some((r) => r.orientation === 'horizontal' && r.box.y >= above.y + above.h - 0.5 && r.box.y <= below.y + 0.5 && overlap(r.box.x, r.box.x + r.box.w, x0, x1) > 0);
  }
  // Vertical lines: `above` is the right neighbour, `below` the line to its left.
  const y0 = Math.max(above.y, below.y);
  const y1 = Math.min(above.y + above.h, below.y + below.h);
  return rules.some((r) => r.orientation === 'vertical' && r.box.x <= above.x + 0.5 && r.box.x >= below.x + below.w - 0.5 && overlap(r.box.y, r.box.y + r.box.h, y0, y1) > 0);
}

/** Groups lines into blocks. */
export function buildBlocks(lines: RawLine[], rules: PdfRule[]): RawBlock[] {
  const blocks: RawBlock[] = [];
  const horizontal = lines.filter((l) => !l.vertical).sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  for (const l of horizontal) {
    let best: RawBlock | null = null;
    let bestGap = Infinity;
    for (const b of blocks) {
      if (b.vertical || Math.abs(b.size - l.size) > 0.05 * l.size) continue;
      const last = b.lines[b.lines.length - 1];
      const gap = l.box.y - (last.box.y + last.box.h);
      if (gap < -0.2 * l.size || gap > MAX_LINE_GAP * l.size) continue;
      const ov = overlap(b.box.x, b.box.x + b.box.w, l.box.x, l.box.x + l.box.w);
      if (ov < 0.5 * Math.min(l.box.w, b.box.w)) continue;
      if (ruleAcross(rules, last.box, l.box, false)) continue;
      if (gap < bestGap) [best, bestGap] = [b, gap];
    }
    if (best) {
      best.lines.push(l);
      best.box = unionBox([best.box, l.box]);
    } else blocks.push({ lines: [l], box: l.box, size: l.size, vertical: false });
  }
  // Vertical lines read right to left.
  const vertical = lines.filter((l) => l.vertical).sort((a, b) => b.box.x + b.box.w - (a.box.x + a.box.w) || a.box.y - b.box.y);
  const vblocks: RawBlock[] = [];
  for (const l of vertical) {
    let best: RawBlock | null = null;
    let bestGap = Infinity;
    for (const b of vblocks) {
      if (Math.abs(b.size - l.size) > 0.05 * l.size) continue;
      const last = b.lines[b.lines.length - 1];
      const gap = last.box.x - (l.box.x + l.box.w);
      if (gap < -0.2 * l.size || gap > MAX_LINE_GAP * l.size) continue;
      const ov = overlap(b.box.y, b.box.y + b.box.h, l.box.y, l.box.y + l.box.h);
      if (ov < 0.5 * Math.min(l.box.h, b.box.h)) continue;
      if (ruleAcross(rules, last.box, l.box, true)) continue;
      if (gap < bestGap) [best, bestGap] = [b, gap];
    }
    if (best) {
      best.lines.push(l);
      best.box = unionBox([best.box, l.box]);
    } else vblocks.push({ lines: [l], box: l.box, size: l.size, vertical: true });
  }
  return [...blocks, ...vblocks];
}
