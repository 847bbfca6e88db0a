/**
 * Training (scripts/lib/train/, issue #10): the true tags of a page as an archivist's expected JSON
 * gives them, the corpus pages rendered for training, and training itself — deterministic, and
 * learning: trained weights tag their training pages better than no weights.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../scripts/lib/lines.ts';
import { TAGGER_VOCAB } from '../../scripts/lib/features.ts';
import { ChainModel } from '../../scripts/lib/model/chain.ts';
import { align } from '../../scripts/lib/train/align.ts';
import { corpusTrainingPages, loadTrainingPages, readHoldout } from '../../scripts/lib/train/trainer-fs.ts';
import { averageWeights, tagAccuracy, taggerWeights, trainTagger, trainingPage } from '../../scripts/lib/train/trainer.ts';
import { trueTags } from '../../scripts/lib/train/truth.ts';

const ROOT = join(import.meta.dirname, '../..');
const article = (o: Partial<Record<'column' | 'kicker' | 'title' | 'subtitle' | 'byline', string>>, body: { type: string; text: string }[]) => ({ column: null, kicker: null, title: null, subtitle: null, byline: null, ...o, body });

describe('true tags', () => {
  const text = '青禾日报 2031年5月6日 星期二\n\n新馆开放\n\n本报讯（记者 林小禾）昨日，新馆正式开\n放，市民排起长队。\n\n馆长说，将延长开放时间。\n\n市民在新馆看书 周一鸣 摄\n';
  const expected = {
    articles: [article({ title: '新馆开放' }, [{ type: 'p', text: '本报讯（记者 林小禾）昨日，新馆正式开放，市民排起长队。' }, { type: 'p', text: '馆长说，将延长开放时间。' }, { type: 'caption', text: '市民在新馆看书 周一鸣 摄' }])],
    other: [{ type: 'header', text: '青禾日报 2031年5月6日 星期二' }],
  };
  it('follow the expected JSON line by line: furniture, headline, article opening, continuation, new paragraph, caption', () => {
    const lines = splitLines(text).filter((l) => l.text.trim() !== '');
    const tags = trueTags(align(lines.map((l) => l.text), expected), () => 0);
    expect(tags).toEqual(['O', 'H', 'A', 'p', 'P', 'C']);
  });
  it('make a training page whose one headline group is the title', () => {
    const p = trainingPage('t', 't', text, expected);
    expect(p.tags).toHaveLength(splitLines(text).filter((l) => l.text.trim() !== '').length);
    expect(p.heads).toHaveLength(1);
  });
});

describe('training', () => {
  const pages = loadTrainingPages([join(ROOT, 'tests/fixtures/pages/handmade-train')]).slice(0, 12);
  it('is deterministic: the same pages give the same weights', () => {
    expect(trainTagger(pages, 2).export()).toEqual(trainTagger(pages, 2).export());
  });
  it('learns: the trained weights tag their own pages better than empty weights', () => {
    const trained = trainTagger(pages, 3);
    const untrained = trainTagger(pages, 0);
    const a = tagAccuracy(trained, pages);
    const b = tagAccuracy(untrained, pages);
    expect(a.right / a.all).toBeGreaterThan(0.8);
    expect(a.right / a.all).toBeGreaterThan(b.right / b.all + 0.2);
    // What is exported loads back into a model that decodes.
    expect(() => new ChainModel(trained.export(), TAGGER_VOCAB)).not.toThrow();
  });
  it('averages an ensemble feature by feature, a weight one model lacks counting 0, rows of zeros dropped', () => {
    const a = { tags: ['A', 'B'], line: { x: [1, 2], y: [3, 0] }, edge: { e: [2, 2, 2, 2, 2, 2] } };
    const b = { tags: ['A', 'B'], line: { x: [3, 0], z: [0, 1], y: [-3, 0] }, edge: {} };
    const m = averageWeights([a, b]);
    expect(m.line).toEqual({ x: [2, 1], z: [0, 0.5] });
    expect(Object.keys(m.line)).toEqual(['x', 'z']);
    expect(m.edge).toEqual({ e: [1, 1, 1, 1, 1, 1] });
  });
  it('makes an ensemble of models trained in different page orders, deterministically', () => {
    const one = trainTagger(pages, 2).export();
    const three = taggerWeights(pages, 2, 3);
    expect(taggerWeights(pages, 2, 3)).toEqual(three);
    expect(three.line).not.toEqual(one.line);
    expect(taggerWeights(pages, 2, 1).line).toEqual(one.line);
  });
  it('renders corpus sources in every layout, leaving the set-aside cases out', () => {
    const holdout = readHoldout(join(ROOT, 'tests/corpus/holdout.txt'));
    expect(holdout.size).toBeGreaterThan(0);
    const corpus = corpusTrainingPages(join(ROOT, 'tests/corpus/pages'), holdout, [() => ({})]);
    expect(corpus.length).toBeGreaterThan(0);
    for (const p of corpus) expect(holdout.has(p.case)).toBe(false);
  });
});
