/**
 * @fileoverview Assembly, step 3 — headline assignment: which headline each article takes,
 * decided for the whole page at once (issue #10). Each headline group between two bodies is read
 * into headline units (headline.ts); a dynamic programme then gives each article at most one unit:
 * the last unit before its body (the print order), or one printed after it — right after, or after
 * a run of bodies whose headlines the extraction put together behind them — minimising the costs of
 * tuning.ts. Units no article takes are labels (between bodies) or banners (at the page's ends).
 */
import type { Doubt, OtherBlock } from '../assemble.ts';
import { readGroup, type HeadLine, type HeadUnit } from '../headline.ts';
import type { ChainModel } from '../model/chain.ts';
import { charPairs, displayWidth } from '../text.ts';
import { TUNING } from '../tuning.ts';
import type { Draft } from './items.ts';

/** True when the draft opens with a dateline, a lead credit or a marker (tagged as an article opening). */
function draftOpens(d: Draft | undefined): boolean {
  const first = d?.units.find((u) => u.kind === 'para');
  return !!first && first.opens;
}


/** Characters of the body's start a headline is compared with: the lead restates the headline. */
const LEAD_CHARS = 400;

/**
 * How much of a headline the body restates: the share of the headline's character pairs found in
 * the body's lead. A headline sums up its article, so it shares words with it; a neighbour's does not.
 */
const bodyPairs = new WeakMap<Draft, Set<number>>();
const headPairs = new WeakMap<HeadUnit, Set<number>>();
export function headlineMatch(u: HeadUnit, d: Draft): number {
  let h = headPairs.get(u);
  if (!h) {
    h = charPairs([u.kicker, u.title, u.subtitle].filter(Boolean).join(''));
    headPairs.set(u, h);
  }
  if (h.size === 0) return 0;
  let b = bodyPairs.get(d);
  if (!b) {
    b = charPairs(d.units.map((x) => x.text).join('').slice(0, LEAD_CHARS));
    bodyPairs.set(d, b);
  }
  let n = 0;
  for (const x of h) if (b.has(x)) n++;
  return n / h.size;
}

function unitText(u: HeadUnit): string {
  return [u.column, u.kicker, u.title, u.subtitle, u.byline, u.leftover].filter(Boolean).join(' ');
}

/** Cost of leaving a unit to no article: a banner at the page's ends, a label between bodies. */
function leftoverCost(u: HeadUnit, atEnd: boolean): number {
  const c = TUNING.assign;
  if (!atEnd) return c.leftoverLine * u.lines.length;
  return u.lines.reduce((s, l) => s + (displayWidth(l.text.trim()) <= c.bannerShortWidth ? c.bannerShort : c.bannerLong), 0);
}

/** A reading of one group, ready for the programme. */
interface Reading {
  heads: HeadUnit[];
  /** Labels set among the headlines: no article's. */
  labels: string[];
  /** A credit printed after a body before the next headline: the previous article's byline (a signature). */
  signature: HeadUnit | null;
  /** How much less likely the reading is than the group's best (0 for the best). */
  cost: number;
}

interface Choice {
  cost: number;
  /** Which reading of the gap's group. */
  reading: number;
  /** Units of the gap given back to the drafts before it. */
  back: number;
  /** Units at the gap's end given, in order, to the drafts after it (usually 0 or 1). */
  forward: number;
  from: string;
}

/**
 * Assigns headline units to drafts. `groups[i]` is printed before `drafts[i]`, `groups[n]` after
 * the last. Sets each draft's `headline`, `side` and `headLines`; returns the blocks left to no
 * article.
 */
