/**
 * @fileoverview The ingest stages in order: decode → lines → label → reflow → assemble →
 * confidence → check.
 * Each stage is a pure function in its own module; this file only chains them.
 */
import { assemble, type Article, type Doubt, type OtherBlock } from './assemble.ts';
import { PageError, decodePage, type PageEncoding } from './decode.ts';
import { checkConservation } from './invariants.ts';
import { detectLayout, pageLines, splitLines, type Layout, type Line } from './lines.ts';
import { reflow } from './reflow.ts';
import type { ChainModel } from './model/chain.ts';
import { confidence, type ArticleConfidence } from './confidence.ts';
import { headlineModel } from './headline.ts';
import { tagLines, taggerModel, type Tag, type TaggedLine } from './tagger.ts';
import { applyCorrections, printedText, type AppliedFix, type FixFile } from './corrections.ts';
import type { CorrectionStatus } from '../../core/schema.ts';
import type { PageLook } from './pdf/look.ts';
import type { Box } from './pdf/types.ts';
import { articleRegions } from './regions.ts';

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
  /** Text corrections applied (issue 11): where, the printed text and the corrected. */
  fixes?: AppliedFix[];
  /** The page's corrections file and what became of each correction (issue 11). */
  corrections?: { file: string; statuses: CorrectionStatus[]; warnings: string[]; corrected: boolean[] };
  /** Per article (parallel to `articles`), where it is printed: PDF points, page as displayed (issue #16); only for pages read from a PDF. */
  regions?: Box[][];
}

/** What a conversion may be given instead of the committed models (training and cross-validation). */
export interface ParseOptions {
  tagger?: ChainModel;
  headline?: ChainModel;
  /** Line tags to use instead of the tagger's (measuring the later stages alone: `eval --oracle`). */
  tags?: (lines: Line[]) => Tag[];
  /** The page's corrections (issue 11, scripts/lib/corrections.ts), applied after assembly. */
  corrections?: FixFile;
  /** A stale correction fails the page (default) or is skipped with a warning. */
  staleCorrections?: 'error' | 'warn';
  /** Leave text corrections out (the review tool, which quotes the printed text). */
  skipTextCorrections?: boolean;
  /** The printed look of the page's lines, for a page read from a PDF (issue #16, pdf/look.ts): constraints on the tagger and headline reading, and article regions. */
  look?: PageLook;
}

/** Converts decoded page text; throws {@link PageError} when characters would be lost. */
export function parsePageText(text: string, seed: string, encoding: PageEncoding = 'utf-8', options: ParseOptions = {}): PageResult {
  const lines = pageLines(text.replace(/^\uFEFF/u, ''));
  if (lines.length === 0) throw new PageError(seed, 'the page holds no text');
  const layout = detectLayout(lines);
  const tagged = tagLines(lines, layout, options.tagger, options.tags?.(lines), options.look);
  const units = reflow(tagged);
  const { articles, firstLines, sourceLines, other, doubts, drafts } = assemble(units, layout, { headline: options.headline });
  const conf = confidence(articles, drafts, tagged, options.tagger ?? taggerModel(), options.headline ?? headlineModel());
  doubts.push(...conf.doubts);
  doubts.sort((a, b) => a.line - b.line);
  const parsed = { articles, firstLines, sourceLines, other, doubts, confidence: conf.articles };
  // Issue 11: the archivist's corrections, anchored on quoted text; conservation is checked after
  // them, over the printed text (a text correction keeps what was printed).
  const page = options.corrections
    ? applyCorrections(parsed, lines, options.corrections, { seed, stale: options.staleCorrections, touched: reviewed, skipText: options.skipTextCorrections })
    : { ...parsed, fixes: [] };
  // Against the file's own lines, not the stages' (split and reordered) ones: a fault in splitting is caught too.
  const violation = checkConservation(splitLines(text.replace(/^\uFEFF/u, '')), printedText(page));
  if (violation) {
    const where = violation.line === null ? '' : ` (line ${violation.line}: "${violation.lineText}")`;
    throw new PageError(seed, `text lost or doubled in conversion${where}; missing "${violation.missing}", extra "${violation.extra}"`, violation.line);
  }
  const corrections = 'statuses' in page ? { file: options.corrections!.name, statuses: page.statuses, warnings: page.warnings, corrected: page.corrected } : undefined;
  const regions = options.look ? { regions: articleRegions(page.sourceLines, options.look) } : {};
  return { seed, encoding, layout, articles: page.articles, firstLines: page.firstLines, sourceLines: page.sourceLines, other: page.other, doubts: page.doubts, confidence: page.confidence, tagged, text, fixes: page.fixes, corrections, ...regions };
}

/** The confidence of an article an archivist corrected: certain. */
function reviewed(a: Article): ArticleConfidence {
  return { boundary: 1, headline: a.column || a.kicker || a.title || a.subtitle ? 1 : null };
}

/** Converts a page file's bytes. */
export function parsePage(bytes: Uint8Array, seed: string, options: ParseOptions = {}): PageResult {
  const { text, encoding } = decodePage(bytes, seed);
  return parsePageText(text, seed, encoding, options);
}

/** The page result in exactly the gold schema (what `ingest --json` prints); a page read from a PDF gives each article its regions. */
export function toGoldJson(r: PageResult): { seed: string; articles: Article[]; other: OtherBlock[] } {
  const articles = r.regions ? r.articles.map((a, i) => ({ ...a, regions: r.regions![i] })) : r.articles;
  return { seed: r.seed, articles, other: r.other };
}
