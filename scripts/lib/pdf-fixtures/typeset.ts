/**
 * @fileoverview Typesets the fixture page (content.ts) into positioned glyph runs: the single
 * source of both the PDF (write-fs.ts draws exactly these runs) and its ground truth, so the two
 * cannot disagree (issue #16). Pure: font metrics come in as a function.
 *
 * Coordinates are PDF points with the origin at the page's top-left corner, y downwards (as on
 * screen). A horizontal run's box is the em box of its glyphs — from 0.88 em above the baseline to
 * 0.12 em below, the ideographic em box of CJK fonts — from the first glyph's origin to the last
 * glyph's advance; a vertical run's box is one em wide, centred on the glyphs' vertical origin.
 */
import { ARTICLES, HEADER, type ArticleContent, type BodyPiece } from './content.ts';

/** The fonts the page uses. */
export type FontKey = 'serif' | 'sansBold' | 'vertical';

/** Advance width of a character in a font, in em (1 = the font size). */
export type Metrics = (font: FontKey, ch: string) => number;

/** What a printed line is, for the truth file and the article regions. */
export type Role = 'header' | 'label' | 'kicker' | 'title' | 'subtitle' | 'byline' | 'heading' | 'body' | 'caption';

/** A box in points, origin top-left. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One glyph of a run: its character and its pen position (x for horizontal, y for vertical runs). */
export interface PlacedGlyph {
  ch: string;
  /** Pen position along the run, in points from the page's left (horizontal) or top (vertical). */
  at: number;
  /** Advance in points, character spacing excluded. */
  adv: number;
}

/** One printed line: what the PDF draws as one glyph run and the truth records as one line. */
export interface Run {
  text: string;
  font: FontKey;
  size: number;
  bold: boolean;
  vertical: boolean;
  /** Horizontal: baseline y. Vertical: the x of the glyphs' centre line. */
  cross: number;
  glyphs: PlacedGlyph[];
  /** Extra space after each glyph (PDF `Tc`), in points. */
  charSpacing: number;
  box: Box;
  role: Role;
  /** The article the line belongs to; null for page furniture. */
  article: string | null;
  /** Drawn glyph by glyph in shuffled order (one article of the page). */
  shuffled: boolean;
}

/** A ruling line or a box outline the page draws. */
export interface RuleSpec {
  /** Stroke line: from (x1,y1) to (x2,y2), or an outlined rectangle. */
  kind: 'line' | 'rect';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
}

/** A text block as typeset: lines of one role laid out together (one column of a body, a title). */
export interface TruthBlock {
  box: Box;
  role: Role;
  article: string | null;
  /** Indexes into the page's runs. */
  runs: number[];
}

/** The typeset page: everything write-fs.ts draws and truth.json records. */
export interface PageModel {
  width: number;
  height: number;
  /** Printed lines in reading order. */
  runs: Run[];
  blocks: TruthBlock[];
  rules: RuleSpec[];
  /** Photo placeholders (drawn as shapes, no text). */
  photos: { box: Box; article: string }[];
  articles: { content: ArticleContent; regions: Box[] }[];
}

const PAGE_W = 842;
const PAGE_H = 1191;
const MARGIN = 36;
const GUTTER = 15;
const COLS = 5;
const COL_W = (PAGE_W - 2 * MARGIN - (COLS - 1) * GUTTER) / COLS;
const BODY = 10;
const LEADING = 15;
/** Ideographic em box: ascent and descent as fractions of the size. */
export const EM_ASCENT = 0.88;
export const EM_DESCENT = 0.12;

// Line-start and line-end prohibitions (clreq §3.1.7 禁则): closing marks may not begin a line,
// opening marks may not end one.
const NO_START = new Set([...'，。、；：？！）》”’」』】…—·']);
const NO_END = new Set([...'（《“‘「『【']);

const round = (n: number): number => Math.round(n * 1000) / 1000;

function hbox(x: number, baseline: number, width: number, size: number): Box {
  return { x: round(x), y: round(baseline - EM_ASCENT * size), w: round(width), h: round(size) };
}

function union(boxes: Box[]): Box {
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.w));
  const y1 = Math.max(...boxes.map((b) => b.y + b.h));
  return { x: round(x0), y: round(y0), w: round(x1 - x0), h: round(y1 - y0) };
}

interface Ctx {
  m: Metrics;
  runs: Run[];
  blocks: TruthBlock[];
}

