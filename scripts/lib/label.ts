/**
 * @fileoverview Stage 3 — label lines: what each extracted line is, from features of the line
 * and its neighbours. Kinds that a line shows by itself (credit, caption, marker, teaser) are
 * read first; the rest are prose or headline-like, decided by width against the page's column,
 * sentence ends, clause marks and what follows.
 */
import { isCreditLine } from './credit.ts';
import type { Line } from './lines.ts';
import {
  DISPATCH,
  LEAD_CREDIT,
  MARKER,
  TEASER,
  displayWidth,
  endsQuestionOrExclamation,
  endsSentence,
  hasClauseMarks,
  phraseParts,
} from './text.ts';

/** What a line is. */
export type LineKind =
  | 'prose' // part of a paragraph
  | 'head' // headline-like: a headline line, a section heading, a label or banner
  | 'credit' // a credit printed as its own line
  | 'caption' // a photo caption
  | 'marker' // a continuation marker alone on its line: (上接第3版)
  | 'teaser'; // a pointer to another page: >>>>详见第5版

/** A line with its kind and the evidence for it. */
export interface LabeledLine extends Line {
  kind: LineKind;
  /** Short names of the features that decided the kind (for the report). */
  why: string[];
}

/** A caption: ends with a photo credit — (图片由…提供), 某某 摄, (图), 新华社发. */
const CAPTION_END = /([（(]\s*(图片由|图由|照片由|图片来源|图\s*[/／:：]|摄影?\s*[:：]).{0,40}[)）]|[（(]\s*(资料)?图\s*[)）]|\s\S{2,4}\s*(摄|摄影)|[（(]\s*(记者|通讯员)?\s*\S{2,4}\s*摄\s*[)）]|[（(]\s*(新华社|中新社)\S{0,12}发\s*[)）]|(新华社|中新社)(记者\s*\S{2,4}\s*)?(发|摄))\s*$/u;

/** True when the line is a photo caption by itself. */
export function isCaption(text: string): boolean {
  return displayWidth(text) <= 80 && CAPTION_END.test(text.trim());
}

/** True when a paragraph opens an article: a dispatch line, a lead credit, or a continuation marker. */
export function opensArticle(text: string): boolean {
  const t = text.trim();
  return DISPATCH.test(t) || LEAD_CREDIT.test(t) || startsWithMarkerFrom(t);
}

/** True when the text starts with a "continued from" marker: (上接第3版) / (紧接第3版). */
export function startsWithMarkerFrom(text: string): boolean {
  const m = MARKER.exec(text.trim());
  return !!m && m.index === 0 && m[1] !== '下转' && m[1] !== '转';
}

/** True when the whole line is a continuation marker. */
export function isMarkerOnly(text: string): boolean {
  const m = MARKER.exec(text.trim());
  return !!m && m[0].length === text.trim().length;
}

/**
 * Headline-likeness of a line in a paragraph-per-line layout: short, not a sentence, no clause
 * marks — or phrases separated by spaces, the way headlines are set.
 */
function headLikeWide(text: string): string[] | null {
  const t = text.trim();
  const w = displayWidth(t);
  const parts = phraseParts(t);
  const clauses = (t.match(/[，,、；;]/gu) ?? []).length;
  if (opensArticle(t)) return null; // a dispatch line (`新华社北京1月5日电`) starts a lead, never a headline
  if (endsSentence(t)) {
    if (endsQuestionOrExclamation(t) && w <= 24 && !/[。]/u.test(t) && clauses <= 1) return ['short question/exclamation'];
    return null;
  }
  if (/[：:—]$/u.test(t)) return null;
  if (parts.length >= 2 && w <= 50 && clauses <= 1) return ['phrases set apart by spaces'];
  if (clauses === 0 && w <= 30) return ['short, no clause marks'];
  return null;
}

/** Classifies each line by itself: credit, caption, marker, teaser, or undecided. */
function intrinsicKind(line: Line): { kind: LineKind; why: string[] } | null {
  const t = line.text.trim();
  if (isMarkerOnly(t)) return { kind: 'marker', why: ['continuation marker alone'] };
  if (displayWidth(t) <= 40 && TEASER.test(t)) return { kind: 'teaser', why: ['points to another page'] };
  if (isCaption(t)) return { kind: 'caption', why: ['ends with a photo credit'] };
  if (isCreditLine(t)) return { kind: 'credit', why: ['names with roles or marks'] };
  return null;
}

