/**
 * On an article page opened from search (`?hl=…`), marks every occurrence of the query in the
 * indexed text (the data-pagefind-body element) and scrolls to the first one. Matching follows the
 * search rules (folded, whitespace ignored), so a match may span several text nodes.
 */
import { foldChar } from '../../../core/search/fold.ts';
import { parseQuery } from '../../../core/search/query.ts';
import { findRanges } from '../../../core/search/verify.ts';

/** Marks `hl` in `root`; returns the number of matches marked. */
export function markMatches(root: Element, hl: string): number {
  const parts = parseQuery(hl);
  if (!parts.length) return 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('script,style,[data-pagefind-ignore]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  // Folded text of all nodes, with each folded unit pointing back to (node, offset, char length).
  let folded = '';
  const at: { node: Text; offset: number; len: number }[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!(n instanceof Text)) continue;
    const s = n.data;
    let i = 0;
    for (const ch of s) {
      const f = foldChar(ch);
      for (let k = 0; k < f.length; k++) at.push({ node: n, offset: i, len: ch.length });
      folded += f;
      i += ch.length;
    }
  }
  const ranges = findRanges(folded, parts);
  // Split every range into per-node pieces, then wrap pieces from last to first so offsets stay valid.
  const pieces: { node: Text; start: number; end: number }[] = [];
  for (const [s, e] of ranges) {
    for (let i = s; i < e; i++) {
      const u = at[i];
      const prev = pieces[pieces.length - 1];
      if (prev && prev.node === u.node && u.offset <= prev.end) prev.end = Math.max(prev.end, u.offset + u.len);
      else pieces.push({ node: u.node, start: u.offset, end: u.offset + u.len });
    }
  }
  let first: Element | null = null;
  const alreadyScrolled = document.querySelector('mark[data-search-highlight]') !== null;
  for (let i = pieces.length - 1; i >= 0; i--) {
    const p = pieces[i];
    const range = document.createRange();
    range.setStart(p.node, p.start);
    range.setEnd(p.node, p.end);
    const mark = document.createElement('mark');
    mark.dataset.searchHighlight = '';
    range.surroundContents(mark);
    first = mark;
  }
  if (!alreadyScrolled) first?.scrollIntoView({ block: 'center' });
  return ranges.length;
}

/** Reads `hl` from the URL and marks it in the page's indexed text (every data-pagefind-body element). */
export function markFromLocation(): void {
  const hl = new URLSearchParams(location.search).get('hl');
  if (!hl) return;
  for (const root of document.querySelectorAll('[data-pagefind-body]')) markMatches(root, hl);
}
