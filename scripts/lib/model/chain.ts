/**
 * @fileoverview A linear-chain model over a page's lines (issue #10): each line gets one tag;
 * a tagging's score is the sum of weights of (line feature, tag) and (edge feature, previous tag,
 * tag) pairs. Decoded for the whole page at once by Viterbi; max-marginals (the best score of any
 * tagging that gives a line a given tag) measure how sure each decision is. Trained by the averaged
 * structured perceptron (Collins 2002, https://aclanthology.org/W02-1001/), deterministically.
 */

/** Features of one position: line features, and edge features of the boundary before it. */
export interface Position {
  line: string[];
  edge: string[];
}

/** Trained weights, as committed: feature → weights per tag (or per tag pair for edges). */
export interface ChainWeights {
  tags: string[];
  /** Line feature → one weight per tag. */
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
  /** Max-marginal scores per position and tag (for constrained re-decoding and confidence). */
  maxMarginals: Float64Array[];
}

/** A model ready to decode: per feature, its weights (live, when a trainer's). */
export class ChainModel {
  readonly tags: string[];
  readonly calibration: { a: number; b: number } | null;
  private readonly lineW: Map<string, Float64Array | number[]>;
  private readonly edgeW: Map<string, Float64Array | number[]>;

  constructor(w: ChainWeights | { tags: string[]; line: Map<string, Float64Array>; edge: Map<string, Float64Array> }) {
    this.tags = w.tags;
    this.calibration = 'calibration' in w && w.calibration ? w.calibration : null;
    this.lineW = w.line instanceof Map ? w.line : new Map(Object.entries(w.line));
    this.edgeW = w.edge instanceof Map ? (w.edge as Map<string, Float64Array>) : new Map(Object.entries(w.edge as Record<string, number[]>));
  }

  /** The chance that a decision with this score margin is right (0.5 when the model is not calibrated). */
  confidence(margin: number): number {
    if (!this.calibration) return 0.5;
    if (margin === Infinity) return 1;
    const z = this.calibration.a * Math.log1p(Math.max(0, margin)) + this.calibration.b;
    return 1 / (1 + Math.exp(-z));
  }

  /** Score of each tag at each position from line features: emission[pos][tag]. */
  private emissions(positions: Position[]): Float64Array[] {
    const T = this.tags.length;
    return positions.map((p) => {
      const e = new Float64Array(T);
      for (const f of p.line) {
        const w = this.lineW.get(f);
        if (w) for (let t = 0; t < T; t++) e[t] += w[t];
      }
      return e;
    });
  }

  /** Transition scores at each position: trans[pos][(prev + 1) * T + tag], prev = -1 for the page start. */
  private transitions(positions: Position[]): Float64Array[] {
    const T = this.tags.length;
    const S = (T + 1) * T;
    return positions.map((p) => {
      const tr = new Float64Array(S);
      for (const f of p.edge) {
        const w = this.edgeW.get(f);
        if (w) for (let s = 0; s < S; s++) tr[s] += w[s];
      }
      return tr;
    });
  }

