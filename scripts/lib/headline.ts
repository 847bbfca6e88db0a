/**
 * @fileoverview Headline parts (issue #10): a headline group — the headline lines and credits
 * printed together between bodies — is read phrase by phrase (a line split at the spaces set
 * between its phrases) into headline units, one per article, each with its column label, kicker —
 * 引题, title — 主题, subtitle — 副题 and byline. A learned chain (weights in model/headline.json,
 * trained by `npm run train`) decides the parts and where one article's headline ends and the next
 * begins, under the printing order a headline follows: column, kicker, title, subtitle, credit.
 */
import type { HeadlineParts } from '../../core/schema.ts';
import weights from './model/headline.json' with { type: 'json' };
import { BOX_LABEL, CAPTION_CREDIT, FURNITURE, LETTER_SPACED, ORNAMENT_ONLY, ORNAMENT_START, SUBTITLE_DASH } from './conventions.ts';
import { isCreditLine } from './credit.ts';
import { ChainModel, type ChainWeights, type Constraints, type Position } from './model/chain.ts';
import { Vocabulary } from './model/vocabulary.ts';
import type { Unit } from './reflow.ts';
import { headTagRuledOut } from './layout-constraints.ts';
import type { LineLook } from './pdf/look.ts';
import { displayWidth, endsSentence, hanCount } from './text.ts';

/** One line of a headline group. */
export interface HeadLine {
  kind: 'head' | 'credit';
  text: string;
  /** Glued to the previous line (no blank line between them in the extraction). */
  glued: boolean;
  /** Source line number. */
  no: number;
  /** The unit it came from (for source lines and confidence). */
  unit?: Unit;
  /** How the line is printed, on a page read from a PDF (pdf/look.ts). */
  look?: LineLook;
}

/** The parts of one article's headline (the schema's headline fields), with where they were read. */
export interface Headline extends Omit<HeadlineParts, 'authors'> {
  /** Lines of the unit (source lines; confidence). */
  lines: HeadLine[];
  /** The smallest score margin of the unit's decisions (how sure the reading is). */
  margin: number;
}

/** A headline unit: an article's headline, or lines that are no article's (labels). */
export interface HeadUnit extends Headline {
  /** Not a headline: a label or slogan set among headlines (its text in `leftover`). */
  leftover: string | null;
  /** The unit holds no title (a credit alone, or a column label alone). */
  titleless: boolean;
}

/** A phrase of a headline line: the line split at spaces between phrases (a letter-spaced label stays whole). */
export interface Phrase {
  text: string;
  /** Index of its line in the group. */
  line: number;
  /** First phrase of its line. */
  first: boolean;
  /** Last phrase of its line. */
  last: boolean;
}

/**
 * Phrase tags: `^X` begins a new headline unit with part X, `X` begins part X inside the current
 * unit, `X+` continues part X. Parts: C column label, K kicker, T title, S subtitle, B credit,
 * Cp a column label printed after the title (extractions glue it to the next headline), L a label
 * that belongs to no article.
 */
export const HEAD_TAGS = ['^C', 'C+', '^K', 'K', 'K+', '^T', 'T', 'T+', 'S', 'S+', 'B', '^B', 'B+', 'Cp', 'Cp+', '^L', 'L+'] as const;
export type HeadTag = (typeof HEAD_TAGS)[number];

