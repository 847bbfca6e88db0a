/**
 * @fileoverview Guarantees checked on every converted page: nothing lost, nothing doubled.
 * Every non-whitespace character of the page must appear exactly once in the text fields of its
 * articles and non-article blocks (see ../shared/gold/SCHEMA.md, "Rules").
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
  const source = lines.map((l) => l.text).join('');
  const output = accountedStrings(result).join('');
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
