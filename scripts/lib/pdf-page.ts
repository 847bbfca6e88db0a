/**
 * @fileoverview A page read from a PDF, as the article parser takes it (issue #16): its text and
 * the printed look of each text line. Where the PDF's text layer passed the trust check
 * (pdf/trust.ts) the text is the layer's, in the page's geometric reading order (pdf/text-page.ts);
 * where it did not, the page's `.txt` gives the text and the PDF only the look, its lines lined up
 * with the `.txt`'s by order and length (pdf/align.ts); with neither, the page is refused by name.
 * Pure: a layout and the `.txt`'s decoded text in, text and look out.
 */
import { PageError } from './decode.ts';
import { splitLines } from './lines.ts';
import { alignText } from './pdf/align.ts';
import { derivedTextLines, lookOf, type PageLook } from './pdf/look.ts';
import { toTextPage } from './pdf/text-page.ts';
import type { PdfPage } from './pdf/types.ts';
import type { PdfText } from '../../core/schema.ts';

/** A `.txt` lined up with less than this share of its characters gives no look (and no regions): the lines are in another order. */
export const MIN_ALIGNED = 0.9;

/** The parser's input from a PDF page. */
export interface PdfPageText {
  text: string;
  /** Absent when the text is the `.txt`'s and it could not be lined up with the PDF (or the PDF has no text at all). */
  look?: PageLook;
  /** Where the text came from and why (report.json, the page record). */
  source: PdfText;
}

/**
 * The text and look of a PDF page. `txt` is the decoded text of the page's `.txt`, when there is
 * one; `label` names the page in messages (`issue.pdf, page 3`). Throws {@link PageError} when
 * the text layer cannot be trusted and there is no `.txt`.
 */
export function pdfPageText(page: PdfPage, label: string, txt: string | undefined, txtName: string): PdfPageText {
  const untrusted = page.trust.fonts.filter((f) => !f.trusted).map((f) => ({ font: f.font, reason: f.reason ?? '' }));
  if (page.trust.text === 'ok') {
    const tp = toTextPage(page);
    return { text: tp.text, look: lookOf(page, derivedTextLines(tp.lineNumbers)), source: { text: 'pdf', trust: 'ok', untrusted: [], aligned: null, txtIgnored: txt !== undefined } };
  }
  if (txt === undefined) {
    const why = page.trust.text === 'none' ? 'holds no text layer (a scanned page?)' : `has a text layer that cannot be trusted (${untrusted.map((u) => `font ${u.font}: ${u.reason}`).join('; ')})`;
    throw new PageError(label, `the PDF ${why}, and there is no ${txtName} beside it to take the text from: refused`);
  }
  if (page.lines.length === 0) return { text: txt, source: { text: 'txt', trust: page.trust.text, untrusted, aligned: null, txtIgnored: false } };
  const lines = splitLines(txt.replace(/^\uFEFF/u, '')).map((l) => ({ no: l.no, text: l.text }));
  const a = alignText(lines, page);
  const aligned = Math.round(a.aligned * 1000) / 1000;
  return { text: txt, ...(a.aligned >= MIN_ALIGNED ? { look: lookOf(page, a.textLines) } : {}), source: { text: 'txt', trust: page.trust.text, untrusted, aligned, txtIgnored: false } };
}
