/**
 * Tokenisation of folded text into Pagefind "words", and of query parts into Pagefind searches.
 *
 * Index side: the folded text c0 c1 … c(n-1) becomes the word sequence
 *   code(c0)code(c1), code(c1)code(c2), …, code(c(n-2))code(c(n-1)), code(c(n-1))
 * i.e. every overlapping character bigram, in order, plus the last character on its own. Every
 * character position therefore starts exactly one word, and consecutive positions are consecutive
 * Pagefind word positions.
 *
 * Query side (per whitespace-separated part, already folded):
 *   - 1 character  → plain search for code(c): Pagefind prefix-matches it against every word starting
 *     with that character, i.e. exactly the articles containing it.
 *   - ≥2 characters → quoted (exact) search for the part's bigram words: Pagefind's exact mode demands
 *     the words at consecutive positions, which is exactly "the part occurs as a substring".
 * Headline words (kicker, title, subtitle — a second, short stream) carry a 'z' after their first
 * character's code: code(a)+'z'+code(b), and code(last)+'z'. No character code starts with 'z', so
 * they never equal a body word, a headline query (prefix code(c)+'z' or a phrase of such words)
 * only finds headline words, and they sort right after the body words of the same first character,
 * i.e. into the index chunk the body search loads anyway.
 */
import { encodeCodePoint } from './codec.ts';

/** Marker after the first character code of a headline word; never the first symbol of a code. */
export const HEADLINE_MARK = 'z';

/** Turns folded text into the ordered list of index words (bigrams plus the final unigram). */
export function indexWords(folded: string, headline = false): string[] {
  const mark = headline ? HEADLINE_MARK : '';
  const codes = Array.from(folded, (ch) => encodeCodePoint(ch.codePointAt(0)!));
  const words: string[] = [];
  for (let i = 0; i + 1 < codes.length; i++) words.push(codes[i] + mark + codes[i + 1]);
  if (codes.length) words.push(codes[codes.length - 1] + mark);
  return words;
}

/** A Pagefind search string for one folded query part, optionally restricted to headline words. */
export function partSearch(foldedPart: string, headline = false): string {
  const mark = headline ? HEADLINE_MARK : '';
  const codes = Array.from(foldedPart, (ch) => encodeCodePoint(ch.codePointAt(0)!));
  if (codes.length === 0) throw new Error('empty query part');
  if (codes.length === 1) return codes[0] + mark;
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < codes.length; i++) bigrams.push(codes[i] + mark + codes[i + 1]);
  return `"${bigrams.join(' ')}"`;
}
