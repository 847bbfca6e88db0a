/**
 * Layout extraction against the typesetter's truth (issue #16): every printed line found, in
 * reading order, its region within 0.5 pt, its font size exact, weight and direction right — also
 * for the article drawn glyph by glyph in shuffled order, the stacked and the Identity-V vertical
 * headline, and the page whose text layer is garbled (regions still right).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASES, FIXTURES, loadCase, squash } from './fixtures.ts';

const TOLERANCE = 0.5;

function near(a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }): boolean {
  return Math.abs(a.x - b.x) <= TOLERANCE && Math.abs(a.y - b.y) <= TOLERANCE && Math.abs(a.x + a.w - (b.x + b.w)) <= TOLERANCE && Math.abs(a.y + a.h - (b.y + b.h)) <= TOLERANCE;
}

describe('PDF layout matches the fixtures’ truth', () => {
  it('has the fixture cases', () => {
    expect(CASES).toEqual(['front', 'front-identity-v', 'front-no-tounicode']);
  });

  for (const name of CASES) {
    describe(name, () => {
      it('has the page size of the truth', async () => {
        const { page, truth } = await loadCase(name);
        expect([page.width, page.height]).toEqual([truth.page.width, truth.page.height]);
      });

      it('finds every printed line, in reading order, each within 0.5 pt of its region', async () => {
        const { page, truth } = await loadCase(name);
        const got = page.lines.map((l) => l.box);
        const want = truth.lines.map((l) => l.box);
        expect(got.length).toBe(want.length);
        const off = want.map((b, i) => (near(got[i], b) ? null : { line: i, text: truth.lines[i].text, want: b, got: got[i] })).filter(Boolean);
        expect(off).toEqual([]);
      });

      it('finds the photos as pictures, each within 0.5 pt of its box, and the shapes drawn inside them as nothing more', async () => {
        const { page, truth } = await loadCase(name);
        const want = truth.photos.map((p) => p.box);
        expect(page.figures.length).toBe(want.length);
        expect(want.every((b, i) => near(page.figures[i], b))).toBe(true);
      });

      it('gives every line its exact font size, weight and direction', async () => {
        const { page, truth } = await loadCase(name);
        expect(page.lines.map((l) => [l.size, l.bold, l.vertical])).toEqual(truth.lines.map((l) => [l.size, l.bold, l.vertical]));
      });

      it('names each line’s font', async () => {
        const { page, truth } = await loadCase(name);
        expect(page.lines.map((l) => l.fontName)).toEqual(truth.lines.map((l) => l.font));
      });

      if (textLayer(name) === 'ok') {
        it('reads every line’s text as printed, in reading order', async () => {
          const { page, truth } = await loadCase(name);
          expect(page.lines.map((l) => squash(l.text))).toEqual(truth.lines.map((l) => squash(l.text)));
        });
      }

      it('never puts lines of two articles in one block', async () => {
        const { page, truth } = await loadCase(name);
        // Each extracted line is identified with the truth line at its place, not by its index.
        const articleOf = (i: number): string | null | undefined => truth.lines.find((t) => near(t.box, page.lines[i].box))?.article;
        const mixed = page.blocks.filter((b) => new Set(b.lines.map(articleOf)).size > 1 || b.lines.some((i) => articleOf(i) === undefined));
        expect(mixed.map((b) => b.lines.map((i) => page.lines[i].text))).toEqual([]);
      });

      it('finds every ruling line the page draws', async () => {
        const { page, truth } = await loadCase(name);
        // A box outline is four rules.
        const want = truth.rules.flatMap(({ box: b }) =>
          b.w > 0 && b.h > 0
            ? [{ x: b.x, y: b.y, w: b.w, h: 0 }, { x: b.x, y: b.y + b.h, w: b.w, h: 0 }, { x: b.x, y: b.y, w: 0, h: b.h }, { x: b.x + b.w, y: b.y, w: 0, h: b.h }]
            : [b],
        );
        const missing = want.filter((w) => !page.rules.some((r) => near(r.box, w)));
        expect(missing).toEqual([]);
        expect(page.rules.length).toBe(want.length);
      });
    });
  }

  it('flags the vertical headline, stacked glyph by glyph and set in an Identity-V font', async () => {
    for (const name of ['front', 'front-identity-v']) {
      const { page, truth } = await loadCase(name);
      const vertical = page.lines.filter((l) => l.vertical).map((l) => squash(l.text));
      expect(vertical, name).toEqual(truth.lines.filter((l) => l.vertical).map((l) => squash(l.text)));
      expect(vertical.length, name).toBe(1);
    }
    const idv = await loadCase('front-identity-v');
    expect(idv.page.fonts.filter((f) => f.vertical).length).toBe(1);
    const stacked = await loadCase('front');
    expect(stacked.page.fonts.filter((f) => f.vertical).length).toBe(0);
  });

  it('puts the shuffled article back in reading order though its glyphs come in random order', async () => {
    const { page, truth, content } = await loadCase('front');
    const shuffled = truth.lines.filter((l) => l.shuffled);
    expect(shuffled.length).toBeGreaterThan(5);
    // The content stream really is out of order: consecutive glyphs of the article rarely follow each other.
    const text = shuffled.map((l) => squash(l.text)).join('');
    const stream = content.glyphs.filter((g) => text.includes(g.text) && g.size === shuffled[1].size).map((g) => g.text).join('');
    expect(stream.includes(text.slice(0, 6))).toBe(false);
    const got = page.lines.filter((l) => shuffled.some((s) => near(s.box, l.box))).map((l) => squash(l.text)).join('');
    expect(got).toBe(text);
  });
});

/** Whether a case's text layer is readable, as its truth file says. */
function textLayer(name: string): string {
  return JSON.parse(readFileSync(join(FIXTURES, name, 'truth.json'), 'utf8')).textLayer;
}
