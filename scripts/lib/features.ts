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
  SENTENCE_OPENER,
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
  DISPATCH_CREDIT,
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
import { Vocabulary } from './model/vocabulary.ts';
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

/** Classes of marks by character, for the line's end and start. */
const END_CLASS = new Map<string, string>([
  ...[...'。．'].map((c) => [c, 'stop'] as [string, string]),
  ...[...'！!'].map((c) => [c, 'excl'] as [string, string]),
  ...[...'？?'].map((c) => [c, 'quest'] as [string, string]),
  ...[...'，,'].map((c) => [c, 'comma'] as [string, string]),
  ['、', 'enum'],
  ...[...'；;'].map((c) => [c, 'semi'] as [string, string]),
  ...[...'：:'].map((c) => [c, 'colon'] as [string, string]),
  ...[...'—－-'].map((c) => [c, 'dash'] as [string, string]),
  ['…', 'ellipsis'],
]);
const START_CLASS = new Map<string, string>([
  ...[...'，。、；：,.;:！？!?）)”’」』》'].map((c) => [c, 'closing'] as [string, string]),
  ...[...'“"‘「『《'].map((c) => [c, 'quote'] as [string, string]),
  ...[...'（(【[［'].map((c) => [c, 'bracket'] as [string, string]),
  ...[...'■□○◎●◆◇★☆▲△'].map((c) => [c, 'ornament'] as [string, string]),
  ...[...'—－'].map((c) => [c, 'dash'] as [string, string]),
]);
/** Function words rarely start a sentence or a headline; they continue one. */
const FUNCTION_START = new Set([...'的了地得着過过和与與及并並而但也都就才又还還呢吗嗎吧们們是在于於为為将將把被对對向从從']);

function charKind(c: string): string {
  const code = c.charCodeAt(0);
  if ((code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)) return 'digit';
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return 'latin';
  if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xd800 && code <= 0xdbff)) return 'han';
  return '';
}

/** The class of a line's last meaningful mark. */
function endClass(t: string): string {
  const s = t.replace(CLOSERS, '');
  const closed = s.length < t.length;
  const c = s.slice(-1);
  let k: string;
  if (!c) k = 'closer';
  else if (c === '.') k = s.length > 1 && s.charCodeAt(s.length - 2) > 0x7f ? 'stop' : 'mark';
  else k = END_CLASS.get(c) ?? (charKind(c) || 'mark');
  return closed ? CLOSED_CLASS.get(k)! : k;
}

/** `stop+` and the like as constant strings (their hashes cached: features are looked up by name millions of times). */
const CLOSED_CLASS = new Map(['closer', 'stop', 'excl', 'quest', 'comma', 'enum', 'semi', 'colon', 'dash', 'ellipsis', 'digit', 'latin', 'han', 'mark'].map((k) => [k, `${k}+`]));

/** The class of a line's first character. */
function startClass(t: string): string {
  const c = t.trimStart()[0] ?? '';
  const k = START_CLASS.get(c) ?? charKind(c);
  if (k === 'han') return FUNCTION_START.has(c) ? 'han-fn' : 'han';
  return k || 'other';
}

/** Last characters an organisation's name ends with (ORG_LINE), to try that pattern only where it can match. */
const ORG_END = new Set([...'府会會委室局厅廳署处處所站队隊司团團心院部社学學行']);

