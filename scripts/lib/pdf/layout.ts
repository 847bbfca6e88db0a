/**
 * @fileoverview The layout stages in order (issue #16): glyphs → lines → blocks → reading order
 * → `PdfPage`, with the trust check of every font. Pure; this file only chains the stages.
 */
import { buildBlocks } from './blocks.ts';
import { buildLines, lineText } from './lines.ts';
import { readingOrder } from './order.ts';
import { checkPage } from './trust.ts';
import type { Box, PageContent, PdfBlock, PdfLine, PdfPage } from './types.ts';

const r3 = (n: number): number => Math.round(n * 1000) / 1000;
const roundBox = (b: Box): Box => ({ x: r3(b.x), y: r3(b.y), w: r3(b.w), h: r3(b.h) });

function mostCommon<T>(xs: T[]): T {
  const counts = new Map<T, number>();
  let best = xs[0];
  let n = 0;
  for (const x of xs) {
    const c = (counts.get(x) ?? 0) + 1;
    counts.set(x, c);
    if (c > n) [best, n] = [x, c];
  }
  return best;
}

/** A page's content as a layout: lines and blocks in reading order, rules, fonts, trust. */
export function layoutPage(content: PageContent): PdfPage {
  const { rules, fonts } = content;
  const { trust, untrusted } = checkPage(content.glyphs, fonts);
  // A garbled font's "spaces" are glyphs like any other: its text says nothing, its boxes do.
  const glyphs = content.glyphs.map((g) => (g.space && untrusted.has(g.font) ? { ...g, space: false } : g));
  const blocks = readingOrder(buildBlocks(buildLines(glyphs, rules), rules), rules);
  const lines: PdfLine[] = [];
  const outBlocks: PdfBlock[] = blocks.map((b, bi) => {
    const idx: number[] = [];
    for (const l of b.lines) {
      const inked = l.glyphs.filter((g) => !g.space);
      const fontIds = inked.map((g) => g.font);
      const font = mostCommon(fontIds);
      lines.push({
        text: lineText(l),
        box: roundBox(l.box),
        size: l.size,
        bold: fontIds.filter((f) => fonts[f].bold).length * 2 > fontIds.length,
        vertical: l.vertical,
        fontName: fonts[font].name,
        block: bi,
        trusted: !fontIds.some((f) => untrusted.has(f)),
        glyphs: inked.length,
      });
      idx.push(lines.length - 1);
    }
    return { box: roundBox(b.box), lines: idx, size: b.size, vertical: b.vertical };
  });
  return { page: content.page, width: content.width, height: content.height, lines, blocks: outBlocks, rules: rules.map((r) => ({ ...r, box: roundBox(r.box), width: r3(r.width) })), figures: (content.figures ?? []).map(roundBox), fonts, trust };
}
