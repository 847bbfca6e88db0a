/**
 * @fileoverview Assembly, step 2 — reading order: text the extraction printed out of order is put
 * back (issue #10). A piece that continues a sentence (side-by-side articles extracted alternately,
 * the rest of an article after a sidebar or photo, an article whose beginning came out at the page
 * end) is joined to the open paragraph it continues when the match scores at least the minimum of
 * tuning.ts — shared wording, the column width, the join itself — never on a shared character pair.
 */
import type { Doubt } from '../assemble.ts';
import type { Layout } from '../lines.ts';
import { mergeParagraphs, type Unit } from '../reflow.ts';
import { charPairs, endsSentence, pairKey } from '../text.ts';
import { TUNING } from '../tuning.ts';
import type { HeadLine } from '../headline.ts';
import type { Draft } from './items.ts';
import { endsOnMarker } from '../conventions.ts';


function draftText(d: Draft): string {
  return d.units.map((u) => u.text).join('');
}

function lastPara(d: Draft): Unit | undefined {
  for (let i = d.units.length - 1; i >= 0; i--) if (d.units[i].kind === 'para') return d.units[i];
  return undefined;
}

function firstPara(d: Draft): Unit | undefined {
  return d.units.find((u) => u.kind === 'para');
}

/** True when a draft's last paragraph stops mid-sentence with no marker saying where it goes on. */
export function isOpen(d: Draft): boolean {
  const p = lastPara(d);
  if (!p) return false;
  const t = p.text.trimEnd();
  return !endsSentence(t) && !endsOnMarker(t);
}

/** Median set width of a draft's paragraph lines (column layouts). */
function medianWidth(d: Draft): number {
  const w = d.units.filter((u) => u.kind === 'para').flatMap((u) => u.lines.map((l) => l.info.width)).sort((a, b) => a - b);
  return w.length ? w[Math.floor(w.length / 2)] : 0;
}

/** Scores how well `next` continues the open draft `open`. */
export function continuationScore(open: Draft, next: Draft, ctx: { layout: Layout; rare: (pair: number) => boolean; seen: (pair: number) => boolean; pairs: (d: Draft) => Set<number>; distance: number }): number {
  const t = TUNING.rejoin;
  let s = 0;
  if (ctx.layout === 'column') s += Math.abs(medianWidth(open) - medianWidth(next)) <= 1 ? t.sameWidth : t.otherWidth;
  const pa = ctx.pairs(open);
  const pb = ctx.pairs(next);
  let na = 0;
  let nb = 0;
  let shared = 0;
  for (const x of pa) if (ctx.rare(x)) na++;
  for (const x of pb) {
    if (!ctx.rare(x)) continue;
    nb++;
    if (pa.has(x)) shared++;
  }
  if (shared >= t.minSharedPairs) s += t.wording * (shared / Math.max(1, Math.min(na, nb)));
  const end = lastPara(open)!.text.trimEnd();
  const start = firstPara(next)!.text.trimStart();
  if (end && start && ctx.seen(pairKey(end.charCodeAt(end.length - 1), start.charCodeAt(0)))) s += t.joinSeen;
  if (ctx.distance === 2) s += t.alternate;
  if (ctx.distance === 1) s += t.adjacent;
  return s;
}

/** Joins `next` onto the open paragraph of `open`. */
function join(open: Draft, next: Draft): void {
  const lp = lastPara(open)!;
  const fp = firstPara(next)!;
  const merged = mergeParagraphs(lp, fp);
  const i = open.units.indexOf(lp);
  const rest = next.units.slice(next.units.indexOf(fp) + 1);
  const before = next.units.slice(0, next.units.indexOf(fp));
  // Units printed between the two pieces that belong to the second (a caption) follow the paragraph.
  open.units = [...open.units.slice(0, i), merged, ...open.units.slice(i + 1), ...before, ...rest];
}

/**
 * Joins continuation pieces to the open drafts they continue, best match first. `headed` pieces
 * (a continuation right after a headline group: its beginning came out elsewhere) take their
 * beginning from a headless open draft instead (a stray start), which is put in front of them.
 */
export function rejoin(drafts: Draft[], groups: (HeadLine[] | null)[], layout: Layout, doubts: Doubt[]): { drafts: Draft[]; groups: (HeadLine[] | null)[] } {
  if (!drafts.some((d) => d.fragment)) return { drafts, groups };
  const sets = new Map(drafts.map((d) => [d, charPairs(draftText(d))]));
  const counts = new Map<number, number>();
  for (const d of drafts) for (const p of sets.get(d)!) counts.set(p, (counts.get(p) ?? 0) + 1);
  // A pair in most drafts of the page says nothing about which two belong together.
  const common = Math.max(2, Math.ceil(drafts.length / 2));
  const rare = (p: number): boolean => (counts.get(p) ?? 0) < common || drafts.length <= 2;
  const seen = (p: number): boolean => counts.has(p);
  // A draft's pairs, recomputed only after a join changed its text.
  const pairsOf = (d: Draft): Set<number> => {
    let p = sets.get(d);
    if (!p) {
      p = charPairs(draftText(d));
      sets.set(d, p);
    }
    return p;
  };
  const out = [...drafts];
  const gs = [...groups];
  // Removing a draft hands the headline group printed before it on to the draft after it.
  const remove = (d: Draft): void => {
    const k = out.indexOf(d);
    const g = gs[k];
    if (g) gs[k + 1] = gs[k + 1] ? [...g, ...gs[k + 1]!] : g;
    out.splice(k, 1);
    gs.splice(k, 1);
  };
  for (;;) {
    let best: { open: Draft; next: Draft; score: number } | null = null;
    for (const next of out) {
      if (!next.fragment) continue;
      for (const open of out) {
        if (open === next || !isOpen(open)) continue;
        // A stray beginning has no headline of its own; a piece after a headline group can only take one.
        if (next.afterGroup && open.afterGroup) continue;
        const distance = out.indexOf(next) - out.indexOf(open);
        const score = continuationScore(open, next, { layout, rare, seen, pairs: pairsOf, distance });
        if (score >= TUNING.rejoin.minScore && (!best || score > best.score)) best = { open, next, score };
      }
    }
    if (!best) break;
    const { open, next } = best;
    const openLine = open.units[0].lines[0].no;
    const nextLine = next.units[0].lines[0].no;
    sets.delete(open);
    sets.delete(next);
    if (next.afterGroup && !open.afterGroup) {
      // A stray beginning: it goes in front of the piece that continues it, which keeps its place and headline.
      join(open, next);
      next.units = open.units;
      next.fragment = open.fragment;
      remove(open);
      doubts.push({ line: openLine, kind: 'rejoin', message: `把第${openLine}行起的文字接到第${nextLine}行的文章开头（它的开头被排在别处）` });
    } else {
      join(open, next);
      remove(next);
      doubts.push({ line: nextLine, kind: 'rejoin', message: `第${nextLine}行起的文字接续第${openLine}行起的文章（原文顺序被打乱）` });
    }
  }
  return { drafts: out, groups: gs };
}
