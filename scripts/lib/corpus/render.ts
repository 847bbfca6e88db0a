/**
 * @fileoverview Renders a corpus source page (source.ts) into the text a PDF's text layer gives
 * for it, in one of three layouts, together with the expected JSON in the gold schema — both from
 * the same data, so they cannot disagree (issue #10). Body text is set into columns as a typesetter
 * does (CJK cells, half-width Latin, line-start/line-end prohibitions — clreq §3.1.7
 * https://www.w3.org/TR/clreq/#prohibition_rules_for_line_start_and_line_end), columns break
 * paragraphs, and the extraction options scramble the order as real text layers do.
 */
import * as OpenCC from 'opencc-js/cn2t';
import type { Article, GoldPage, OtherBlock } from '../../../core/schema.ts';
import { rng } from '../synth.ts';
import type { CorpusLayout, Extraction, Quirks, SourceArticle, SourceBodyBlock, SourceOther, SourcePage } from './source.ts';

/** A rendered page: its text and the answer. */
export interface RenderedPage {
  layout: CorpusLayout;
  text: string;
  expected: GoldPage & { notes: string };
}

/** Marks that may not start a line (clreq: 避头): closing punctuation and pause/stop marks. */
const NO_START = new Set([...'，。、；：？！）》」』】〕”’…—·%,.;:?!)]']);
/** Marks that may not end a line (避尾): opening brackets and quotes. */
const NO_END = new Set([...'（《「『【〔“‘([']);
/** Full-width punctuation that the half style prints as ASCII. */
const HALF: Record<string, string> = { '，': ',', '：': ':', '；': ';', '？': '?', '！': '!', '（': '(', '）': ')' };

const toHant = OpenCC.Converter({ from: 'cn', to: 'tw' });

function hashName(s: string): number {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return h;
}

/** The page's text transform: script, then punctuation width. */
function transformer(page: SourcePage): (s: string) => string {
  return (s) => {
    let t = page.style.script === 'hant' ? toHant(s) : s;
    if (page.style.punct === 'half') t = [...t].map((c) => HALF[c] ?? c).join('');
    return t;
  };
}

interface Typesetting {
  width: number;
  /** CJK punctuation squeezed to half a cell (标点挤压), as many papers set body text. */
  squeeze: boolean;
  /** A closing mark may hang past the line end instead of pulling a character down. */
  hang: boolean;
}

function cellWidth(ch: string, ts: Typesetting): number {
  const c = ch.codePointAt(0)!;
  if (c < 0x2000) return 0.5;
  if (ts.squeeze && /\p{P}/u.test(ch)) return 0.5;
  return 1;
}

/** Splits text into units that never break: runs of Latin letters/digits, or single characters. */
function units(text: string): string[] {
  return text.match(/[A-Za-z0-9.%＋+\-_/@]+|[^A-Za-z0-9.%＋+\-_/@]/gu) ?? [];
}

/** Sets text into column lines; the first line is `indent` cells shorter. */
export function wrap(text: string, ts: Typesetting, indent: number): string[] {
  const lines: string[] = [];
  let cur: string[] = [];
  let w = 0;
  let cap = ts.width - indent;
  const width = (u: string): number => [...u].reduce((s, ch) => s + cellWidth(ch, ts), 0);
  const push = (): void => {
    lines.push(cur.join(''));
    cur = [];
    w = 0;
    cap = ts.width;
  };
  for (const u of units(text.trim())) {
    const uw = width(u);
    if (cur.length && w + uw > cap + 1e-9) {
      const first = [...u][0];
      if (NO_START.has(first) && u.length === 1) {
        if (ts.hang) {
          cur.push(u);
          push();
          continue;
        }
        // Pull the last character down with the mark.
        const last = cur.pop()!;
        push();
        cur.push(last);
        w = width(last);
      } else {
        const carry: string[] = [];
        while (cur.length > 1 && NO_END.has([...cur[cur.length - 1]].pop()!)) carry.unshift(cur.pop()!);
        push();
        for (const c of carry) {
          cur.push(c);
          w += width(c);
        }
      }
    }
    cur.push(u);
    w += uw;
  }
  if (cur.length) lines.push(cur.join(''));
  return lines;
}

