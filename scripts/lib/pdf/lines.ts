/**
 * @fileoverview Glyphs → printed lines, by geometry alone, so that content-stream order (a page
 * drawn glyph by glyph, headlines after bodies) does not matter (issue #16).
 *
 * Horizontal glyphs of one size whose baselines lie within 0.3 em form a row; a row splits where
 * the glyphs leave more than 0.9 em (at most 1.2 em of the body size) free or a vertical rule
 * passes. Glyphs of a vertical font
 * form columns the same way. Single glyphs stacked one below the other (a vertical headline set
 * glyph by glyph in a horizontal font) become one vertical line.
 */
import type { Box, PdfGlyph, PdfRule } from './types.ts';

/** A line before reading order: its glyphs in reading order. */
export interface RawLine {
  glyphs: PdfGlyph[];
  box: Box;
  size: number;
  vertical: boolean;
}

/** Baselines of one line differ by at most this many em. */
const BASELINE_TOLERANCE = 0.3;
/** A gap wider than this many em ends a line… */
const MAX_GAP = 0.9;
/** …or wider than this many em of the body size: headlines of two articles side by side stand
 * a gutter apart, which is less than one em of their own size. */
const MAX_GAP_BODY = 1.2;
/** A gap at least this many em wide reads as a space. */
const SPACE_GAP = 1 / 3;

/** Smallest box holding all boxes. */
export function unionBox(boxes: Box[]): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w);
    y1 = Math.max(y1, b.y + b.h);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

// The em box puts the baseline 0.88 of its height below its top (see operators.ts).
const baseline = (g: PdfGlyph): number => g.box.y + 0.88 * g.box.h;
const centreX = (g: PdfGlyph): number => g.box.x + g.box.w / 2;

function bySize(glyphs: PdfGlyph[]): Map<number, PdfGlyph[]> {
  const m = new Map<number, PdfGlyph[]>();
  for (const g of glyphs) {
    const k = Math.round(g.size * 100);
    const list = m.get(k);
    if (list) list.push(g);
    else m.set(k, [g]);
  }
  return m;
}

/** Splits sorted values into runs whose members lie within `tol` of the run's first member. */
function cluster<T>(items: T[], key: (t: T) => number, tol: number): T[][] {
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  const out: T[][] = [];
  let start = -Infinity;
  for (const it of sorted) {
    if (key(it) - start > tol) {
      out.push([]);
      start = key(it);
    }
    out[out.length - 1].push(it);
  }
  return out;
}

function ruleBetween(rules: PdfRule[], a: Box, b: Box, vertical: boolean): boolean {
  // For a horizontal line: a vertical rule in the gap, crossing the glyphs' height.
  if (!vertical) {
    const gx0 = a.x + a.w;
    const gx1 = b.x;
    const ym = (a.y + a.h / 2 + b.y + b.h / 2) / 2;
    return rules.some((r) => r.orientation === 'vertical' && r.box.x > gx0 - 0.5 && r.box.x < gx1 + 0.5 && r.box.y <= ym && r.box.y + r.box.h >= ym);
  }
  const gy0 = a.y + a.h;
  const gy1 = b.y;
  const xm = (a.x + a.w / 2 + b.x + b.w / 2) / 2;
  return rules.some((r) => r.orientation === 'horizontal' && r.box.y > gy0 - 0.5 && r.box.y < gy1 + 0.5 && r.box.x <= xm && r.box.x + r.box.w >= xm);
}

function split(glyphs: PdfGlyph[], size: number, vertical: boolean, rules: PdfRule[], body: number): PdfGlyph[][] {
  const maxGap = Math.min(MAX_GAP * size, MAX_GAP_BODY * (body || size));
  const out: PdfGlyph[][] = [];
  let cur: PdfGlyph[] = [];
  let end = -Infinity;
  let lastBox: Box | null = null;
  for (const g of glyphs) {
    const start = vertical ? g.box.y : g.box.x;
    if (cur.length && (start - end > maxGap || (lastBox && ruleBetween(rules, lastBox, g.box, vertical)))) {
      out.push(cur);
      cur = [];
    }
    cur.push(g);
    end = Math.max(cur.length > 1 ? end : -Infinity, vertical ? g.box.y + g.box.h : g.box.x + g.box.w);
    lastBox = g.box;
  }
  if (cur.length) out.push(cur);
  // A run of spaces alone is no line.
  return out.filter((l) => l.some((g) => !g.space));
}

