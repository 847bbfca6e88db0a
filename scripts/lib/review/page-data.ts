/**
 * @fileoverview What the review page shows (issue 11): the pages to review, lowest confidence
 * first and most doubts first (from report.json), and one page — its lines with the article or
 * block each went to, its articles as parsed and corrected, its doubts and corrections. Pure.
 */
import { TEXT_FIELDS, type Article, type CorrectionStatus, type Doubt, type OtherBlock, type Report, type TextField } from '../../../core/schema.ts';
import type { AppliedFix, FixItem } from '../corrections.ts';
import { describe } from '../corrections.ts';
import type { PageResult } from '../pipeline.ts';

/** One page in the lists. */
export interface PageSummary {
  seed: string;
  id: string;
  ok: boolean;
  error: string | null;
  articles: number;
  doubts: number;
  /** The lowest chance of any article's boundary or headline being right (1 when it has no articles). */
  lowest: number;
  corrections: number;
  stale: number;
}

/** The pages of the archive for the lists: every page file, with the report's figures where it has them. */
export function pageSummaries(seeds: string[], report: Report | null): PageSummary[] {
  const bySeed = new Map((report?.reports ?? []).map((r) => [r.seed, r]));
  return seeds.map((seed) => {
    const r = bySeed.get(seed);
    const lows = (r?.confidence ?? []).map((c) => Math.min(c.boundary, c.headline ?? 1));
    return {
      seed,
      id: r?.id ?? seed.replace(/\.txt$/u, ''),
      ok: r?.ok ?? false,
      error: r ? (r.error ?? null) : '尚未转换（运行 ingest 后刷新）',
      articles: r?.articles ?? 0,
      doubts: r?.doubts?.length ?? 0,
      lowest: lows.length ? Math.min(...lows) : 1,
      corrections: r?.corrections?.items.length ?? 0,
      stale: r?.corrections?.items.filter((i) => i.status === 'stale').length ?? 0,
    };
  });
}

/** A line of the page file and where its text went. */
export interface LineView {
  no: number;
  text: string;
  /** Article indices holding the line (reading order, from 0); empty: a non-article block, or blank. */
  articles: number[];
}

/** An article as the review page shows it. */
export interface ArticleView {
  index: number;
  id: string | null;
  fields: Record<TextField, string | null>;
  authors: string[];
  continued_from: string | null;
  continued_to: string | null;
  truncated_start: boolean;
  truncated_end: boolean;
  /** The body as printed (what quotes are made from), and the text after text corrections. */
  blocks: { type: Article['body'][number]['type']; text: string; corrected: string }[];
  /** Corrected headline parts (after text corrections). */
  correctedFields: Record<TextField, string | null>;
  lines: number[];
  confidence: { boundary: number; headline: number | null };
  corrected: boolean;
}

/** One correction of the page's file and what became of it. */
export interface CorrectionView {
  n: number;
  line: number | null;
  what: string;
  status: CorrectionStatus['status'] | 'error';
  message: string | null;
}

/** Everything the page view needs. */
export interface PageView {
  seed: string;
  fixFile: string;
  yaml: string;
  lines: LineView[];
  articles: ArticleView[];
  other: OtherBlock[];
  doubts: Doubt[];
  corrections: CorrectionView[];
  fixes: AppliedFix[];
  /** Set when the page (or its corrections file) cannot be parsed: the message, in the page's words. */
  error: string | null;
}

/**
 * The page view from its parse as printed (`printed`: structural corrections applied, text
 * corrections not — the text quotes are made from) and as published (`full`), which have the same
 * articles and blocks.
 */
export function pageView(args: { seed: string; fixFile: string; yaml: string; items: FixItem[]; printed: PageResult; full: PageResult; ids: string[] | null }): PageView {
  const { printed, full } = args;
  const owners = new Map<number, number[]>();
  printed.sourceLines.forEach((nos, i) => nos.forEach((n) => owners.set(n, [...(owners.get(n) ?? []), i])));
  const lines = printed.text.split('\n').map((text, k) => ({ no: k + 1, text, articles: owners.get(k + 1) ?? [] }));
  const statuses = new Map((full.corrections?.statuses ?? []).map((s) => [s.n, s]));
  const fields = (a: Article) => Object.fromEntries(TEXT_FIELDS.map((f) => [f, a[f]])) as Record<TextField, string | null>;
  return {
    seed: args.seed,
    fixFile: args.fixFile,
    yaml: args.yaml,
    lines,
    articles: printed.articles.map((a, i) => {
      const f = full.articles[i] ?? a;
      return {
        index: i,
        id: args.ids?.[i] ?? null,
        fields: fields(a),
        correctedFields: fields(f),
        authors: f.authors,
        continued_from: f.continued_from,
        continued_to: f.continued_to,
        truncated_start: f.truncated_start,
        truncated_end: f.truncated_end,
        blocks: a.body.map((b, k) => ({ type: b.type, text: b.text, corrected: f.body[k]?.text ?? b.text })),
        lines: printed.sourceLines[i],
        confidence: full.confidence[i] ?? printed.confidence[i],
        corrected: full.corrections?.corrected[i] ?? false,
      };
    }),
    other: printed.other,
    doubts: full.doubts,
    corrections: args.items.map((it) => {
      const s = statuses.get(it.n);
      return { n: it.n, line: it.line, what: describe(it.correction), status: s?.status ?? 'error', message: s?.message ?? null };
    }),
    fixes: full.fixes ?? [],
    error: null,
  };
}
