/**
 * @fileoverview Confidence calibration (issue #10): fits p = σ(a·ln(1+m) + b), the chance that a
 * decision with score margin m is right, by logistic regression (Newton's method, two parameters)
 * on decisions made by models that had not seen the page (cross-validation folds).
 */

/** Fits the calibration to (margin, right) pairs. */
export function fitCalibration(margins: number[], right: boolean[]): { a: number; b: number } {
  const xs = margins.map((m) => Math.log1p(Math.max(0, Math.min(m, 1e6))));
  // Start where every p is ½ (the Hessian well conditioned) and cap each step: plain Newton from a
  // saturated start overshoots.
  let a = 0;
  let b = 0;
  for (let it = 0; it < 50; it++) {
    // Gradient and Hessian of the log-likelihood, with a small ridge for stability.
    let ga = -1e-3 * a;
    let gb = -1e-3 * b;
    let haa = -1e-3;
    let hab = 0;
    let hbb = -1e-3;
    for (let i = 0; i < xs.length; i++) {
      const p = 1 / (1 + Math.exp(-(a * xs[i] + b)));
      const y = right[i] ? 1 : 0;
      ga += (y - p) * xs[i];
      gb += y - p;
      const w = p * (1 - p);
      haa -= w * xs[i] * xs[i];
      hab -= w * xs[i];
      hbb -= w;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const cap = (x: number): number => Math.max(-2, Math.min(2, x));
    const da = cap((hbb * ga - hab * gb) / det);
    const db = cap((haa * gb - hab * ga) / det);
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a: Math.round(a * 1e4) / 1e4, b: Math.round(b * 1e4) / 1e4 };
}
