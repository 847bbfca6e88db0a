/**
 * @fileoverview Stage 5 — assemble: units become articles in reading order, with headline
 * parts, credits, continuation flags and body blocks, plus the page's non-article blocks.
 *
 * Headlines may be printed before or after their article in the extraction; which one an article
 * gets is decided for the whole page at once (a small dynamic programme over the alternating
 * sequence of bodies and headline groups), so that every article gets the headline that costs
 * least overall. See issue #2.
 */
import { leadCredit, namesInCredit } from './credit.ts';
import { parseHeadline, splitColumnLabel, splitHeadlineLine, type HeadLine, type Headline } from './headline.ts';
import { opensArticle, startsWithMarkerFrom } from './label.ts';
import type { Unit } from './reflow.ts';
import { DISPATCH, MARKER_GLOBAL, displayWidth, endsSentence, markerDirection, phraseParts } from './text.ts';
import { OTHER_BLOCK_TYPES, type Article, type BodyBlock, type OtherBlock } from '../../core/schema.ts';

// The gold-schema types live in the one schema (core/schema.ts, issue 14); re-exported under their names.
export { OTHER_BLOCK_TYPES, type Article, type BodyBlock, type OtherBlock };

/** A decision the assembler was not sure of, for the report. */
export interface Doubt {
  line: number;
  message: string;
}

/** Articles and other blocks of one page, plus the assembler's doubts. */
export interface Assembly {
  articles: Article[];
  /** First source line of each article (parallel to `articles`). */
  firstLines: number[];
  /** Source line numbers each article was made from, ascending (parallel to `articles`). */
  sourceLines: number[][];
  other: OtherBlock[];
  doubts: Doubt[];
}

/** Body units of one article before its headline is known. */
interface Draft {
  units: Unit[];
  headline: Headline | null;
  /** Where the headline came from. */
  side: 'before' | 'after' | null;
  /** The headline lines taken. */
  headLines?: HeadLine[];
  /** Headline lines after this body that it could not take (it had a headline already). */
  extra?: HeadLine[];
  /** Lines after the page's last body that no article takes (a banner or slogan). */
  trailing?: HeadLine[];
}

type Item = { type: 'hg'; lines: HeadLine[] } | { type: 'body'; units: Unit[] } | { type: 'other'; block: OtherBlock };

/** True when a paragraph starts in the middle of a sentence (its start is on another page). */
export function startsMidSentence(text: string): boolean {
  const t = text.trim();
  if (opensArticle(t)) return false;
  return /^[，。、；：,.;:！？!?”’）)]/u.test(t) || /^\p{Script=Han}[，,、]/u.test(t) || /^(的|了|是|地|得|着|过|和|与|及|并|而|但|也|都|就|才|又|还|呢|吗|吧)/u.test(t);
}

/** Converts headline/credit units to headline lines, splitting off letter-spaced column labels. */
function toHeadLines(units: Unit[]): HeadLine[] {
  const out: HeadLine[] = [];
  for (const u of units) {
    const no = u.lines[0].no;
    if (u.kind === 'credit') {
      out.push({ kind: 'credit', text: u.text, glued: u.glued, no });
      continue;
    }
    const col = splitColumnLabel(u.text);
    if (col && phraseParts(col.rest).length <= 2) {
      out.push({ kind: 'column', text: col.label, glued: u.glued, no });
      out.push({ kind: 'head', text: col.rest, glued: false, no });
    } else out.push({ kind: 'head', text: u.text, glued: u.glued, no });
  }
  return out;
}

/**
 * Whether a lone headline-like line between paragraphs is a section heading (小标题) of the
 * article it sits in, rather than the headline of a new article.
 */
function isSectionHeading(run: Unit[], before: Unit | undefined, after: Unit | undefined, nextPara: Unit | undefined, strayStart: boolean): boolean {
  if (run.length !== 1 || run[0].kind !== 'head' || run[0].lines.length !== 1) return false;
  if (!before || (before.kind !== 'para' && before.kind !== 'caption' && before.kind !== 'credit')) return false;
  if (!after || (after.kind !== 'para' && after.kind !== 'caption')) return false;
  if (!nextPara) return false;
  if (splitHeadlineLine(run[0].text).kicker !== null) return false;
  if (opensArticle(nextPara.text)) return false;
  // Text that starts mid-sentence after the line means a new article whose beginning is elsewhere —
  // but only if the page does hold such a stray beginning.
  if (strayStart && startsMidSentence(nextPara.text)) return false;
  return true;
}

