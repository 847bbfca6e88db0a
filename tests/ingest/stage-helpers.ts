/**
 * Helpers for the ingest's stage tests (issue 10 item 6, issue 14): pages written line by line with
 * the tag each line is (so the stages after the tagger are tested on their contract, whatever the
 * learned weights say), and tiny hand-built models whose decisions are known in advance.
 */
import { HEAD_TAGS, HEADLINE_VOCAB } from '../../scripts/lib/headline.ts';
import { ChainModel, LAYOUT_GROUPS, type ChainWeights } from '../../scripts/lib/model/chain.ts';
import { TAGGER_VOCAB } from '../../scripts/lib/features.ts';
import { splitLines, type Line } from '../../scripts/lib/lines.ts';
import { parsePageText, type PageResult } from '../../scripts/lib/pipeline.ts';
import { measureLines } from '../../scripts/lib/features.ts';
import { TAGS, type Tag, type TaggedLine } from '../../scripts/lib/tagger.ts';

/** One line of a hand-tagged page: its tag and its text. */
export type Row = [Tag, string];

/** The page text of hand-tagged rows: one line each, `gap` blank lines between them. */
export function pageText(rows: Row[], gap = 1): string {
  return `${rows.map(([, t]) => t).join('\n'.repeat(gap + 1))}\n`;
}

/**
 * Parses hand-tagged rows through the whole pipeline with the given tags instead of the tagger's,
 * and by default the headline model of {@link titlePerLineModel}: what the later stages make of
 * lines whose kinds are known.
 */
export function parseTagged(rows: Row[], options: { gap?: number; headline?: ChainModel; name?: string } = {}): PageResult {
  const tags = rows.map(([t]) => t);
  return parsePageText(pageText(rows, options.gap ?? 1), options.name ?? 'hand-tagged.txt', 'utf-8', {
    headline: options.headline ?? titlePerLineModel(),
    tags: (lines: Line[]) => {
      if (lines.length !== tags.length) throw new Error(`the page has ${lines.length} lines but ${tags.length} tags (a line was split?)`);
      return tags;
    },
  });
}

/** Tagged lines made by hand (margins given, or sure), measured as the tagger measures them. */
export function taggedLines(rows: Row[], margin = Infinity, gap = 1): TaggedLine[] {
  const lines = splitLines(pageText(rows, gap));
  const info = measureLines(lines, 'paragraph');
  return lines.map((l, i) => ({ ...l, tag: rows[i][0], margin, runnerUp: rows[i][0], info: info[i] }));
}

/** A weight row of a chain line feature: the shared block set from `byTag`, the layout blocks zero. */
export function lineRow(tags: readonly string[], byTag: Record<string, number>): number[] {
  const row = new Array<number>((1 + LAYOUT_GROUPS) * tags.length).fill(0);
  for (const [t, w] of Object.entries(byTag)) {
    const k = tags.indexOf(t);
    if (k < 0) throw new Error(`no tag ${t}`);
    row[k] = w;
  }
  return row;
}

/**
 * A headline model that reads every headline line as the title of a headline of its own, phrases on
 * one line as one title (and credits as bylines, which the conventions force): the assignment
 * stage's input made predictable.
 */
export function titlePerLineModel(): ChainModel {
  const w: ChainWeights = {
    tags: [...HEAD_TAGS],
    line: {
      bias: lineRow(HEAD_TAGS, { '^T': 1, '^B': 0.5, B: 1 }),
      'new-line': lineRow(HEAD_TAGS, { '^T': 4 }),
      'same-line': lineRow(HEAD_TAGS, { 'T+': 4 }),
    },
    edge: {},
  };
  return new ChainModel(w, HEADLINE_VOCAB);
}

/** A line tagger that prefers one tag for every line by a wide margin: what the conventions alone must overrule. */
export function taggerPreferring(prefer: Tag, second: Tag = 'P'): ChainModel {
  return new ChainModel({ tags: [...TAGS], line: { bias: lineRow(TAGS, { [prefer]: 100, [second]: 50 }) }, edge: {} }, TAGGER_VOCAB);
}
