/**
 * Verification and match finding on folded text: the ground truth that every shown result obeys.
 * A query is a list of folded parts; a text matches when every part occurs — parts in any order.
 */

/** A parsed query: its folded parts. */
export type QueryParts = string[];

/** True when every part occurs in at least one of the folded texts. */
export function matchesAll(foldedTexts: string[], parts: QueryParts): boolean {
  return parts.every((p) => foldedTexts.some((t) => t.includes(p)));
}

/** Non-overlapping [start, end) ranges in `folded` of any part, leftmost-longest first. */
export function findRanges(folded: string, parts: QueryParts): [number, number][] {
  const needles = parts.filter(Boolean).sort((a, b) => b.length - a.length);
  const ranges: [number, number][] = [];
  for (const n of needles) {
    let from = 0;
    for (;;) {
      const i = folded.indexOf(n, from);
      if (i < 0) break;
      ranges.push([i, i + n.length]);
      from = i + 1;
    }
  }
  return mergeRanges(ranges);
}

/** Sorts ranges and merges overlapping or touching ones, so highlighting never nests marks. */
export function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of sorted) {
    const prev = merged[merged.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