const ix = (t: HeadTag): number => HEAD_TAGS.indexOf(t);
const NEW_UNIT = ['^C', '^K', '^T', '^B', '^L'] as const;
/** What may follow each tag (the printing order of a headline). */
const NEXT: Record<HeadTag, HeadTag[]> = {
  '^C': ['C+', 'K', 'T'],
  'C+': ['C+', 'K', 'T'],
  '^K': ['K+', 'T'],
  K: ['K+', 'T'],
  'K+': ['K+', 'T'],
  '^T': ['T+', 'S', 'B', 'Cp', ...NEW_UNIT],
  T: ['T+', 'S', 'B', 'Cp', ...NEW_UNIT],
  'T+': ['T+', 'S', 'B', 'Cp', ...NEW_UNIT],
  S: ['S+', 'B', 'Cp', ...NEW_UNIT],
  'S+': ['S+', 'B', 'Cp', ...NEW_UNIT],
  B: ['B+', 'Cp', ...NEW_UNIT],
  '^B': ['B+', ...NEW_UNIT],
  'B+': ['B+', 'Cp', ...NEW_UNIT],
  Cp: ['Cp+', 'B', ...NEW_UNIT],
  'Cp+': ['Cp+', 'B', ...NEW_UNIT],
  '^L': ['L+', ...NEW_UNIT],
  'L+': ['L+', ...NEW_UNIT],
};
const ALLOWED = new Set(Object.entries(NEXT).flatMap(([a, bs]) => bs.map((b) => ix(a as HeadTag) * 100 + ix(b))));
/** The decoding constraints of the printing order. */
export const HEAD_CONSTRAINTS: Constraints = {
  transition: (prev, tag) => (prev < 0 ? (NEW_UNIT as readonly string[]).includes(HEAD_TAGS[tag]) : ALLOWED.has(prev * 100 + tag)),
  final: (tag) => !['^C', 'C+', '^K', 'K', 'K+'].includes(HEAD_TAGS[tag]),
};

const CREDIT_TAGS = new Set(['B', '^B', 'B+']);
const ISSUER_END = /(人民政府|委员会|管委会|办公室|局|厅|署|支队|大队|公司|集团|中心|法院|检察院)$/u;
const DOCUMENT = /^关于|(通告|公告|通知|公示|决定|办法|规定)$/u;

/**
 * Conventions that fix a phrase's part whatever the weights say (SCHEMA.md): a credit (role words
 * and names, or an ornament and a name) is a byline and nothing else is; an issuing body printed
 * over 关于…的通告 is one title with it; a line starting with —— under the title is the subtitle;
 * two phrases set on one line are one part.
 */
export function headConstraints(phrases: Phrase[], lines: HeadLine[]): Constraints {
  const credit = phrases.map((p) => lines[p.line].kind === 'credit' || (p.first && p.last && isCreditLine(p.text)));
  const joinsIssuer = phrases.map((p, i) => i > 0 && phrases[i - 1].line !== p.line && phrases[i - 1].last && p.first && ISSUER_END.test(phrases[i - 1].text) && DOCUMENT.test(p.text) && !credit[i - 1]);
  // A line starting with —— under the title is the subtitle.
  const dash = phrases.map((p, i) => i > 0 && p.first && SUBTITLE_DASH.test(p.text) && !credit[i]);
  // Two phrases on one line are one part (a two-clause title, a two-phrase kicker); three or more may hold a kicker and a title.
  const perLine = new Map<number, number>();
  for (const p of phrases) perLine.set(p.line, (perLine.get(p.line) ?? 0) + 1);
  const secondOfTwo = phrases.map((p) => !p.first && perLine.get(p.line) === 2);
  return {
    ...HEAD_CONSTRAINTS,
    allowed: (i, t) => {
      const tag = HEAD_TAGS[t];
      if (credit[i] !== CREDIT_TAGS.has(tag)) return false;
      if (joinsIssuer[i] && tag !== 'T+') return false;
      if (dash[i] && tag !== 'S') return false;
      if (secondOfTwo[i] && (tag === 'T' || tag === 'K')) return false;
      return true;
    },
  };
}

/**
 * The constraints of a group's printed look (layout-constraints.ts), on top of `base`: for the
 * first phrase of each line, what the line's size, block and place under the line above rule out.
 * Null when no line of the group has a look (a text page).
 */
export function lookConstraints(phrases: Phrase[], lines: HeadLine[], base: Constraints): Constraints | null {
  if (!lines.some((l) => l.look)) return null;
  const ruled = phrases.map((p) => {
    const prev = lines[p.line - 1]?.look;
    const look = lines[p.line].look;
    return p.first && prev && look ? { prev, look } : null;
  });
  return {
    ...base,
    allowed: (i, t) => {
      if (base.allowed && !base.allowed(i, t)) return false;
      const r = ruled[i];
      return !r || headTagRuledOut(r.prev, r.look, HEAD_TAGS[t]) === null;
    },
  };
}

