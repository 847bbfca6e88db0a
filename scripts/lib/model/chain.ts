/**
 * @fileoverview A linear-chain model over a page's lines (issue #10): each line gets one tag;
 * a tagging's score is the sum of weights of (line feature, tag) and (edge feature, previous tag,
 * tag) pairs. Decoded for the whole page at once by Viterbi; max-marginals (the best score of any
 * tagging that gives a line a given tag) measure how sure each decision is. Trained by the averaged
 * structured perceptron (Collins 2002, https://aclanthology.org/W02-1001/), deterministically.
 */
import type { Vocabulary } from './vocabulary.ts';

/**
 * Features of one position: line features, and edge features of the boundary before it. A line
 * feature has a weight shared by every page and one for the page's layout group (`layout`, 0 or 1),
 * so the two layouts can weigh it apart without a second feature string.
 */
export interface Position {
  /** Line feature ids (of the model's line vocabulary). */
  line: number[];
  /** Edge feature ids (of the model's edge vocabulary). */
  edge: number[];
  layout?: number;
}

/** The vocabularies a model's feature ids belong to. */
export interface Vocabularies {
  line: Vocabulary;
  edge: Vocabulary;
}

/** Layout groups a line feature has weights of its own for. */
export const LAYOUT_GROUPS = 2;

/** Trained weights, as committed: feature → weights per tag (or per tag pair for edges). */
export interface ChainWeights {
  tags: string[];
  /** Line feature → weights per tag: shared, then one block per layout group. */
  line: Record<string, number[]>;
  /** Edge feature → weights per (previous tag, tag), row-major; `^` is the page start. */
  edge: Record<string, number[]>;
  /**
   * How a decision's score margin m maps to the chance it is right, p = σ(a·ln(1+m) + b), fitted
   * on cross-validated decisions of the corpus (train-calibrate.ts).
   */
  calibration?: { a: number; b: number };
}

/** Hard constraints on a decoding: tags a position may take, tag pairs that may follow, tags that may end. */
export interface Constraints {
  allowed?: (pos: number, tag: number) => boolean;
  /** Whether `tag` may follow `prev` (`prev` = -1 at the start). */
  transition?: (prev: number, tag: number) => boolean;
  final?: (tag: number) => boolean;
}

/** Decoding result: the best tags, and per position the margin of the chosen tag over the next best. */
export interface Decoded {
  tags: number[];
  /** Best total score with this position's chosen tag minus the best with any other tag (≥ 0). */
  margins: number[];
  /** Max-marginal scores, position by position (`[i * tags + t]`): the best total with tag t at position i. */
  maxMarginals: Float64Array;
  /** The best tagging's total score. */
  score: number;
}

/** A page's summed feature weights (ChainModel.score): tag scores per position, tag-pair scores per boundary. */
export interface Scored {
  n: number;
  em: Float64Array;
  tr: Float64Array;
}

/** Rows of weights indexed by feature id (a row is absent for a feature with no weights). */
type Rows = (Float64Array | undefined)[];

/** A model ready to decode: per feature id, its row of weights (live, when a trainer's). */
export class ChainModel {
  readonly tags: string[];
  readonly calibration: { a: number; b: number } | null;
  readonly vocab: Vocabularies;
  private readonly lineW: Rows;
  private readonly edgeW: Rows;
  /** Edge rows of committed weights as (index, weight) pairs: most tag pairs of an edge feature weigh nothing. */
  private readonly edgeSparse: ({ at: Int32Array; w: Float64Array } | undefined)[] | null;

  /** A model from committed weights (names resolved to ids of `vocab`), or over a trainer's live rows. */
  constructor(w: ChainWeights | { tags: string[]; line: Rows; edge: Rows }, vocab: Vocabularies) {
    this.tags = w.tags;
    this.vocab = vocab;
    this.calibration = 'calibration' in w && w.calibration ? w.calibration : null;
    const rows = (r: Record<string, number[]> | Rows, v: Vocabulary): Rows => {
      if (Array.isArray(r)) return r;
      const out: Rows = [];
      for (const [name, weights] of Object.entries(r)) out[v.id(name)] = Float64Array.from(weights);
      return out;
    };
    this.lineW = rows(w.line, vocab.line);
    this.edgeW = rows(w.edge, vocab.edge);
    this.edgeSparse = Array.isArray(w.edge)
      ? null
      : this.edgeW.map((row) => {
          if (!row) return undefined;
          const at: number[] = [];
          row.forEach((x, k) => {
            if (x !== 0) at.push(k);
          });
          return { at: Int32Array.from(at), w: Float64Array.from(at, (k) => row[k]) };
        });
  }