/** One printed line with what it is, for the layouts to lay out. */
interface PrintLine {
  text: string;
  /** Paragraph key: lines of one paragraph share it (the paragraph layout joins them). */
  para: string | null;
  /** The first line of a paragraph (gets the indent spaces in the `spaces` style). */
  first: boolean;
  /** A column or photo break falls before this line. */
  breakBefore: boolean;
  /** Body text line (cuts happen only between these). */
  body: boolean;
  /** The line ends a sentence (a cut after it is not mid-sentence). */
  endsSentence: boolean;
}

interface Segment {
  kind: 'head' | 'body' | 'other';
  lines: PrintLine[];
  /** Glue this segment's first line onto the previous line (glue_head). */
  glue?: boolean;
}

const SENTENCE_END = /[。！？!?…][”’」』）)]*$/u;

function bodyLines(a: SourceArticle, t: (s: string) => string, ts: Typesetting, key: string, r: () => number): PrintLine[] {
  const out: PrintLine[] = [];
  const line = (text: string, para: string | null, first: boolean, body: boolean): PrintLine => ({ text, para, first, breakBefore: false, body, endsSentence: SENTENCE_END.test(text) });
  const byline = (): void => {
    if (a.byline) out.push(line(t(a.byline), null, false, false));
  };
  a.body.forEach((b: SourceBodyBlock, i: number) => {
    const text = t(b.text);
    const para = `${key}.${i}`;
    if (b.type === 'h') out.push(line(text, null, false, false));
    else {
      const ls = b.lines ? b.lines.map(t) : wrap(text, ts, b.type === 'p' ? 2 : 0);
      const block = ls.map((l, k) => line(l, para, k === 0 && b.type === 'p', b.type === 'p'));
      if (b.type === 'caption' && b.cut) {
        // The photo sits inside the preceding paragraph: its caption comes out between two of that paragraph's lines.
        const cut = cutPoint(out, 0.5, (l) => l.para === `${key}.${i - 1}`);
        if (cut > 0) {
          block[0].breakBefore = true;
          out[cut].breakBefore = true;
          out.splice(cut, 0, ...block);
          if (a.bylineAt === i + 1) byline();
          return;
        }
      }
      out.push(...block);
    }
    if (a.bylineAt === i + 1) byline();
  });
  if (a.bylineAt === -1) byline();
  // Columns: the body flows through columns of a height chosen per article.
  const height = 14 + Math.floor(r() * 26);
  let n = 0;
  for (const l of out) {
    if (!l.body) continue;
    if (n > 0 && n % height === 0) l.breakBefore = true;
    n++;
  }
  return out;
}

/**
 * Where to cut a run of lines mid-sentence: the line boundary nearest `fraction` of the way whose
 * preceding line is body text that does not end a sentence. Returns the index of the first line
 * after the cut, or -1 when none qualifies.
 */
function cutPoint(lines: PrintLine[], fraction: number, within: (l: PrintLine) => boolean = (l) => l.body): number {
  const target = lines.length * fraction;
  let best = -1;
  for (let k = 1; k < lines.length; k++) {
    const a = lines[k - 1];
    const b = lines[k];
    if (!within(a) || !within(b) || a.para !== b.para || a.endsSentence) continue;
    if (best < 0 || Math.abs(k - target) < Math.abs(best - target)) best = k;
  }
  return best;
}

function splitAt(lines: PrintLine[], fraction: number): [PrintLine[], PrintLine[]] {
  let k = cutPoint(lines, fraction);
  if (k < 0) {
    // No mid-sentence boundary: cut between paragraphs instead.
    k = Math.max(1, Math.round(lines.length * fraction));
  }
  const rest = lines.slice(k).map((l, i) => (i === 0 ? { ...l, breakBefore: true } : l));
  return [lines.slice(0, k), rest];
}