/**
 * Whether the page ends with a stray article beginning: after the last headline-like line, a
 * paragraph opens an article (dispatch or lead credit) and the page's text stops mid-sentence.
 */
function hasStrayStart(units: Unit[]): boolean {
  let lastHead = -1;
  units.forEach((u, i) => {
    if (u.kind === 'head') lastHead = i;
  });
  const tail = units.slice(lastHead + 1).filter((u) => u.kind === 'para');
  return tail.length > 0 && tail.some((u) => opensArticle(u.text)) && !endsSentence(tail[tail.length - 1].text);
}

/** Groups units into headline groups, bodies and other blocks. */
function toItems(units: Unit[], doubts: Doubt[]): Item[] {
  const items: Item[] = [];
  const strayStart = hasStrayStart(units);
  const pushBody = (u: Unit): void => {
    const last = items[items.length - 1];
    if (last && last.type === 'body') last.units.push(u);
    else items.push({ type: 'body', units: [u] });
  };
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u.kind === 'teaser') {
      items.push({ type: 'other', block: { type: 'teasers', text: u.text } });
      continue;
    }
    if (u.kind !== 'head' && u.kind !== 'credit') {
      pushBody(u);
      continue;
    }
    const inBody = items.length > 0 && items[items.length - 1].type === 'body';
    if (inBody && u.kind === 'credit' && units[i - 1]?.kind !== 'head') {
      // A credit after paragraphs belongs to the article it closes or sits in (printed after the lead).
      pushBody(u);
      continue;
    }
    let j = i;
    while (j < units.length && (units[j].kind === 'head' || units[j].kind === 'credit')) j++;
    const run = units.slice(i, j);
    const before = units[i - 1];
    const after = units[j];
    const nextPara = units.slice(j).find((x) => x.kind === 'para' || x.kind === 'marker');
    if (inBody && isSectionHeading(run, before, after, nextPara, strayStart)) {
      pushBody(u);
    } else {
      items.push({ type: 'hg', lines: toHeadLines(run) });
      if (run.length === 1 && u.kind === 'head' && inBody && nextPara && !opensArticle(nextPara.text)) {
        doubts.push({ line: u.lines[0].no, message: `read "${u.text}" between paragraphs as an article headline, not a section heading` });
      }
    }
    i = j - 1;
  }
  return items;
}

/** Splits a body run into drafts at paragraphs that open a new article. */
function splitBodies(units: Unit[]): Unit[][] {
  const out: Unit[][] = [];
  for (const u of units) {
    const opens = (u.kind === 'para' || u.kind === 'marker') && (opensArticle(u.text) || (u.kind === 'marker' && startsWithMarkerFrom(u.text)));
    const cur = out[out.length - 1];
    const curHasText = cur?.some((x) => x.kind === 'para' && !startsWithMarkerFrom(x.text));
    if (!cur || (opens && curHasText)) out.push([u]);
    else cur.push(u);
  }
  return out;
}

/** True when the draft opens with a dispatch, a lead credit or a marker. */
function draftOpens(d: Draft): boolean {
  const first = d.units.find((u) => u.kind === 'para' || u.kind === 'marker');
  return !!first && opensArticle(first.text);
}

/** Whether the split between `prefix` and `suffix` falls between two headline lines (which likely belong together). */
function pairSplit(prefix: HeadLine[], suffix: HeadLine[]): boolean {
  const a = prefix[prefix.length - 1];
  const b = suffix[0];
  return !!a && !!b && a.kind === 'head' && b.kind === 'head';
}

