/**
 * @fileoverview Headline parts: a run of headline lines (and credits) becomes column label,
 * kicker — 引题, title — 主题, subtitle — 副题 and byline, with the lines that fit none left over.
 */
import { hanCount, phraseParts } from './text.ts';

/** One line of a headline group. */
export interface HeadLine {
  kind: 'head' | 'credit' | 'column';
  text: string;
  /** Glued to the previous line (no blank line between them in the extraction). */
  glued: boolean;
  /** Source line number. */
  no: number;
}

/** The parts of one article's headline. */
export interface Headline {
  column: string | null;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  /** Lines of the group that belong to no part (series labels and the like). */
  leftovers: HeadLine[];
  /** How unusual this reading is; 0 for a textbook headline. */
  cost: number;
}

/**
 * A column label set letter-spaced before a headline on the same line: `东 湖 漫 笔 春天里的约定`.
 * Justified text lines are letter-spaced too, but all the way; a label is followed by a phrase.
 */
const SPACED_LABEL = /^((?:\p{Script=Han}\s){2,5}\p{Script=Han})\s+(\S{2,}.*)$/u;

/** Splits a column label off the front of a headline line, if one is there. */
export function splitColumnLabel(text: string): { label: string; rest: string } | null {
  const m = SPACED_LABEL.exec(text.trim());
  return m ? { label: m[1], rest: m[2] } : null;
}

/** Length of a phrase in characters that carry meaning (quotes and marks not counted). */
function phraseLength(s: string): number {
  return hanCount(s) + (s.match(/[A-Za-z0-9]/g) ?? []).length;
}

/** Two phrases set as a couplet (对仗): about the same length, both short. */
function parallel(a: string, b: string): boolean {
  const la = phraseLength(a);
  const lb = phraseLength(b);
  return Math.abs(la - lb) <= 1 && la <= 10 && lb <= 10;
}

/**
 * Reads a single headline line. Three or more space-set phrases hold a kicker and a title: a couplet
 * of two short phrases, or one long lead phrase, then the news statement. One or two phrases are the
 * title alone (a two-clause title is one title).
 */
export function splitHeadlineLine(text: string): { kicker: string | null; title: string } {
  const parts = phraseParts(text);
  if (parts.length < 3) return { kicker: null, title: text.trim() };
  const k = parallel(parts[0], parts[1]) ? 2 : 1;
  return { kicker: parts.slice(0, k).join(' '), title: parts.slice(k).join(' ') };
}

/**
 * Words that leave a headline line unfinished, so the next line completes it as one title:
 * a verb still wanting its object (`市政协常委会召开` / `2025年第一次会议`) or a function word.
 */
const UNFINISHED_END = /(召开|举办|开展|启动|发布|推进|走进|打造|实施|出台|印发|部署|迎来|喜迎|助力|聚焦|的|和|与|及|在|为|对|把|将|向|从|让|被|给|以)$/u;

/** Whether two stacked headline lines are one title broken in two (rather than kicker + title). */
export function isOneTitle(upper: string, lower: string): boolean {
  const u = upper.trim();
  if (phraseParts(u).length >= 2) return false;
  if (/^[“"《「『].*[”"》」』]$/u.test(u)) return true;
  if (/^\d/u.test(lower.trim())) return true;
  return UNFINISHED_END.test(u);
}

/** Reads a headline group's lines (in printed order) into headline parts. */
export function parseHeadline(lines: HeadLine[]): Headline {
  const h: Headline = { column: null, kicker: null, title: null, subtitle: null, byline: null, leftovers: [], cost: 0 };
  const heads: HeadLine[] = [];
  let sawCredit = false;
  for (const l of lines) {
    if (l.kind === 'column') {
      if (h.column === null) h.column = l.text;
      else h.leftovers.push(l);
    } else if (l.kind === 'credit') {
      if (h.byline === null) h.byline = l.text;
      else h.leftovers.push(l);
      sawCredit = true;
    } else if (!/[\p{L}\p{N}]/u.test(l.text)) {
      // A line of ornaments (`***`, `———`) separates; it is no part of a headline.
      h.leftovers.push(l);
      h.cost -= 2;
    } else {
      // A credit is printed under the headline it belongs to; headline text after it is unusual.
      if (sawCredit) h.cost += 1.5;
      heads.push(l);
    }
  }
  if (heads.length === 0) {
    h.cost += 100;
    return h;
  }
  const rest = [...heads];
  if (rest.length >= 2 && /^[—－-]{1,2}/u.test(rest[rest.length - 1].text)) h.subtitle = rest.pop()!.text;
  const last = rest.pop()!;
  const single = splitHeadlineLine(last.text);
  if (single.kicker !== null) {
    h.kicker = single.kicker;
    h.title = single.title;
  } else if (rest.length > 0 && isOneTitle(rest[rest.length - 1].text, last.text)) {
    h.title = `${rest.pop()!.text} ${last.text}`;
    if (rest.length > 0) h.kicker = rest.pop()!.text;
  } else {
    h.title = last.text;
    if (rest.length > 0) h.kicker = rest.pop()!.text;
  }
  for (const l of rest) h.leftovers.push(l);
  h.cost += 2 * h.leftovers.length;
  return h;
}
