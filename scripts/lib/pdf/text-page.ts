/**
 * @fileoverview A page layout as the page text the text parser reads today (issue #16): one
 * printed line per text line, a blank line between lines (the `column` layout of
 * scripts/lib/lines.ts, as many real extractions give it), in reading order. `lineNumbers` ties
 * every text line back to its `PdfLine` (box, size, weight, direction), so that the parser can
 * use them as features and each article can record its regions.
 */
import type { PdfPage } from './types.ts';

/** The derived page text and, for `page.lines[i]`, the 1-based number of its text line. */
export interface TextPage {
  text: string;
  lineNumbers: number[];
}

/** The page's lines as page text. */
export function toTextPage(page: PdfPage): TextPage {
  const lineNumbers: number[] = [];
  const out: string[] = [];
  for (const l of page.lines) {
    // Line breaks inside a line's text would shift every later line number.
    out.push(l.text.replace(/[\r\n\u2028\u2029]+/gu, ' ').trimEnd());
    lineNumbers.push(out.length * 2 - 1);
  }
  return { text: out.length ? `${out.join('\n\n')}\n` : '', lineNumbers };
}
