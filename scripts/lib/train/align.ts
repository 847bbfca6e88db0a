/**
 * @fileoverview Which part of the expected JSON each line of a page holds (issue #10): the text of
 * every expected field (headline parts, body blocks, other blocks) is consumed line by line, in
 * whatever order the extraction printed it, so any page with a gold annotation yields line-level
 * truth for training and for reports. A line may hold pieces of two fields (a kicker and title set
 * on one line, a headline glued onto a paragraph's last line).
 */
import { squash } from '../text.ts';

/** What a field is. */
export type SlotKind = 'column' | 'kicker' | 'title' | 'subtitle' | 'byline' | 'p' | 'h' | 'caption' | 'other';

/** One expected field. */
export interface Slot {
  kind: SlotKind;
  /** Article index in reading order, or -1 for an other block. */
  article: number;
  /** Body block index (p/h/caption), other block index, or -1 for headline parts. */
  block: number;
  /** The other block's type, for `other` slots. */
  otherType?: string;
  text: string;
}

/** A piece of a line: characters [from, to) of a slot's squashed text. */
export interface Piece {
  slot: number;
  from: number;
  to: number;
}

export interface Alignment {
  slots: Slot[];
  /** Per line, the pieces it holds, in order. */
  lines: Piece[][];
}

interface GoldLike {
  articles: { column: string | null; kicker: string | null; title: string | null; subtitle: string | null; byline: string | null; body: { type: string; text: string }[] }[];
  other: { type: string; text: string }[];
}

/** Aligns page lines to the fields of an expected page; throws naming the line that fits no field. */
export function align(lineTexts: string[], gold: GoldLike): Alignment {
  const slots: Slot[] = [];
  gold.articles.forEach((a, i) => {
    for (const kind of ['column', 'kicker', 'title', 'subtitle', 'byline'] as const) {
      const v = a[kind];
      if (v && squash(v)) slots.push({ kind, article: i, block: -1, text: squash(v) });
    }
    a.body.forEach((b, j) => {
      if (squash(b.text)) slots.push({ kind: b.type as SlotKind, article: i, block: j, text: squash(b.text) });
    });
  });
  gold.other.forEach((o, j) => {
    if (squash(o.text)) slots.push({ kind: 'other', article: -1, block: j, otherType: o.type, text: squash(o.text) });
  });
  const used = slots.map((sl) => new Uint8Array(sl.text.length));
  const frontiers = slots.map(() => new Set<number>([0]));
  const texts = lineTexts.map(squash);
  // Candidate pieces at (line, position), best first: longer matches; then one that completes the
  // line and the field together; then one that continues where a piece of the field ended (or
  // begins the field); then one found elsewhere in the field (its start was printed later: a stray
  // beginning); then reading order.
  const candidates = (li: number, p: number): Piece[] => {
    const s = texts[li];
    const found: { piece: Piece; n: number; rank: number; k: number; completes: number }[] = [];
    const probe = s.slice(p, p + 6);
    for (let k = 0; k < slots.length; k++) {
      const t = slots[k].text;
      const u = used[k];
      const offsets = new Set<number>();
      for (const f of frontiers[k]) if (f < t.length && !u[f]) offsets.add(f);
      if (probe.length >= 2) for (let i = t.indexOf(probe); i >= 0; i = t.indexOf(probe, i + 1)) if (!u[i]) offsets.add(i);
      for (const c of offsets) {
        let n = 0;
        while (p + n < s.length && c + n < t.length && !u[c + n] && s[p + n] === t[c + n]) n++;
        if (n === 0) continue;
        const ends = c + n === t.length || u[c + n] === 1;
        // Continuing a field where its last piece ended first, then beginning a field, then a piece
        // found inside a field (printed out of order); among equals reading order (headline parts
        // before body blocks), then a match that completes the line and the field together.
        const rank = (frontiers[k].has(c) && c > 0 ? 2 : 0) + (c === 0 ? 1 : 0);
        const completes = p + n === s.length && ends ? 1 : 0;
        found.push({ piece: { slot: k, from: c, to: c + n }, n, rank: rank * 10 + completes, k, completes });
      }
    }
    found.sort((a, b) => b.n - a.n || Math.floor(b.rank / 10) - Math.floor(a.rank / 10) || a.k - b.k || b.completes - a.completes);
    return found.map((f) => f.piece);
  };
  // Depth-first with backtracking: a line that two fields could hold is decided by what follows.
  const out: Piece[][] = lineTexts.map(() => []);
  let steps = 0;
  let deepest = { li: 0, p: 0 };
  const solve = (li: number, p: number): boolean => {
    if (li === texts.length) return true;
    if (p >= texts[li].length) return solve(li + 1, 0);
    if (li > deepest.li || (li === deepest.li && p > deepest.p)) deepest = { li, p };
    if (++steps > 200_000) return false;
    for (const piece of candidates(li, p)) {
      used[piece.slot].fill(1, piece.from, piece.to);
      const hadFrontier = frontiers[piece.slot].has(piece.to);
      frontiers[piece.slot].add(piece.to);
      out[li].push(piece);
      if (solve(li, p + piece.to - piece.from)) return true;
      out[li].pop();
      if (!hadFrontier) frontiers[piece.slot].delete(piece.to);
      used[piece.slot].fill(0, piece.from, piece.to);
    }
    return false;
  };
  if (!solve(0, 0)) {
    const raw = lineTexts[deepest.li] ?? '';
    throw new Error(`line ${deepest.li + 1} ("${raw.trim().slice(0, 30)}") holds text at character ${deepest.p + 1} that no expected field continues`);
  }
  const left = slots.findIndex((_, k) => used[k].includes(0));
  if (left >= 0) throw new Error(`expected field "${slots[left].text.slice(0, 30)}" (${slots[left].kind}) is not on the page whole`);
  return { slots, lines: out };
}
