/**
 * @fileoverview Training of the line tagger from pages with expected JSON: features of every
 * line (features.ts), true tags from the alignment (truth.ts), the averaged perceptron
 * (model/chain.ts) over the pages in a seeded order.
 */
import { measureLines, positions, TAGGER_VOCAB } from '../features.ts';
import { detectLayout, splitGluedHeads, splitLines } from '../lines.ts';
import { ChainModel, ChainTrainer, type Constraints, type Position } from '../model/chain.ts';
import { rng } from '../synth.ts';
import { TAGS, type Tag } from '../tagger.ts';
import type { SourceStyle } from '../corpus/source.ts';
import { align } from './align.ts';
import { HEAD_TAGS, HEADLINE_VOCAB, headConstraints, phraseFeatures, phrasesOf } from '../headline.ts';
import { headGroups, trueTags } from './truth.ts';

/** One page ready for training. */
export interface TrainingPage {
  name: string;
  /** The source case: layouts of one case are folded together in cross-validation. */
  case: string;
  positions: Position[];
  tags: number[];
  /** Its headline groups: phrase features, true phrase tags and the conventions' constraints. */
  heads: { positions: Position[]; tags: number[]; constraints: Constraints }[];
  /** Headline groups left out because their truth breaks the printing order. */
  skippedHeads: number;
}

interface Expected {
  articles: { column: string | null; kicker: string | null; title: string | null; subtitle: string | null; byline: string | null; body: { type: string; text: string }[] }[];
  other: { type: string; text: string }[];
}

/** Features and true tags of one page. */
export function trainingPage(name: string, caseName: string, text: string, expected: Expected): TrainingPage {
  const lines = splitGluedHeads(splitLines(text.replace(/^\uFEFF/u, '')));
  const layout = detectLayout(lines);
  const al = align(
    lines.map((l) => l.text),
    expected,
  );
  const first = (a: number): number => expected.articles[a].body.findIndex((b) => b.type === 'p');
  const tags = trueTags(al, first);
  const hg = headGroups(lines.map((l) => l.text), lines.map((l) => l.glued), tags, al);
  return {
    name,
    case: caseName,
    positions: positions(measureLines(lines, layout), layout),
    tags: tags.map((t) => TAGS.indexOf(t)),
    heads: hg.groups.map((g) => {
      const phrases = phrasesOf(g.lines);
      return { positions: phraseFeatures(phrases, g.lines, g.ctx), tags: g.tags.map((t) => HEAD_TAGS.indexOf(t)), constraints: headConstraints(phrases, g.lines) };
    }),
    skippedHeads: hg.skipped,
  };
}

/**
 * Style variants each corpus case is also rendered in for training (never scored): other column
 * widths, the other punctuation width, the other indent style — so the weights learn what a
 * convention looks like, not the one way a case happened to be set.
 */
export const TRAINING_VARIANTS: ((s: SourceStyle) => Partial<SourceStyle>)[] = [
  () => ({}),
  (s) => ({ width: Math.max(9, s.width - 3), punct: s.punct === 'full' ? 'half' : 'full' }),
  (s) => ({ width: Math.min(26, s.width + 4), indent: s.indent === 'width' ? 'spaces' : 'width' }),
  // Other extractors' habits: no blank lines at all or two after every line, ASCII indents, running
  // heads and folios, headlines after a body's first part, vertical titles.
  (s) => ({ width: Math.max(8, s.width - 5), indent: 'spaces', quirks: { noBlank: true, doubleBlank: true, asciiIndent: true, runningHeads: true, headMid: 0.3, verticalHead: 0.15 } }),
];

/** Trains the tagger: `epochs` passes over the pages, in an order drawn from a fixed seed each pass. */
export function trainTagger(pages: TrainingPage[], epochs: number, seed = 20261201): ChainTrainer {
  const trainer = new ChainTrainer([...TAGS], TAGGER_VOCAB);
  const r = rng(seed);
  const order = pages.map((_, i) => i);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) trainer.learn(trainer.current(), pages[i].positions, pages[i].tags);
  }
  return trainer;
}

/** Trains the headline chain on every headline group of the pages, under the printing-order constraints. */
export function trainHeadline(pages: TrainingPage[], epochs: number, seed = 20261202): ChainTrainer {
  const trainer = new ChainTrainer([...HEAD_TAGS], HEADLINE_VOCAB);
  const r = rng(seed);
  const groups = pages.flatMap((p) => p.heads);
  const order = groups.map((_, i) => i);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) trainer.learn(trainer.current(), groups[i].positions, groups[i].tags, groups[i].constraints);
  }
  return trainer;
}

/** Phrase-tag accuracy of a trained headline chain on the pages' groups (and whole groups right). */
export function headAccuracy(trainer: ChainTrainer, pages: TrainingPage[]): { right: number; all: number; groupsRight: number; groups: number } {
  const model = trainer.model();
  let right = 0;
  let all = 0;
  let groupsRight = 0;
  let groups = 0;
  for (const g of pages.flatMap((p) => p.heads)) {
    const { tags } = model.decode(g.positions, g.constraints);
    groups++;
    let ok = true;
    tags.forEach((t, i) => {
      all++;
      if (t === g.tags[i]) right++;
      else ok = false;
    });
    if (ok) groupsRight++;
  }
  return { right, all, groupsRight, groups };
}

/** Line-tag accuracy of a trained tagger on pages, adding its confusions to `confusion`. */
export function tagAccuracy(trainer: ChainTrainer, pages: TrainingPage[], confusion = new Map<string, number>()): { right: number; all: number } {
  const model = trainer.model();
  let right = 0;
  let all = 0;
  for (const p of pages) {
    const { tags } = model.decode(p.positions);
    tags.forEach((t, i) => {
      all++;
      if (t === p.tags[i]) right++;
      else {
        const k = `${TAGS[p.tags[i]] as Tag}→${TAGS[t]}`;
        confusion.set(k, (confusion.get(k) ?? 0) + 1);
      }
    });
  }
  return { right, all };
}

/** Decisions of models that did not see the page: k folds by case. For calibrating confidence. */
export function heldOutDecisions(pages: TrainingPage[], k: number, epochs: number): { tagger: { margins: number[]; right: boolean[] }; headline: { margins: number[]; right: boolean[] } } {
  const out = { tagger: { margins: [] as number[], right: [] as boolean[] }, headline: { margins: [] as number[], right: [] as boolean[] } };
  const names = [...new Set(pages.map((p) => p.case))].sort();
  for (let f = 0; f < k; f++) {
    const held = new Set(names.filter((_, i) => i % k === f));
    const train = pages.filter((p) => !held.has(p.case));
    const test = pages.filter((p) => held.has(p.case));
    const tagger = trainTagger(train, epochs).model();
    const headline = trainHeadline(train, epochs).model();
    for (const p of test) {
      const d = tagger.decode(p.positions);
      d.tags.forEach((t, i) => {
        out.tagger.margins.push(d.margins[i]);
        out.tagger.right.push(t === p.tags[i]);
      });
      for (const g of p.heads) {
        const h = headline.decode(g.positions, g.constraints);
        h.tags.forEach((t, i) => {
          out.headline.margins.push(h.margins[i]);
          out.headline.right.push(t === g.tags[i]);
        });
      }
    }
  }
  return out;
}
