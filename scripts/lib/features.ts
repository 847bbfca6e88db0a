/**
 * @fileoverview Named, explainable features of each line and of each boundary between lines
 * (issue #10): what the line looks like (width against its column, how it starts and ends,
 * clause marks, the conventions of conventions.ts) and what surrounds it. The tagger's learned
 * weights combine them; nothing here decides a line's kind.
 */
import { isCreditLine } from './credit.ts';
import {
  AUTHOR_NOTE,
  BOX_LABEL,
  CAPTION_CREDIT,
  DATE_LINE,
  NOTICE_CLOSE,
  ORG_LINE,
  CAPTION_START,
  EDITOR_NOTE,
  FURNITURE,
  INLINE_CREDIT,
  LEAD_CREDIT_BRACKETS,
  LETTER_SPACED,
  LETTER_SPACED_PREFIX,
  MARKER_ANY,
  markerPointsOn,
  NOTICE_WORDS,
  NUMBERED,
  OPENING_DATED,
  OPENING_RELAYED,
  OPENING_REPORTER,
  OPENING_XUN,
  ORNAMENT_ONLY,
  ORNAMENT_START,
  PHONE,
  SPEAKER,
  SUBTITLE_DASH,
  TEASER_POINTER,
} from './conventions.ts';
import type { Layout, Line } from './lines.ts';
import type { Position } from './model/chain.ts';
import { displayWidth, endsSentence, setWidth } from './text.ts';

/** What is measured of a line once, for its own features and its neighbours'. */
export interface LineInfo {
  text: string;
  chars: number;
  /** Set width in cells (CJK punctuation and Latin count half; letter-spacing ignored). */
  width: number;
  /** The local column's full width (column layouts), else the page's typical long line. */
  column: number;
  endsSentence: boolean;
  endClass: string;
  startClass: string;
  clauses: number;
  sentences: number;
  phrases: number;
  indented: boolean;
  patterns: string[];
  blank: number;
  glued: boolean;
  /** The second part of a line split where a headline was glued on (lines.ts). */
  split: boolean;
  /** Wording continuity across the line against the page's own spread: low, mid, high, or none (too little text around). */
  topic: string;
  /** Width against the column with punctuation at full width (pages that do not squeeze it). */
  fullRel: number;
}

const CLOSERS = /[”’）)」』》】"']+$/u;

/** The class of a line's last meaningful mark. */
function endClass(t: string): string {
  const s = t.replace(CLOSERS, '');
  const closed = s.length < t.length;
  const c = s.slice(-1);
  let k: string;
  if (!c) k = 'closer';
  else if (/[。．]/u.test(c) || (c === '.' && /[^\x00-\x7f]\.$/u.test(s))) k = 'stop';
  else if (/[！!]/u.test(c)) k = 'excl';
  else if (/[？?]/u.test(c)) k = 'quest';
  else if (/[，,]/u.test(c)) k = 'comma';
  else if (c === '、') k = 'enum';
  else if (/[；;]/u.test(c)) k = 'semi';
  else if (/[：:]/u.test(c)) k = 'colon';
  else if (/[—－-]/u.test(c)) k = 'dash';
  else if (/[…]/u.test(c)) k = 'ellipsis';
  else if (/[0-9０-９]/u.test(c)) k = 'digit';
  else if (/[A-Za-z]/u.test(c)) k = 'latin';
  else if (/\p{Script=Han}/u.test(c)) k = 'han';
  else k = 'mark';
  return closed ? `${k}+` : k;
}