/** Costs of the headline decisions, tuned on the gold pages and on generated pages (npm run bench:ingest). */
const COST = {
  noHeadline: 8,
  /** Taking the headline printed after the body (extraction order), the first time on a page… */
  after: 1.5,
  /** …and when the previous article did the same: pages extract headlines after bodies in runs. */
  afterAgain: 0.5,
  afterWhenOpening: 0.5,
  leftoverLine: 2,
  pairSplit: 3,
  columnOnDispatch: 0.5,
  /** A short line left at the page end is a banner or slogan; a long one is more likely a headline. */
  bannerShort: 0.25,
  bannerLong: 2,
};

function bannerCost(lines: HeadLine[]): number {
  return lines.reduce((s, l) => s + (displayWidth(l.text) <= 10 ? COST.bannerShort : COST.bannerLong), 0);
}

/**
 * Assigns headline groups to bodies for the whole page: every body takes its headline from the
 * group right before it (the usual print order) or right after it (extraction put it after),
 * and a group between two bodies may be split between them. Minimises the summed cost with a
 * dynamic programme whose state is (this body got a headline from before, the previous body
 * took its headline from after).
 */
function assignHeadlines(drafts: Draft[], groups: (HeadLine[] | null)[], doubts: Doubt[]): void {
  // groups[i] sits before drafts[i]; groups[drafts.length] after the last.
  const n = drafts.length;
  type State = { before: boolean; prevAfter: boolean };
  type Choice = { cost: number; k: number; from: string | null };
  const key = (s: State): string => `${s.before ? 'b' : '-'}${s.prevAfter ? 'a' : '-'}`;
  const unkey = (k: string): State => ({ before: k[0] === 'b', prevAfter: k[1] === 'a' });
  const splits = (g: HeadLine[]): number[] => {
    const ks: number[] = [];
    for (let k = 0; k <= g.length; k++) if (k === 0 || k === g.length || !g[k].glued) ks.push(k);
    return ks;
  };
  const partCost = (part: HeadLine[], d: Draft | undefined): number => {
    if (part.length === 0) return 0;
    const h = parseHeadline(part);
    let c = h.cost;
    if (h.column && d && draftOpens(d) && DISPATCH.test(d.units[0].text)) c += COST.columnOnDispatch;
    return c;
  };
  const best: Map<string, Choice>[] = [new Map()];
  const g0 = groups[0] ?? [];
  best[0].set(key({ before: g0.length > 0, prevAfter: false }), { cost: partCost(g0, drafts[0]), k: 0, from: null });
  for (let i = 0; i < n; i++) {
    best[i + 1] = new Map();
    const g = groups[i + 1] ?? [];
    const last = i === n - 1;
    const d = drafts[i];
    for (const [sk, ch] of best[i]) {
      const st = unkey(sk);
      for (const k of splits(g)) {
        // After a last body that has its headline, whatever follows is one banner block.
        if (last && st.before && k !== 0) continue;
        const prefix = g.slice(0, k);
        const suffix = g.slice(k);
        let cost = ch.cost;
        let tookAfter = false;
        if (st.before) {
          cost += last ? bannerCost(prefix) : COST.leftoverLine * prefix.length;
        } else if (prefix.length > 0) {
          tookAfter = true;
          cost += (st.prevAfter ? COST.afterAgain : COST.after) + (draftOpens(d) ? COST.afterWhenOpening : 0) + partCost(prefix, d);
        } else cost += COST.noHeadline;
        if (last) cost += bannerCost(suffix);
        else {
          cost += partCost(suffix, drafts[i + 1]);
          if (prefix.length && suffix.length && pairSplit(prefix, suffix)) cost += COST.pairSplit;
        }
        const next = key({ before: !last && suffix.length > 0, prevAfter: tookAfter });
        const prev = best[i + 1].get(next);
        if (!prev || cost < prev.cost) best[i + 1].set(next, { cost, k, from: sk });
      }
    }
  }
  // Trace back from the cheapest end state.
  let sk = [...best[n].entries()].sort((a, b) => a[1].cost - b[1].cost || (a[0] < b[0] ? -1 : 1))[0][0];
  for (let i = n; i >= 1; i--) {
    const ch = best[i].get(sk)!;
    const from = unkey(ch.from!);
    const g = groups[i] ?? [];
    const prefix = g.slice(0, ch.k);
    const suffix = g.slice(ch.k);
    const d = drafts[i - 1];
    if (!from.before && prefix.length) {
      d.headline = parseHeadline(prefix);
      d.side = 'after';
      d.headLines = prefix;
    } else if (prefix.length) d.extra = prefix;
    if (i < n && prefix.length && suffix.length && !from.before) {
      doubts.push({ line: suffix[0].no, message: `split the headline lines at ${prefix[0].no}–${suffix[suffix.length - 1].no} between the article before them and the one after` });
    }
    if (i < n && suffix.length) {
      drafts[i].headline = parseHeadline(suffix);
      drafts[i].side = 'before';
      drafts[i].headLines = suffix;
    } else if (i === n && suffix.length) d.trailing = suffix;
    sk = ch.from!;
  }
  if (g0.length && drafts[0]) {
    drafts[0].headline = parseHeadline(g0);
    drafts[0].side = 'before';
    drafts[0].headLines = g0;
  }
}

