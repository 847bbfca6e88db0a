/**
 * The linear-chain model (scripts/lib/model/chain.ts) on tiny models built by hand: Viterbi finds
 * the best tagging (checked against scoring every tagging), under the constraints; margins and
 * max-marginals mean what they say; the averaged perceptron learns a small separable task,
 * deterministically; weights survive export and import by name.
 */
import { describe, expect, it } from 'vitest';
import { ChainModel, ChainTrainer, LAYOUT_GROUPS, type ChainWeights, type Constraints, type Position } from '../../scripts/lib/model/chain.ts';
import { Vocabulary } from '../../scripts/lib/model/vocabulary.ts';
import { rng } from '../../scripts/lib/synth.ts';

const vocab = () => ({ line: new Vocabulary(), edge: new Vocabulary() });

/** The score of one tagging, summed the way the model's definition says (independently of decode). */
function scoreOf(w: ChainWeights, ps: Position[], tags: number[], v: ReturnType<typeof vocab>): number {
  const T = w.tags.length;
  let s = 0;
  ps.forEach((p, i) => {
    const o = (1 + (p.layout ?? 0)) * T;
    for (const f of p.line) {
      const row = w.line[v.line.names[f]];
      if (row) s += row[tags[i]] + row[o + tags[i]];
    }
    const prev = i === 0 ? -1 : tags[i - 1];
    for (const f of p.edge) {
      const row = w.edge[v.edge.names[f]];
      if (row) s += row[(prev + 1) * T + tags[i]];
    }
  });
  return s;
}

/** Every tagging of n positions over T tags that the constraints allow. */
function* taggings(n: number, T: number, c: Constraints = {}): Generator<number[]> {
  const cur: number[] = [];
  function* go(i: number): Generator<number[]> {
    if (i === n) {
      if (!c.final || c.final(cur[n - 1])) yield [...cur];
      return;
    }
    for (let t = 0; t < T; t++) {
      if (c.allowed && !c.allowed(i, t)) continue;
      if (c.transition && !c.transition(i === 0 ? -1 : cur[i - 1], t)) continue;
      cur.push(t);
      yield* go(i + 1);
      cur.pop();
    }
  }
  yield* go(0);
}

/** A random model over features f0..f3 (line) and e0..e1 (edge), and random positions using them. */
function randomCase(seed: number, T = 3, n = 5) {
  const r = rng(seed);
  const v = vocab();
  const tags = Array.from({ length: T }, (_, k) => `t${k}`);
  const w: ChainWeights = { tags, line: {}, edge: {} };
  for (let f = 0; f < 4; f++) w.line[`f${f}`] = Array.from({ length: (1 + LAYOUT_GROUPS) * T }, () => Math.round((r() * 10 - 5) * 4) / 4);
  for (let e = 0; e < 2; e++) w.edge[`e${e}`] = Array.from({ length: (T + 1) * T }, () => Math.round((r() * 10 - 5) * 4) / 4);
  const model = new ChainModel(w, v);
  const ps: Position[] = Array.from({ length: n }, () => ({
    line: [0, 1, 2, 3].filter(() => r() < 0.6).map((f) => v.line.id(`f${f}`)),
    edge: [0, 1].filter(() => r() < 0.7).map((e) => v.edge.id(`e${e}`)),
    layout: r() < 0.5 ? 0 : 1,
  }));
  return { w, v, model, ps, T };
}

function brute(w: ChainWeights, v: ReturnType<typeof vocab>, ps: Position[], c: Constraints = {}) {
  const T = w.tags.length;
  let best: { tags: number[]; score: number } | null = null;
  const mm = new Float64Array(ps.length * T).fill(-Infinity);
  for (const t of taggings(ps.length, T, c)) {
    const s = scoreOf(w, ps, t, v);
    if (!best || s > best.score) best = { tags: t, score: s };
    t.forEach((tag, i) => (mm[i * T + tag] = Math.max(mm[i * T + tag], s)));
  }
  return { best: best!, mm };
}