/** A horizontal run starting at x; justified to `justify` points wide when given. */
function hrun(c: Ctx, text: string, font: FontKey, size: number, x: number, baseline: number, role: Role, article: string | null, justify?: number): Run {
  const advs = [...text].map((ch) => c.m(font, ch) * size);
  const natural = advs.reduce((a, b) => a + b, 0);
  const n = advs.length;
  const charSpacing = justify !== undefined && n > 1 ? round((justify - natural) / (n - 1)) : 0;
  let at = x;
  const glyphs = [...text].map((ch, i) => {
    const g = { ch, at: round(at), adv: advs[i] };
    at += advs[i] + charSpacing;
    return g;
  });
  const width = natural + charSpacing * (n - 1);
  return { text, font, size, bold: font !== 'serif', vertical: false, cross: round(baseline), glyphs, charSpacing, box: hbox(x, baseline, width, size), role, article, shuffled: false };
}

/** Breaks text into lines of at most `width` points (the first `indent` points narrower), with 禁则. */
function breakLines(m: Metrics, font: FontKey, size: number, text: string, width: number, indent = 0): string[] {
  const chars = [...text];
  const lines: string[][] = [[]];
  let w = 0;
  for (const ch of chars) {
    const adv = m(font, ch) * size;
    const room = (lines.length === 1 ? width - indent : width) + 1e-6;
    let line = lines[lines.length - 1];
    if (w + adv > room && line.length > 0) {
      const next: string[] = [];
      // A closing mark would start the next line: carry the last character down with it.
      if (NO_START.has(ch) && line.length > 1) next.push(line.pop()!);
      // An opening mark would end this line: carry it down.
      while (line.length > 1 && NO_END.has(line[line.length - 1])) next.unshift(line.pop()!);
      lines.push(next);
      line = next;
      w = next.reduce((a, c) => a + m(font, c) * size, 0);
    }
    line.push(ch);
    w += adv;
  }
  return lines.map((l) => l.join('')).filter((l) => l.length > 0);
}

/** One body line to place: paragraph text lines (justified but for the last), or a heading. */
interface BodyLine {
  text: string;
  kind: 'p' | 'h';
  first: boolean;
  last: boolean;
}

function bodyLines(m: Metrics, pieces: BodyPiece[], colW: number): BodyLine[] {
  const out: BodyLine[] = [];
  for (const piece of pieces) {
    if (piece.type === 'h') {
      out.push({ text: piece.text, kind: 'h', first: true, last: true });
      continue;
    }
    const ls = breakLines(m, 'serif', BODY, piece.text, colW, 2 * BODY);
    ls.forEach((t, i) => out.push({ text: t, kind: 'p', first: i === 0, last: i === ls.length - 1 }));
  }
  return out;
}

/** Lines a body line takes: a heading takes two (space above and below). */
const span = (l: BodyLine): number => (l.kind === 'h' ? 2 : 1);

/**
 * Sets a body in `cols` columns of width `colW` from `top`, balanced (the first columns no
 * shorter than the last). Returns the bottom y.
 */
function setBody(c: Ctx, a: ArticleContent, x: number, top: number, cols: number, colW: number, gutter: number, lead: string | null): number {
  const lines = bodyLines(c.m, a.body, colW);
  const total = lines.reduce((s, l) => s + span(l), (lead ? 1 : 0));
  const perCol = Math.ceil(total / cols);
  let col = 0;
  let row = 0;
  let colRuns: number[] = [];
  let bottom = top;
  const flush = (): void => {
    if (colRuns.length === 0) return;
    c.blocks.push({ box: union(colRuns.map((i) => c.runs[i].box)), role: 'body', article: a.id, runs: colRuns });
    colRuns = [];
  };
  const place = (make: (cx: number, baseline: number) => Run, rows: number): void => {
    if (row + rows > perCol && row > 0) {
      flush();
      col++;
      row = 0;
    }
    const cx = x + col * (colW + gutter);
    const baseline = top + row * LEADING + (rows === 2 ? LEADING / 2 : 0) + EM_ASCENT * BODY;
    c.runs.push(make(cx, baseline));
    colRuns.push(c.runs.length - 1);
    bottom = Math.max(bottom, top + (row + rows) * LEADING);
    row += rows;
  };
  if (lead) place((cx, b) => hrun(c, lead, 'sansBold', BODY, cx, b, 'byline', a.id), 1);
  for (const l of lines) {
    if (l.kind === 'h') {
      place((cx, b) => {
        const w = [...l.text].reduce((s, ch) => s + c.m('sansBold', ch) * BODY, 0);
        return hrun(c, l.text, 'sansBold', BODY, cx + (colW - w) / 2, b, 'heading', a.id);
      }, 2);
    } else {
      place((cx, b) => hrun(c, l.text, 'serif', BODY, cx + (l.first ? 2 * BODY : 0), b, 'body', a.id, l.last ? undefined : colW - (l.first ? 2 * BODY : 0)), 1);
    }
  }
  flush();
  return bottom;
}