/** Splits a group's lines into phrases. Credit lines stay whole; a letter-spaced label stays whole. */
export function phrasesOf(lines: HeadLine[]): Phrase[] {
  const out: Phrase[] = [];
  lines.forEach((l, li) => {
    const t = l.text.trim();
    let parts: string[];
    if (l.kind === 'credit' || LETTER_SPACED.test(t)) parts = [t];
    else {
      const raw = t.split(/(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])/u).filter(Boolean);
      // A run of single characters is one letter-spaced label (`东 湖 漫 笔`), not four phrases.
      parts = [];
      let run: string[] = [];
      const flush = (): void => {
        if (run.length) parts.push(run.join(' '));
        run = [];
      };
      for (const p of raw) {
        if ([...p].length === 1) run.push(p);
        else {
          if (run.length === 1) {
            parts.push(run[0]);
            run = [];
          } else flush();
          parts.push(p);
        }
      }
      flush();
    }
    parts.forEach((p, k) => out.push({ text: p, line: li, first: k === 0, last: k === parts.length - 1 }));
  });
  return out;
}

/** Where the group stands on the page, for the features. */
export interface GroupContext {
  /** A body ends right before the group. */
  afterBody: boolean;
  /** A body begins right after the group. */
  beforeBody: boolean;
  /** The body after the group opens with a dateline or credit (an article begins there). */
  nextOpens: boolean;
}

function bin(x: number, edges: number[]): number {
  let k = 0;
  while (k < edges.length && x >= edges[k]) k++;
  return k;
}

/** The headline chain's vocabularies: names interned as they come (the phrase features are few). */
export const HEADLINE_VOCAB = { line: new Vocabulary(), edge: new Vocabulary() };

/** Features of every phrase of a group. */
export function phraseFeatures(phrases: Phrase[], lines: HeadLine[], ctx: GroupContext): Position[] {
  return phraseFeatureNames(phrases, lines, ctx).map((p) => ({ line: p.line.map((n) => HEADLINE_VOCAB.line.id(n)), edge: p.edge.map((n) => HEADLINE_VOCAB.edge.id(n)) }));
}

/** A phrase ending on a function word (particle, conjunction, preposition, coverb): its sentence goes on. */
const FN_END = /(的|和|与|及|在|为|对|把|将|向|从|让|被|给|以|等|暨|至|于|於|到|并|且|或|而|同|跟|由|经|按|沿|朝)$/u;

/** A phrase starting on a function word (暨 及 和 与 的 …): it goes on from the phrase before. */
const FN_START = /^(的|和|与|及|为|在|让|把|将|向|从|暨|以及)/u;

/** A phrase ending on a number and its measure word (第二批, 十五届, 3个): the thing counted follows. */
const COUNT_END = /[\d０-９一二三四五六七八九十百千万萬两兩]\s*(批|届|屆|次|个|個|項|项|家|位|件|条|條|座|所|期|轮|輪|类|類|场|場|支|户|戶)$/u;