describe('ChainModel.decode', () => {
  it('finds the best path a greedy choice misses (a hand-computed case)', () => {
    // Emissions prefer A at 0 and B at 1–2; the transition A→B costs 5: best is B B B (score 4),
    // not the greedy A B B (score 1).
    const v = vocab();
    const w: ChainWeights = {
      tags: ['A', 'B'],
      line: { first: [2, 0, 0, 0, 0, 0], mid: [0, 1, 0, 0, 0, 0], end: [0, 3, 0, 0, 0, 0] },
      edge: { e: [0, 0, 0, -5, 0, 0] },
    };
    const m = new ChainModel(w, v);
    const ps = ['first', 'mid', 'end'].map((f) => ({ line: [v.line.id(f)], edge: [v.edge.id('e')] }));
    const d = m.decode(ps);
    expect(d.tags).toEqual([1, 1, 1]);
    expect(d.score).toBe(4);
    // The best tagging with A first is A A A (2), so position 0's margin is 4 − 2.
    expect(d.margins[0]).toBe(2);
  });
  it('gives the highest-scoring tagging of every tagging, on random models', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { w, v, model, ps } = randomCase(seed);
      const d = model.decode(ps);
      const { best } = brute(w, v, ps);
      expect(d.score).toBeCloseTo(best.score, 9);
      expect(scoreOf(w, ps, d.tags, v)).toBeCloseTo(best.score, 9);
    }
  });
  it('gives as max-marginals the best score of any tagging with that tag there, and margins over the next best tag', () => {
    for (let seed = 31; seed <= 50; seed++) {
      const { w, v, model, ps, T } = randomCase(seed);
      const d = model.decode(ps);
      const { mm } = brute(w, v, ps);
      for (let k = 0; k < mm.length; k++) expect(d.maxMarginals[k]).toBeCloseTo(mm[k], 9);
      ps.forEach((_, i) => {
        const others = [...Array(T).keys()].filter((t) => t !== d.tags[i]).map((t) => mm[i * T + t]);
        expect(d.margins[i]).toBeCloseTo(mm[i * T + d.tags[i]] - Math.max(...others), 9);
        expect(d.margins[i]).toBeGreaterThanOrEqual(0);
      });
    }
  });
  it('respects the allowed tags, the transitions and the final tags, and finds the best tagging among those left', () => {
    const c: Constraints = {
      allowed: (i, t) => !(i === 1 && t === 0) && !(i === 3 && t === 2),
      transition: (prev, t) => !(prev === -1 && t === 1) && !(prev === 2 && t === 2),
      final: (t) => t !== 0,
    };
    for (let seed = 51; seed <= 80; seed++) {
      const { w, v, model, ps } = randomCase(seed);
      const d = model.decode(ps, c);
      expect(c.allowed!(1, d.tags[1]) && c.allowed!(3, d.tags[3])).toBe(true);
      d.tags.forEach((t, i) => expect(c.transition!(i === 0 ? -1 : d.tags[i - 1], t)).toBe(true));
      expect(c.final!(d.tags[d.tags.length - 1])).toBe(true);
      expect(d.score).toBeCloseTo(brute(w, v, ps, c).best.score, 9);
    }
  });
  it('gives an infinite margin where the constraints leave one tag', () => {
    const { model, ps } = randomCase(81);
    const d = model.decode(ps, { allowed: (i, t) => i !== 2 || t === 1 });
    expect(d.tags[2]).toBe(1);
    expect(d.margins[2]).toBe(Infinity);
    expect(d.margins.filter((m) => m === Infinity)).toHaveLength(1);
  });
  it('weighs a line feature by the layout group of its position', () => {
    const v = vocab();
    // Shared weights tie; layout group 0 prefers A, group 1 prefers B.
    const m = new ChainModel({ tags: ['A', 'B'], line: { f: [0, 0, 1, 0, 0, 1] }, edge: {} }, v);
    const f = v.line.id('f');
    expect(m.decode([{ line: [f], edge: [], layout: 0 }]).tags).toEqual([0]);
    expect(m.decode([{ line: [f], edge: [], layout: 1 }]).tags).toEqual([1]);
  });
  it('decodes an empty page to nothing', () => {
    const { model } = randomCase(82);
    expect(model.decode([])).toMatchObject({ tags: [], margins: [], score: 0 });
  });
});

describe('ChainModel.confidence', () => {
  const v = vocab();
  it('is ½ without a calibration', () => {
    expect(new ChainModel({ tags: ['A'], line: {}, edge: {} }, v).confidence(10)).toBe(0.5);
  });
  it('follows σ(a·ln(1+m) + b), rising with the margin, and is 1 for a forced decision', () => {
    const m = new ChainModel({ tags: ['A'], line: {}, edge: {}, calibration: { a: 1.5, b: -2 } }, v);
    expect(m.confidence(0)).toBeCloseTo(1 / (1 + Math.exp(2)), 12);
    expect(m.confidence(Math.E - 1)).toBeCloseTo(1 / (1 + Math.exp(0.5)), 12);
    const xs = [0, 0.5, 1, 3, 10, 100, 1000].map((x) => m.confidence(x));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(new Set(xs).size).toBe(xs.length);
    expect(m.confidence(Infinity)).toBe(1);
  });
});

/**
 * A small separable sequence task: token `a` is tag X, `b` is Y, and `c` takes the tag of the run
 * it is in — which only the edge (transition) weights can learn. (A run of `c` is followed by a
 * token of its own tag: were `a c b` allowed, `c` copying its left or its right neighbour would
 * score alike under any transition weights, and the task would not be separable.)
 */
