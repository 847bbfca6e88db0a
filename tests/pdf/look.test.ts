/**
 * The printed look of a PDF page's lines (scripts/lib/pdf/look.ts) and what it rules out for the
 * tagger and the headline chain (scripts/lib/layout-constraints.ts), on the generated fixtures,
 * whose truth comes from the typesetter.
 */
import { describe, expect, it } from 'vitest';
import { headTagRuledOut, tagRuledOut, tagRuledOutAbove } from '../../scripts/lib/layout-constraints.ts';
import { bodySizeOf, derivedTextLines, lookOf, ruleBetween, type LineLook } from '../../scripts/lib/pdf/look.ts';
import { toTextPage } from '../../scripts/lib/pdf/text-page.ts';
import { loadCase, squash } from './fixtures.ts';

async function looked(name: string) {
  const c = await loadCase(name);
  const tp = toTextPage(c.page);
  const look = lookOf(c.page, derivedTextLines(tp.lineNumbers));
  // The look of the text line holding truth line `i` (the extraction's lines follow the truth's, tested in layout-matches-truth).
  const ofTruth = (i: number): LineLook => look.byLine.get(tp.lineNumbers[c.page.lines.findIndex((l) => squash(l.text) === squash(c.truth.lines[i].text))])!;
  return { ...c, tp, look, ofTruth };
}

const base: LineLook = { lines: [0], box: { x: 0, y: 0, w: 100, h: 10 }, size: 10, rel: 1, bold: false, vertical: false, block: 0, inBody: true, blockStart: false, indent: false, afterFull: true, afterShort: false, ruled: false };

describe('the look of a PDF page', () => {
  it('finds the body size as the size most glyphs are set in, and that the page indents', async () => {
    const { page, truth, look } = await looked('front');
    const bodyLines = truth.lines.filter((l) => l.role === 'body');
    expect(bodySizeOf(page)).toBe(bodyLines[0].size);
    expect(look.bodySize).toBe(bodyLines[0].size);
    expect(look.indents).toBe(true);
  });

  it('gives each line its size against the body, weight, direction and place in its block', async () => {
    const { truth, look, ofTruth } = await looked('front');
    truth.lines.forEach((t, i) => {
      const l = ofTruth(i);
      expect(l.size).toBe(t.size);
      expect(l.rel).toBeCloseTo(t.size / look.bodySize, 2);
      expect(l.bold).toBe(t.bold);
      expect(l.vertical).toBe(t.vertical);
    });
    // A body line set two em in is a paragraph's first line (the typesetter indents every paragraph).
    const body = truth.lines.map((t, i) => ({ t, i })).filter(({ t }) => t.role === 'body');
    const indented = body.filter(({ i }) => ofTruth(i).indent).map(({ i }) => i);
    // The typesetter's paragraph starts: body lines set right of their block's left edge.
    const blockOf = (i: number) => truth.blocks.find((b) => b.runs.includes(i))!;
    const firsts = body.filter(({ t, i }) => t.box.x > blockOf(i).box.x + t.size).map(({ i }) => i);
    expect(indented.length).toBeGreaterThan(10);
    expect(new Set(indented)).toEqual(new Set(firsts));
  });

  it('marks the first block after a ruling line, and no block inside an article', async () => {
    const { page, truth, ofTruth } = await looked('front');
    const ruled = truth.lines.map((_, i) => i).filter((i) => ofTruth(i).ruled);
    // Rules stand between articles: every ruled line starts an article's reading (its first line in reading order) or follows the header.
    const firstOf = new Set(truth.articles.map((a) => truth.lines.findIndex((l) => l.article === a.id)));
    for (const i of ruled) expect(firstOf.has(i) || truth.lines[i - 1]?.role === 'header').toBe(true);
    expect(ruled.length).toBeGreaterThanOrEqual(4);
    expect(ruleBetween(page.rules, page.blocks[0].box, page.blocks[0].box)).toBe(false);
  });

  it('reads the same look from the variants (geometry does not depend on the text layer)', async () => {
    const a = await looked('front');
    const b = await looked('front-no-tounicode');
    const strip = (l: LineLook) => ({ ...l, lines: undefined });
    expect([...b.look.byLine.values()].map(strip)).toEqual([...a.look.byLine.values()].map(strip));
  });
});