  /** The chance that a decision with this score margin is right (0.5 when the model is not calibrated). */
  confidence(margin: number): number {
    if (!this.calibration) return 0.5;
    if (margin === Infinity) return 1;
    const z = this.calibration.a * Math.log1p(Math.max(0, margin)) + this.calibration.b;
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * The weights of a page's features summed once: per position the score of each tag, and of each
   * (previous tag, tag) pair. Decoding the same positions under several constraints (the headline
   * reader's alternative readings) reuses them.
   */
  score(positions: Position[]): Scored {
    const T = this.tags.length;
    const S = (T + 1) * T;
    const n = positions.length;
    const em = new Float64Array(n * T);
    const tr = new Float64Array(n * S);
    for (let i = 0; i < n; i++) {
      const p = positions[i];
      const o = (1 + (p.layout ?? 0)) * T;
      const eo = i * T;
      for (const f of p.line) {
        const w = this.lineW[f];
        if (w) for (let t = 0; t < T; t++) em[eo + t] += w[t] + w[o + t];
      }
      const to = i * S;
      for (const f of p.edge) {
        const sp = this.edgeSparse?.[f];
        if (sp) {
          const { at, w } = sp;
          for (let k = 0; k < at.length; k++) tr[to + at[k]] += w[k];
          continue;
        }
        const w = this.edgeW[f];
        if (w) for (let k = 0; k < S; k++) tr[to + k] += w[k];
      }
    }
    return { n, em, tr };
  }

  /**
   * Best tagging under the constraints (tags a position may not take, tag pairs that may not
   * follow, tags that may not end), with max-marginals. Flat typed arrays, the constraints folded
   * into the scores as -∞ once, so the inner loops do nothing but add and compare.
   */
  decode(positions: Position[] | Scored, constraints: Constraints = {}): Decoded {
    const { allowed, transition, final } = constraints;
    const T = this.tags.length;
    const S = (T + 1) * T;
    const scored = Array.isArray(positions) ? this.score(positions) : positions;
    const n = scored.n;
    if (n === 0) return { tags: [], margins: [], maxMarginals: new Float64Array(0), score: 0 };
    const NEG = -1e18;
    let em = scored.em;
    if (allowed) {
      em = em.slice();
      for (let i = 0; i < n; i++) for (let t = 0; t < T; t++) if (!allowed(i, t)) em[i * T + t] = NEG;
    }
    let tr = scored.tr;
    if (transition) {
      const mask = new Float64Array(S);
      for (let s = -1; s < T; s++) for (let t = 0; t < T; t++) if (!transition(s, t)) mask[(s + 1) * T + t] = NEG;
      tr = tr.slice();
      for (let i = 0; i < n; i++) for (let k = 0; k < S; k++) tr[i * S + k] += mask[k];
    }
    // Forward (Viterbi) and backward max scores.
    const fwd = new Float64Array(n * T);
    const bwd = new Float64Array(n * T);
    const back = new Int32Array(n * T);
    for (let t = 0; t < T; t++) fwd[t] = em[t] + tr[t];
    for (let i = 1; i < n; i++) {
      const fo = i * T;
      const po = fo - T;
      const to = i * S + T;
      for (let t = 0; t < T; t++) {
        let best = NEG * 4;
        let arg = 0;
        for (let s2 = 0; s2 < T; s2++) {
          const v = fwd[po + s2] + tr[to + s2 * T + t];
          if (v > best) {
            best = v;
            arg = s2;
          }
        }
        fwd[fo + t] = best + em[fo + t];
        back[fo + t] = arg;
      }
    }
    for (let t = 0; t < T; t++) bwd[(n - 1) * T + t] = !final || final(t) ? 0 : NEG;
    for (let i = n - 2; i >= 0; i--) {
      const bo = i * T;
      const no = bo + T;
      for (let s2 = 0; s2 < T; s2++) {
        let best = NEG * 4;
        const ro = (i + 1) * S + (s2 + 1) * T;
        for (let t = 0; t < T; t++) {
          const v = tr[ro + t] + em[no + t] + bwd[no + t];
          if (v > best) best = v;
        }
        bwd[bo + s2] = best;
      }
    }
    const lo = (n - 1) * T;
    let last = 0;
    for (let t = 1; t < T; t++) if (fwd[lo + t] + bwd[lo + t] > fwd[lo + last] + bwd[lo + last]) last = t;
    const score = fwd[lo + last] + bwd[lo + last];
    const tags = new Array<number>(n);
    tags[n - 1] = last;
    for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i * T + tags[i]];
    // The forward scores become the max-marginals in place.
    const maxMarginals = fwd;
    const margins: number[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const o = i * T;
      let other = NEG;
      for (let t = 0; t < T; t++) {
        const v = (maxMarginals[o + t] += bwd[o + t]);
        if (t !== tags[i] && v > other) other = v;
      }
      margins[i] = other <= NEG / 2 ? Infinity : maxMarginals[o + tags[i]] - other;
    }
    return { tags, margins, maxMarginals, score };
  }
}

/** Accumulates an averaged perceptron's weights (the averaging trick of Daumé's thesis, §2.1.1). */
export class ChainTrainer {
  readonly tags: string[];
  readonly vocab: Vocabularies;
  private readonly line: Rows = [];
  private readonly lineSum: Rows = [];
  private readonly edge: Rows = [];
  private readonly edgeSum: Rows = [];
  private step = 1;

