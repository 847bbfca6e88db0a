/**
 * @fileoverview Stage 3 — label: what each line is, decided for the whole page at once by a
 * learned linear-chain scorer over the named features of features.ts (issue #10). The weights are
 * trained from the conventions corpus by `npm run train` (scripts/train.ts) and committed; the same
 * corpus gives the same weights.
 */
import weights from './model/tagger.json' with { type: 'json' };
import { measureLines, positions, TAGGER_VOCAB, type LineInfo } from './features.ts';
import type { Layout, Line } from './lines.ts';
import { ChainModel, type ChainWeights } from './model/chain.ts';
import { endsOnMarker, markerPointsOn } from './conventions.ts';
import { photoCreditPlace } from './credit.ts';
import { tagConstraints } from './layout-constraints.ts';
import type { LineLook, PageLook } from './pdf/look.ts';

/**
 * Line tags:
 * - `A` first line of an article's first paragraph (an article opens here);
 * - `P` first line of another paragraph; `p` a line continuing a paragraph;
 * - `q` a line continuing a paragraph printed elsewhere (another article, a sidebar or a headline came between);
 * - `H` a headline line (column label, kicker, title, subtitle);
 * - `B` a credit printed as its own line (byline, signature);
 * - `X` a section heading inside an article (小标题);
 * - `C` first line of a photo caption, `c` a caption line continuing it;
 * - `O` first line of a block that belongs to no article (furniture, notices, teasers), `o` its continuation.
 */
export const TAGS = ['A', 'P', 'p', 'q', 'H', 'B', 'X', 'C', 'c', 'O', 'o'] as const;
export type Tag = (typeof TAGS)[number];

/** A line with its tag and how sure the page-wide decoding is of it. */
export interface TaggedLine extends Line {
  tag: Tag;
  /** Score margin of this tag over the best other tag for the line (0 = a tie). */
  margin: number;
  /** The second-best tag, for reports ("read as A, could be H"). */
  runnerUp: Tag;
  info: LineInfo;
  /** How the line is printed, for a page read from a PDF (pdf/look.ts); absent on text pages. */
  look?: LineLook;
}

let compiled: ChainModel | null = null;

/** The committed model. */
export function taggerModel(): ChainModel {
  compiled ??= new ChainModel(weights as ChainWeights, TAGGER_VOCAB);
  return compiled;
}

/** A report's opening: an article's text begins there, so it is not furniture (none of the ~840 such lines of the training pages is). */
const OPENINGS = new Set(['open:xun', 'open:dated', 'open:relayed', 'open:reporter', 'open:inline-credit', 'open:credit']);
const OTHER = new Set(['O', 'o']);
/** Conventions that fix what a line cannot be: a report's opening or a marker alone is never a headline, heading or credit. */
const NEVER_HEAD = new Set([...OPENINGS, 'marker:only']);
const HEADISH = new Set(['H', 'X', 'B']);
/** A line ending in a photo credit (…（图片由…提供）, … 某某 摄) is a caption or a credit, never a headline or heading. */
const NEVER_TITLE = new Set(['caption:credit']);
const TITLES = new Set(['H', 'X']);
const CONTINUES = new Set(['p', 'q']);
/** What a photo credit alone on its line can be: the end of the caption or paragraph above it. */
const ENDS_ABOVE = new Set(['c', 'p', 'q']);
/** A line ending in a forward marker (……（下转第3版）): the article's text on this page stops there. */
function endsForward(text: string): boolean {
  const m = endsOnMarker(text);
  return !!m && markerPointsOn(m[1]);
}

/**
 * Tags every line of a page. A page read from a PDF gives its lines' printed look (`look`), which
 * rules out tags no typesetter would print (layout-constraints.ts); the features stay the text's.
 */
export function tagLines(lines: Line[], layout: Layout, model: ChainModel = taggerModel(), given?: Tag[], look?: PageLook): TaggedLine[] {
  const info = measureLines(lines, layout);
  const pos = positions(info, layout);
  const fixed = info.map((x) => x.patterns.some((p) => NEVER_HEAD.has(p)));
  const captioned = info.map((x) => x.patterns.some((p) => NEVER_TITLE.has(p)));
  // A photo credit closing a caption's words, or a bracketed one alone, is part of the caption, not a
  // byline; alone, it ends the caption or paragraph above it, so that line is no headline either.
  const inCaption = info.map((x) => photoCreditPlace(x.text));
  const creditBelow = info.map((_, i) => inCaption[i + 1] === 'alone');
  // One paragraph per line: a line opening with a connective (此外，) begins a sentence anew, so it
  // never continues the line before — even one that stops mid-sentence (its rest is lost).
  const opener = info.map((x, i) => layout === 'paragraph' && i > 0 && x.patterns.includes('opener') && !info[i - 1].endsSentence);
  // After a forward marker the paragraph it ended does not go on here: the next line is not its continuation.
  const afterForward = lines.map((_, i) => i > 0 && endsForward(lines[i - 1].text));
  const headish = model.tags.map((t) => HEADISH.has(t));
  const opens = info.map((x) => x.patterns.some((p) => OPENINGS.has(p)));
  const other = model.tags.map((t) => OTHER.has(t));
  const titles = model.tags.map((t) => TITLES.has(t));
  const continues = model.tags.map((t) => CONTINUES.has(t));
  const credit = model.tags.map((t) => t === 'B');
  const endsAbove = model.tags.map((t) => ENDS_ABOVE.has(t));
  const goesOn = model.tags.map((t) => t === 'p');
  const looks = lines.map((l) => look?.byLine.get(l.no));
  const printed = look ? tagConstraints(looks, look, captioned.map((photoCredit) => ({ photoCredit }))) : null;
  const d = model.decode(pos, {
    allowed: (i, t) => !(fixed[i] && headish[t]) && !(opens[i] && other[t]) && !(captioned[i] && titles[t]) && !(inCaption[i] && credit[t]) && !(inCaption[i] === 'alone' && !endsAbove[t]) && !(creditBelow[i] && headish[t]) && !(opener[i] && continues[t]) && !(afterForward[i] && goesOn[t]) && (!printed || printed(i, model.tags[t] as Tag)),
  });
  const withLook = (i: number): { look?: LineLook } => (looks[i] ? { look: looks[i] } : {});
  return lines.map((l, i) => {
    if (given) return { ...l, tag: given[i], margin: Infinity, runnerUp: given[i], info: info[i], ...withLook(i) };
    const T = model.tags.length;
    const mm = d.maxMarginals.subarray(i * T, i * T + T);
    let ru = -1;
    for (let t = 0; t < T; t++) if (t !== d.tags[i] && (ru < 0 || mm[t] > mm[ru])) ru = t;
    return { ...l, tag: model.tags[d.tags[i]] as Tag, margin: d.margins[i], runnerUp: model.tags[Math.max(ru, 0)] as Tag, info: info[i], ...withLook(i) };
  });
}