describe('what the look rules out for a line', () => {
  const page = { indents: true };
  const text = { photoCredit: false };
  it('a line clearly larger than the body is a headline, heading or furniture', () => {
    const big = { ...base, rel: 2, inBody: false };
    expect(['H', 'X', 'O', 'o'].filter((t) => tagRuledOut(big, page, text, t as never) === null)).toEqual(['H', 'X', 'O', 'o']);
    for (const t of ['A', 'P', 'p', 'q', 'B', 'C', 'c'] as const) expect(tagRuledOut(big, page, text, t)).not.toBeNull();
  });
  it('running text at the body size is no headline; a small one never is, and ending in a photo credit it is a caption', () => {
    expect(tagRuledOut(base, page, text, 'H')).not.toBeNull();
    expect(tagRuledOut({ ...base, bold: true, blockStart: true, afterFull: false }, page, text, 'H')).toBeNull();
    const small = { ...base, rel: 0.9, inBody: false };
    expect(tagRuledOut(small, page, text, 'X')).not.toBeNull();
    expect(tagRuledOut(small, page, text, 'B')).toBeNull();
    expect(tagRuledOut(small, page, { photoCredit: true }, 'B')).not.toBeNull();
    expect(tagRuledOut(small, page, { photoCredit: true }, 'C')).toBeNull();
  });
  it('indents, full and short lines, and rules', () => {
    expect(tagRuledOut({ ...base, indent: true }, page, text, 'p')).not.toBeNull();
    expect(tagRuledOut({ ...base, indent: true }, { indents: false }, text, 'p')).toBeNull();
    expect(tagRuledOut(base, page, text, 'P')).not.toBeNull();
    expect(tagRuledOut(base, page, text, 'p')).toBeNull();
    expect(tagRuledOut({ ...base, afterFull: false, afterShort: true }, page, text, 'p')).not.toBeNull();
    expect(tagRuledOut({ ...base, blockStart: true, ruled: true, afterFull: false }, page, text, 'p')).not.toBeNull();
    expect(tagRuledOut({ ...base, blockStart: true, ruled: true, afterFull: false }, page, text, 'A')).toBeNull();
  });
  it('headline lines: one block is one part, a larger line under a smaller one is the title, a smaller one no continuation', () => {
    const kicker = { ...base, size: 14, rel: 1.4, inBody: false, box: { x: 100, y: 0, w: 200, h: 14 } };
    const title = { ...kicker, size: 32, rel: 3.2, block: 1, box: { x: 50, y: 20, w: 300, h: 32 } };
    expect(headTagRuledOut(kicker, title, 'T')).toBeNull();
    expect(headTagRuledOut(kicker, title, '^T')).not.toBeNull();
    expect(headTagRuledOut(kicker, title, 'S')).not.toBeNull();
    const sub = { ...kicker, block: 2, box: { x: 80, y: 58, w: 250, h: 14 } };
    expect(headTagRuledOut(title, sub, 'S')).toBeNull();
    expect(headTagRuledOut(title, sub, 'T+')).not.toBeNull();
    expect(headTagRuledOut(title, sub, 'Cp')).not.toBeNull();
    const second = { ...title, box: { x: 60, y: 58, w: 280, h: 32 } };
    expect(headTagRuledOut(title, second, 'T+')).toBeNull();
    expect(headTagRuledOut(title, second, '^T')).not.toBeNull();
  });
  it('a line set right on top of a larger headline line is its kicker, not furniture; set apart or ruled off, it may be either', () => {
    const kicker = { ...base, size: 14, rel: 1.4, inBody: false, box: { x: 100, y: 0, w: 200, h: 14 } };
    const title = { ...kicker, size: 32, rel: 3.2, block: 1, box: { x: 50, y: 20, w: 300, h: 32 } };
    for (const t of ['O', 'o'] as const) expect(tagRuledOutAbove(kicker, title, t)).not.toBeNull();
    expect(tagRuledOutAbove(kicker, title, 'H')).toBeNull();
    // A rule between them, a wide gap, no overlap across, or a title no larger: nothing ruled out.
    expect(tagRuledOutAbove(kicker, { ...title, ruled: true }, 'O')).toBeNull();
    expect(tagRuledOutAbove(kicker, { ...title, box: { ...title.box, y: 80 } }, 'O')).toBeNull();
    expect(tagRuledOutAbove(kicker, { ...title, box: { ...title.box, x: 400 } }, 'O')).toBeNull();
    expect(tagRuledOutAbove(kicker, { ...title, size: 15 }, 'O')).toBeNull();
  });
});
