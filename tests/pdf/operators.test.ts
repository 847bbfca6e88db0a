/**
 * The operator-list interpreter on hand-made operator lists (issue #16): glyph boxes from the
 * text matrix, character spacing, TJ adjustments, horizontal scaling and vertical fonts, and
 * rules from stroked segments and thin filled rectangles — each figure worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { readOperators, type FontData, type Matrix } from '../../scripts/lib/pdf/operators.ts';
import { loadPdfJs } from '../../scripts/lib/pdf/read-fs.ts';

const { OPS } = await loadPdfJs();
// A 600 × 800 pt page as pdf.js's viewport maps it: y flipped.
const VIEW: Matrix = [1, 0, 0, -1, 0, 800];
const SIZE = { page: 1, width: 600, height: 800 };
const FONTS: Record<string, FontData> = {
  F1: { name: 'ABCDEF+SimSun-Bold', fontMatrix: [0.001, 0, 0, 0.001, 0, 0] },
  F2: { name: 'KaiTi', vertical: true, fontMatrix: [0.001, 0, 0, 0.001, 0, 0] },
};
const g = (unicode: string, width = 1000, vmetric?: number[]): object => ({ unicode, width, vmetric, isSpace: unicode === ' ' });

function run(ops: [keyof typeof OPS, unknown[]][]): ReturnType<typeof readOperators> {
  return readOperators({ fnArray: ops.map(([o]) => OPS[o]), argsArray: ops.map(([, a]) => a) }, OPS, (id) => FONTS[id], VIEW, SIZE);
}

describe('operator-list interpreter', () => {
  it('places glyphs by the text matrix, Tc and TJ adjustments; size from the matrix', () => {
    const { glyphs, fonts } = run([
      ['beginText', []],
      ['setFont', ['F1', 12]],
      ['setTextMatrix', [[2, 0, 0, 2, 100, 700]]],
      ['setCharSpacing', [1]],
      ['showText', [[g('甲'), -500, g('乙')]]],
    ]);
    expect(fonts).toEqual([{ id: 'F1', name: 'SimSun-Bold', bold: true, vertical: false }]);
    expect(glyphs.map((x) => x.text)).toEqual(['甲', '乙']);
    expect(glyphs.map((x) => x.size)).toEqual([24, 24]);
    // Baseline at y 700 (100 from the top); em box from 0.88 em above to 0.12 em below.
    expect(glyphs[0].box).toEqual({ x: 100, y: expect.closeTo(100 - 0.88 * 24, 6), w: 24, h: expect.closeTo(24, 6) });
    // Second glyph: advance 12 + Tc 1, then −(−500)/1000 × 12 = 6, all × 2 = 38.
    expect(glyphs[1].box.x).toBeCloseTo(138, 6);
  });

  it('applies horizontal scaling (Tz) and moves lines with Td and T*', () => {
    const { glyphs } = run([
      ['beginText', []],
      ['setFont', ['F1', 10]],
      ['setHScale', [50]],
      ['setLeading', [14]],
      ['moveText', [50, 600]],
      ['showText', [[g('一'), g('二')]]],
      ['nextLine', []],
      ['showText', [[g('三')]]],
    ]);
    expect(glyphs.map((x) => [x.box.x, x.box.w])).toEqual([[50, 5], [55, 5], [50, 5]]);
    expect(glyphs[2].box.y - glyphs[0].box.y).toBeCloseTo(14, 6);
  });

  it('sets a vertical font’s glyphs top to bottom, centred on the pen', () => {
    const { glyphs, fonts } = run([
      ['beginText', []],
      ['setFont', ['F2', 20]],
      ['setTextMatrix', [[1, 0, 0, 1, 300, 700]]],
      ['showText', [[g('竖', 1000, [-1000, 500, 880]), g('排', 1000, [-1000, 500, 880])]]],
    ]);
    expect(fonts[0].vertical).toBe(true);
    expect(glyphs.every((x) => x.vertical)).toBe(true);
    expect(glyphs[0].box.x).toBeCloseTo(290, 6);
    expect(glyphs[0].box.y).toBeCloseTo(100, 6);
    expect(glyphs[1].box.y).toBeCloseTo(120, 6);
    expect(glyphs[1].box.w).toBeCloseTo(20, 6);
  });

  it('follows the CTM through save, transform and restore', () => {
    const { glyphs } = run([
      ['save', []],
      ['transform', [1, 0, 0, 1, 10, -20]],
      ['beginText', []],
      ['setFont', ['F1', 10]],
      ['setTextMatrix', [[1, 0, 0, 1, 0, 700]]],
      ['showText', [[g('甲')]]],
      ['endText', []],
      ['restore', []],
      ['beginText', []],
      // The font is graphics state: restored away with the rest.
      ['showText', [[g('丙')]]],
      ['setFont', ['F1', 10]],
      ['setTextMatrix', [[1, 0, 0, 1, 0, 700]]],
      ['showText', [[g('乙')]]],
    ]);
    expect(glyphs.map((x) => x.text)).toEqual(['甲', '乙']);
    expect(glyphs[0].box.x).toBeCloseTo(10, 6);
    expect(glyphs[0].box.y - glyphs[1].box.y).toBeCloseTo(20, 6);
    expect(glyphs[1].box.x).toBeCloseTo(0, 6);
  });

  it('takes stroked straight segments and thin filled rectangles as rules, curves not', () => {
    const { rules } = run([
      ['setLineWidth', [0.5]],
      ['constructPath', [OPS.stroke, [new Float32Array([0, 36, 100, 1, 536, 100])], null]],
      ['constructPath', [OPS.fill, [new Float32Array([0, 300, 200, 1, 302, 200, 1, 302, 500, 1, 300, 500, 4])], null]],
      ['constructPath', [OPS.stroke, [new Float32Array([0, 36, 50, 2, 100, 60, 200, 40, 300, 50])], null]],
      ['constructPath', [OPS.fill, [new Float32Array([0, 50, 50, 1, 250, 50, 1, 250, 250, 1, 50, 250, 4])], null]],
    ]);
    expect(rules).toEqual([
      { box: { x: 36, y: 700, w: 500, h: 0 }, orientation: 'horizontal', width: 0.5 },
      { box: { x: 301, y: 300, w: 0, h: 300 }, orientation: 'vertical', width: 2 },
    ]);
  });
});
