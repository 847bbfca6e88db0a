/**
 * The derived text page (issue #16): every character of the PDF's text layer appears in it
 * exactly once, each PdfLine's text line number points at its text, and the page reads in the
 * `column` form of the seeds (a blank line between printed lines).
 */
import { describe, expect, it } from 'vitest';
import { toTextPage } from '../../scripts/lib/pdf/text-page.ts';
import { loadCase, squash } from './fixtures.ts';

const counts = (s: string): Map<string, number> => {
  const m = new Map<string, number>();
  for (const ch of squash(s)) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
};

describe('text page derived from a PDF page', () => {
  for (const name of ['front', 'front-identity-v', 'front-no-tounicode']) {
    it(`${name}: conserves every character of the PDF's text layer`, async () => {
      const { content, page } = await loadCase(name);
      const pdfText = content.glyphs.map((g) => g.text).join('');
      expect(counts(toTextPage(page).text)).toEqual(counts(pdfText));
    });
  }

  it('holds exactly the printed characters, where the text layer is readable', async () => {
    const { page, truth } = await loadCase('front');
    expect(counts(toTextPage(page).text)).toEqual(counts(truth.lines.map((l) => l.text).join('')));
  });

  it('numbers each line as the text parser will (one printed line per text line, blank lines between)', async () => {
    const { page } = await loadCase('front');
    const { text, lineNumbers } = toTextPage(page);
    const rows = text.split('\n');
    expect(lineNumbers.length).toBe(page.lines.length);
    page.lines.forEach((l, i) => {
      expect(rows[lineNumbers[i] - 1]).toBe(l.text);
      if (i > 0) expect(rows[lineNumbers[i] - 2]).toBe('');
    });
    expect(rows.filter((r) => r.trim()).length).toBe(page.lines.length);
  });
});