  constructor(tags: string[], vocab: Vocabularies) {
    this.tags = tags;
    this.vocab = vocab;
  }

  /** The current (not averaged) weights as a model, for decoding during training (shares the live weights). */
  current(): ChainModel {
    return new ChainModel({ tags: this.tags, line: this.line, edge: this.edge }, this.vocab);
  }

  private vec(m: Rows, k: number, size: number): Float64Array {
    let v = m[k];
    if (!v) {
      v = new Float64Array(size);
      m[k] = v;
    }
    return v;
  }

  private addFeatures(p: Position, prev: number, tag: number, d: number): void {
    const T = this.tags.length;
    const size = (1 + LAYOUT_GROUPS) * T;
    const o = (1 + (p.layout ?? 0)) * T;
    for (const f of p.line) {
      const w = this.vec(this.line, f, size);
      const ws = this.vec(this.lineSum, f, size);
      w[tag] += d;
      w[o + tag] += d;
      ws[tag] += d * this.step;
      ws[o + tag] += d * this.step;
    }
    for (const f of p.edge) {
      const k = (prev + 1) * T + tag;
      this.vec(this.edge, f, (T + 1) * T)[k] += d;
      this.vec(this.edgeSum, f, (T + 1) * T)[k] += d * this.step;
    }
  }

  /** One training example: decode with the current weights, update toward the gold tags. Returns the errors. */
  learn(model: ChainModel, positions: Position[], gold: number[], constraints: Constraints = {}): number {
    const { tags } = model.decode(positions, constraints);
    let errors = 0;
    for (let i = 0; i < positions.length; i++) {
      const gp = i === 0 ? -1 : gold[i - 1];
      const pp = i === 0 ? -1 : tags[i - 1];
      if (tags[i] !== gold[i] || gp !== pp) {
        if (tags[i] !== gold[i]) errors++;
        this.addFeatures(positions[i], gp, gold[i], 1);
        this.addFeatures(positions[i], pp, tags[i], -1);
      }
    }
    this.step++;
    return errors;
  }

  /** The averaged weights as a model. */
  model(): ChainModel {
    return new ChainModel(this.export(), this.vocab);
  }

  /** The weights: averaged over all steps (what is committed) or current. */
  export(averaged = true): ChainWeights {
    const out = (m: Rows, sums: Rows, v: Vocabulary): Record<string, number[]> => {
      const r: Record<string, number[]> = {};
      const ids = m.map((_, id) => id).filter((id) => m[id]);
      for (const id of ids.sort((a, b) => (v.names[a] < v.names[b] ? -1 : v.names[a] > v.names[b] ? 1 : 0))) {
        const w = m[id]!;
        const s = sums[id]!;
        const x = Array.from(w, (y, i) => (averaged ? y - s[i] / this.step : y));
        if (x.some((y) => Math.abs(y) > 1e-9)) r[v.names[id]] = x.map((y) => Math.round(y * 1e4) / 1e4);
      }
      return r;
    };
    return { tags: this.tags, line: out(this.line, this.lineSum, this.vocab.line), edge: out(this.edge, this.edgeSum, this.vocab.edge) };
  }
}