/** Labels lines of a paragraph-per-line page. */
export function labelWide(lines: Line[]): LabeledLine[] {
  const out: LabeledLine[] = lines.map((l) => {
    const k = intrinsicKind(l);
    if (k) return { ...l, ...k };
    const head = headLikeWide(l.text);
    return head ? { ...l, kind: 'head', why: head } : { ...l, kind: 'prose', why: ['sentence text'] };
  });
  promoteKickers(out);
  absorbCaptionHeads(out);
  absorbTeaserHeads(out);
  return out;
}

/**
 * A kicker may hold a comma (`三年实践,书写…“余杭答卷”`), which makes it look like a broken
 * paragraph; standing alone after a paragraph end (or the page start) right above a headline
 * line, with quotes in balance and no sentence end, it is a headline line.
 */
function promoteKickers(out: LabeledLine[]): void {
  for (let i = out.length - 2; i >= 0; i--) {
    const o = out[i];
    const prev = out[i - 1];
    const t = o.text.trim();
    if (o.kind !== 'prose' || out[i + 1].kind !== 'head') continue;
    if (endsSentence(t) || /[：:—]$/u.test(t) || !balanced(t) || displayWidth(t) > 40) continue;
    if ((t.match(/[，,、；;]/gu) ?? []).length > 1 || opensArticle(t)) continue;
    if (prev && prev.kind === 'prose' && !endsSentence(prev.text)) continue;
    o.kind = 'head';
    o.why = ['kicker above a headline line'];
  }
}

/**
 * A caption often spans two glued lines, the picture's title and then its credit:
 * `城东公园樱花盛开` / `(图片由市园林局提供)`. The short first line joins the caption.
 */
function absorbCaptionHeads(out: LabeledLine[]): void {
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1];
    // A caption line that is only a credit (`记者 李四 摄`, `(图片由…提供)`) may be set apart from its title line.
    const creditOnly = /^[（(]?\s*(本报)?(记者|通讯员|摄影)?\s*\S{0,4}\s*(摄影?|提供)\s*[)）]?$|^[（(]\s*图片?由.{1,30}提供\s*[)）]$/u.test(out[i].text.trim());
    if (out[i].kind === 'caption' && (out[i].glued || creditOnly) && (prev.kind === 'head' || prev.kind === 'prose') && !endsSentence(prev.text) && !hasClauseMarks(prev.text) && displayWidth(prev.text) <= 40) {
      prev.kind = 'caption';
      prev.why = ['first line of a two-line caption'];
    }
  }
}

/**
 * A teaser box lists headlines of other pages and ends with `>>>>详见第5版`; the headline-like
 * lines right before that pointer belong to the box.
 */
function absorbTeaserHeads(out: LabeledLine[]): void {
  for (let i = 0; i < out.length; i++) {
    if (out[i].kind !== 'teaser') continue;
    for (let j = i - 1; j >= 0 && out[j].kind === 'head'; j--) {
      out[j].kind = 'teaser';
      out[j].why = ['headline line of a teaser box'];
    }
  }
}

/**
 * The full width of the column around line `i`: the upper part of the widths of nearby lines that
 * run on into the next line (no sentence end) — those are full by construction, whereas last lines,
 * headlines and credits are not and would pull the estimate down.
 */
function localColumnWidth(widths: number[], runOn: boolean[], i: number): number {
  const near: number[] = [];
  const lo = Math.max(0, i - 8);
  const hi = Math.min(widths.length - 1, i + 8);
  for (let j = lo; j <= hi; j++) if (j !== i && runOn[j] && widths[j] >= 8) near.push(widths[j]);
  if (near.length < 3) for (let j = lo; j <= hi; j++) if (j !== i && widths[j] >= 8) near.push(widths[j]);
  if (near.length === 0) return widths[i];
  near.sort((a, b) => a - b);
  return near[Math.floor(near.length * 0.7)];
}

/** Full column widths for every line of a column page. */
function fullWidths(lines: readonly { text: string }[], widths: number[]): number[] {
  const runOn = lines.map((l) => !endsSentence(l.text));
  return widths.map((_, i) => localColumnWidth(widths, runOn, i));
}

