/**
 * Confidence calibration (scripts/lib/train/calibrate.ts): the logistic fit of p = σ(a·ln(1+m) + b)
 * recovers the parameters synthetic decisions were drawn with, and the chance it gives rises with
 * the margin when right decisions have larger margins.
 */
import { describe, expect, it } from 'vitest';
import { fitCalibration } from '../../scripts/lib/train/calibrate.ts';
import { ChainModel } from '../../scripts/lib/model/chain.ts';
import { Vocabulary } from '../../scripts/lib/model/vocabulary.ts';
import { rng } from '../../scripts/lib/synth.ts';

/** Decisions with margins spread over 0–200, each right with chance σ(a·ln(1+m) + b). */
function draw(a: number, b: number, n: number, seed: number): { margins: number[]; right: boolean[] } {
  const r = rng(seed);
  const margins: number[] = [];
  const right: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const m = Math.expm1(r() * Math.log(201));
    const p = 1 / (1 + Math.exp(-(a * Math.log1p(m) + b)));
    margins.push(m);
    right.push(r() < p);
  }
  return { margins, right };
}

describe('fitCalibration', () => {
  it.each([
    [1.3, -4.2],
    [0.9, -1.5],
    [1.5, -1],
  ])('recovers a = %d, b = %d from 20,000 synthetic decisions', (a, b) => {
    const { margins, right } = draw(a, b, 20_000, 11);
    const fit = fitCalibration(margins, right);
    expect(Math.abs(fit.a - a)).toBeLessThan(0.1);
    expect(Math.abs(fit.b - b)).toBeLessThan(0.3);
  });
  it('gives a chance that rises with the margin when right decisions have the larger margins', () => {
    const { margins, right } = draw(1.1, -2, 5_000, 3);
    const fit = fitCalibration(margins, right);
    expect(fit.a).toBeGreaterThan(0);
    const model = new ChainModel({ tags: ['A'], line: {}, edge: {}, calibration: fit }, { line: new Vocabulary(), edge: new Vocabulary() });
    const ps = [0, 1, 2, 5, 10, 50, 200].map((m) => model.confidence(m));
    for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeGreaterThan(ps[i - 1]);
    for (const p of ps) expect(p > 0 && p < 1).toBe(true);
  });
  it('falls with the margin when the data say so, and is flat when the margin says nothing', () => {
    expect(fitCalibration(...Object.values(draw(-1, 1, 5_000, 5)) as [number[], boolean[]]).a).toBeLessThan(0);
    const flat = draw(0, 1, 20_000, 6);
    const fit = fitCalibration(flat.margins, flat.right);
    expect(Math.abs(fit.a)).toBeLessThan(0.1);
    expect(1 / (1 + Math.exp(-fit.b))).toBeCloseTo(1 / (1 + Math.exp(-1)), 1);
  });
  it('stays finite when every decision is right, and caps huge and infinite margins', () => {
    const fit = fitCalibration([1, 10, 100, Infinity], [true, true, true, true]);
    expect(Number.isFinite(fit.a) && Number.isFinite(fit.b)).toBe(true);
    expect(1 / (1 + Math.exp(-(fit.a * Math.log1p(10) + fit.b)))).toBeGreaterThan(0.9);
  });
  it('is deterministic', () => {
    const { margins, right } = draw(1, -1, 3_000, 9);
    expect(fitCalibration(margins, right)).toEqual(fitCalibration([...margins], [...right]));
  });
});
