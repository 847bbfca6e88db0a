/**
 * @fileoverview Guarantees checked on every converted page: nothing lost, nothing doubled.
 * Every non-whitespace character of the page must appear exactly once in the text fields of its
 * articles and non-article blocks (the gold schema's rules; tests/fixtures/gold).
 */
import type { Assembly } from './assemble.ts';
import type { Line } from './lines.ts';
import { squash } from './text.ts';

/** The strings of a page result that account for its characters. */
export function accountedStrings(result: Pick<Assembly, 'articles' | 'other'>): string[] {
  const out: string[] = [];
  for (const a of result.articles) {
    for (const v of [a.column, a.kicker, a.title, a.subtitle, a.byline]) if (v) out.push(v);
    for (const b of a.body) out.push(b.text);
  }
  for (const o of result.other) out.push(o.text);
  return out;
}

function counts(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const ch of squash(s)) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

/** Exactly the code units JavaScript's `\s` matches (what `squash` removes), so both checks agree. */
function isSpaceUnit(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Counts per code unit for {@link sameCodeUnits}, kept between calls (all zero outside a call). */
const unitCounts = new Int32Array(0x10000);

/** Fast check (the common case): source and output hold the same code units, white space aside. */
function sameCodeUnits(source: string[], output: string[]): boolean {
  const touched: number[] = [];
  const add = (strs: string[], d: number): void => {
    for (const s of strs) {
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (isSpaceUnit(c)) continue;
        if (unitCounts[c] === 0) touched.push(c);
        unitCounts[c] += d;
      }
    }
  };
  add(source, 1);
  add(output, -1);
  let same = true;
  for (const c of touched) {
    if (unitCounts[c] !== 0) same = false;
    unitCounts[c] = 0;
  }
  return same;
}

/** A violation of conservation: which characters are missing or extra, and a source line that lost text. */
export interface ConservationError {
  missing: string;
  extra: string;
  line: number | null;
  lineText: string | null;
}

/**
 * Checks that the page's characters are conserved. Returns null when they are, else what is
 * missing or extra and the first source line whose text is not found whole in the output.
 */
export function checkConservation(lines: Line[], result: Pick<Assembly, 'articles' | 'other'>): ConservationError | null {
  const strings = accountedStrings(result);
  if (sameCodeUnits(lines.map((l) => l.text), strings)) return null;
  const source = lines.map((l) => l.text).join('');
  const output = strings.join('');
  const a = counts(source);
  const b = counts(output);
  let missing = '';
  let extra = '';
  for (const [ch, n] of a) if ((b.get(ch) ?? 0) < n) missing += ch.repeat(n - (b.get(ch) ?? 0));
  for (const [ch, n] of b) if ((a.get(ch) ?? 0) < n) extra += ch.repeat(n - (a.get(ch) ?? 0));
  if (!missing && !extra) return null;
  const flat = squash(output);
  const lost = lines.find((l) => !flat.includes(squash(l.text)));
  return { missing, extra, line: lost?.no ?? null, lineText: lost?.text ?? null };
}