function rawLine(glyphs: PdfGlyph[], size: number, vertical: boolean): RawLine {
  return { glyphs, box: unionBox(glyphs.filter((g) => !g.space).map((g) => g.box)), size, vertical };
}

/** Lines of a horizontal font's glyphs: rows by baseline, split at wide gaps and rules. */
function horizontalLines(glyphs: PdfGlyph[], rules: PdfRule[], body: number): RawLine[] {
  const out: RawLine[] = [];
  for (const [k, group] of bySize(glyphs)) {
    const size = k / 100;
    for (const row of cluster(group, baseline, BASELINE_TOLERANCE * size)) {
      row.sort((a, b) => a.box.x - b.box.x || a.seq - b.seq);
      for (const l of split(row, size, false, rules, body)) out.push(rawLine(l, size, false));
    }
  }
  return out;
}

/** Lines of a vertical font's glyphs: columns by centre line, split at wide gaps and rules. */
function verticalLines(glyphs: PdfGlyph[], rules: PdfRule[], body: number): RawLine[] {
  const out: RawLine[] = [];
  for (const [k, group] of bySize(glyphs)) {
    const size = k / 100;
    for (const col of cluster(group, centreX, BASELINE_TOLERANCE * size)) {
      col.sort((a, b) => a.box.y - b.box.y || a.seq - b.seq);
      for (const l of split(col, size, true, rules, body)) out.push(rawLine(l, size, true));
    }
  }
  return out;
}

/**
 * Chains one-glyph lines stacked one below the other (same size, centres within 0.25 em, at most
 * one em apart) into vertical lines: at least three glyphs, or two in a size other than the body's.
 */
function stackVertical(lines: RawLine[], bodySize: number): RawLine[] {
  const single = (l: RawLine): boolean => !l.vertical && l.glyphs.filter((g) => !g.space).length === 1;
  const singles = lines.filter(single).sort((a, b) => a.box.y - b.box.y);
  const used = new Set<RawLine>();
  const chains: RawLine[][] = [];
  for (const s of singles) {
    if (used.has(s)) continue;
    const chain = [s];
    let last = s;
    for (const t of singles) {
      if (used.has(t) || chain.includes(t) || t.size !== s.size) continue;
      const gap = t.box.y - (last.box.y + last.box.h);
      const dx = Math.abs(t.box.x + t.box.w / 2 - (last.box.x + last.box.w / 2));
      if (gap >= -0.1 * s.size && gap <= 1.0 * s.size && dx <= 0.25 * s.size) {
        chain.push(t);
        last = t;
      }
    }
    const enough = chain.length >= 3 || (chain.length === 2 && Math.abs(s.size - bodySize) > 0.01);
    if (enough) {
      chain.forEach((l) => used.add(l));
      chains.push(chain);
    }
  }
  const stacked = chains.map((c) => rawLine(c.flatMap((l) => l.glyphs), c[0].size, true));
  return [...lines.filter((l) => !used.has(l)), ...stacked];
}

/** The size most glyphs are set in (the body text's). */
export function bodySize(glyphs: PdfGlyph[]): number {
  const counts = new Map<number, number>();
  for (const g of glyphs) if (!g.space) counts.set(g.size, (counts.get(g.size) ?? 0) + 1);
  let best = 0;
  let n = -1;
  for (const [s, c] of counts) if (c > n || (c === n && s < best)) [best, n] = [s, c];
  return best;
}

/** All lines of a page's glyphs, in no particular order. */
export function buildLines(glyphs: PdfGlyph[], rules: PdfRule[]): RawLine[] {
  const body = bodySize(glyphs);
  const horizontal = horizontalLines(glyphs.filter((g) => !g.vertical), rules, body);
  const vertical = verticalLines(glyphs.filter((g) => g.vertical), rules, body);
  return stackVertical([...horizontal, ...vertical], body);
}

/** A line's text: its glyphs' texts, with a space where they leave a third of an em or more. */
export function lineText(l: RawLine): string {
  let out = '';
  let prev: PdfGlyph | null = null;
  for (const g of l.glyphs) {
    if (prev && !prev.space && !g.space) {
      const gap = l.vertical ? g.box.y - (prev.box.y + prev.box.h) : g.box.x - (prev.box.x + prev.box.w);
      if (gap >= SPACE_GAP * l.size) out += ' ';
    }
    out += g.text;
    prev = g;
  }
  return out;
}