/** The conventions a line shows, as feature names. */
function patterns(t: string): string[] {
  const out: string[] = [];
  const s = t.trim();
  // Each pattern is tried only when the line holds a character it needs: most lines are plain
  // text that holds none of them, and the patterns are many.
  const head = s.slice(0, 16);
  const has = (re: RegExp, where = s): boolean => re.test(where);
  if (has(/[讯訊]/u, head)) {
    if (OPENING_XUN.test(s)) out.push('open:xun');
    if (INLINE_CREDIT.test(s)) out.push('open:inline-credit');
  }
  if (has(/[电電]/u, s.slice(0, 24)) && OPENING_DATED.test(s)) out.push('open:dated');
  if (s.startsWith('据') && OPENING_RELAYED.test(s)) out.push('open:relayed');
  if ((has(/报道|報導|报导/u, s.slice(0, 16)) && OPENING_REPORTER.test(s)) || (has(/[／/]/u, s.slice(0, 32)) && DISPATCH_CREDIT.test(s))) out.push('open:reporter');
  if (has(/[（(]/u, head) && LEAD_CREDIT_BRACKETS.test(s)) out.push('open:credit');
  const c0 = s.charCodeAt(0);
  if (c0 >= 0x2500 && c0 <= 0x27bf) {
    if (ORNAMENT_START.test(s)) out.push('ornament');
    if (ORNAMENT_ONLY.test(s)) out.push('ornament-only');
  } else if (s.length <= 12 && ORNAMENT_ONLY.test(s)) out.push('ornament-only');
  if (s.length <= 40 && isCreditLine(s)) out.push('credit-line');
  if (has(/[摄攝图圖提供发發]/u) && CAPTION_CREDIT.test(s)) out.push('caption:credit');
  if (has(/[图圖]/u, head) && CAPTION_START.test(s)) out.push('caption:start');
  const m = has(/[接转轉续續]/u) ? MARKER_ANY.exec(s) : null;
  if (m) {
    const where = m[0].length >= s.replace(/\s+/g, '').length - 1 ? 'only' : m.index === 0 ? 'start' : m.index + m[0].length >= s.length ? 'end' : 'in';
    // A marker that points on (下转) ends an article here; one that points back (上接) begins one.
    out.push(`marker:${where}`, `marker:${where}:${markerPointsOn(m[1]) ? 'on' : 'back'}`);
  }
  if (has(/[期编編版校组組年责責]/u) && FURNITURE.test(s)) out.push('furniture');
  if (has(/[>》见見]/u) && TEASER_POINTER.test(s)) out.push('teaser');
  if (NOTICE_WORDS.test(s)) out.push('notice-words');
  const digits = /\d/u.test(s);
  if (digits && PHONE.test(s)) out.push('phone');
  if (has(/[：:]/u, s.slice(0, 8)) && SPEAKER.test(s)) out.push('speaker');
  if (NUMBERED.test(head)) out.push('numbered');
  if (s.length <= 14 && BOX_LABEL.test(s)) out.push('box-label');
  if (has(/[编編]者/u, head) && EDITOR_NOTE.test(s)) out.push('editor-note');
  if (has(/作者/u) && AUTHOR_NOTE.test(s)) out.push('author-note');
  if (has(/^\s*[—－-]/u, head)) out.push('dash-start');
  if (s.includes(' ')) {
    if (LETTER_SPACED.test(s)) out.push('letter-spaced');
    else if (LETTER_SPACED_PREFIX.test(s)) out.push('letter-spaced-prefix');
  }
  if (has(/[“”"]/u) && !balancedQuotes(s)) out.push('quote-open');
  if (has(/[（(）)]/u) && (s.match(/[（(]/gu) ?? []).length !== (s.match(/[）)]/gu) ?? []).length) out.push('bracket-open');
  if (has(/《/u) && /《[^》]+》/u.test(s)) out.push('book-title');
  if (digits) out.push('digits');
  if (has(/年/u) && DATE_LINE.test(s)) out.push('date-line');
  if (s.length <= 34 && ORG_END.has(s[s.length - 1]) && ORG_LINE.test(s)) out.push('org-line');
  if (s.startsWith('特此') && NOTICE_CLOSE.test(s)) out.push('notice-close');
  if (SENTENCE_OPENER.test(head)) out.push('opener');
  return out;
}

function balancedQuotes(s: string): boolean {
  return (s.match(/“/gu) ?? []).length === (s.match(/”/gu) ?? []).length;
}

/** Space-separated phrases of a line (spaces between two non-ASCII characters). */
function phraseCount(t: string): number {
  // Counts runs of white space between two non-ASCII characters (one scan, no regex).
  let n = 1;
  let i = 0;
  const s = t.trim();
  while (i < s.length) {
    if (s.charCodeAt(i) <= 0x20 || s.charCodeAt(i) === 0x3000) {
      let j = i;
      while (j < s.length && (s.charCodeAt(j) <= 0x20 || s.charCodeAt(j) === 0x3000)) j++;
      if (i > 0 && j < s.length && s.charCodeAt(i - 1) > 0x7f && s.charCodeAt(j) > 0x7f) n++;
      i = j;
    } else i++;
  }
  return n;
}

/** Clause marks (，,、；;：:) and sentence marks (。！？!?) of a line, counted in one scan. */
function markCounts(t: string): { clauses: number; sentences: number } {
  let clauses = 0;
  let sentences = 0;
  for (let i = 0; i < t.length; i++) {
    switch (t.charCodeAt(i)) {
      case 0xff0c: case 0x2c: case 0x3001: case 0xff1b: case 0x3b: case 0xff1a: case 0x3a:
        clauses++;
        break;
      case 0x3002: case 0xff01: case 0xff1f: case 0x21: case 0x3f:
        sentences++;
        break;
    }
  }
  return { clauses, sentences };
}

/**
 * The full width of the column around line `i`: the upper part of the widths of nearby lines that
 * run on into the next line (no sentence end) — those are full by construction, whereas last
 * lines, headlines and credits are not and would pull the estimate down.
 */
const NEAR = new Float64Array(34);

function localColumnWidth(widths: number[], runOn: boolean[], i: number): number {
  let k = 0;
  const lo = Math.max(0, i - 8);
  const hi = Math.min(widths.length - 1, i + 8);
  for (let j = lo; j <= hi; j++) if (j !== i && runOn[j] && widths[j] >= 6) NEAR[k++] = widths[j];
  if (k < 3) for (let j = lo; j <= hi; j++) if (j !== i && widths[j] >= 6) NEAR[k++] = widths[j];
  if (k === 0) return Math.max(widths[i], 1);
  const near = NEAR.subarray(0, k).sort();
  return near[Math.floor(k * 0.7)];
}

/** Number of code points of a string that are not white space (no array built). */
function visibleCodePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0x3000 || c === 0xa0 || (c >= 0xdc00 && c <= 0xdfff)) continue;
    n++;
  }
  return n;
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
  // Pairs of Han characters (as one number, then interned as small integers), counted in typed
  // arrays: the windows slide in linear time.
  const ids = new Map<number, number>();
  const pairs = texts.map((t) => {
    const out: number[] = [];
    let prev = -1;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (!((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff))) continue;
      if (prev >= 0) {
        const key = prev * 0x10000 + c;
        let id = ids.get(key);
        if (id === undefined) {
          id = ids.size;
          ids.set(key, id);
        }
        out.push(id);
      }
      prev = c;
    }
    return out;
  });
  const n = texts.length;
  const before = new Int32Array(ids.size);
  const after = new Int32Array(ids.size);
  let bSize = 0;
  let aSize = 0;
  let shared = 0;
  // Sliding windows of whole lines either side of line i; `shared` counts the pairs present in both.
  const addBefore = (j: number, d: number): void => {
    for (const p of pairs[j]) {
      const was = before[p];
      before[p] = was + d;
      if (was === 0 && d > 0) {
        bSize++;
        if (after[p] > 0) shared++;
      } else if (was + d === 0) {
        bSize--;
        if (after[p] > 0) shared--;
      }
    }
  };
  const addAfter = (j: number, d: number): void => {
    for (const p of pairs[j]) {
      const was = after[p];
      after[p] = was + d;
      if (was === 0 && d > 0) {
        aSize++;
        if (before[p] > 0) shared++;
      } else if (was + d === 0) {
        aSize--;
        if (before[p] > 0) shared--;
      }
    }
  };
  let bLo = 0; // before window: lines [bLo, i)
  let bChars = 0;
  let aHi = 1; // after window: lines (i, aHi)
  let aChars = 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      addBefore(i - 1, 1);
      bChars += texts[i - 1].length;
      while (bLo < i - 1 && bChars - texts[bLo].length >= TOPIC_WINDOW) {
        addBefore(bLo, -1);
        bChars -= texts[bLo].length;
        bLo++;
      }
      // Line i leaves the after window.
      if (aHi > i) {
        addAfter(i, -1);
        aChars -= texts[i].length;
      } else aHi = i + 1;
    }
    while (aHi < n && aChars < TOPIC_WINDOW) {
      addAfter(aHi, 1);
      aChars += texts[aHi].length;
      aHi++;
    }
    if (bSize < 8 || aSize < 8) out.push(-1);
    else out.push(shared / Math.min(bSize, aSize));
  }
  return out;
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
  const columns = layout === 'column' ? widths.map((_, i) => localColumnWidth(widths, runOn, i)) : [];
  const fullColumns = layout === 'column' ? fullWidths.map((_, i) => localColumnWidth(fullWidths, runOn, i)) : [];
  return lines.map((l, i) => {
    const t = texts[i];
    const numbered = NUMBERED.test(t);
    const counts = markCounts(numbered ? t.replace(NUMBERED, '') : t);
    return {
      topic: topic[i] < 0 ? 'none' : topic[i] <= q1 ? 'low' : topic[i] <= q2 ? 'mid' : 'high',
      text: t,
      chars: visibleCodePoints(t),
      width: widths[i],
      column: layout === 'column' ? columns[i] : pageWide,
      fullRel: layout === 'column' ? fullWidths[i] / fullColumns[i] : 0,
      endsSentence: endsSentence(t),
      endClass: endClass(t),
      startClass: startClass(t),
      // An item number (一、 1. （一）) is not a clause mark: `一、从“看管”到“服务”` is a bare heading.
      clauses: counts.clauses,
      sentences: markCounts(t).sentences,
      phrases: phraseCount(t),
      indented: (l.text.charCodeAt(0) === 0x3000 || l.text.charCodeAt(0) === 0x20) && /^[\u3000 ]{1,4}\S/u.test(l.text),
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

// ── The feature space: every feature a small integer (model/vocabulary.ts), its name for the weights ──

const BASE_END = ['closer', 'stop', 'excl', 'quest', 'comma', 'enum', 'semi', 'colon', 'dash', 'ellipsis', 'digit', 'latin', 'han', 'mark'];
/** Classes of a line's last mark (features.ts endClass), a `+` when closers follow it. */
const END_CLASSES = [...BASE_END, ...BASE_END.map((k) => `${k}+`)];
/** Classes of a line's first character (startClass), and `x` for no line. */
const START_CLASSES = ['closing', 'quote', 'bracket', 'ornament', 'dash', 'digit', 'latin', 'han', 'han-fn', 'other', 'x'];
const TOPICS = ['none', 'low', 'mid', 'high'];
/** Every convention name `patterns` gives. */
const PATTERN_NAMES = [
  'open:xun', 'open:inline-credit', 'open:dated', 'open:relayed', 'open:reporter', 'open:credit', 'ornament', 'ornament-only', 'credit-line', 'caption:credit', 'caption:start',
  ...['only', 'start', 'end', 'in'].flatMap((w) => [`marker:${w}`, `marker:${w}:on`, `marker:${w}:back`]),
  'furniture', 'teaser', 'notice-words', 'phone', 'speaker', 'numbered', 'box-label', 'editor-note', 'author-note', 'dash-start', 'letter-spaced', 'letter-spaced-prefix',
  'quote-open', 'bracket-open', 'book-title', 'digits', 'date-line', 'org-line', 'notice-close', 'opener',
];
/** Shapes of a line between its neighbours: x none, E/R the previous ends a sentence or runs on, s/f short or full (column layouts), e/r ends or runs on (paragraph layouts). */
const SHAPES = ['x', 'E', 'R', 's', 'f', 'e', 'r'];

const index = (xs: readonly string[]): Map<string, number> => new Map(xs.map((x, i) => [x, i]));
const END_IX = index(END_CLASSES);
const START_IX = index(START_CLASSES);
const TOPIC_IX = index(TOPICS);
const PATTERN_IX = index(PATTERN_NAMES);
const SHAPE_IX = index(SHAPES);

/** The tagger's vocabularies, with every feature family registered once, in this order. */
export const TAGGER_VOCAB = { line: new Vocabulary(), edge: new Vocabulary() };
const V = TAGGER_VOCAB.line;
const fam = (n: number, name: (v: number) => string): number => V.family(n, name);
const over = (xs: readonly string[], name: (x: string) => string): number => V.family(xs.length, (i) => name(xs[i]));
const N_CHAR = CHAR_BINS.length + 1;
const N_REL = REL_BINS.length + 1;
const L_BIAS = fam(1, () => 'bias');
const L_LEN = fam(N_CHAR, (v) => `len${v}`);
const L_END = over(END_CLASSES, (c) => `end:${c}`);
const L_START = over(START_CLASSES, (c) => `start:${c}`);
const L_CLAUSES = fam(4, (v) => `clauses${v}`);
const L_SENT = fam(3, (v) => `sent${v}`);
const L_PHRASES = fam(4, (v) => `phrases${v}`);
const L_ENDSENT = fam(2, (v) => `endsent:${v}`);
const L_REL = fam(N_REL, (v) => `rel${v}`);
const L_SHORT = fam(2, (v) => `short:${v}`);
const L_RELF = fam(N_REL, (v) => `relf${v}`);
const L_INDENT = fam(1, () => 'indent-spaces');
const L_SPLIT = fam(1, () => 'split-tail');
const L_TOPIC = over(TOPICS, (t) => `topic:${t}`);
const L_BARE_TOPIC = over(TOPICS, (t) => `bare|topic:${t}`);
const L_PATTERN = over(PATTERN_NAMES, (p) => p);
const L_BARE_LEN = fam(N_CHAR, (v) => `bare-len${v}`);
const L_ONE_SENT_LEN = fam(N_CHAR, (v) => `one-sentence-len${v}`);
const L_P_END = over(END_CLASSES, (c) => `p.end:${c}`);
const L_P_SENTEND = fam(2, (v) => `p.sentend:${v}`);
const L_P_PATTERN = over(PATTERN_NAMES, (p) => `p.${p}`);
const L_P_SHORT = fam(2, (v) => `p.short:${v}`);
const L_FIRST = fam(1, () => 'first-line');
const L_N_START = over(START_CLASSES, (c) => `n.start:${c}`);
const L_N_LEN = fam(N_CHAR, (v) => `n.len${v}`);
const L_N_PATTERN = over(PATTERN_NAMES, (p) => `n.${p}`);
const L_N_SHORT = fam(2, (v) => `n.short:${v}`);
const L_N_INDENT = fam(1, () => 'n.indent-spaces');
const L_PD_NOPEN = fam(6, (v) => `pd${v >> 1}|n.open${v & 1}`);
const L_PD_BARE_NOPEN = fam(6, (v) => `pd${v >> 1}|bare|n.open${v & 1}`);
const L_N_GAP = fam(4, (v) => `n.gap:${v}`);
const L_N2_PATTERN = over(PATTERN_NAMES, (p) => `n2.${p}`);
const L_LAST = fam(1, () => 'last-line');
const L_GAP = fam(4, (v) => `gap:${v}`);
const L_C3 = fam(SHAPES.length ** 3, (v) => `c3:${SHAPES[Math.floor(v / 49)]}${SHAPES[Math.floor(v / 7) % 7]}${SHAPES[v % 7]}`);
const L_END_START = fam(END_CLASSES.length * START_CLASSES.length, (v) => `c:${END_CLASSES[Math.floor(v / START_CLASSES.length)]}>${START_CLASSES[v % START_CLASSES.length]}`);
/** A headline-like line's last character (lexical: titles end on verbs of completion, 召开 举行 开通…). Interned as met. */
const lexical = (prefix: string, c: string): number => V.id(`${prefix}${c}`);
/** Two phrases of equal length (a 4+4 couplet): how section headings and kickers are often set. */
const L_COUPLET = fam(1, () => 'couplet');
const L_BARE_CTX = fam(SHAPES.length * SHAPES.length * 4, (v) => `c:bare|${SHAPES[Math.floor(v / 28)]}|${SHAPES[Math.floor(v / 4) % 7]}|gap${v % 4}`);
const E = TAGGER_VOCAB.edge;
const E_BIAS = E.family(1, () => 'e:bias');
const E_GAP = E.family(4, (v) => `e:gap${v}`);
const E_LAYOUT = E.family(2, (v) => `e:${v ? 'W' : 'C'}`);
const E_PSENT = E.family(2, (v) => `e:psent${v}`);
const E_L_GAP_PSENT = E.family(16, (v) => `e:${v >> 3 ? 'W' : 'C'}|gap${(v >> 1) & 3}|psent${v & 1}`);
const E_PEND = E.family(END_CLASSES.length, (v) => `e:pend:${END_CLASSES[v]}`);
const E_START = E.family(START_CLASSES.length, (v) => `e:start:${START_CLASSES[v]}`);
const E_PSHORT_SHORT = E.family(4, (v) => `e:pshort${v >> 1}|short${v & 1}`);
const E_WRATIO = E.family(5, (v) => `e:wratio${v}`);
const E_INDENT = E.family(1, () => 'e:indent');
const E_PLAIN = E.family(1, () => 'e:plain');

const bit = (b: boolean): number => (b ? 1 : 0);

/** A line's own features (no neighbours). */
function ownFeatures(x: LineInfo, layout: Layout, f: number[]): void {
  const bare = x.clauses === 0 && !x.endsSentence;
  const len = bin(x.chars, CHAR_BINS);
  const topic = TOPIC_IX.get(x.topic)!;
  f.push(L_LEN + len, L_END + END_IX.get(x.endClass)!, L_START + START_IX.get(x.startClass)!, L_CLAUSES + Math.min(x.clauses, 3), L_SENT + Math.min(x.sentences, 2), L_PHRASES + Math.min(x.phrases, 3), L_ENDSENT + bit(x.endsSentence), L_TOPIC + topic);
  if (layout === 'column') f.push(L_REL + bin(x.width / x.column, REL_BINS), L_SHORT + bit(x.width <= x.column - 1.25), L_RELF + bin(x.fullRel, REL_BINS));
  if (x.indented) f.push(L_INDENT);
  if (x.split) f.push(L_SPLIT);
  for (const p of x.patterns) f.push(L_PATTERN + PATTERN_IX.get(p)!);
  // Features combined: a short line without clause marks that does not end a sentence; a one-sentence line.
  if (bare) {
    f.push(L_BARE_TOPIC + topic, L_BARE_LEN + len);
    const t = x.text.replace(/[\s”’"）)》」』]+$/u, '');
    const last = t[t.length - 1];
    if (last && charKind(last) === 'han') f.push(lexical('bare-last:', last));
    const first = x.text[0];
    if (first && charKind(first) === 'han') f.push(lexical('bare-first:', first));
    const parts = x.text.split(/\s+/u);
    if (parts.length === 2 && parts[0].length === parts[1].length && parts[0].length >= 3) f.push(L_COUPLET);
  }
  if (x.endsSentence && x.clauses === 0 && x.sentences <= 1) f.push(L_ONE_SENT_LEN + len);
}

/** Patterns of a neighbour that are features of the line (`n.`, `n2.`). */
const NEXT_PATTERN = (p: string): boolean => p.startsWith('open:') || p === 'credit-line' || p.startsWith('caption') || p === 'dash-start' || p === 'marker:only';
const NEXT2_PATTERN = (p: string): boolean => p.startsWith('caption') || p === 'credit-line' || p.startsWith('open:');

/** Features of every position of a page: the line's own, its neighbours', and the boundary before it. */
export function positions(info: LineInfo[], layout: Layout): Position[] {
  const column = layout === 'column';
  const opens = info.map((x) => x.patterns.some((p) => p.startsWith('open:')));
  // Whether the page's reports open with datelines: then a headline-like line followed by text
  // that opens with none is more likely a section heading inside an article.
  const datelines = opens.filter(Boolean).length;
  const pd = datelines >= 2 ? 2 : datelines;
  const short = (y: LineInfo): number => bit(y.width <= y.column - 1.25);
  // A neighbour's shape: short or full (column layouts), ending a sentence or running on (paragraph layouts).
  const sh = (y: LineInfo | undefined): number => SHAPE_IX.get(!y ? 'x' : column ? (short(y) ? 's' : 'f') : y.endsSentence ? 'e' : 'r')!;
  return info.map((x, i) => {
    const prev = info[i - 1];
    const next = info[i + 1];
    const bare = x.clauses === 0 && !x.endsSentence;
    const line: number[] = [L_BIAS];
    ownFeatures(x, layout, line);
    if (prev) {
      line.push(L_P_END + END_IX.get(prev.endClass)!, L_P_SENTEND + bit(prev.endsSentence));
      for (const p of prev.patterns) line.push(L_P_PATTERN + PATTERN_IX.get(p)!);
      if (column) line.push(L_P_SHORT + short(prev));
    } else line.push(L_FIRST);
    if (next) {
      line.push(L_N_START + START_IX.get(next.startClass)!, L_N_LEN + bin(next.chars, CHAR_BINS));
      for (const p of next.patterns) if (NEXT_PATTERN(p)) line.push(L_N_PATTERN + PATTERN_IX.get(p)!);
      if (column) line.push(L_N_SHORT + short(next));
      if (next.indented) line.push(L_N_INDENT);
      const no = bit(opens[i + 1]);
      line.push(L_PD_NOPEN + pd * 2 + no);
      if (bare) line.push(L_PD_BARE_NOPEN + pd * 2 + no);
      line.push(L_N_GAP + (next.glued ? 0 : Math.min(next.blank, 3)));
      const next2 = info[i + 2];
      if (next2) for (const p of next2.patterns) if (NEXT2_PATTERN(p)) line.push(L_N2_PATTERN + PATTERN_IX.get(p)!);
    } else line.push(L_LAST);
    const gap = x.glued ? 0 : Math.min(x.blank, 3);
    line.push(L_GAP + gap);
    // Conjunctions the linear scorer cannot form by itself: how the line sits between its neighbours.
    const pe = SHAPE_IX.get(prev ? (prev.endsSentence ? 'E' : 'R') : 'x')!;
    const sn = sh(next);
    line.push(L_C3 + pe * 49 + sh(x) * 7 + sn, L_END_START + END_IX.get(x.endClass)! * START_CLASSES.length + (next ? START_IX.get(next.startClass)! : START_CLASSES.length - 1));
    if (bare) line.push(L_BARE_CTX + pe * 28 + sn * 4 + gap);
    const edge: number[] = [E_BIAS, E_GAP + gap, E_LAYOUT + bit(!column)];
    if (prev) {
      const ps = bit(prev.endsSentence);
      edge.push(E_PSENT + ps, E_L_GAP_PSENT + (bit(!column) << 3) + (gap << 1) + ps, E_PEND + END_IX.get(prev.endClass)!, E_START + START_IX.get(x.startClass)!);
      if (column) {
        edge.push(E_PSHORT_SHORT + (short(prev) << 1) + short(x));
        // A line much wider or narrower than the one before: a change of block (headline, other column).
        edge.push(E_WRATIO + bin(x.width / Math.max(1, prev.width), [0.5, 0.8, 1.25, 2]));
      }
      if (x.indented) edge.push(E_INDENT);
      if (prev.patterns.length === 0 && x.patterns.length === 0) edge.push(E_PLAIN);
    }
    // Every line feature also has weights of the layout's own (model/chain.ts), so the layouts weigh them apart.
    return { line, edge, layout: column ? 0 : 1 };
  });
}

/** Display width used by other stages. */
export { displayWidth };
