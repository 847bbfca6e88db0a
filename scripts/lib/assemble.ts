/**
 * @fileoverview Stage 5 — assemble: units become articles in reading order, with headline parts,
 * credits, continuation flags and body blocks, plus the page's non-article blocks. The steps, each
 * in its own module under assemble/: items (headline groups, bodies, other blocks) → rejoin (text
 * printed out of order put back) → assign (which headline each article takes, page-wide) →
 * article (the gold schema's fields).
 */
import { joinPhotoBreaks, toArticle } from './assemble/article.ts';
import { assignHeadlines } from './assemble/assign.ts';
import { toDrafts, toItems, type Draft } from './assemble/items.ts';
import { otherType } from './assemble/other.ts';
import { rejoin } from './assemble/rejoin.ts';
import { mergeSections } from './assemble/sections.ts';
import type { Layout } from './lines.ts';
import type { ChainModel } from './model/chain.ts';
import type { Unit } from './reflow.ts';
import { OTHER_BLOCK_TYPES, type Article, type BodyBlock, type Doubt, type OtherBlock } from '../../core/schema.ts';

// The gold-schema types live in the one schema (core/schema.ts, issue 14); re-exported under their names.
export { OTHER_BLOCK_TYPES, type Article, type BodyBlock, type OtherBlock };

/** A decision the parser was not sure of, for the report (the schema's). */
export type { Doubt };

/** Articles and other blocks of one page, plus the assembler's doubts. */
export interface Assembly {
  articles: Article[];
  /** First source line of each article (parallel to `articles`). */
  firstLines: number[];
  /** Source line numbers each article was made from, ascending (parallel to `articles`). */
  sourceLines: number[][];
  /** The drafts the articles were made from (parallel to `articles`), for confidence figures. */
  drafts: Draft[];
  other: OtherBlock[];
  doubts: Doubt[];
}

/**
 * A series label with its introduction (`新年新开局` + `…特别推出“新年新开局”栏目…`) reads like a
 * one-paragraph article titled with the label; the introduction naming the label in quotes gives
 * it away (SCHEMA.md: both are non-article blocks).
 */
function isSeriesIntro(a: Article): boolean {
  if (!a.title || a.kicker || a.subtitle || a.column || a.byline || a.authors.length) return false;
  if (a.body.length !== 1 || a.body[0].type !== 'p') return false;
  const t = a.body[0].text;
  return t.includes(`“${a.title}”`) || t.includes(`《${a.title}》`) || t.includes(`「${a.title}」`);
}

/** Assembles a page's units into articles and other blocks. */
export function assemble(units: Unit[], layout: Layout, models: { headline?: ChainModel } = {}): Assembly {
  const doubts: Doubt[] = [];
  const other: OtherBlock[] = [];
  const otherUnits: Unit[] = [];
  const items = toItems(units);
  const split = toDrafts(items, other, otherUnits);
  other.forEach((o, i) => (o.type = otherType(otherUnits[i])));
  const joined = rejoin(split.drafts, split.groups, layout, doubts);
  const { drafts, groups } = mergeSections(joined.drafts, joined.groups, doubts);
  if (drafts.length === 0) {
    for (const g of groups) for (const l of g ?? []) other.push({ type: l.kind === 'credit' ? 'credit' : 'label', text: l.text });
    return { articles: [], firstLines: [], sourceLines: [], drafts: [], other, doubts };
  }
  other.push(...assignHeadlines(drafts, groups, doubts, models.headline));
  const articles: Article[] = [];
  const firstLines: number[] = [];
  const sourceLines: number[][] = [];
  const kept: Draft[] = [];
  for (const d of drafts) {
    // Joined on the draft itself: the confidence and the source lines read its units.
    d.units = joinPhotoBreaks(d.units);
    const a = toArticle(d);
    if (isSeriesIntro(a)) {
      other.push({ type: 'label', text: a.title! }, { type: 'intro', text: a.body[0].text });
      continue;
    }
    if (!a.title) doubts.push({ line: d.units[0].lines[0].no, article: articles.length, kind: 'missing-headline', message: `第${articles.length + 1}篇（第${d.units[0].lines[0].no}行起）在本版没有标题` });
    articles.push(a);
    kept.push(d);
    const nos = new Set<number>();
    for (const u of d.units) for (const l of u.lines) nos.add(l.no);
    for (const l of d.headLines ?? []) nos.add(l.no);
    const sorted = [...nos].sort((x, y) => x - y);
    sourceLines.push(sorted);
    firstLines.push(Math.min(d.units[0].lines[0].no, ...(d.headLines ?? []).map((l) => l.no)));
  }
  return { articles, firstLines, sourceLines, drafts: kept, other, doubts };
}
