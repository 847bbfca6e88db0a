/**
 * @fileoverview The ingest stages in order: decode → lines → label → reflow → assemble →
 * confidence → check.
 * Each stage is a pure function in its own module; this file only chains them.
 */
import { assemble, type Article, type Doubt, type OtherBlock } from './assemble.ts';
import { PageError, decodePage, type PageEncoding } from './decode.ts';
import { checkConservation } from './invariants.ts';
import { detectLayout, splitGluedHeads, splitLines, type Layout, type Line } from './lines.ts';
import { reflow } from './reflow.ts';
import type { ChainModel } from './model/chain.ts';
import { confidence, type ArticleConfidence } from './confidence.ts';
import { headlineModel } from './headline.ts';
import { tagLines, taggerModel, type Tag, type TaggedLine } from './tagger.ts';

/** What the ingest makes of one page: the gold schema plus provenance for the site and report. */
export interface PageResult {
  /** The page file's name, e.g. `000_3f2cd97355706aaa.txt`. */
  seed: string;
  encoding: PageEncoding;
  layout: Layout;
  articles: Article[];
  /** First source line of each article, parallel to `articles`. */
  firstLines: number[];
  /** Source line numbers of each article, parallel to `articles`. */
  sourceLines: number[][];
  other: OtherBlock[];
  doubts: Doubt[];
  /** Per article: how sure the parse is of its boundaries and headline (parallel to `articles`). */
  confidence: ArticleConfidence[];
  /** Every line with its tag and the tagger's margin (confidence), in file order. */
  tagged: TaggedLine[];
  /** The page text as decoded (line ends normalised), for "original text" views. */
  text: string;
}

/** What a conversion may be given instead of the committed models (training and cross-validation). */
export interface ParseOptions {
  tagger?: ChainModel;
  headline?: ChainModel;
  /** Line tags to use instead of the tagger's (measuring the later stages alone: `eval --oracle`). */
  tags?: (lines: Line[]) => Tag[];
}

/** Converts decoded page text; throws {@link PageError} when characters would be lost. */
export function parsePageText(text: string, seed: string, encoding: PageEncoding = 'utf-8', options: ParseOptions = {}): PageResult {
  const lines = splitGluedHeads(splitLines(text.replace(/^\uFEFF/u, '')));
  if (lines.length === 0) throw new PageError(seed, 'the page holds no text');
  const layout = detectLayout(lines);
  const tagged = tagLines(lines, layout, options.tagger, options.tags?.(lines));
  const units = reflow(tagged);
  const { articles, firstLines, sourceLines, other, doubts, drafts } = assemble(units, layout, { headline: options.headline });
  const conf = confidence(articles, drafts, tagged, options.tagger ?? taggerModel(), options.headline ?? headlineModel());
  doubts.push(...conf.doubts);
  doubts.sort((a, b) => a.line - b.line);
  const violation = checkConservation(lines, { articles, other });
  if (violation) {
    const where = violation.line === null ? '' : ` (line ${violation.line}: "${violation.lineText}")`;
    throw new PageError(seed, `text lost or doubled in conversion${where}; missing "${violation.missing}", extra "${violation.extra}"`, violation.line);
  }
  return { seed, encoding, layout, articles, firstLines, sourceLines, other, doubts, confidence: conf.articles, tagged, text };
}

/** Converts a page file's bytes. */
export function parsePage(bytes: Uint8Array, seed: string, options: ParseOptions = {}): PageResult {
  const { text, encoding } = decodePage(bytes, seed);
  return parsePageText(text, seed, encoding, options);
}

/** The page result in exactly the gold schema (what `ingest --json` prints). */
export function toGoldJson(r: PageResult): { seed: string; articles: Article[]; other: OtherBlock[] } {
  return { seed: r.seed, articles: r.articles, other: r.other };
}