/** Character bigrams of a text, for matching a stray article start with its rest. */
function bigrams(s: string): Set<string> {
  const t = s.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / Math.max(1, Math.min(a.size, b.size));
}

function draftText(d: Draft): string {
  return d.units.map((u) => u.text).join('');
}

function firstPara(d: Draft): Unit | undefined {
  return d.units.find((u) => u.kind === 'para');
}

function hasCredit(d: Draft): boolean {
  if (d.headline?.byline) return true;
  if (d.units.some((u) => u.kind === 'credit')) return true;
  const p = firstPara(d);
  return !!p && leadCredit(p.text) !== null;
}

/**
 * An article whose start was extracted elsewhere on the page (typically at the end) is a body
 * with no headline of its own that ends mid-sentence; it is put back in front of the article
 * that starts mid-sentence and shares most wording with it.
 */
function rejoinStrays(drafts: Draft[], doubts: Doubt[]): Draft[] {
  const out = [...drafts];
  for (const stray of drafts) {
    if (stray.headline) continue;
    const lastPara = [...stray.units].reverse().find((u) => u.kind === 'para');
    if (!lastPara || endsSentence(lastPara.text)) continue;
    const sb = bigrams(draftText(stray));
    let host: Draft | null = null;
    let bestScore = 0;
    for (const d of out) {
      if (d === stray || !d.headline) continue;
      const fp = firstPara(d);
      if (!fp || !startsMidSentence(fp.text) || hasCredit(d)) continue;
      const score = overlap(sb, bigrams(draftText(d)));
      if (score > bestScore) {
        bestScore = score;
        host = d;
      }
    }
    if (!host) continue;
    const fp = firstPara(host)!;
    const joined: Unit = { ...lastPara, text: lastPara.text + fp.text, lines: [...lastPara.lines, ...fp.lines] };
    const strayUnits = stray.units.filter((u) => u !== lastPara);
    const idx = host.units.indexOf(fp);
    host.units = [...host.units.slice(0, idx), ...strayUnits, joined, ...host.units.slice(idx + 1)];
    out.splice(out.indexOf(stray), 1);
    doubts.push({ line: stray.units[0].lines[0].no, message: `joined the article start at line ${stray.units[0].lines[0].no} to the article that continues it (line ${fp.lines[0].no})` });
  }
  return out;
}

