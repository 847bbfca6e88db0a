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

/** A gutter: a run of at least three spaces, two ideographic spaces or four of both, after a line's text begins. */
const GUTTER = /(\S)( {3,}|\u3000{2,}|[ \u3000]{4,})(?=\S)/gu;
/** A part ending on a clause or sentence mark: a column line seldom does, a verse line or a table cell may. */
const ENDS_ON_MARK = /[，。、；！？：,.;!?:]$/u;
/** Sentence and clause marks: a column of running text holds them, a table's cells seldom do. */
const PROSE = /[，。、；！？]/u;

interface Halves {
  /** Display width (CJK cells) where the right part starts, or where a line's text starts when it is all right column. */
  at: number;
  left: string;
  right: string;
}

/** Where the right column's text starts on a line, with the two parts, for each gutter the line has. */
function gutters(text: string): Halves[] {
  const out: Halves[] = [];
  for (const m of text.matchAll(GUTTER)) {
    // The character before the gutter may be a surrogate pair: cut by the match's own lengths.
    const end = m.index! + m[1].length;
    const cut = end + m[2].length;
    out.push({ at: displayWidth(text.slice(0, cut)), left: text.slice(0, end), right: text.slice(cut) });
  }
  return out;
}

/** The display width of a line's leading spaces. */
function leadWidth(text: string): number {
  return displayWidth(/^[ \u3000]*/u.exec(text)![0]);
}

/** Minimum lines with a gutter for a page to count as two columns side by side. */
const MIN_SIDE_BY_SIDE = 6;

/**
 * A layout-preserving extraction (pdftotext -layout and the like) prints two columns side by side:
 * each text line holds the left column's line, a run of spaces, and the right column's line. When
 * a run of at least MIN_SIDE_BY_SIDE consecutive lines has such a gutter at one place (±2 cells),
 * with running text on both sides (clause marks in most of them) and the left parts mostly broken
 * mid-sentence, the left column is read first, then the right one — each part keeps its line number
 * and what indent it had against its column. Lines across the whole width (headers, slogans) end
 * the run. A table's aligned cells seldom hold clause marks on both sides, and verse set in two
 * half-lines (`春眠不觉晓，   处处闻啼鸟。`) ends each half on a mark: both are left as printed.
 */
export function splitSideBySide(lines: Line[]): Line[] {
  const cuts = lines.map((l) => gutters(l.text));
  // Candidate gutter columns: the commonest right-start column (to 1 cell) among lines with one gutter.
  const votes = new Map<number, number>();
  for (const c of cuts) if (c.length === 1) votes.set(Math.round(c[0].at), (votes.get(Math.round(c[0].at)) ?? 0) + 1);
  const best = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  if (!best || best[1] < MIN_SIDE_BY_SIDE / 2) return lines;
  // The gutter column: the commonest start (indented right lines start up to 2 cells later).
  const col = best[0];
  const at = (i: number): Halves | null => cuts[i].find((h) => h.at >= col - 1 && h.at <= col + 2.5) ?? null;
  const rightOnly = (l: Line): boolean => leadWidth(l.text) >= col - 1 && leadWidth(l.text) <= col + 2.5;
  const out: Line[] = [];
  let i = 0;
  while (i < lines.length) {
    // A run starts on a line with the gutter and goes on over lines with it, lines of the left
    // column alone (shorter than the gutter) and lines of the right column alone.
    let j = i;
    let withGutter = 0;
    let prose = 0;
    let broken = 0;
    let last = i;
    if (at(i)) {
      while (j < lines.length) {
        const h = at(j);
        if (h) {
          withGutter++;
          last = j;
          if (PROSE.test(h.left) && PROSE.test(h.right)) prose++;
          if (!ENDS_ON_MARK.test(h.left)) broken++;
        } else if (!(rightOnly(lines[j]) || displayWidth(lines[j].text) < col - 1)) break;
        j++;
      }
    }
    // Lines after the last one with the gutter belong to it only while no blank line comes between (a foot line does not).
    for (let k = last + 1; k < j; k++) {
      if (lines[k].blank > 0) {
        j = k;
        break;
      }
    }
    if (withGutter >= MIN_SIDE_BY_SIDE && prose * 2 >= withGutter && broken * 2 >= withGutter) {
      const left: Line[] = [];
      const right: Line[] = [];
      // Glued: no blank line before it, and the line before it in its column is the line before it in the file.
      const glued = (stream: Line[], k: number): boolean => stream.length > 0 && lines[k].blank === 0 && stream[stream.length - 1].no === lines[k - 1].no;
      for (let k = i; k < j; k++) {
        const l = lines[k];
        const h = at(k);
        const alone = !h && rightOnly(l);
        const lp = h ? h.left.replace(/\s+$/u, '') : alone ? '' : l.text;
        const rp = h ? h.right : alone ? l.text.trimStart() : '';
        // The right part's indent against its column: the half cells its start lies past the gutter.
        const indent = Math.round(((h ? h.at : leadWidth(l.text)) - col) * 2);
        if (lp.trim()) left.push({ no: l.no, text: lp, glued: left.length ? glued(left, k) : l.glued, blank: left.length ? l.no - left[left.length - 1].no - 1 : l.blank });
        if (rp.trim()) right.push({ no: l.no, text: ' '.repeat(Math.max(0, indent)) + rp, glued: glued(right, k), blank: right.length ? l.no - right[right.length - 1].no - 1 : Math.max(1, l.blank) });
      }
      out.push(...left, ...right);
      // What follows the run follows the right column's last line in reading order, not in the file: a block of its own.
      if (j < lines.length) {
        out.push({ ...lines[j], glued: false, blank: Math.max(1, lines[j].blank) });
        j++;
      }
      i = j;
    } else {
      out.push(lines[i]);
      i++;
    }
  }
  return out;
}

/** A page's lines as the stages read them: split into lines, side-by-side columns read one after the other, glued headlines split. */
export function pageLines(text: string): Line[] {
  return splitGluedHeads(splitSideBySide(splitLines(text)));
}