/** A centred headline part (possibly several lines) over `width`; returns the bottom y. */
function setHead(c: Ctx, a: ArticleContent, text: string, role: Role, font: FontKey, size: number, x: number, top: number, width: number, leading: number): number {
  const ls = breakLines(c.m, font, size, text, width);
  const idx: number[] = [];
  ls.forEach((t, i) => {
    const w = [...t].reduce((s, ch) => s + c.m(font, ch) * size, 0);
    c.runs.push(hrun(c, t, font, size, x + (width - w) / 2, top + i * leading + EM_ASCENT * size, role, a.id));
    idx.push(c.runs.length - 1);
  });
  c.blocks.push({ box: union(idx.map((i) => c.runs[i].box)), role, article: a.id, runs: idx });
  return top + (ls.length - 1) * leading + size;
}

interface Frame {
  x: number;
  top: number;
  cols: number;
  titleSize: number;
  photo?: number;
  verticalTitle?: boolean;
}

/** Sets one article in its frame; returns its bottom y and its regions. */
function setArticle(c: Ctx, a: ArticleContent, f: Frame, rules: RuleSpec[], photos: PageModel['photos']): { bottom: number; regions: Box[] } {
  const width = f.cols * COL_W + (f.cols - 1) * GUTTER;
  const first = c.blocks.length;
  let y = f.top;
  const bodyX = f.x;
  const bodyCols = f.cols;
  let colW = COL_W;
  if (f.verticalTitle) {
    // 竖题: the title stands at the right edge of the frame, the body in the columns to its left.
    const strip = f.titleSize + 12;
    const glyphs: PlacedGlyph[] = [];
    const cx = round(f.x + width - f.titleSize / 2);
    let at = f.top;
    const step = f.titleSize * 1.1;
    for (const ch of a.title) {
      glyphs.push({ ch, at: round(at), adv: f.titleSize });
      at += step;
    }
    const h = (glyphs.length - 1) * step + f.titleSize;
    c.runs.push({ text: a.title, font: 'vertical', size: f.titleSize, bold: true, vertical: true, cross: cx, glyphs, charSpacing: round(step - f.titleSize), box: { x: round(cx - f.titleSize / 2), y: round(f.top), w: f.titleSize, h: round(h) }, role: 'title', article: a.id, shuffled: false });
    c.blocks.push({ box: c.runs[c.runs.length - 1].box, role: 'title', article: a.id, runs: [c.runs.length - 1] });
    colW = (width - strip - (bodyCols - 1) * GUTTER) / bodyCols;
    // The body must stay one character grid: whole characters per column.
    colW = Math.floor(colW / BODY) * BODY;
  } else {
    if (a.column) {
      const w = [...a.column].reduce((s, ch) => s + c.m('sansBold', ch) * 12, 0);
      c.runs.push(hrun(c, a.column, 'sansBold', 12, f.x + 4, y + 4 + EM_ASCENT * 12, 'label', a.id));
      c.blocks.push({ box: c.runs[c.runs.length - 1].box, role: 'label', article: a.id, runs: [c.runs.length - 1] });
      rules.push({ kind: 'rect', x1: f.x, y1: y, x2: f.x + w + 8, y2: y + 20, width: 0.8 });
      y += 26;
    }
    if (a.kicker) y = setHead(c, a, a.kicker, 'kicker', 'serif', 14, f.x, y, width, 18) + 6;
    y = setHead(c, a, a.title, 'title', 'sansBold', f.titleSize, f.x, y, width, f.titleSize * 1.2) + 6;
    if (a.subtitle) y = setHead(c, a, a.subtitle, 'subtitle', 'serif', 14, f.x, y, width, 18) + 4;
    y += 8;
  }
  let bottom = setBody(c, a, bodyX, y, bodyCols, colW, GUTTER, a.byline);
  const title = c.runs.find((r) => r.article === a.id && r.role === 'title')!;
  if (f.verticalTitle) bottom = Math.max(bottom, title.box.y + title.box.h);
  if (f.photo) {
    const box = { x: f.x, y: round(bottom + 8), w: round(width), h: f.photo };
    photos.push({ box, article: a.id });
    const capTop = box.y + box.h + 5;
    const caps = breakLines(c.m, 'serif', 9, a.caption ?? '', width);
    const idx: number[] = [];
    caps.forEach((t, i) => {
      c.runs.push(hrun(c, t, 'serif', 9, f.x, capTop + i * 13 + EM_ASCENT * 9, 'caption', a.id));
      idx.push(c.runs.length - 1);
    });
    // A photo without a caption prints no caption block (the space below it stays as it was set).
    if (idx.length) c.blocks.push({ box: union(idx.map((i) => c.runs[i].box)), role: 'caption', article: a.id, runs: idx });
    bottom = capTop + (caps.length - 1) * 13 + 9;
  }
  const regions = c.blocks.slice(first).map((b) => b.box).concat(photos.filter((p) => p.article === a.id).map((p) => p.box));
  return { bottom, regions };
}

