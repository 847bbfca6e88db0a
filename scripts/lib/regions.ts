/**
 * @fileoverview Where each article is printed (issue #16): the union box of its lines in each
 * block it has lines in, then neighbouring boxes merged wherever the merged box covers no line of
 * anything else — so a rectangular article is one rectangle, and an L-shaped one (a body running
 * on under its neighbour) keeps one per arm. A picture (a photo, a drawing: pdf/operators.ts)
 * joins the article it sits right above, below or inside — the nearest, within FIGURE_GAP body
 * sizes, sharing half the width of one of its boxes; a picture as near to two articles, or with
 * text printed over it, joins none. Boxes are PDF points on the page as displayed
 * (pdf/types.ts), what the facsimile view draws its links over.
 */
import type { Box } from './pdf/types.ts';
import type { PageLook } from './pdf/look.ts';

/** Overlap (in points) two boxes must share on both axes to count as covering each other. */
const TOUCH = 0.5;
/** How far (in body sizes) a picture may sit from its article's text: a caption's or a headline's distance, not a neighbouring article's. */
export const FIGURE_GAP = 2;

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
  const blockBoxes = own.map((ls) => {
    const perBlock = new Map<number, Box>();
    for (const l of ls) {
      const { box, block } = look.pdfLines[l];
      const b = perBlock.get(block);
      perBlock.set(block, b ? union(b, box) : box);
    }
    return [...perBlock.values()];
  });
  const pictures = figuresOf(blockBoxes, look);
  return own.map((_, a) => {
    const others = all.filter((i) => !owners.get(i)?.has(a)).map((i) => look.pdfLines[i].box);
    const rects = [...blockBoxes[a], ...(pictures.get(a) ?? [])];
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

/** Which article each picture joins (article index → its pictures), by the rule in the file comment. */
function figuresOf(blockBoxes: Box[][], look: PageLook): Map<number, Box[]> {
  const out = new Map<number, Box[]>();
  const reach = FIGURE_GAP * (look.bodySize || 10);
  for (const f of look.figures ?? []) {
    if (look.pdfLines.some((l) => covers(f, l.box))) continue;
    const gaps = blockBoxes.map((rects) => {
      let best = Infinity;
      for (const r of rects) {
        const across = Math.min(r.x + r.w, f.x + f.w) - Math.max(r.x, f.x);
        if (across < 0.5 * Math.min(r.w, f.w)) continue;
        best = Math.min(best, Math.max(0, r.y - (f.y + f.h), f.y - (r.y + r.h)));
      }
      return best;
    });
    const order = gaps.map((g, a) => [g, a] as const).filter(([g]) => g <= reach).sort((x, y) => x[0] - y[0]);
    if (order.length === 0 || (order.length > 1 && order[1][0] - order[0][0] < TOUCH)) continue;
    const a = order[0][1];
    out.set(a, [...(out.get(a) ?? []), f]);
  }
  return out;
}
