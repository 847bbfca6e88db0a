/**
 * @fileoverview Scores the ingest against expected JSON in the gold schema (issue #10), the way
 * the archive is measured: articles matched one to one by body character F1 ≥ 0.8; then, per
 * expected article, the full headline (column + kicker + title + subtitle), the title and the
 * authors exactly; paragraph breaks as an F1 over block boundaries; spacing inside paragraphs; and
 * whether every character of the page was kept. All comparisons ignore white space except spacing.
 */

/** The article fields scored (a subset of the gold schema's article). */
export interface ScoredArticle {
  column: string | null;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  authors: string[];
  body: { type: string; text: string }[];
}

/** Counts for one page; summed over pages for a part or a convention. */
export interface Counts {
  pages: number;
  /** Pages converted with every character kept (the parser refuses a page that would lose one). */
  kept: number;
  gold: number;
  predicted: number;
  matched: number;
  headline: number;
  title: number;
  authors: number;
  breaksTp: number;
  breaksFp: number;
  breaksFn: number;
  spacingOk: number;
  spacingAll: number;
}

/** The scores the issue names, each in [0, 1]. */
export interface Scores {
  kept: number;
  articleF1: number;
  headline: number;
  title: number;
  paragraphF1: number;
  authors: number;
  spacing: number;
}

/** Body-match threshold: a predicted article is the expected one when their body characters agree this well. */
export const MATCH_F1 = 0.8;
/** Characters either side of a block boundary that identify it across two parses of the same text. */
const BREAK_CONTEXT = 8;

export function emptyCounts(): Counts {
  return { pages: 0, kept: 0, gold: 0, predicted: 0, matched: 0, headline: 0, title: 0, authors: 0, breaksTp: 0, breaksFp: 0, breaksFn: 0, spacingOk: 0, spacingAll: 0 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  const out = { ...a };
  for (const k of Object.keys(b) as (keyof Counts)[]) out[k] += b[k];
  return out;
}

const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/gu, '');

function charBag(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const ch of s) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

/** Character F1 between two texts as multisets of characters (white space removed). */
export function charF1(a: string, b: string): number {
  const x = squash(a);
  const y = squash(b);
  if (!x.length && !y.length) return 1;
  if (!x.length || !y.length) return 0;
  const bx = charBag(x);
  let common = 0;
  for (const [ch, n] of charBag(y)) common += Math.min(n, bx.get(ch) ?? 0);
  return (2 * common) / ([...x].length + [...y].length);
}

function bodyText(a: ScoredArticle): string {
  return a.body.map((b) => b.text).join('');
}

/** One-to-one matching of expected to predicted articles, best body agreement first. */
export function matchArticles(gold: ScoredArticle[], pred: ScoredArticle[]): Map<number, number> {
  const pairs: { g: number; p: number; f: number }[] = [];
  gold.forEach((g, gi) => {
    pred.forEach((p, pi) => {
      const f = charF1(bodyText(g), bodyText(p));
      if (f >= MATCH_F1) pairs.push({ g: gi, p: pi, f });
    });
  });
  pairs.sort((a, b) => b.f - a.f || a.g - b.g || a.p - b.p);
  const out = new Map<number, number>();
  const used = new Set<number>();
  for (const { g, p } of pairs) {
    if (out.has(g) || used.has(p)) continue;
    out.set(g, p);
    used.add(p);
  }
  return out;
}

/** Block boundaries of a body, each identified by the characters around it. */
function breaks(a: ScoredArticle): string[] {
  const texts = a.body.map((b) => squash(b.text));
  const all = texts.join('');
  const out: string[] = [];
  let pos = 0;
  for (let i = 0; i < texts.length - 1; i++) {
    pos += texts[i].length;
    out.push(`${all.slice(Math.max(0, pos - BREAK_CONTEXT), pos)}|${all.slice(pos, pos + BREAK_CONTEXT)}`);
  }
  return out;
}

function multisetOverlap(a: string[], b: string[]): number {
  const m = new Map<string, number>();
  for (const x of a) m.set(x, (m.get(x) ?? 0) + 1);
  let n = 0;
  for (const x of b) {
    const k = m.get(x) ?? 0;
    if (k > 0) {
      n++;
      m.set(x, k - 1);
    }
  }
  return n;
}