/** Typesets the fixture page with the given font metrics. */
export function typesetPage(m: Metrics): PageModel {
  const c: Ctx = { m, runs: [], blocks: [] };
  const rules: RuleSpec[] = [];
  const photos: PageModel['photos'] = [];
  const articles: PageModel['articles'] = [];
  const colX = (i: number): number => MARGIN + i * (COL_W + GUTTER);

  // 报眉: paper name, date, editor, page — one baseline, spread across the width.
  const hb = MARGIN + EM_ASCENT * 14;
  const widths = HEADER.map((t, i) => [...t].reduce((s, ch) => s + m(i === 0 || i === 3 ? 'sansBold' : 'serif', ch) * (i === 0 ? 14 : 10), 0));
  const xs = [MARGIN, MARGIN + 120, MARGIN + 300, PAGE_W - MARGIN - widths[3]];
  HEADER.forEach((t, i) => {
    const font: FontKey = i === 0 || i === 3 ? 'sansBold' : 'serif';
    c.runs.push(hrun(c, t, font, i === 0 ? 14 : 10, xs[i], hb, 'header', null));
    c.blocks.push({ box: c.runs[c.runs.length - 1].box, role: 'header', article: null, runs: [c.runs.length - 1] });
  });
  const headRule = MARGIN + 22;
  rules.push({ kind: 'line', x1: MARGIN, y1: headRule, x2: PAGE_W - MARGIN, y2: headRule, width: 1.5 });
  rules.push({ kind: 'line', x1: MARGIN, y1: headRule + 3, x2: PAGE_W - MARGIN, y2: headRule + 3, width: 0.5 });

  const byId = (id: string): ArticleContent => ARTICLES.find((a) => a.id === id)!;
  const row = (top: number, frames: [string, Frame][]): number => {
    const bottoms = frames.map(([id, f]) => {
      const r = setArticle(c, byId(id), { ...f, top }, rules, photos);
      articles.push({ content: byId(id), regions: r.regions });
      return r.bottom;
    });
    const bottom = Math.max(...bottoms);
    // Column rules between the articles of a row.
    for (const [, f] of frames.slice(1)) rules.push({ kind: 'line', x1: f.x - GUTTER / 2, y1: top, x2: f.x - GUTTER / 2, y2: bottom, width: 0.5 });
    return bottom;
  };
  let y = headRule + 14;
  y = row(y, [['a1', { x: colX(0), top: 0, cols: 4, titleSize: 32, photo: 190 }], ['a2', { x: colX(4), top: 0, cols: 1, titleSize: 18 }]]);
  y += 10;
  rules.push({ kind: 'line', x1: MARGIN, y1: y, x2: PAGE_W - MARGIN, y2: y, width: 0.5 });
  y += 12;
  y = row(y, [['a3', { x: colX(0), top: 0, cols: 3, titleSize: 24, photo: 150 }], ['a4', { x: colX(3), top: 0, cols: 2, titleSize: 28, verticalTitle: true }]]);
  y += 10;
  rules.push({ kind: 'line', x1: MARGIN, y1: y, x2: PAGE_W - MARGIN, y2: y, width: 0.5 });
  y += 12;
  const shuffledFrom = c.runs.length;
  y = row(y, [['a5', { x: colX(0), top: 0, cols: 2, titleSize: 20 }], ['a6', { x: colX(2), top: 0, cols: 3, titleSize: 22 }]]);
  for (const r of c.runs.slice(shuffledFrom)) if (r.article === 'a5') r.shuffled = true;
  if (y > PAGE_H - MARGIN) throw new Error(`the fixture page overflows: content ends at ${y.toFixed(1)} pt of ${PAGE_H - MARGIN}`);
  return { width: PAGE_W, height: PAGE_H, runs: c.runs, blocks: c.blocks, rules, photos, articles };
}