/** Features of every phrase of a group, by name. */
function phraseFeatureNames(phrases: Phrase[], lines: HeadLine[], ctx: GroupContext): { line: string[]; edge: string[] }[] {
  const longest = Math.max(1, ...lines.map((l) => displayWidth(l.text.trim())));
  const nLines = lines.length;
  return phrases.map((p, i) => {
    const t = p.text;
    const chars = hanCount(t) + (t.match(/[A-Za-z0-9]/g) ?? []).length;
    const line = lines[p.line];
    const lw = displayWidth(line.text.trim());
    const prev = phrases[i - 1];
    const f: string[] = [
      'bias',
      `len${bin(chars, [3, 5, 7, 9, 12, 16, 21, 28])}`,
      `linew${bin(lw / longest, [0.35, 0.6, 0.85, 0.99])}`,
      `lineIdx${Math.min(p.line, 3)}`,
      `fromEnd${Math.min(nLines - 1 - p.line, 3)}`,
      `pos:${p.first ? 'f' : ''}${p.last ? 'l' : ''}`,
      `kind:${line.kind}`,
    ];
    if (SUBTITLE_DASH.test(t)) f.push('dash');
    if (ORNAMENT_START.test(t)) f.push('ornament');
    if (ORNAMENT_ONLY.test(t)) f.push('ornament-only');
    if (LETTER_SPACED.test(t)) f.push('letter-spaced');
    if (BOX_LABEL.test(t)) f.push('box-label');
    if (FURNITURE.test(t)) f.push('furniture');
    if (CAPTION_CREDIT.test(t)) f.push('caption-credit');
    if (line.kind === 'credit' || isCreditLine(t)) f.push('credit');
    if (/[“”"「」『』]/u.test(t)) f.push('quotes');
    if (/^[“"「『《].*[”"」』》]$/u.test(t)) f.push('quoted-whole');
    if (/[，,、]/u.test(t)) f.push('comma');
    if (/[：:]/u.test(t)) f.push('colon');
    if (/[？?！!]\s*$/u.test(t)) f.push('qe-end');
    if (endsSentence(t)) f.push('sent-end');
    if (/\d/u.test(t)) f.push('digits');
    if (/[%％]|\d+(\.\d+)?\s*(万|亿|倍|元|个|家|项|人|吨|公里)/u.test(t)) f.push('figure');
    if (/^关于/u.test(t)) f.push('guanyu');
    if (/(通告|公告|通知|公示|决定|办法|意见|规定|启事|声明)$/u.test(t)) f.push('doc-end');
    if (/(人民政府|委员会|管委会|办公室|局|厅|署|支队|大队|公司|集团|中心|法院|检察院)$/u.test(t)) f.push('issuer-end');
    if (FN_END.test(t)) f.push('fn-end');
    if (FN_START.test(t)) f.push('fn-start');
    if (line.glued) f.push('glued');
    // Lexical: a title tends to end on what happened (召开 举行 开通), a kicker on its context.
    const core = t.replace(/[\s”’"）)》」』？?！!。]+$/u, '');
    if (core) f.push(`last:${core[core.length - 1]}`);
    if (t[0]) f.push(`first:${t[0]}`);
    if (prev) {
      f.push(prev.line === p.line ? 'same-line' : 'new-line');
      if (prev.line !== p.line && line.glued) f.push('new-line-glued');
    }
    // Where the group stands: between two bodies, after one, before one.
    f.push(`ctx:${ctx.afterBody ? 'a' : '-'}${ctx.beforeBody ? 'b' : '-'}${ctx.nextOpens ? 'o' : '-'}`);
    if (p.line === nLines - 1) f.push(`lastline:${ctx.beforeBody ? 'b' : '-'}`);
    if (p.line === 0) f.push(`firstline:${ctx.afterBody ? 'a' : '-'}`);
    const edge = ['e:bias', prev ? (prev.line === p.line ? 'e:same-line' : line.glued ? 'e:new-glued' : 'e:new-line') : 'e:start'];
    if (prev) {
      // How this phrase follows the one before: what makes two lines one title, or a kicker and a title.
      const pt = prev.text;
      if (/(人民政府|委员会|管委会|办公室|局|厅|署|支队|大队|公司|集团|中心|法院|检察院)$/u.test(pt)) edge.push(/^关于/u.test(t) || /(通告|公告|通知|公示)$/u.test(t) ? 'e:issuer>doc' : 'e:issuer>');
      if (FN_END.test(pt)) edge.push('e:fn-end>');
      // Two lines of one title: the second goes on with a function word, or the first stops on a count.
      if (FN_START.test(t)) edge.push('e:>fn-start');
      if (COUNT_END.test(pt)) edge.push('e:count-end>');
      if (/^[“"《「『].*[”"》」』]$/u.test(pt)) edge.push('e:quoted>');
      if (/^\d/u.test(t)) edge.push('e:>digit');
      if (SUBTITLE_DASH.test(t)) edge.push('e:>dash');
      const pc = hanCount(pt);
      edge.push(`e:plen${bin(pc, [6, 11, 17])}-len${bin(chars, [6, 11, 17])}`);
      if (/[，,、]/u.test(pt)) edge.push('e:pcomma');
      if (/\d/u.test(pt) || /[%％]/u.test(pt)) edge.push('e:pfigure');
    }
    if (prev && prev.line !== p.line) {
      const pl = lines[prev.line];
      if (pl.kind === 'credit') edge.push('e:after-credit');
      edge.push(`e:pw${bin(displayWidth(pl.text.trim()) / longest, [0.6, 0.99])}-w${bin(lw / longest, [0.6, 0.99])}`);
    }
    return { line: f, edge };
  });
}

let compiled: ChainModel | null = null;

/** The committed headline model. */
export function headlineModel(): ChainModel {
  compiled ??= new ChainModel(weights as ChainWeights, HEADLINE_VOCAB);
  return compiled;
}

const PART: Record<HeadTag, 'column' | 'kicker' | 'title' | 'subtitle' | 'byline' | 'leftover'> = {
  '^C': 'column',
  'C+': 'column',
  Cp: 'column',
  'Cp+': 'column',
  '^K': 'kicker',
  K: 'kicker',
  'K+': 'kicker',
  '^T': 'title',
  T: 'title',
  'T+': 'title',
  S: 'subtitle',
  'S+': 'subtitle',
  B: 'byline',
  '^B': 'byline',
  'B+': 'byline',
  '^L': 'leftover',
  'L+': 'leftover',
};

/** One reading of a headline group: its units, and how much worse it scores than the best reading (0 for the best). */
export interface GroupReading {
  units: HeadUnit[];
  /** The calibrated log-odds of the best reading over this one (0 for the best). */
  cost: number;
}

/** Builds the units of a decoded group. */
function unitsOf(phrases: Phrase[], lines: HeadLine[], tags: number[], margins: number[]): HeadUnit[] {
  const units: HeadUnit[] = [];
  let cur: HeadUnit | null = null;
  let lastPart: string | null = null;
  phrases.forEach((p, i) => {
    const tag = HEAD_TAGS[tags[i]];
    const part = PART[tag];
    if (tag.startsWith('^') || !cur) {
      cur = { column: null, kicker: null, title: null, subtitle: null, byline: null, leftover: null, titleless: true, lines: [], margin: Infinity };
      units.push(cur);
      lastPart = null;
    }
    const u: HeadUnit = cur;
    u.margin = Math.min(u.margin, margins[i]);
    if (!u.lines.includes(lines[p.line])) u.lines.push(lines[p.line]);
    const prev = u[part];
    // Phrases of one part join with a space, on one line or across lines (SCHEMA: a title broken in two).
    u[part] = prev === null ? p.text : lastPart !== part ? `${prev} ${p.text}` : `${prev} ${p.text}`;
    if (part === 'title') u.titleless = false;
    lastPart = part;
  });
  return units;
}

/** Reads a headline group into units, in printed order (the best reading). */
export function parseGroup(lines: HeadLine[], ctx: GroupContext, model: ChainModel = headlineModel()): HeadUnit[] {
  return readGroup(lines, ctx, model)[0]?.units ?? [];
}

/**
 * Readings of a headline group: the best, and for each line the reading with the opposite choice
 * of whether a new article's headline begins there — so the page-wide assignment, which sees the
 * bodies around the group, can prefer one at a cost (assemble/assign.ts).
 */
export function readGroup(lines: HeadLine[], ctx: GroupContext, model: ChainModel = headlineModel()): GroupReading[] {
  const phrases = phrasesOf(lines);
  if (phrases.length === 0) return [];
  const positions = phraseFeatures(phrases, lines, ctx);
  const textual = headConstraints(phrases, lines);
  const scored = model.score(positions);
  // The printed look narrows the readings; where it leaves none (a page printed against the usual order), the text's constraints alone decide.
  const printed = lookConstraints(phrases, lines, textual);
  let constraints = printed ?? textual;
  let best = model.decode(scored, constraints);
  if (printed && best.score < -1e17) {
    constraints = textual;
    best = model.decode(scored, constraints);
  }
  const out: GroupReading[] = [{ units: unitsOf(phrases, lines, best.tags, best.margins), cost: 0 }];
  const starts = (t: number): boolean => HEAD_TAGS[t].startsWith('^');
  const seen = new Set([best.tags.join(',')]);
  phrases.forEach((p, i) => {
    if (i === 0 || !p.first) return;
    const flip = !starts(best.tags[i]);
    const d = model.decode(scored, { ...constraints, allowed: (k, t) => constraints.allowed!(k, t) && (k !== i || starts(t) === flip) });
    if (d.score < -1e17) return;
    const key = d.tags.join(',');
    if (seen.has(key)) return;
    seen.add(key);
    // The calibrated log-odds that the best reading is right rather than this one.
    const gap = Math.max(0, best.score - d.score);
    const c = model.calibration;
    out.push({ units: unitsOf(phrases, lines, d.tags, d.margins), cost: c ? Math.max(0, c.a * Math.log1p(gap) + c.b) : Math.log1p(gap) });
  });
  return out;
}
