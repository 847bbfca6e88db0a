/**
 * @fileoverview Training of the line tagger from pages with expected JSON: features of every
 * line (features.ts), true tags from the alignment (truth.ts), the averaged perceptron
 * (model/chain.ts) over the pages in a seeded order.
 */
import { measureLines, positions, TAGGER_VOCAB } from '../features.ts';
import { detectLayout, pageLines } from '../lines.ts';
import { ChainModel, ChainTrainer, type ChainWeights, type Constraints, type Position } from '../model/chain.ts';
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
  const lines = pageLines(text.replace(/^\uFEFF/u, ''));
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

/**
 * How many models, each trained on the pages in its own order, are averaged into one. A perceptron's
 * weights depend on the order it saw the pages in; the mean of several varies less. Measured
 * 2026-12-02 by 5-fold cross-validation over the 90 hand-made training pages: 3 against 1 gave
 * article F1 0.768 / 0.758, full headline 0.553 / 0.543, title 0.620 / 0.613, authors 0.688 / 0.673;
 * with hand-made pages weighing 8 (trainer-fs.ts) and real pages 12, 0.788 / 0.776, 0.575 / 0.563, 0.649 / 0.635,
 * 0.709 / 0.697.
 */
export const ENSEMBLE = 3;

/** Seeds of the page orders of an ensemble's models (the first is the single model's). */
const ensembleSeed = (base: number, i: number): number => base + i * 7919;

/** Weights averaged feature by feature over models of the same tags (a weight a model lacks counts 0), in name order, rounded as export() rounds. */
export function averageWeights(models: ChainWeights[]): ChainWeights {
  const mean = (part: 'line' | 'edge'): Record<string, number[]> => {
    const names = [...new Set(models.flatMap((m) => Object.keys(m[part])))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const out: Record<string, number[]> = {};
    for (const name of names) {
      const rows = models.map((m) => m[part][name]).filter((r): r is number[] => r !== undefined);
      const sum = rows[0].map((_, i) => rows.reduce((t, r) => t + r[i], 0));
      const x = sum.map((y) => Math.round((y / models.length) * 1e4) / 1e4);
      if (x.some((y) => y !== 0)) out[name] = x;
    }
    return out;
  };
  return { tags: models[0].tags, line: mean('line'), edge: mean('edge') };
}

/** The tagger's weights: the average of ENSEMBLE taggers trained in different page orders. */
export function taggerWeights(pages: TrainingPage[], epochs: number, n = ENSEMBLE): ChainWeights {
  return averageWeights(Array.from({ length: n }, (_, i) => trainTagger(pages, epochs, ensembleSeed(20261201, i)).export()));
}

/** The headline chain's weights: the average of ENSEMBLE chains trained in different group orders. */
export function headlineWeights(pages: TrainingPage[], epochs: number, n = ENSEMBLE): ChainWeights {
  return averageWeights(Array.from({ length: n }, (_, i) => trainHeadline(pages, epochs, ensembleSeed(20261202, i)).export()));
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
    const tagger = new ChainModel(taggerWeights(train, epochs), TAGGER_VOCAB);
    const headline = new ChainModel(headlineWeights(train, epochs), HEADLINE_VOCAB);
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