/** The class of a line's first character. */
function startClass(t: string): string {
  const c = t.trimStart()[0] ?? '';
  if (/[，。、；：,.;:！？!?）)”’」』》]/u.test(c)) return 'closing';
  if (/[“"‘「『《]/u.test(c)) return 'quote';
  if (/[（(【\[［]/u.test(c)) return 'bracket';
  if (/[■□○◎●◆◇★☆▲△]/u.test(c)) return 'ornament';
  if (/[—－]/u.test(c)) return 'dash';
  if (/[0-9０-９]/u.test(c)) return 'digit';
  if (/[A-Za-z]/u.test(c)) return 'latin';
  if (/\p{Script=Han}/u.test(c)) {
    // Function words rarely start a sentence or a headline; they continue one.
    if (/^(的|了|地|得|着|過|过|和|与|與|及|并|並|而|但|也|都|就|才|又|还|還|呢|吗|嗎|吧|们|們|是|在|于|於|为|為|将|將|把|被|对|對|向|从|從)/u.test(t.trimStart())) return 'han-fn';
    return 'han';
  }
  return 'other';
}

/** The conventions a line shows, as feature names. */
function patterns(t: string): string[] {
  const out: string[] = [];
  const s = t.trim();
  if (OPENING_XUN.test(s)) out.push('open:xun');
  if (OPENING_DATED.test(s)) out.push('open:dated');
  if (OPENING_RELAYED.test(s)) out.push('open:relayed');
  if (OPENING_REPORTER.test(s)) out.push('open:reporter');
  if (LEAD_CREDIT_BRACKETS.test(s)) out.push('open:credit');
  if (INLINE_CREDIT.test(s)) out.push('open:inline-credit');
  if (ORNAMENT_START.test(s)) out.push('ornament');
  if (ORNAMENT_ONLY.test(s)) out.push('ornament-only');
  if (s.length <= 40 && isCreditLine(s)) out.push('credit-line');
  if (CAPTION_CREDIT.test(s)) out.push('caption:credit');
  if (CAPTION_START.test(s)) out.push('caption:start');
  const m = MARKER_ANY.exec(s);
  if (m) {
    const where = m[0].length >= s.replace(/\s+/g, '').length - 1 ? 'only' : m.index === 0 ? 'start' : m.index + m[0].length >= s.length ? 'end' : 'in';
    // A marker that points on (下转) ends an article here; one that points back (上接) begins one.
    out.push(`marker:${where}`, `marker:${where}:${markerPointsOn(m[1]) ? 'on' : 'back'}`);
  }
  if (FURNITURE.test(s)) out.push('furniture');
  if (TEASER_POINTER.test(s)) out.push('teaser');
  if (NOTICE_WORDS.test(s)) out.push('notice-words');
  if (PHONE.test(s)) out.push('phone');
  if (SPEAKER.test(s)) out.push('speaker');
  if (NUMBERED.test(s)) out.push('numbered');
  if (BOX_LABEL.test(s)) out.push('box-label');
  if (EDITOR_NOTE.test(s)) out.push('editor-note');
  if (AUTHOR_NOTE.test(s)) out.push('author-note');
  if (SUBTITLE_DASH.test(s)) out.push('dash-start');
  if (LETTER_SPACED.test(s)) out.push('letter-spaced');
  else if (LETTER_SPACED_PREFIX.test(s)) out.push('letter-spaced-prefix');
  if (/[“”"]/u.test(s) && !balancedQuotes(s)) out.push('quote-open');
  if (/[（(]/u.test(s) !== /[）)]/u.test(s) || (s.match(/[（(]/gu) ?? []).length !== (s.match(/[）)]/gu) ?? []).length) out.push('bracket-open');
  if (/《[^》]+》/u.test(s)) out.push('book-title');
  if (/\d/u.test(s)) out.push('digits');
  if (DATE_LINE.test(s)) out.push('date-line');
  if (ORG_LINE.test(s)) out.push('org-line');
  if (NOTICE_CLOSE.test(s)) out.push('notice-close');
  return out;
}

function balancedQuotes(s: string): boolean {
  return (s.match(/“/gu) ?? []).length === (s.match(/”/gu) ?? []).length;
}

/** Space-separated phrases of a line (spaces between two non-ASCII characters). */
function phraseCount(t: string): number {
  return t.trim().split(/(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])/u).filter(Boolean).length;
}

/**
 * The full width of the column around line `i`: the upper part of the widths of nearby lines that
 * run on into the next line (no sentence end) — those are full by construction, whereas last
 * lines, headlines and credits are not and would pull the estimate down.
 */
function localColumnWidth(widths: number[], runOn: boolean[], i: number): number {
  const near: number[] = [];
  const lo = Math.max(0, i - 8);
  const hi = Math.min(widths.length - 1, i + 8);
  for (let j = lo; j <= hi; j++) if (j !== i && runOn[j] && widths[j] >= 6) near.push(widths[j]);
  if (near.length < 3) for (let j = lo; j <= hi; j++) if (j !== i && widths[j] >= 6) near.push(widths[j]);
  if (near.length === 0) return Math.max(widths[i], 1);
  near.sort((a, b) => a - b);
  return near[Math.floor(near.length * 0.7)];
}

/** Han character pairs of a text. */
function hanPairs(s: string): string[] {
  const t = s.replace(/[^\p{Script=Han}]/gu, '');
  const out: string[] = [];
  for (let i = 0; i + 1 < t.length; i++) out.push(t.slice(i, i + 2));
  return out;
}

/** Characters of context either side of a line whose wording is compared. */
const TOPIC_WINDOW = 120;

/**
 * Wording continuity across each line: the share of character pairs the text just before the
 * line (about TOPIC_WINDOW characters) shares with the text just after it. Sections of one article
 * share names and subjects; a new article changes them — a headline and an article opening mark
 * a drop, a section heading does not.
 */
function topicContinuity(texts: string[]): number[] {
  const pairs = texts.map(hanPairs);
  return texts.map((_, i) => {
    const before = new Set<string>();
    let n = 0;
    for (let j = i - 1; j >= 0 && n < TOPIC_WINDOW; j--) {
      for (const p of pairs[j]) before.add(p);
      n += texts[j].length;
    }
    const after = new Set<string>();
    n = 0;
    for (let j = i + 1; j < texts.length && n < TOPIC_WINDOW; j++) {
      for (const p of pairs[j]) after.add(p);
      n += texts[j].length;
    }
    if (before.size < 8 || after.size < 8) return -1;
    let shared = 0;
    for (const p of after) if (before.has(p)) shared++;
    return shared / Math.min(before.size, after.size);
  });
}

/** Measures every line of a page. */
export function measureLines(lines: Line[], layout: Layout): LineInfo[] {
  const texts = lines.map((l) => l.text.trim());
  const runOn = texts.map((t) => !endsSentence(t));
  const widths = texts.map((t) => setWidth(t));
  // Papers set CJK punctuation squeezed to half a cell or at full width: both measures are features.
  const fullWidths = texts.map((t) => setWidth(t, false));
  let pageWide = 0;
  if (layout === 'paragraph') {
    const long = widths.filter((w) => w >= 20).sort((a, b) => a - b);
    pageWide = long.length ? long[Math.floor(long.length / 2)] : 40;
  }
  const topic = topicContinuity(texts);
  const known = topic.filter((x) => x >= 0).sort((a, b) => a - b);
  const q = (f: number): number => (known.length ? known[Math.floor((known.length - 1) * f)] : 0);
  const [q1, q2] = [q(0.2), q(0.5)];
  return lines.map((l, i) => {
    const t = texts[i];
    return {
      topic: topic[i] < 0 ? 'none' : topic[i] <= q1 ? 'low' : topic[i] <= q2 ? 'mid' : 'high',
      text: t,
      chars: [...t.replace(/\s+/g, '')].length,
      width: widths[i],
      column: layout === 'column' ? localColumnWidth(widths, runOn, i) : pageWide,
      fullRel: layout === 'column' ? fullWidths[i] / localColumnWidth(fullWidths, runOn, i) : 0,
      endsSentence: endsSentence(t),
      endClass: endClass(t),
      startClass: startClass(t),
      // An item number (一、 1. （一）) is not a clause mark: `一、从“看管”到“服务”` is a bare heading.
      clauses: (t.replace(NUMBERED, '').match(/[，,、；;：:]/gu) ?? []).length,
      sentences: (t.match(/[。！？!?]/gu) ?? []).length,
      phrases: phraseCount(t),
      indented: /^[\u3000 ]{1,4}\S/u.test(l.text),
      patterns: patterns(t),
      blank: l.blank,
      glued: l.glued,
      split: !!l.split,
    };
  });
}

function bin(x: number, edges: number[]): number {
  let k = 0;
  while (k < edges.length && x >= edges[k]) k++;
  return k;
}

const CHAR_BINS = [3, 5, 7, 9, 11, 14, 17, 21, 27, 36, 51, 81];
const REL_BINS = [0.4, 0.6, 0.75, 0.85, 0.92, 0.97, 1.03, 1.12, 1.35, 1.7];

/** A line's own features (no neighbours). */
function ownFeatures(x: LineInfo, layout: Layout): string[] {
  const f: string[] = [
    `len${bin(x.chars, CHAR_BINS)}`,
    `end:${x.endClass}`,
    `start:${x.startClass}`,
    `clauses${Math.min(x.clauses, 3)}`,
    `sent${Math.min(x.sentences, 2)}`,
    `phrases${Math.min(x.phrases, 3)}`,
    `endsent:${x.endsSentence ? 1 : 0}`,
  ];
  if (layout === 'column') f.push(`rel${bin(x.width / x.column, REL_BINS)}`, `short:${x.width <= x.column - 1.25 ? 1 : 0}`, `relf${bin(x.fullRel, REL_BINS)}`);
  if (x.indented) f.push('indent-spaces');
  if (x.split) f.push('split-tail');
  f.push(`topic:${x.topic}`);
  if (x.clauses === 0 && !x.endsSentence) f.push(`bare|topic:${x.topic}`);
  for (const p of x.patterns) f.push(p);
  // Two features combined: a short line without clause marks that does not end a sentence.
  if (x.clauses === 0 && !x.endsSentence) f.push(`bare-len${bin(x.chars, CHAR_BINS)}`);
  if (x.endsSentence && x.clauses === 0 && x.sentences <= 1) f.push(`one-sentence-len${bin(x.chars, CHAR_BINS)}`);
  return f;
}

/** Features of every position of a page: the line's own, its neighbours', and the boundary before it. */
export function positions(info: LineInfo[], layout: Layout): Position[] {
  const own = info.map((x) => ownFeatures(x, layout));
  const L = layout === 'column' ? 'C' : 'W';
  // Whether the page's reports open with datelines: then a headline-like line followed by text
  // that opens with none is more likely a section heading inside an article.
  const datelines = info.filter((x) => x.patterns.some((p) => p.startsWith('open:'))).length;
  const pd = datelines >= 2 ? 'pd2' : datelines === 1 ? 'pd1' : 'pd0';
  return info.map((x, i) => {
    const prev = info[i - 1];
    const next = info[i + 1];
    const line = ['bias', ...own[i]];
    if (prev) {
      line.push(`p.end:${prev.endClass}`, `p.sentend:${prev.endsSentence ? 1 : 0}`);
      for (const p of prev.patterns) line.push(`p.${p}`);
      if (layout === 'column') line.push(`p.short:${prev.width <= prev.column - 1.25 ? 1 : 0}`);
    } else line.push('first-line');
    if (next) {
      line.push(`n.start:${next.startClass}`, `n.len${bin(next.chars, CHAR_BINS)}`);
      for (const p of next.patterns) if (p.startsWith('open:') || p === 'credit-line' || p.startsWith('caption') || p === 'dash-start' || p === 'marker:only') line.push(`n.${p}`);
      if (layout === 'column') line.push(`n.short:${next.width <= next.column - 1.25 ? 1 : 0}`);
      if (next.indented) line.push('n.indent-spaces');
      const nextOpens = next.patterns.some((p) => p.startsWith('open:'));
      line.push(`${pd}|n.open${nextOpens ? 1 : 0}`);
      if (x.clauses === 0 && !x.endsSentence) line.push(`${pd}|bare|n.open${nextOpens ? 1 : 0}`);
      line.push(`n.gap:${next.glued ? 0 : Math.min(next.blank, 3)}`);
      const next2 = info[i + 2];
      if (next2) for (const p of next2.patterns) if (p.startsWith('caption') || p === 'credit-line' || p.startsWith('open:')) line.push(`n2.${p}`);
    } else line.push('last-line');
    const gap = x.glued ? 0 : Math.min(x.blank, 3);
    line.push(`gap:${gap}`);
    // Conjunctions the linear scorer cannot form by itself: how the line sits between its neighbours.
    const sh = (y: LineInfo | undefined): string => (!y ? 'x' : layout === 'column' ? (y.width <= y.column - 1.25 ? 's' : 'f') : y.endsSentence ? 'e' : 'r');
    line.push(`c3:${prev ? (prev.endsSentence ? 'E' : 'R') : 'x'}${sh(x)}${sh(next)}`);
    line.push(`c:${x.endClass}>${next ? next.startClass : 'x'}`);
    if (x.clauses === 0 && !x.endsSentence) line.push(`c:bare|${prev ? (prev.endsSentence ? 'E' : 'R') : 'x'}|${sh(next)}|gap${gap}`);
    // Every line feature also in the layout's own version, so the two layouts weigh them apart.
    const all = [...line, ...line.map((f) => `${L}|${f}`)];
    const edge = ['e:bias', `e:gap${gap}`, `e:${L}`];
    if (prev) {
      edge.push(`e:psent${prev.endsSentence ? 1 : 0}`, `e:${L}|gap${gap}|psent${prev.endsSentence ? 1 : 0}`, `e:pend:${prev.endClass}`, `e:start:${x.startClass}`);
      if (layout === 'column') {
        edge.push(`e:pshort${prev.width <= prev.column - 1.25 ? 1 : 0}|short${x.width <= x.column - 1.25 ? 1 : 0}`);
        // A line much wider or narrower than the one before: a change of block (headline, other column).
        const ratio = x.width / Math.max(1, prev.width);
        edge.push(`e:wratio${bin(ratio, [0.5, 0.8, 1.25, 2])}`);
      }
      if (x.indented) edge.push('e:indent');
      if (prev.patterns.length === 0 && x.patterns.length === 0) edge.push('e:plain');
    }
    return { line: all, edge };
  });
}

/** Display width used by other stages. */
export { displayWidth };