function headLines(a: SourceArticle, t: (s: string) => string): PrintLine[] {
  const texts: string[] = [];
  if (a.column) texts.push(a.column);
  const titles = [...a.titleLines];
  if (a.head === 'inline' && a.kicker && titles.length) titles[0] = `${a.kicker} ${titles[0]}`;
  else if (a.kicker) texts.push(a.kicker);
  texts.push(...titles);
  if (a.subtitle) texts.push(a.subtitle);
  if (a.byline && a.bylineAt === 0) texts.push(a.byline);
  return texts.map((x) => ({ text: t(x), para: null, first: false, breakBefore: false, body: false, endsSentence: false }));
}

/** Running-text blocks set in the body columns; headers, banners and labels are one line each. */
const WRAPPED_OTHER = new Set(['notice', 'ad', 'classified', 'intro', 'text']);

function otherLines(o: SourceOther, t: (s: string) => string, ts: Typesetting, layout: CorpusLayout): PrintLine[] {
  const mk = (text: string): PrintLine => ({ text, para: null, first: false, breakBefore: false, body: false, endsSentence: false });
  if (o.items && layout !== 'paragraph') return o.items.flatMap((x) => wrap(t(x), ts, 0)).map(mk);
  if (o.running && WRAPPED_OTHER.has(o.type) && layout !== 'paragraph' && o.lines[0].length > ts.width * 1.5) return wrap(t(o.lines[0]), ts, 0).map(mk);
  return o.lines.map((l) => mk(t(l)));
}

/** Orders the page's segments as the extraction gives them. */
function extractionOrder(page: SourcePage, heads: PrintLine[][], bodies: PrintLine[][], others: Map<number, PrintLine[]>): Segment[] {
  const n = heads.length;
  const ops = page.extraction;
  const after = new Set<number>();
  for (const op of ops) if (op.op === 'heads_after') (op.articles === 'all' ? heads.map((_, i) => i + 1) : op.articles).forEach((i) => after.add(i));
  const glued = new Set(ops.filter((o): o is Extract<Extraction, { op: 'glue_head' }> => o.op === 'glue_head').map((o) => o.article));
  const together = ops.filter((o): o is Extract<Extraction, { op: 'heads_together' }> => o.op === 'heads_together');
  const inside = ops.filter((o): o is Extract<Extraction, { op: 'inside' }> => o.op === 'inside');
  const interleave = ops.filter((o): o is Extract<Extraction, { op: 'interleave' }> => o.op === 'interleave');
  const strays = ops.filter((o): o is Extract<Extraction, { op: 'stray_start' }> => o.op === 'stray_start').map((o) => o.article);

  const headSeg = (i: number): Segment => ({ kind: 'head', lines: heads[i - 1], glue: glued.has(i) });
  const tail: Segment[] = [];
  // Stray starts: the beginning of the body goes to the page end.
  const body: PrintLine[][] = bodies.map((b) => b);
  for (const i of strays) {
    const [start, rest] = splitAt(body[i - 1], 0.35);
    tail.push({ kind: 'body', lines: start });
    body[i - 1] = rest;
  }
  const articleSegs = (i: number): Segment[] => {
    const segs: Segment[] = [];
    const host = inside.find((o) => o.host === i);
    let bodySegs: Segment[] = [{ kind: 'body', lines: body[i - 1] }];
    if (host) {
      const [x, y] = splitAt(body[i - 1], 0.5);
      bodySegs = [{ kind: 'body', lines: x }, ...articleSegs(host.article), { kind: 'body', lines: y }];
    }
    if (after.has(i)) segs.push(...bodySegs, headSeg(i));
    else segs.push(headSeg(i), ...bodySegs);
    return segs;
  };
  const done = new Set<number>(inside.map((o) => o.article));
  const out: Segment[] = [];
  let articleNo = 0;
  page.blocks.forEach((b, bi) => {
    if (b.kind === 'other') {
      out.push({ kind: 'other', lines: others.get(bi)! });
      return;
    }
    articleNo++;
    const i = articleNo;
    if (done.has(i)) return;
    const tg = together.find((o) => o.articles.includes(i));
    if (tg) {
      for (const j of tg.articles) out.push({ kind: 'body', lines: body[j - 1] });
      for (const j of tg.articles) out.push(headSeg(j));
      tg.articles.forEach((j) => done.add(j));
      return;
    }
    const il = interleave.find((o) => o.articles[0] === i);
    if (il) {
      const j = il.articles[1];
      const [i1, i2] = splitAt(body[i - 1], 0.5);
      const [j1, j2] = splitAt(body[j - 1], 0.5);
      out.push(headSeg(i), { kind: 'body', lines: i1 }, headSeg(j), { kind: 'body', lines: j1 }, { kind: 'body', lines: i2 }, { kind: 'body', lines: j2 });
      done.add(i);
      done.add(j);
      return;
    }
    out.push(...articleSegs(i));
    done.add(i);
  });
  void n;
  return [...out, ...tail];
}