function task(seed: number, n: number) {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const len = 3 + Math.floor(r() * 6);
    const toks: string[] = [];
    const gold: number[] = [];
    for (let i = 0; i < len; i++) {
      let t = i === 0 ? (r() < 0.5 ? 'a' : 'b') : ['a', 'b', 'c'][Math.floor(r() * 3)];
      if (i > 0 && toks[i - 1] === 'c' && t !== 'c') t = gold[i - 1] === 0 ? 'a' : 'b';
      toks.push(t);
      gold.push(t === 'a' ? 0 : t === 'b' ? 1 : gold[i - 1]);
    }
    return { toks, gold };
  });
}

function train(data: ReturnType<typeof task>, epochs: number, v = vocab(), edges = true) {
  const trainer = new ChainTrainer(['X', 'Y'], v);
  const ps = data.map((d) => d.toks.map((t) => ({ line: [v.line.id(`tok=${t}`)], edge: edges ? [v.edge.id('e:bias')] : [] })));
  const errors: number[] = [];
  for (let e = 0; e < epochs; e++) {
    let n = 0;
    data.forEach((d, k) => (n += trainer.learn(trainer.current(), ps[k], d.gold)));
    errors.push(n);
  }
  return { trainer, v, errors };
}

describe('ChainTrainer: the averaged perceptron', () => {
  const data = task(7, 40);
  it('learns a small separable task: no training errors in the end, and right on sequences it never saw', () => {
    const { trainer, v, errors } = train(data, 8);
    expect(errors[0]).toBeGreaterThan(0);
    expect(errors[errors.length - 1]).toBe(0);
    const model = trainer.model();
    for (const d of task(99, 30)) {
      const ps = d.toks.map((t) => ({ line: [v.line.id(`tok=${t}`)], edge: [v.edge.id('e:bias')] }));
      expect(model.decode(ps).tags).toEqual(d.gold);
    }
    // Without the transitions the task cannot be learnt: the test above needs them.
    expect(train(data, 8, vocab(), false).errors.at(-1)).toBeGreaterThan(0);
  });
  it('trains deterministically: the same data in the same order gives the same weights', () => {
    expect(train(data, 5).trainer.export()).toEqual(train(data, 5).trainer.export());
    expect(train(data, 5).trainer.export()).not.toEqual(train([...data].reverse(), 5).trainer.export());
  });
  it('exports averaged weights that differ from the current ones once updates happened', () => {
    const { trainer } = train(data, 3);
    expect(trainer.export(true)).not.toEqual(trainer.export(false));
  });
  it('round-trips its weights through JSON and a vocabulary that numbers the features otherwise', () => {
    const { trainer, v } = train(data, 5);
    const json = JSON.parse(JSON.stringify(trainer.export())) as ChainWeights;
    const other = vocab();
    for (const name of [...v.line.names].reverse()) other.line.id(name);
    other.line.id('unused');
    const a = trainer.model();
    const b = new ChainModel(json, other);
    for (const d of task(5, 10)) {
      const pa = d.toks.map((t) => ({ line: [v.line.id(`tok=${t}`)], edge: [v.edge.id('e:bias')] }));
      const pb = d.toks.map((t) => ({ line: [other.line.id(`tok=${t}`)], edge: [other.edge.id('e:bias')] }));
      const da = a.decode(pa);
      const db = b.decode(pb);
      expect(db.tags).toEqual(da.tags);
      expect(db.score).toBeCloseTo(da.score, 9);
    }
  });
  it('exports only features that carry weight, sorted by name', () => {
    const { trainer } = train(data, 3);
    const w = trainer.export();
    expect(Object.keys(w.line)).toEqual([...Object.keys(w.line)].sort());
    for (const row of Object.values(w.line)) expect(row.some((x) => x !== 0)).toBe(true);
    expect(w.tags).toEqual(['X', 'Y']);
  });
});

describe('Vocabulary', () => {
  it('numbers names in order of first use and families consecutively', () => {
    const v = new Vocabulary();
    expect(v.id('a')).toBe(0);
    expect(v.id('b')).toBe(1);
    expect(v.id('a')).toBe(0);
    const base = v.family(3, (k) => `len${k}`);
    expect(base).toBe(2);
    expect(v.lookup('len2')).toBe(4);
    expect(v.lookup('nope')).toBeUndefined();
    expect(v.size).toBe(5);
  });
  it('refuses a family that overlaps names already defined', () => {
    const v = new Vocabulary();
    v.id('len1');
    expect(() => v.family(3, (k) => `len${k}`)).toThrow(/overlaps/);
  });
});
