/**
 * @fileoverview A linear-chain model over a page's lines (issue #10): each line gets one tag;
 * a tagging's score is the sum of weights of (line feature, tag) and (edge feature, previous tag,
 * tag) pairs. Decoded for the whole page at once by Viterbi; max-marginals (the best score of any
 * tagging that gives a line a given tag) measure how sure each decision is. Trained by the averaged
 * structured perceptron (Collins 2002, https://aclanthology.org/W02-1001/), deterministically.
 */

/**
 * Features of one position: line features, and edge features of the boundary before it. A line
 * feature has a weight shared by every page and one for the page's layout group (`layout`, 0 or 1),
 * so the two layouts can weigh it apart without a second feature string.
 */
export interface Position {
  line: string[];
  edge: string[];
  layout?: number;
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

  /**
   * Best tagging under the constraints (tags a position may not take, tag pairs that may not
   * follow, tags that may not end), with max-marginals. Flat typed arrays, the constraints folded
   * into the scores as -∞ once, so the inner loops do nothing but add and compare.
   */
  decode(positions: Position[], constraints: Constraints = {}): Decoded {
    const { allowed, transition, final } = constraints;
    const T = this.tags.length;
    const S = (T + 1) * T;
    const n = positions.length;
    if (n === 0) return { tags: [], margins: [], maxMarginals: [] };
    const NEG = -1e18;
    const em = new Float64Array(n * T);
    const mask = new Float64Array(S);
    if (transition) for (let s = -1; s < T; s++) for (let t = 0; t < T; t++) if (!transition(s, t)) mask[(s + 1) * T + t] = NEG;
    // Transition rows by edge-feature set: a page has few distinct boundaries, so each row is summed once.
    const rows = new Map<string, Float64Array>();
    const trRows: Float64Array[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const p = positions[i];
      const o = (1 + (p.layout ?? 0)) * T;
      const eo = i * T;
      for (const f of p.line) {
        const w = this.lineW.get(f);
        if (w) for (let t = 0; t < T; t++) em[eo + t] += w[t] + w[o + t];
      }
      if (allowed) for (let t = 0; t < T; t++) if (!allowed(i, t)) em[eo + t] = NEG;
      const key = p.edge.join('\u0001');
      let row = rows.get(key);
      if (!row) {
        row = new Float64Array(S);
        for (const f of p.edge) {
          const w = this.edgeW.get(f);
          if (w) for (let k = 0; k < S; k++) row[k] += w[k];
        }
        if (transition) for (let k = 0; k < S; k++) row[k] += mask[k];
        rows.set(key, row);
      }
      trRows[i] = row;
    }
    // Forward (Viterbi) and backward max scores.
    const fwd = new Float64Array(n * T);
    const bwd = new Float64Array(n * T);
    const back = new Int32Array(n * T);
    for (let t = 0; t < T; t++) fwd[t] = em[t] + trRows[0][t];
    for (let i = 1; i < n; i++) {
      const fo = i * T;
      const po = fo - T;
      const tr = trRows[i];
      for (let t = 0; t < T; t++) {
        let best = NEG * 4;
        let arg = 0;
        for (let s2 = 0; s2 < T; s2++) {
          const v = fwd[po + s2] + tr[(s2 + 1) * T + t];
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
      const tr = trRows[i + 1];
      for (let s2 = 0; s2 < T; s2++) {
        let best = NEG * 4;
        const ro = (s2 + 1) * T;
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
    const tags = new Array<number>(n);
    tags[n - 1] = last;
    for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i * T + tags[i]];
    const maxMarginals: Float64Array[] = [];
    const margins: number[] = [];
    for (let i = 0; i < n; i++) {
      const m = new Float64Array(T);
      let other = NEG;
      for (let t = 0; t < T; t++) {
        m[t] = fwd[i * T + t] + bwd[i * T + t];
        if (t !== tags[i] && m[t] > other) other = m[t];
      }
      maxMarginals.push(m);
      margins.push(other <= NEG / 2 ? Infinity : m[tags[i]] - other);
    }
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
