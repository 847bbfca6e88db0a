/**
 * Excerpts and highlighting built from the original text (never from index tokens), so what the
 * reader sees is the article's own wording with the matches marked.
 */
import { foldWithMap } from '../../../core/search/fold.ts';
import { NO_VARIANTS, type Variants } from '../../../core/search/variants.ts';
import { findRanges, type QueryParts } from '../../../core/search/verify.ts';

/** A run of original text, marked or not. */
export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * Marked [start, end) ranges of the original string for every match of the query (parts folded
 * with the same `variants`, so a simplified query marks its traditional spelling and vice versa).
 */
export function originalRanges(original: string, parts: QueryParts, variants: Variants = NO_VARIANTS): [number, number][] {
  const { text, map } = foldWithMap(original, variants);
  return findRanges(text, parts).map(([s, e]) => {
    const start = map[s];
    // End at the end of the last matched source character (not at the next character's start,
    // which would swallow the whitespace in between).
    const lastSrc = map[e - 1];
    const cp = original.codePointAt(lastSrc)!;
    return [start, lastSrc + (cp > 0xffff ? 2 : 1)];
  });
}

/** Splits `original` into segments with every match marked (see originalRanges). */
export function highlight(original: string, parts: QueryParts, variants: Variants = NO_VARIANTS): Segment[] {
  return toSegments(original, originalRanges(original, parts, variants), 0, original.length);
}

function toSegments(s: string, ranges: [number, number][], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let pos = from;
  for (const [a0, b0] of ranges) {
    const a = Math.max(a0, from);
    const b = Math.min(b0, to);
    if (b <= a) continue;
    if (a > pos) out.push({ text: s.slice(pos, a), mark: false });
    out.push({ text: s.slice(a, b), mark: true });
    pos = b;
  }
  if (pos < to) out.push({ text: s.slice(pos, to), mark: false });
  return out;
}

/**
 * Where the body starts in an indexed text that opens with the headline parts (shown separately
 * in a result, so the excerpt should not repeat them); 0 if the text does not open with them.
 */
export function bodyStart(text: string, headline: (string | null)[]): number {
  let at = 0;
  for (const h of headline) {
    if (!h) continue;
    const i = text.indexOf(h, at);
    if (i < 0 || i - at > 40) continue;
    at = i + h.length;
  }
  return at;
}

/** Options of `excerpt`. */
export interface ExcerptOptions {
  /** Target length in characters. */
  length?: number;
  /** Prefer matches from here on (see bodyStart). */
  start?: number;
  /** The archive's script variants (see originalRanges). */
  variants?: Variants;
}

/**
 * An excerpt of about `length` characters around the first match at or after `start` (else the
 * first match anywhere, else `start`), with matches marked and ellipses where text was cut.
 * Newlines become spaces.
 */
export function excerpt(original: string, parts: QueryParts, { length = 120, start = 0, variants = NO_VARIANTS }: ExcerptOptions = {}): Segment[] {
  const ranges = originalRanges(original, parts, variants);
  const first = ranges.find((r) => r[0] >= start) ?? (start > 0 ? undefined : ranges[0]);
  let from = first ? 0 : Math.min(start, original.length);
  // Never reach back across a block boundary: the credit line above a paragraph is not its text (issue 12).
  if (first) from = Math.max(start, first[0] - Math.floor((length - (first[1] - first[0])) / 3), original.lastIndexOf('\n', first[0]) + 1);
  let to = Math.min(original.length, from + length);
  if (to - from < length) from = Math.max(start, to - length);
  while (from < to && /\s/.test(original[from])) from++;
  if (first && first[1] > to) to = first[1];
  // Never cut a surrogate pair in half.
  if (from > 0 && /[\udc00-\udfff]/.test(original[from])) from--;
  if (to < original.length && /[\udc00-\udfff]/.test(original[to])) to++;
  const segs = toSegments(original, ranges, from, to).map((g) => ({ ...g, text: g.text.replace(/\s*\n\s*/g, ' ') }));
  if (from > 0) segs.unshift({ text: '…', mark: false });
  if (to < original.length) segs.push({ text: '…', mark: false });
  return segs;
}

/** HTML for segments: text escaped, matches in <mark>. */
export function segmentsToHtml(segs: Segment[]): string {
  return segs.map((g) => (g.mark ? `<mark>${escapeHtml(g.text)}</mark>` : escapeHtml(g.text))).join('');
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
