/**
 * @fileoverview Where each article is printed (issue #16): the union box of its lines in each
 * block it has lines in, then neighbouring boxes merged wherever the merged box covers no line of
 * anything else — so a rectangular article is one rectangle, and an L-shaped one (a body running
 * on under its neighbour) keeps one per arm. Boxes are PDF points on the page as displayed
 * (pdf/types.ts), what the facsimile view draws its links over.
 */
import type { Box } from './pdf/types.ts';
import type { PageLook } from './pdf/look.ts';

/** Overlap (in points) two boxes must share on both axes to count as covering each other. */
const TOUCH = 0.5;

const r3 = (n: number): number => Math.round(n * 1000) / 1000;

function union(a: Box, b: Box): Box {
  const x0 = Math.min(a.x, b.x);
  const y0 = Math.min(a.y, b.y);
  return { x: x0, y: y0, w: Math.max(a.x + a.w, b.x + b.w) - x0, h: Math.max(a.y + a.h, b.y + b.h) - y0 };
}

function covers(a: Box, b: Box): boolean {
  return Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > TOUCH && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > TOUCH;
}

/**
 * The regions of each article, given the text lines each was made from (`sourceLines`, parallel
 * to the articles) and the page's look. Every line's PDF lines count for the articles holding it;
 * the lines of no article (furniture, other blocks) are what a merged box must not cover.
 */
export function articleRegions(sourceLines: number[][], look: PageLook): Box[][] {
  const owners = new Map<number, Set<number>>();
  const pdfOf = (nos: number[]): number[] => [...new Set(nos.flatMap((no) => look.byLine.get(no)?.lines ?? []))].sort((a, b) => a - b);
  const own = sourceLines.map(pdfOf);
  own.forEach((ls, a) => {
    for (const l of ls) {
      const s = owners.get(l) ?? new Set<number>();
      s.add(a);
      owners.set(l, s);
    }
  });
  const inText = new Set([...look.byLine.values()].flatMap((x) => x.lines));
  const all = look.pdfLines.map((_, i) => i).filter((i) => inText.has(i));
  return own.map((ls, a) => {
    const perBlock = new Map<number, Box>();
    for (const l of ls) {
      const { box, block } = look.pdfLines[l];
      const b = perBlock.get(block);
      perBlock.set(block, b ? union(b, box) : box);
    }
    const others = all.filter((i) => !owners.get(i)?.has(a)).map((i) => look.pdfLines[i].box);
    const rects = [...perBlock.values()];
    // Merge the first pair whose union covers nothing else, until none does.
    for (let merged = true; merged; ) {
      merged = false;
      for (let i = 0; i < rects.length && !merged; i++) {
        for (let j = i + 1; j < rects.length && !merged; j++) {
          const u = union(rects[i], rects[j]);
          if (others.some((o) => covers(u, o))) continue;
          rects.splice(j, 1);
          rects[i] = u;
          merged = true;
        }
      }
    }
    return rects.map((b) => ({ x: r3(b.x), y: r3(b.y), w: r3(b.w), h: r3(b.h) }));
  });
}