const INDENT = '\u3000\u3000';

function furnitureLine(text: string): PrintLine {
  return { text, para: null, first: false, breakBefore: false, body: false, endsSentence: false };
}

/** A short title printed vertically: one character per line in the text layer. */
function verticalTitle(lines: PrintLine[], a: SourceArticle, t: (s: string) => string, share: number, r: () => number): PrintLine[] {
  if (!share || a.titleLines.length !== 1 || r() >= share) return lines;
  const title = t(a.titleLines[0]);
  const chars = [...title.replace(/\s+/g, '')];
  if (chars.length > 10) return lines;
  const k = lines.findIndex((l) => l.text === title);
  if (k < 0) return lines;
  return [...lines.slice(0, k), ...chars.map(furnitureLine), ...lines.slice(k + 1)];
}

/**
 * A headline that spans only the later columns of its article comes out after the body's first
 * part: the head segment moves after the first few lines of the body that follows it.
 */
function headsMidBody(segs: Segment[], share: number, r: () => number): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    const b = segs[i + 1];
    if (s.kind === 'head' && !s.glue && b && b.kind === 'body' && b.lines.length >= 8 && r() < share) {
      const k = 2 + Math.floor(r() * Math.min(10, b.lines.length - 4));
      const rest = b.lines.slice(k).map((l, j) => (j === 0 ? { ...l, breakBefore: true } : l));
      out.push({ kind: 'body', lines: b.lines.slice(0, k) }, s, { kind: 'body', lines: rest });
      i++;
      continue;
    }
    out.push(s);
  }
  return out;
}

/** Lays out the ordered segments as one layout's page text. */
function layOut(segs: Segment[], layout: CorpusLayout, indentSpaces: boolean, r: () => number, q: Quirks = {}): string {
  const headGlued = r() < 0.5;
  const indent = q.asciiIndent ? '  ' : INDENT;
  const out: string[] = [];
  const blank = (k = 1): void => {
    for (let i = 0; i < k; i++) out.push('');
  };
  const glueOnto = (text: string): void => {
    // The headline shares a text line with the last line before it.
    let k = out.length - 1;
    while (k >= 0 && out[k] === '') k--;
    if (k < 0) out.push(text);
    else {
      out.length = k + 1;
      out[k] = `${out[k]} ${text}`;
    }
  };
  const lineText = (l: PrintLine): string => (indentSpaces && l.first ? indent + l.text : l.text);
  for (const seg of segs) {
    if (layout === 'paragraph') {
      // Lines of a paragraph are joined unless a column, photo or block break falls between them.
      const texts: { text: string; glueNext: boolean }[] = [];
      for (const l of seg.lines) {
        const prev = texts[texts.length - 1];
        const last = seg.lines[seg.lines.indexOf(l) - 1];
        if (prev && last && l.para !== null && l.para === last.para && !l.breakBefore) prev.text += l.text;
        else texts.push({ text: lineText(l), glueNext: false });
      }
      texts.forEach((x, k) => {
        if (k === 0 && seg.glue && out.length) {
          while (out.length && out[out.length - 1] === '') out.pop();
          out.push(x.text);
        } else {
          if (out.length && !(seg.kind === 'head' && headGlued && k > 0)) blank(k === 0 && r() < 0.3 ? 2 : 1);
          out.push(x.text);
        }
      });
      continue;
    }
    seg.lines.forEach((l, k) => {
      const text = lineText(l);
      if (k === 0 && seg.glue && out.length) {
        glueOnto(text);
        return;
      }
      if (layout === 'column-blank') {
        if (out.length) blank(q.doubleBlank ? 2 : k === 0 && r() < 0.25 ? 2 : 1);
        // Now and then two lines come out without a blank line between them.
        if (k > 0 && seg.kind === 'body' && r() < 0.03 && out[out.length - 1] === '') out.pop();
      } else {
        // column-glued: a blank line between text blocks (segments, column chunks, captions).
        const newBlock = k === 0 || l.breakBefore || (seg.kind === 'head' && !headGlued) || seg.lines[k - 1].body !== l.body;
        if (out.length && newBlock && !q.noBlank) blank();
      }
      out.push(text);
    });
  }
  return `${out.join('\n')}\n`;
}