  /**
   * Best tagging. `allowed(pos, tag)` may forbid tags (e.g. when a correction or a hard
   * convention fixes a line's tag).
   */
  decode(positions: Position[], constraints: Constraints = {}): Decoded {
    const { allowed, transition, final } = constraints;
    const T = this.tags.length;
    const n = positions.length;
    if (n === 0) return { tags: [], margins: [], maxMarginals: [] };
    const em = this.emissions(positions);
    const tr = this.transitions(positions);
    const NEG = -1e18;
    const ok = (i: number, t: number): boolean => !allowed || allowed(i, t);
    const can = (s: number, t: number): boolean => !transition || transition(s, t);
    const end = (t: number): boolean => !final || final(t);
    // Forward (Viterbi) and backward max scores.
    const fwd = Array.from({ length: n }, () => new Float64Array(T).fill(NEG));
    const back = Array.from({ length: n }, () => new Int32Array(T));
    for (let t = 0; t < T; t++) if (ok(0, t) && can(-1, t)) fwd[0][t] = em[0][t] + tr[0][t];
    for (let i = 1; i < n; i++) {
      for (let t = 0; t < T; t++) {
        if (!ok(i, t)) continue;
        let best = NEG;
        let arg = 0;
        for (let s = 0; s < T; s++) {
          if (!can(s, t)) continue;
          const v = fwd[i - 1][s] + tr[i][(s + 1) * T + t];
          if (v > best) {
            best = v;
            arg = s;
          }
        }
        fwd[i][t] = best + em[i][t];
        back[i][t] = arg;
      }
    }
    const bwd = Array.from({ length: n }, () => new Float64Array(T).fill(NEG));
    for (let t = 0; t < T; t++) bwd[n - 1][t] = end(t) ? 0 : NEG;
    for (let i = n - 2; i >= 0; i--) {
      for (let s = 0; s < T; s++) {
        let best = NEG;
        for (let t = 0; t < T; t++) {
          if (!ok(i + 1, t) || !can(s, t)) continue;
          const v = tr[i + 1][(s + 1) * T + t] + em[i + 1][t] + bwd[i + 1][t];
          if (v > best) best = v;
        }
        bwd[i][s] = best;
      }
    }
    let last = 0;
    for (let t = 1; t < T; t++) if (fwd[n - 1][t] + bwd[n - 1][t] > fwd[n - 1][last] + bwd[n - 1][last]) last = t;
    const tags = new Array<number>(n);
    tags[n - 1] = last;
    for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i][tags[i]];
    const maxMarginals = fwd.map((f, i) => {
      const m = new Float64Array(T);
      for (let t = 0; t < T; t++) m[t] = f[t] + bwd[i][t];
      return m;
    });
    const margins = maxMarginals.map((m, i) => {
      let other = NEG;
      for (let t = 0; t < T; t++) if (t !== tags[i] && m[t] > other) other = m[t];
      return other <= NEG / 2 ? Infinity : m[tags[i]] - other;
    });
    return { tags, margins, maxMarginals };
  }
}

/** Accumulates an averaged perceptron's weights (the averaging trick of Daumé's thesis, §2.1.1). */
export class ChainTrainer {
  readonly tags: string[];
  private readonly line = new Map<string, Float64Array>();
  private readonly lineSum = new Map<string, Float64Array>();
  private readonly edge = new Map<string, Float64Array>();
  private readonly edgeSum = new Map<string, Float64Array>();
  private step = 1;

  constructor(tags: string[]) {
    this.tags = tags;
  }

  /** The current (not averaged) weights as a model, for decoding during training (shares the live weights). */
  current(): ChainModel {
    return new ChainModel({ tags: this.tags, line: this.line, edge: this.edge });
  }

  private vec(m: Map<string, Float64Array>, k: string, size: number): Float64Array {
    let v = m.get(k);
    if (!v) {
      v = new Float64Array(size);
      m.set(k, v);
    }
    return v;
  }

  private addFeatures(p: Position, prev: number, tag: number, d: number): void {
    const T = this.tags.length;
    for (const f of p.line) {
      this.vec(this.line, f, T)[tag] += d;
      this.vec(this.lineSum, f, T)[tag] += d * this.step;
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

  /** The weights: averaged over all steps (what is committed) or current. */
  export(averaged = true): ChainWeights {
    const out = (m: Map<string, Float64Array>, sums: Map<string, Float64Array>): Record<string, number[]> => {
      const r: Record<string, number[]> = {};
      for (const k of [...m.keys()].sort()) {
        const w = m.get(k)!;
        const s = sums.get(k)!;
        const v = Array.from(w, (x, i) => (averaged ? x - s[i] / this.step : x));
        if (v.some((x) => Math.abs(x) > 1e-9)) r[k] = v.map((x) => Math.round(x * 1e4) / 1e4);
      }
      return r;
    };
    return { tags: this.tags, line: out(this.line, this.lineSum), edge: out(this.edge, this.edgeSum) };
  }
}
