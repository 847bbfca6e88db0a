/**
 * @fileoverview Stage 2 — lines: page text becomes numbered lines and the page's layout style.
 */
import { displayWidth, endsSentence } from './text.ts';

/** One non-empty line of the page as extracted. */
export interface Line {
  /** 1-based line number in the file. */
  no: number;
  /** The line as printed, trailing white space removed. */
  text: string;
  /** True when no blank line separates this line from the previous non-empty one. */
  glued: boolean;
  /** Blank lines between this line and the previous non-empty one (or the file start). */
  blank: number;
  /** The second part of a printed line split where a headline was glued onto a sentence's end. */
  split?: boolean;
}

/**
 * How the extraction laid out body text:
 * - `column`: one printed column line per text line (lines ~10–20 characters wide), so
 *   paragraphs must be rebuilt from line widths and sentence ends;
 * - `paragraph`: one paragraph per text line, separated by blank lines.
 */
export type Layout = 'column' | 'paragraph';

/** Splits page text into its non-empty lines. */
export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let blank = 0;
  text.split('\n').forEach((raw, i) => {
    const t = raw.replace(/\s+$/u, '');
    if (!t.trim()) {
      blank++;
      return;
    }
    out.push({ no: i + 1, text: t, glued: blank === 0 && out.length > 0, blank });
    blank = 0;
  });
  return out;
}

/** Decides the layout style from the distribution of line widths. */
export function detectLayout(lines: Line[]): Layout {
  if (lines.length === 0) return 'paragraph';
  const widths = lines.map((l) => displayWidth(l.text.trim())).sort((a, b) => a - b);
  const p75 = widths[Math.floor(widths.length * 0.75)];
  // Column lines mostly stop mid-sentence; short paragraph-per-line pages have narrow lines too,
  // but most of their lines end a sentence; a page of a few lines is read line by line.
  const ending = lines.filter((l) => endsSentence(l.text)).length / lines.length;
  return lines.length >= 12 && p75 <= 22 && ending < 0.45 ? 'column' : 'paragraph';
}

/**
 * In narrow columns an extraction may put a headline on the same text line as the last line of the
 * paragraph before it (`…有关事项。 基层政务服务将推行“一窗通办”`). Such a line is split after the
 * sentence end when what follows the space is short, holds no clause marks and ends no sentence —
 * what a headline looks like; the tagger still decides what each part is.
 */
export function splitGluedHeads(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    const m = /^(.*?[。！？!?][”’」』）)]*)[ \u3000]+([^ \u3000].*)$/u.exec(l.text);
    const tail = m?.[2].trim() ?? '';
    if (m && m[1].trim().length >= 2 && [...tail].length >= 4 && [...tail].length <= 40 && !/[，,、；;：:]/u.test(tail) && !endsSentence(tail) && !/[（(][^）)]*$/u.test(tail)) {
      out.push({ ...l, text: m[1] });
      out.push({ no: l.no, text: tail, glued: true, blank: 0, split: true });
    } else out.push(l);
  }
  return out;
}