/** Scores one page; `pred` is null when the parser refused the page. */
export function scorePage(gold: ScoredArticle[], pred: ScoredArticle[] | null): Counts {
  const c = emptyCounts();
  c.pages = 1;
  c.gold = gold.length;
  for (const g of gold) c.breaksFn += Math.max(0, g.body.length - 1);
  if (!pred) return c;
  c.kept = 1;
  c.predicted = pred.length;
  const m = matchArticles(gold, pred);
  c.breaksFn = 0;
  gold.forEach((g, gi) => {
    const pi = m.get(gi);
    const gb = breaks(g);
    if (pi === undefined) {
      c.breaksFn += gb.length;
      return;
    }
    const p = pred[pi];
    c.matched++;
    const same = (x: string | null, y: string | null): boolean => squash(x) === squash(y);
    if (same(g.title, p.title)) c.title++;
    if (same(g.column, p.column) && same(g.kicker, p.kicker) && same(g.title, p.title) && same(g.subtitle, p.subtitle)) c.headline++;
    if (g.authors.length === p.authors.length && g.authors.every((x, i) => squash(x) === squash(p.authors[i]))) c.authors++;
    const pb = breaks(p);
    const tp = multisetOverlap(gb, pb);
    c.breaksTp += tp;
    c.breaksFn += gb.length - tp;
    c.breaksFp += pb.length - tp;
    for (const b of g.body) {
      const q = p.body.find((x) => squash(x.text) === squash(b.text));
      if (!q) continue;
      c.spacingAll++;
      if (q.text.trim() === b.text.trim()) c.spacingOk++;
    }
  });
  return c;
}

const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** The scores of summed counts. */
export function scores(c: Counts): Scores {
  return {
    kept: ratio(c.kept, c.pages),
    articleF1: c.gold + c.predicted === 0 ? 1 : f1(ratio(c.matched, c.predicted), ratio(c.matched, c.gold)),
    headline: ratio(c.headline, c.gold),
    title: ratio(c.title, c.gold),
    paragraphF1: c.breaksTp + c.breaksFp + c.breaksFn === 0 ? 1 : f1(ratio(c.breaksTp, c.breaksTp + c.breaksFp), ratio(c.breaksTp, c.breaksTp + c.breaksFn)),
    authors: ratio(c.authors, c.gold),
    spacing: ratio(c.spacingOk, c.spacingAll),
  };
}

/** Labels of the scores, in table order. */
export const SCORE_LABELS: [keyof Scores, string][] = [
  ['kept', 'nothing lost'],
  ['articleF1', 'article F1'],
  ['headline', 'full headline'],
  ['title', 'title'],
  ['paragraphF1', 'paragraph F1'],
  ['authors', 'authors'],
  ['spacing', 'spacing'],
];

/** Why an expected article was not matched, or what differs in a matched one (for `eval --errors`). */
export function describeErrors(gold: (ScoredArticle & { byline?: string | null })[], pred: (ScoredArticle & { byline?: string | null })[] | null): string[] {
  if (!pred) return ['page refused'];
  const out: string[] = [];
  const m = matchArticles(gold, pred);
  const matchedPred = new Set(m.values());
  const bag = (a: ScoredArticle): Map<string, number> => charBag(squash(bodyText(a)));
  const overlap = (a: Map<string, number>, b: Map<string, number>): number => {
    let n = 0;
    for (const [ch, k] of a) n += Math.min(k, b.get(ch) ?? 0);
    return n;
  };
  const predBags = pred.map(bag);
  gold.forEach((g, gi) => {
    const t = (g.title ?? '').slice(0, 14);
    const pi = m.get(gi);
    if (pi === undefined) {
      const gb = bag(g);
      const size = [...gb.values()].reduce((s, k) => s + k, 0);
      const shares = predBags.map((pb) => overlap(gb, pb) / Math.max(1, size));
      const top = shares.map((x, i) => [x, i] as const).sort((a, b) => b[0] - a[0]);
      if (top.length === 0 || top[0][0] < 0.3) out.push(`missing 「${t}」: its text is mostly in no article`);
      else if (top[0][0] >= 0.8) out.push(`merged 「${t}」 into an article with other text (「${(pred[top[0][1]].title ?? '').slice(0, 14)}」)`);
      else out.push(`split 「${t}」 across articles (${top.filter((x) => x[0] >= 0.1).length} pieces)`);
      return;
    }
    const p = pred[pi];
    const diff = (['column', 'kicker', 'title', 'subtitle'] as const).filter((k) => squash(g[k]) !== squash(p[k]));
    if (diff.length) out.push(`headline 「${t}」: ${diff.map((k) => `${k} ${JSON.stringify(p[k])} ≠ ${JSON.stringify(g[k])}`).join('; ')}`);
    if (g.authors.join('、') !== p.authors.join('、')) out.push(`authors 「${t}」: [${p.authors.join(',')}] ≠ [${g.authors.join(',')}]`);
  });
  pred.forEach((p, pi) => {
    if (!matchedPred.has(pi)) out.push(`extra article 「${(p.title ?? '').slice(0, 14)}」 (${squash(bodyText(p)).length} chars)`);
  });
  return out;
}