/** True when quotes and brackets open and close in balance (a headline never breaks inside them). */
export function balanced(text: string): boolean {
  const pairs: [string, string][] = [['“', '”'], ['（', '）'], ['(', ')'], ['《', '》'], ['「', '」']];
  return pairs.every(([o, c]) => text.split(o).length === text.split(c).length);
}

/** A line that could be a headline line in a column page: no clause marks, no sentence end, balanced. */
function headCandidate(o: LabeledLine): boolean {
  const t = o.text.trim();
  return o.kind === 'prose' && !endsSentence(t) && !hasClauseMarks(t) && !/[：:—]$/u.test(t) && balanced(t) && !opensArticle(t);
}

/**
 * Labels lines of a column-per-line page. A headline line there is no shorter than a text line,
 * so it is told by its neighbours: a run of lines that follows the end of a paragraph, holds no
 * clause marks, does not end a sentence, and is followed by something new (an indented first
 * line, a lead, a credit or the page end) is a headline run.
 */
export function labelColumn(lines: Line[], setWidths: number[]): LabeledLine[] {
  const out: LabeledLine[] = lines.map((l) => {
    const k = intrinsicKind(l);
    return k ? { ...l, ...k } : { ...l, kind: 'prose', why: ['column line'] };
  });
  const full = fullWidths(lines, setWidths);
  const starts = columnStarts(out, setWidths, full);
  // A line much wider than the column spans columns: a headline, whatever its punctuation.
  out.forEach((o, i) => {
    if (o.kind === 'prose' && setWidths[i] > full[i] * 1.6 && !endsSentence(o.text) && balanced(o.text)) {
      o.kind = 'head';
      o.why = ['spans more than one column'];
    }
  });
  for (let i = 0; i < out.length; i++) {
    const prev = out[i - 1];
    const afterEnd = !prev || prev.kind !== 'prose' || endsSentence(prev.text);
    if (!afterEnd) continue;
    if (!headCandidate(out[i])) {
      // A one-line headline ending on ? or ! right before an article opening.
      const o = out[i];
      const after = out[i + 1];
      const t = o.text.trim();
      if (o.kind === 'prose' && endsQuestionOrExclamation(t) && !hasClauseMarks(t) && balanced(t) && !opensArticle(t) && (!after || after.kind === 'credit' || opensArticle(after.text))) {
        o.kind = 'head';
        o.why = ['question/exclamation headline before an article opening'];
      }
      continue;
    }
    let j = i;
    while (j + 1 < out.length && j - i < 3 && headCandidate(out[j + 1]) && !starts[j + 1]) j++;
    let next = j + 1;
    // A headline may end on a question or exclamation mark (`…释放哪些信号?`): taken when it
    // closes the run and what follows opens an article.
    const q = out[next];
    if (q && q.kind === 'prose' && endsQuestionOrExclamation(q.text) && !hasClauseMarks(q.text) && balanced(q.text) && !opensArticle(q.text)) {
      const after = out[next + 1];
      if (!after || after.kind === 'credit' || after.kind === 'head' || opensArticle(after.text)) {
        j = next;
        next = j + 1;
      }
    }
    // A short line that ends a sentence is more likely the last line of the paragraph than a
    // one-line paragraph after a headline.
    const shortEnd = next < out.length && out[next].kind === 'prose' && endsSentence(out[next].text) && !opensArticle(out[next].text);
    const nextStarts = next >= out.length || out[next].kind !== 'prose' || (starts[next] && !shortEnd) || headCandidate(out[next]);
    if (!nextStarts) continue;
    for (let k = i; k <= j; k++) {
      out[k].kind = 'head';
      out[k].why = ['after a paragraph end', 'no clause marks', 'followed by a new start'];
    }
    i = j;
  }
  // A name-like line inside an unfinished sentence is text, not a credit.
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1];
    if (out[i].kind === 'credit' && prev.kind === 'prose' && !endsSentence(prev.text)) {
      out[i].kind = 'prose';
      out[i].why = ['names inside a running sentence'];
    }
  }
  absorbCaptionHeads(out);
  absorbTeaserHeads(out);
  return out;
}

/** Exposed for the column reflow: whether line j starts a paragraph by its indent or a lead. */
export function columnStarts(out: LabeledLine[], setWidths: number[], full = fullWidths(out, setWidths)): boolean[] {
  return out.map((o, j) => o.kind !== 'prose' || opensArticle(o.text) || setWidths[j] <= full[j] - 1.25);
}
