/**
 * @fileoverview Reads a page's operator list (pdf.js `getOperatorList()`) into glyphs and ruling
 * lines. pdf.js's text content merges and splits items by its own rules and gives no per-glyph
 * positions; a small interpreter of the text and path operators, mirroring pdf.js's canvas
 * renderer (`showText`), puts every glyph exactly where the page image shows it (issue #16).
 * Pure: the pdf.js operator codes and fonts come in as arguments.
 */
import type { Box, PageContent, PdfFont, PdfGlyph, PdfRule } from './types.ts';

/** A 2-D affine matrix [a b c d e f]: (x, y) → (a·x + c·y + e, b·x + d·y + f). */
export type Matrix = readonly [number, number, number, number, number, number];

/** What pdf.js's `getOperatorList()` returns. */
export interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

/** pdf.js's font object (`page.commonObjs.get(id)`), the fields read here. */
export interface FontData {
  name?: string;
  vertical?: boolean;
  fontMatrix?: number[];
  bold?: boolean;
  black?: boolean;
}

/** A glyph of a pdf.js `showText` argument. */
interface OpGlyph {
  unicode?: string;
  width?: number;
  vmetric?: number[];
  isSpace?: boolean;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** outer ∘ inner: first `inner`, then `outer` (pdf.js `Util.transform(outer, inner)`). */
export function compose(outer: Matrix, inner: Matrix): Matrix {
  const [a, b, c, d, e, f] = outer;
  const [p, q, r, s, t, u] = inner;
  return [a * p + c * q, b * p + d * q, a * r + c * s, b * r + d * s, a * t + c * u + e, b * t + d * u + f];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function bbox(points: [number, number][]): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

/** Bold by the font's name: the weight words PostScript names carry. */
export function boldByName(name: string): boolean {
  return /bold|black|heavy|semibold|demi|extrabold|ultra|w[6-9](?![0-9])|粗/i.test(name);
}

/** The name without its subset tag (`ABCDEF+Name` → `Name`). */
export function baseFontName(name: string): string {
  return name.replace(/^[A-Z]{6}\+/u, '');
}

// Ideographic em box (see typeset and docs/pdf.md): ascent and descent in em.
const ASCENT = 0.88;
const DESCENT = 0.12;
/** Shortest segment taken as a rule, and the thickest filled rectangle, in points. */
const RULE_MIN_LENGTH = 6;
const RULE_MAX_THICKNESS = 3;
/** The smallest picture, in points on each side: a photo or drawing, not a bullet or an ornament. */
export const FIGURE_MIN_SIDE = 24;

interface GraphicsState {
  ctm: Matrix;
  lineWidth: number;
  font: number;
  fontSize: number;
  fontDirection: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  /** Text matrix and the pen within it (pdf.js keeps the pen separately). */
  textMatrix: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
}

/**
 * Interprets an operator list. `ops` is pdf.js's `OPS` table; `fontOf` returns a loaded font by
 * id; `view` maps PDF user space to the displayed page in points (pdf.js
 * `page.getViewport({ scale: 1 }).transform`).
 */
export function readOperators(list: OperatorList, ops: Record<string, number>, fontOf: (id: string) => FontData | undefined, view: Matrix, size: { page: number; width: number; height: number }): PageContent {
  const glyphs: PdfGlyph[] = [];
  const rules: PdfRule[] = [];
  const figures: Box[] = [];
  const fonts: PdfFont[] = [];
  const fontIndex = new Map<string, number>();
  const fontMeta: FontData[] = [];
  const code = (name: string): number => ops[name] ?? -1;
  const OP = {
    save: code('save'), restore: code('restore'), transform: code('transform'),
    beginText: code('beginText'), setFont: code('setFont'), setTextMatrix: code('setTextMatrix'),
    moveText: code('moveText'), setLeadingMoveText: code('setLeadingMoveText'), nextLine: code('nextLine'),
    setCharSpacing: code('setCharSpacing'), setWordSpacing: code('setWordSpacing'), setHScale: code('setHScale'),
    setLeading: code('setLeading'), setTextRise: code('setTextRise'), showText: code('showText'),
    showSpacedText: code('showSpacedText'), nextLineShowText: code('nextLineShowText'),
    nextLineSetSpacingShowText: code('nextLineSetSpacingShowText'),
    paintFormXObjectBegin: code('paintFormXObjectBegin'), paintFormXObjectEnd: code('paintFormXObjectEnd'),
    setLineWidth: code('setLineWidth'), constructPath: code('constructPath'),
    paintImageXObject: code('paintImageXObject'), paintInlineImageXObject: code('paintInlineImageXObject'), paintImageMaskXObject: code('paintImageMaskXObject'),
  };
  const strokeOps = new Set([code('stroke'), code('closeStroke'), code('fillStroke'), code('eoFillStroke'), code('closeFillStroke'), code('closeEOFillStroke')]);
  const fillOps = new Set([code('fill'), code('eoFill'), code('fillStroke'), code('eoFillStroke'), code('closeFillStroke'), code('closeEOFillStroke')]);

  let st: GraphicsState = { ctm: IDENTITY, lineWidth: 1, font: -1, fontSize: 0, fontDirection: 1, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0, textMatrix: IDENTITY, x: 0, y: 0, lineX: 0, lineY: 0 };
  const stack: GraphicsState[] = [];

  const useFont = (id: string): number => {
    let i = fontIndex.get(id);
    if (i !== undefined) return i;
    const data = fontOf(id) ?? {};
    const name = baseFontName(data.name ?? id);
    i = fonts.length;
    fonts.push({ id, name, bold: Boolean(data.bold || data.black) || boldByName(name), vertical: Boolean(data.vertical) });
    fontMeta.push(data);
    fontIndex.set(id, i);
    return i;
  };

  const moveText = (x: number, y: number): void => {
    st.lineX += x;
    st.lineY += y;
    st.x = st.lineX;
    st.y = st.lineY;
  };

  const showText = (items: unknown[]): void => {
    if (st.font < 0 || st.fontSize === 0) return;
    const font = fonts[st.font];
    const meta = fontMeta[st.font];
    const fm = meta.fontMatrix ?? [0.001, 0, 0, 0.001, 0, 0];
    const size = st.fontSize;
    const hScale = st.hScale * st.fontDirection;
    const widthScale = size * fm[0];
    const vertical = font.vertical;
    // Text space → displayed page.
    const m = compose(view, compose(st.ctm, compose(st.textMatrix, [1, 0, 0, 1, st.x, st.y + st.rise])));
    const [sx, sy] = [m[2] * size, m[3] * size];
    const shown = Math.round(Math.hypot(sx, sy) * 100) / 100;
    let adv = 0;
    for (const item of items) {
      if (typeof item === 'number') {
        adv += (vertical ? 1 : -1) * (item * size) / 1000;
        continue;
      }
      const g = item as OpGlyph;
      const w0 = g.width ?? 0;
      const spacing = (g.isSpace ? st.wordSpacing : 0) + st.charSpacing;
      let corners: [number, number][];
      let step: number;
      if (vertical) {
        const vm = g.vmetric ?? [-1000, w0 / 2, 880];
        const vx = -vm[1] * widthScale;
        const vy = vm[2] * widthScale;
        // The glyph's horizontal origin, from the vertical origin (pdf.js canvas `showText`).
        const hx = vx * st.hScale;
        const hy = -(adv + vy);
        const w = w0 * widthScale * st.hScale;
        corners = [[hx, hy - DESCENT * size], [hx + w, hy - DESCENT * size], [hx, hy + ASCENT * size], [hx + w, hy + ASCENT * size]];
        step = -vm[0] * widthScale - spacing * st.fontDirection;
      } else {
        const ox = adv * hScale;
        const w = w0 * widthScale * hScale;
        corners = [[ox, -DESCENT * size], [ox + w, -DESCENT * size], [ox, ASCENT * size], [ox + w, ASCENT * size]];
        step = w0 * widthScale + spacing * st.fontDirection;
      }
      const box = bbox(corners.map(([x, y]) => apply(m, x, y)));
      const text = g.unicode ?? '';
      glyphs.push({ text, box, size: shown, font: st.font, vertical, space: Boolean(g.isSpace) || text === ' ' || text === '\u3000', seq: glyphs.length });
      adv += step;
    }
    if (vertical) st.y -= adv;
    else st.x += adv * hScale;
  };

  const pathRules = (op: number, data: ArrayLike<number> | undefined): void => {
    if (!data) return;
    const width = st.lineWidth * Math.hypot(st.ctm[0], st.ctm[1]) || 0;
    const m = compose(view, st.ctm);
    const points: [number, number][] = [];
    let start: [number, number] | null = null;
    let last: [number, number] | null = null;
    let curved = false;
    const segment = (a: [number, number], b: [number, number]): void => {
      if (!strokeOps.has(op)) return;
      const [p, q] = [apply(m, ...a), apply(m, ...b)];
      const dx = Math.abs(p[0] - q[0]);
      const dy = Math.abs(p[1] - q[1]);
      if (dy < 0.01 && dx >= RULE_MIN_LENGTH) rules.push({ box: { x: Math.min(p[0], q[0]), y: p[1], w: dx, h: 0 }, orientation: 'horizontal', width });
      else if (dx < 0.01 && dy >= RULE_MIN_LENGTH) rules.push({ box: { x: p[0], y: Math.min(p[1], q[1]), w: 0, h: dy }, orientation: 'vertical', width });
    };
    for (let i = 0; i < data.length; ) {
      const kind = data[i++];
      if (kind === 0) {
        start = last = [data[i++], data[i++]];
        points.push(last);
      } else if (kind === 1) {
        const next: [number, number] = [data[i++], data[i++]];
        if (last) segment(last, next);
        last = next;
        points.push(next);
      } else if (kind === 2) {
        i += 6;
        curved = true;
      } else if (kind === 3) {
        i += 4;
        curved = true;
      } else if (kind === 4) {
        if (last && start) segment(last, start);
        last = start;
      } else break;
    }
    // A thin filled rectangle is a rule too (how many layout programs draw them).
    if (fillOps.has(op) && !curved && points.length >= 4) {
      const b = bbox(points.map((p) => apply(m, ...p)));
      if (b.h <= RULE_MAX_THICKNESS && b.w >= RULE_MIN_LENGTH) rules.push({ box: { x: b.x, y: b.y + b.h / 2, w: b.w, h: 0 }, orientation: 'horizontal', width: b.h });
      else if (b.w <= RULE_MAX_THICKNESS && b.h >= RULE_MIN_LENGTH) rules.push({ box: { x: b.x + b.w / 2, y: b.y, w: 0, h: b.h }, orientation: 'vertical', width: b.w });
      else figure(b);
    }
  };

  // A picture: a filled area or an image (drawn in the unit square of the current matrix); one inside a picture already seen adds nothing.
  const figure = (b: Box): void => {
    if (b.w < FIGURE_MIN_SIDE || b.h < FIGURE_MIN_SIDE) return;
    const inside = (a: Box, c: Box) => a.x >= c.x - 0.5 && a.y >= c.y - 0.5 && a.x + a.w <= c.x + c.w + 0.5 && a.y + a.h <= c.y + c.h + 0.5;
    if (figures.some((f) => inside(b, f))) return;
    for (let i = figures.length - 1; i >= 0; i--) if (inside(figures[i], b)) figures.splice(i, 1);
    figures.push(b);
  };
  const imageFigure = (): void => {
    const m = compose(view, st.ctm);
    figure(bbox([apply(m, 0, 0), apply(m, 1, 0), apply(m, 0, 1), apply(m, 1, 1)]));
  };

  const n = list.fnArray.length;
  for (let i = 0; i < n; i++) {
    const fn = list.fnArray[i];
    const args = (list.argsArray[i] ?? []) as unknown[];
    switch (fn) {
      case OP.save:
        stack.push({ ...st });
        break;
      case OP.restore:
        if (stack.length) st = stack.pop()!;
        break;
      case OP.transform:
        st.ctm = compose(st.ctm, args.slice(0, 6) as unknown as Matrix);
        break;
      case OP.paintFormXObjectBegin: {
        stack.push({ ...st });
        const matrix = args[0] as ArrayLike<number> | null;
        if (matrix && matrix.length === 6) st.ctm = compose(st.ctm, Array.from(matrix) as unknown as Matrix);
        break;
      }
      case OP.paintFormXObjectEnd:
        if (stack.length) st = stack.pop()!;
        break;
      case OP.setLineWidth:
        st.lineWidth = Number(args[0]);
        break;
      case OP.paintImageXObject:
      case OP.paintInlineImageXObject:
      case OP.paintImageMaskXObject:
        imageFigure();
        break;
      case OP.constructPath:
        pathRules(Number(args[0]), (args[1] as ArrayLike<number>[] | undefined)?.[0]);
        break;
      case OP.beginText:
        st.textMatrix = IDENTITY;
        st.x = st.y = st.lineX = st.lineY = 0;
        break;
      case OP.setFont: {
        st.font = useFont(String(args[0]));
        const s = Number(args[1]);
        st.fontSize = Math.abs(s);
        st.fontDirection = s < 0 ? -1 : 1;
        break;
      }
      case OP.setTextMatrix: {
        const mtx = (args.length === 1 ? Array.from(args[0] as ArrayLike<number>) : args) as number[];
        st.textMatrix = mtx.slice(0, 6) as unknown as Matrix;
        st.x = st.y = st.lineX = st.lineY = 0;
        break;
      }
      case OP.moveText:
        moveText(Number(args[0]), Number(args[1]));
        break;
      case OP.setLeadingMoveText:
        st.leading = Number(args[1]);
        moveText(Number(args[0]), Number(args[1]));
        break;
      case OP.nextLine:
        moveText(0, st.leading);
        break;
      case OP.setLeading:
        st.leading = -Number(args[0]);
        break;
      case OP.setCharSpacing:
        st.charSpacing = Number(args[0]);
        break;
      case OP.setWordSpacing:
        st.wordSpacing = Number(args[0]);
        break;
      case OP.setHScale:
        st.hScale = Number(args[0]) / 100;
        break;
      case OP.setTextRise:
        st.rise = Number(args[0]);
        break;
      case OP.showText:
      case OP.showSpacedText:
        showText((args[0] as unknown[]) ?? []);
        break;
      case OP.nextLineShowText:
        moveText(0, st.leading);
        showText((args[0] as unknown[]) ?? []);
        break;
      case OP.nextLineSetSpacingShowText:
        st.wordSpacing = Number(args[0]);
        st.charSpacing = Number(args[1]);
        moveText(0, st.leading);
        showText((args[2] as unknown[]) ?? []);
        break;
      default:
        break;
    }
  }
  return { ...size, glyphs, rules, figures, fonts };
}
