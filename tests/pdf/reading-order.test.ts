/**
 * Reading order by XY-cut on hand-made layouts (issue #16): rules keep articles side by side
 * apart, a spanning headline keeps its columns together, a vertical headline beside its article
 * is read first, lines drawn in any order come out the same.
 */
import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../scripts/lib/pdf/layout.ts';
import type { PdfGlyph, PdfRule } from '../../scripts/lib/pdf/types.ts';

const FONTS = [
  { id: 'f0', name: 'Song', bold: false, vertical: false },
  { id: 'f1', name: 'Hei-Bold', bold: true, vertical: false },
];

/** Glyphs of one horizontal line of `text` starting at (x, top). */
function line(text: string, x: number, top: number, size = 10, font = 0): PdfGlyph[] {
  return [...text].map((ch, i) => ({ text: ch, box: { x: x + i * size, y: top, w: size, h: size }, size, font, vertical: false, space: false, seq: 0 }));
}

/** A column of body lines (15 pt leading) of the given texts. */
function column(texts: string[], x: number, top: number): PdfGlyph[] {
  return texts.flatMap((t, i) => line(t, x, top + i * 15));
}

const vrule = (x: number, y: number, h: number): PdfRule => ({ box: { x, y, w: 0, h }, orientation: 'vertical', width: 0.5 });

function read(glyphs: PdfGlyph[], rules: PdfRule[] = []): string[] {
  // Any drawing order: reverse the stream.
  const stream = glyphs.reverse().map((g, i) => ({ ...g, seq: i }));
  return layoutPage({ page: 1, width: 600, height: 800, glyphs: stream, rules, fonts: FONTS }).lines.map((l) => l.text);
}

// Two articles side by side whose titles and bodies line up; the band under the titles (30 pt)
// is wider than the gutter between the articles (15 pt).
const sideBySide = (): PdfGlyph[] => [
  ...line('甲文标题', 0, 0, 20, 1),
  ...column(['甲文正文第一行', '甲文正文第二行'], 0, 50),
  ...line('乙文标题', 95, 0, 20, 1),
  ...column(['乙文正文第一行', '乙文正文第二行'], 95, 50),
];

describe('reading order', () => {
  it('reads two articles side by side one after the other when a rule separates them', () => {
    expect(read(sideBySide(), [vrule(87.5, 0, 100)])).toEqual(['甲文标题', '甲文正文第一行', '甲文正文第二行', '乙文标题', '乙文正文第一行', '乙文正文第二行']);
  });

  it('without the rule, cuts at the wider band (here: the titles first), as XY-cut does', () => {
    expect(read(sideBySide())).toEqual(['甲文标题', '乙文标题', '甲文正文第一行', '甲文正文第二行', '乙文正文第一行', '乙文正文第二行']);
  });

  it('reads the columns of an article under its spanning headline left to right', () => {
    const glyphs = [...line('一个横跨两栏的标题', 0, 0, 30, 1), ...column(['左栏第一行', '左栏第二行'], 0, 50), ...column(['右栏第一行', '右栏第二行'], 120, 50)];
    expect(read(glyphs)).toEqual(['一个横跨两栏的标题', '左栏第一行', '左栏第二行', '右栏第一行', '右栏第二行']);
  });

  it('reads a vertical headline at the right of its article before the article', () => {
    const title = [...'竖排标题'].map((ch, i) => ({ text: ch, box: { x: 250, y: i * 24, w: 24, h: 24 }, size: 24, font: 1, vertical: false, space: false, seq: 0 }));
    const glyphs = [...column(['左栏第一行', '左栏第二行'], 0, 0), ...column(['右栏第一行', '右栏第二行'], 120, 0), ...title];
    const page = layoutPage({ page: 1, width: 600, height: 800, glyphs, rules: [], fonts: FONTS });
    expect(page.lines.map((l) => l.text)).toEqual(['竖排标题', '左栏第一行', '左栏第二行', '右栏第一行', '右栏第二行']);
    expect(page.lines[0].vertical).toBe(true);
  });

  it('keeps a line with a gap of a third of an em as two words, and splits at a gap of more than an em', () => {
    const glyphs = [...line('记者', 0, 0), ...line('王明', 25, 0), ...line('另一栏', 60, 0)];
    expect(read(glyphs)).toEqual(['记者 王明', '另一栏']);
  });
});