/** Builds an article from a draft. */
function toArticle(d: Draft): Article {
  const h = d.headline;
  const a: Article = {
    column: h?.column ?? null,
    kicker: h?.kicker ?? null,
    title: h?.title ?? null,
    subtitle: h?.subtitle ?? null,
    byline: h?.byline ?? null,
    authors: [],
    continued_from: null,
    continued_to: null,
    truncated_start: false,
    truncated_end: false,
    body: [],
  };
  for (const u of d.units) {
    if (u.kind === 'credit' && a.byline === null) a.byline = u.text;
    else if (u.kind === 'head') a.body.push({ type: 'h', text: u.text });
    else if (u.kind === 'caption') a.body.push({ type: 'caption', text: u.text });
    else a.body.push({ type: 'p', text: u.text });
  }
  const paras = a.body.filter((b) => b.type === 'p');
  for (const p of paras) {
    for (const m of p.text.matchAll(MARKER_GLOBAL)) {
      if (markerDirection(m[1]) === 'from' && a.continued_from === null) a.continued_from = m[2].replace(/\s+/g, '');
      if (markerDirection(m[1]) === 'to') a.continued_to = m[2].replace(/\s+/g, '');
    }
  }
  const credit = a.byline ?? paras.map((p) => leadCredit(p.text.replace(MARKER_GLOBAL, ''))).find((c) => c !== null) ?? null;
  a.authors = credit ? namesInCredit(credit) : [];
  const firstText = paras.map((p) => p.text.replace(MARKER_GLOBAL, '').trim()).find((t) => t.length > 0);
  a.truncated_start = a.continued_from === null && !!firstText && startsMidSentence(firstText);
  const lastText = paras.length ? paras[paras.length - 1].text.replace(MARKER_GLOBAL, '').trim() : '';
  a.truncated_end = a.continued_to === null && lastText.length > 0 && !endsSentence(lastText) && !/[：:—]$/u.test(lastText);
  return a;
}

/**
 * A series label with its introduction (`新年新开局` + `…特别推出“新年新开局”栏目…`) reads like a
 * one-paragraph article titled with the label; the introduction naming the label in quotes gives it away.
 */
function isSeriesIntro(a: Article): boolean {
  if (!a.title || a.kicker || a.subtitle || a.column || a.byline || a.authors.length) return false;
  const paras = a.body.filter((b) => b.type === 'p');
  if (paras.length !== 1 || a.body.length !== 1) return false;
  return paras[0].text.includes(`“${a.title}”`) || paras[0].text.includes(`《${a.title}》`);
}

/** Assembles a page's units into articles and other blocks. */
export function assemble(units: Unit[]): Assembly {
  const doubts: Doubt[] = [];
  const items = toItems(units, doubts);
  const other: OtherBlock[] = [];
  // Alternating bodies and headline groups; other blocks are set aside in place.
  const drafts: Draft[] = [];
  const groups: (HeadLine[] | null)[] = [null];
  for (const it of items) {
    if (it.type === 'other') {
      other.push(it.block);
      continue;
    }
    if (it.type === 'hg') {
      const cur = groups[drafts.length];
      groups[drafts.length] = cur ? [...cur, ...it.lines] : it.lines;
      continue;
    }
    for (const b of splitBodies(it.units)) {
      drafts.push({ units: b, headline: null, side: null });
      groups.push(null);
    }
  }
  if (drafts.length === 0) {
    for (const g of groups) for (const l of g ?? []) other.push({ type: l.kind === 'credit' ? 'credit' : 'label', text: l.text });
    return { articles: [], firstLines: [], sourceLines: [], other, doubts };
  }
  assignHeadlines(drafts, groups, doubts);
  for (const d of drafts) {
    for (const l of d.headline?.leftovers ?? []) other.push({ type: 'label', text: l.text });
    for (const l of d.extra ?? []) other.push({ type: l.kind === 'credit' ? 'credit' : 'label', text: l.text });
    if (d.trailing?.length) other.push({ type: 'banner', text: d.trailing.map((l) => l.text).join(' ') });
  }
  const joined = rejoinStrays(drafts, doubts);
  const articles: Article[] = [];
  const firstLines: number[] = [];
  const sourceLines: number[][] = [];
  for (const d of joined) {
    const a = toArticle(d);
    if (isSeriesIntro(a)) {
      other.push({ type: 'label', text: a.title! }, { type: 'intro', text: a.body[0].text });
      continue;
    }
    if (!a.title) doubts.push({ line: d.units[0].lines[0].no, message: 'article without a headline on this page' });
    articles.push(a);
    firstLines.push(d.units[0].lines[0].no);
    const nos = new Set<number>();
    for (const u of d.units) for (const l of u.lines) nos.add(l.no);
    for (const l of d.headLines ?? []) nos.add(l.no);
    sourceLines.push([...nos].sort((x, y) => x - y));
  }
  return { articles, firstLines, sourceLines, other, doubts };
}