/** Renders one source page in one layout. */
export function renderPage(page: SourcePage, layout: CorpusLayout): RenderedPage {
  const t = transformer(page);
  const r = rng(hashName(`${page.name}/${layout}`));
  const ts: Typesetting = { width: page.style.width, squeeze: r() < 0.6, hang: r() < 0.5 };
  const articles: Article[] = [];
  const other: OtherBlock[] = [];
  const heads: PrintLine[][] = [];
  const bodies: PrintLine[][] = [];
  const others = new Map<number, PrintLine[]>();
  page.blocks.forEach((b, bi) => {
    if (b.kind === 'other') {
      other.push({ type: b.other.type, text: b.other.lines.map(t).join(' ') });
      others.set(bi, otherLines(b.other, t, ts, layout));
      return;
    }
    const a = b.article;
    articles.push({
      column: a.column === null ? null : t(a.column),
      kicker: a.kicker === null ? null : t(a.kicker),
      title: a.titleLines.length ? a.titleLines.map(t).join(' ') : null,
      subtitle: a.subtitle === null ? null : t(a.subtitle),
      byline: a.byline === null ? null : t(a.byline),
      authors: a.authors.map(t),
      continued_from: a.continued_from,
      continued_to: a.continued_to,
      truncated_start: a.truncated_start,
      truncated_end: a.truncated_end,
      body: a.body.map((x) => ({ type: x.type, text: t(x.text) })),
    });
    heads.push(verticalTitle(headLines(a, t), a, t, page.style.quirks?.verticalHead ?? 0, r));
    const key = `a${articles.length}`;
    const lines = bodyLines(a, t, ts, key, r);
    bodies.push(lines);
    // A block's expected text is its printed lines joined (a space that fell at a line end is not on the page).
    articles[articles.length - 1].body.forEach((b, i) => {
      const own = lines.filter((l) => l.para === `${key}.${i}`);
      if (own.length) b.text = own.map((l, k) => (k === 0 ? l.text.trim() : l.text.trimEnd())).join('');
    });
  });
  const q = page.style.quirks ?? {};
  let segs = extractionOrder(page, heads, bodies, others);
  if (q.headMid) segs = headsMidBody(segs, q.headMid, r);
  if (q.runningHeads) {
    // The page's running head and folio, top and foot: furniture (an other block of type header).
    const n = 1 + Math.floor(r() * 16);
    const top = `${page.paper ?? '本报'} 第${n}版`;
    const foot = `${n}`;
    segs = [{ kind: 'other', lines: [furnitureLine(t(top))] }, ...segs, { kind: 'other', lines: [furnitureLine(foot)] }];
    other.unshift({ type: 'header', text: t(top) });
    other.push({ type: 'header', text: foot });
  }
  const text = layOut(segs, layout, page.style.indent === 'spaces', r, q);
  const seed = `${page.name}-${layout}.txt`;
  return { layout, text, expected: { seed, articles, other, notes: `${page.note.trim()} [generated: ${layout}; conventions: ${page.conventions.join(', ')}]` } };
}
