/**
 * Text folding shared by the indexer, the query translator and the verifier.
 *
 * Ctrl+F ignores case and, for our purposes, whitespace (the issue defines a match on the indexed
 * text with whitespace removed). Each code point is folded on its own (NFKC, then lower case) so that
 * full-width Latin/digits typed in a query meet their half-width forms in the text; folding per code
 * point keeps a simple offset map back to the original string for excerpts and highlighting.
 * Search folding also maps script variants to one character (`variants`, see variants.ts).
 */
import { NO_VARIANTS, type Variants } from './variants.ts';

/** Folded text plus, for every folded UTF-16 unit, the offset of its source character in the original. */
export interface Folded {
  text: string;
  /** map[i] = index in the original string of the character that produced text[i]; map[text.length] = original length. */
  map: number[];
}

const WHITESPACE = /\s/u;

/**
 * Folded code points per variant map: folding is per code point, and normalize() with two regular
 * expressions per character was most of the search page's script time (issue 12: every result's
 * text is folded to verify, excerpt and highlight it). An archive has a few thousand distinct
 * characters, so the caches stay small.
 */
const folded = new WeakMap<Variants, Map<string, string>>();

/** Folds one code point (as a string); returns '' for whitespace and invisible format characters. */
export function foldChar(ch: string, variants: Variants = NO_VARIANTS): string {
  let cache = folded.get(variants);
  if (!cache) folded.set(variants, (cache = new Map()));
  let f = cache.get(ch);
  if (f === undefined) cache.set(ch, (f = foldCharUncached(ch, variants)));
  return f;
}

function foldCharUncached(ch: string, variants: Variants): string {
  if (WHITESPACE.test(ch) || ch === '\u200b' || ch === '\u200c' || ch === '\u200d' || ch === '\ufeff' || ch === '\u00ad') return '';
  // NFKC can expand to spaces (e.g. U+3000 is already whitespace; some compatibility forms contain spaces).
  const f = ch.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
  if (variants.size === 0) return f;
  let out = '';
  for (const c of f) out += variants.get(c) ?? c;
  return out;
}

/** Folds a whole string, keeping the offset map. */
export function foldWithMap(original: string, variants: Variants = NO_VARIANTS): Folded {
  let text = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of original) {
    const f = foldChar(ch, variants);
    for (let k = 0; k < f.length; k++) map.push(i);
    text += f;
    i += ch.length;
  }
  map.push(original.length);
  return { text, map };
}

/** Folds a string for matching (no offset map). */
export function fold(s: string, variants: Variants = NO_VARIANTS): string {
  let out = '';
  for (const ch of s) out += foldChar(ch, variants);
  return out;
}