export function assignHeadlines(drafts: Draft[], groups: (HeadLine[] | null)[], doubts: Doubt[], model?: ChainModel): OtherBlock[] {
  const n = drafts.length;
  const C = TUNING.assign;
  const other: OtherBlock[] = [];
  // Read every group (its best reading and the alternatives); labels among headlines and lone
  // credits are set aside from each reading's units.
  const gaps: Reading[][] = groups.map((g, i) => {
    if (!g || g.length === 0) return [{ heads: [], labels: [], signature: null, cost: 0 }];
    return readGroup(g, { afterBody: i > 0, beforeBody: i < n, nextOpens: draftOpens(drafts[i]) }, model).map((r) => {
      const reading: Reading = { heads: [], labels: [], signature: null, cost: C.altReading * r.cost };
      for (const u of r.units) {
        if (u.leftover !== null && u.titleless && !u.byline) reading.labels.push(u.leftover);
        else if (u.titleless && u.byline && !u.column && !u.kicker && reading.heads.length === 0 && i > 0 && !drafts[i - 1].units.some((x) => x.kind === 'credit')) reading.signature = u;
        else reading.heads.push(u);
      }
      return reading;
    });
  });
  // Dynamic programme over drafts. State: trailing drafts still without a headline (a later gap may
  // give them headlines printed after them), whether the last assignment was "after", and how many
  // drafts ahead already have a headline from an earlier gap (headlines printed together before
  // several bodies).
  type State = { h: number; after: boolean; p: number };
  const key = (s: State): string => `${s.h}|${s.after ? 1 : 0}|${s.p}`;
  const unkey = (k: string): State => {
    const [h, a, q] = k.split('|');
    return { h: Number(h), after: a === '1', p: Number(q) };
  };
  const best: Map<string, Choice>[] = [];
  let layer = new Map<string, Choice>([[key({ h: 0, after: false, p: 0 }), { cost: 0, reading: 0, back: 0, forward: 0, from: '' }]]);
  for (let i = 0; i <= n; i++) {
    const next = new Map<string, Choice>();
    for (const [sk, ch] of layer) {
      const st = unkey(sk);
      for (let ri = 0; ri < gaps[i].length; ri++) {
        const units = gaps[i][ri].heads;
        for (let back = 0; back <= Math.min(st.h, units.length); back++) {
          // Units after the gap go, in order, to the drafts that follow (none if the next draft has one already).
          const maxForward = i < n && st.p === 0 ? Math.min(units.length - back, n - i) : 0;
          for (let forward = 0; forward <= maxForward; forward++) {
            let cost = ch.cost + gaps[i][ri].cost;
            // Drafts given a unit printed after them, nearest to the gap last.
            for (let k = 0; k < back; k++) {
              const dist = back - k;
              const d = drafts[i - dist];
              cost += (st.after || k > 0 ? C.afterAgain : C.after) + (dist > 1 ? C.afterFar * (dist - 1) : 0) + (draftOpens(d) ? C.afterWhenOpening : 0);
              cost -= C.match * headlineMatch(units[k], d);
            }
            const first = units.length - forward;
            for (let k = 0; k < forward; k++) cost += C.beforeFar * k - C.match * headlineMatch(units[first + k], drafts[i + k]);
            const left = units.slice(back, first);
            for (const u of left) cost += leftoverCost(u, i === 0 || i === n);
            // Trailing drafts without a headline stay reachable by a later gap only while no draft
            // after them takes one; those this gap passes over stay without a headline.
            const headed = st.p > 0 || forward > 0;
            const headless = i < n && !headed;
            let h: number;
            if (back === 0 && !(i < n && headed)) h = st.h + (headless ? 1 : 0);
            else {
              cost += C.noHeadline * (st.h - back);
              h = headless ? 1 : 0;
            }
            const ns: State = { h, after: back > 0, p: st.p > 0 ? st.p - 1 : Math.max(0, forward - 1) };
            const k2 = key(ns);
            const prev = next.get(k2);
            if (!prev || cost < prev.cost) next.set(k2, { cost, reading: ri, back, forward, from: sk });
          }
        }
      }
    }
    best.push(next);
    layer = next;
  }
  // A draft left without a headline at the end of the page.
  let endKey = '';
  let endCost = Infinity;
  for (const [k, ch] of best[n]) {
    const c = ch.cost + C.noHeadline * unkey(k).h;
    if (c < endCost || (c === endCost && k < endKey)) {
      endCost = c;
      endKey = k;
    }
  }
  // Trace back.
  let sk = endKey;
  for (let i = n; i >= 0; i--) {
    const ch = best[i].get(sk)!;
    const reading = gaps[i][ch.reading];
    const units = reading.heads;
    for (const t of reading.labels) other.push({ type: i === 0 || i === n ? 'banner' : 'label', text: t });
    if (reading.signature) {
      const u = reading.signature;
      drafts[i - 1].units.push({ kind: 'credit', text: u.byline!, lines: u.lines.flatMap((l) => (l.unit ? l.unit.lines : [])), opens: false, continues: false });
    }
    for (let k = 0; k < ch.back; k++) {
      const d = drafts[i - (ch.back - k)];
      d.headline = units[k];
      d.side = 'after';
      d.headLines = units[k].lines;
    }
    const first = units.length - ch.forward;
    for (let k = 0; k < ch.forward; k++) {
      const u = units[first + k];
      drafts[i + k].headline = u;
      drafts[i + k].side = 'before';
      drafts[i + k].headLines = u.lines;
    }
    const left = units.slice(ch.back, first);
    for (const u of left) other.push({ type: i === 0 || i === n ? 'banner' : 'label', text: unitText(u) });
    if (ch.back > 1) doubts.push({ line: units[0].lines[0].no, kind: 'assignment', message: `第${units[0].lines[0].no}行起的${ch.back}个标题排在几篇正文之后，按顺序分给了它们` });
    if (ch.forward > 1) doubts.push({ line: units[first].lines[0].no, kind: 'assignment', message: `第${units[first].lines[0].no}行起的${ch.forward}个标题排在几篇正文之前，按顺序分给了它们` });
    sk = ch.from;
  }
  return other;
}
