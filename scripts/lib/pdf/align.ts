/**
 * @fileoverview A page's `.txt` lined up with its PDF's lines (issue #16), for a PDF whose text
 * layer cannot be trusted: the text comes from the `.txt`, the positions from the PDF. Each glyph
 * is one character in both, so the lines are matched by order and length — a dynamic programme
 * over the two sequences of line lengths that lets one text line hold several PDF lines (a
 * paragraph-per-line extraction) or several text lines share one (a line broken in two), and
 * skips a line of either side at a cost. Pure.
 */
import type { PdfPage } from './types.ts';

/** One non-empty line of the `.txt`: its 1-based line number and text. */
export interface TextLine {
  no: number;
  text: string;
}

/** How the `.txt` lines up with the PDF. */
export interface Alignment {
  /** Text line number → the PDF lines it holds (absent: matched to none). */
  textLines: Map<number, number[]>;
  /** Share of the characters of both sides that line up (1: every line matched with its length). */
  aligned: number;
}

/** Most PDF lines one text line may hold (a long paragraph set in narrow columns). */
const MAX_SPAN = 60;
/** Most text lines one PDF line may be broken into. */
const MAX_SPLIT = 4;
/** What leaving a line unmatched costs beyond its characters. */
const SKIP = 2;
/** What each extra line of a one-to-many match costs (a slight preference for one to one). */
const EXTRA = 0.1;

const len = (s: string): number => [...s.replace(/\s+/gu, '')].length;

/** Lines up the `.txt`'s lines with the PDF's, in reading order. */
export function alignText(lines: TextLine[], page: Pick<PdfPage, 'lines'>): Alignment {
  const t = lines.map((l) => len(l.text));
  const p = page.lines.map((l) => l.glyphs);
  const n = t.length;
  const m = p.length;
  const W = m + 1;
  const cost = new Float64Array((n + 1) * W).fill(Infinity);
  // Back pointers: how many text lines and PDF lines the last move took.
  const di = new Int16Array((n + 1) * W);
  const dj = new Int16Array((n + 1) * W);
  cost[0] = 0;
  const tp = [0];
  for (const x of t) tp.push(tp[tp.length - 1] + x);
  const pp = [0];
  for (const x of p) pp.push(pp[pp.length - 1] + x);
  const relax = (i: number, j: number, a: number, b: number, c: number): void => {
    const k = i * W + j;
    if (c < cost[k]) {
      cost[k] = c;
      di[k] = a;
      dj[k] = b;
    }
  };
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = cost[i * W + j];
      if (here === Infinity) continue;
      if (i < n) relax(i + 1, j, 1, 0, here + t[i] + SKIP);
      if (j < m) relax(i, j + 1, 0, 1, here + p[j] + SKIP);
      if (i < n) for (let k = 1; k <= MAX_SPAN && j + k <= m; k++) relax(i + 1, j + k, 1, k, here + Math.abs(t[i] - (pp[j + k] - pp[j])) + EXTRA * (k - 1));
      if (j < m) for (let k = 2; k <= MAX_SPLIT && i + k <= n; k++) relax(i + k, j + 1, k, 1, here + Math.abs(tp[i + k] - tp[i] - p[j]) + EXTRA * (k - 1));
    }
  }
  const textLines = new Map<number, number[]>();
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const k = i * W + j;
    const a = di[k];
    const b = dj[k];
    if (a > 0 && b > 0) {
      const pdf = Array.from({ length: b }, (_, x) => j - b + x);
      for (let x = i - a; x < i; x++) textLines.set(lines[x].no, pdf);
    }
    i -= a;
    j -= b;
  }
  const total = Math.max(tp[n], pp[m], 1);
  return { textLines, aligned: Math.max(0, 1 - cost[n * W + m] / total) };
}
