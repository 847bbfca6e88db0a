/**
 * Tokenisation of folded text into Pagefind "words", and of query parts into Pagefind searches.
 *
 * Index side: the folded text c0 c1 … c(n-1) becomes the word sequence
 *   code(c0)code(c1), code(c1)code(c2), …, code(c(n-2))code(c(n-1)), code(c(n-1))
 * i.e. every overlapping character bigram, in order, plus the last character on its own. Every
 * character position therefore starts exactly one word, and consecutive positions are consecutive
 * Pagefind word positions.
 *
 * The final single-character word separates streams: without it, a stream ending "…xy" followed by
 * one starting "yb…" would give consecutive words xy, yb, and "xyb" would falsely match.
 *
 * One-character queries cannot use Pagefind's prefix search (it only loads the index chunk a prefix
 * falls into, and the words starting with a common character span many chunks in a large archive).
 * Instead every article lists its distinct characters as Pagefind *filter* values: the character c
 * is a value of the filter `ch<k>` with k = code point mod the archive's bucket count. A filter
 * lists article numbers without positions and is one file per filter name, so this costs neither
 * index chunks nor (with a bucket count fitted to the archive) large downloads.
 *
 * Query side (per whitespace-separated part, already folded):
 *   - 1 character  → Pagefind filter ch<k> = c, no search term: exactly the articles containing c.
 *   - ≥2 characters → quoted (exact) search for the part's bigram words: Pagefind's exact mode demands
 *     the words at consecutive positions, which is exactly "the part occurs as a substring".
 *
 * Headline words (kicker, title, subtitle — a second, short stream) are the same bigrams with a
 * trailing 'z': code(a)code(b)z, ending with code(last)z. No character code starts with 'z', so they
 * never equal a body word and a headline query only finds headline words. (Each sorts right after
 * its body twin, often into the same index chunk — but a common bigram fills a chunk of its own,
 * which is why headline searches are kept short, see partSearch.)
 */
import { encodeCodePoint } from './codec.ts';

/** Suffix of headline words; never the first symbol of a character code. */
export const HEADLINE_MARK = 'z';
/** Suffix of the per-article distinct-character words of the headline (headline ranking only). */
const HEADLINE_CHAR_MARK = 'zy';
/** Prefix of the character filters. */
export const CHAR_FILTER_PREFIX = 'ch';

/** Turns folded text into the ordered list of index words (bigrams plus the final unigram). */
export function indexWords(folded: string, headline = false): string[] {
  const mark = headline ? HEADLINE_MARK : '';
  const codes = Array.from(folded, (ch) => encodeCodePoint(ch.codePointAt(0)!));
  const words: string[] = [];
  for (let i = 0; i + 1 < codes.length; i++) words.push(codes[i] + codes[i + 1] + mark);
  if (codes.length) words.push(codes[codes.length - 1] + mark);
  return words;
}

/** One word per distinct character of the folded headline texts (ranking of one-character queries). */
export function headlineCharWords(folded: string[]): string[] {
  const chars = new Set<string>();
  for (const t of folded) for (const ch of t) chars.add(ch);
  return [...chars].map((ch) => encodeCodePoint(ch.codePointAt(0)!) + HEADLINE_CHAR_MARK);
}

/** The filter that lists the articles containing the character `ch`. */
export function charFilterName(ch: string, buckets: number): string {
  return CHAR_FILTER_PREFIX + (ch.codePointAt(0)! % buckets);
}

/** An article's character filters: filter name → its distinct characters in that bucket (sorted). */
export function charFilters(folded: string[], buckets: number): Record<string, string[]> {
  const chars = new Set<string>();
  for (const t of folded) for (const ch of t) chars.add(ch);
  const out: Record<string, string[]> = {};
  for (const ch of [...chars].sort()) (out[charFilterName(ch, buckets)] ??= []).push(ch);
  return out;
}

/** One Pagefind search: a term (null = filters only) and extra filters. */
export interface PartSearch {
  term: string | null;
  filters: Record<string, string>;
}

/**
 * The Pagefind search for one folded query part, optionally restricted to headline words.
 * Headline searches only rank results, so for parts longer than three characters they ask for the
 * first and last headline bigram (unquoted: both present) instead of the whole phrase: a common
 * bigram fills an index chunk of its own and its headline twin lands in the next chunk, so every
 * extra word would cost a chunk download. A headline holding both ends but not the whole part
 * (rare in a headline) may then rank a correct result a little too high.
 */
export function partSearch(foldedPart: string, headline: boolean, buckets: number): PartSearch {
  const mark = headline ? HEADLINE_MARK : '';
  const chars = Array.from(foldedPart);
  const codes = chars.map((ch) => encodeCodePoint(ch.codePointAt(0)!));
  if (codes.length === 0) throw new Error('empty query part');
  if (codes.length === 1) {
    if (headline) return { term: `"${codes[0] + HEADLINE_CHAR_MARK}"`, filters: {} };
    return { term: null, filters: { [charFilterName(chars[0], buckets)]: chars[0] } };
  }
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < codes.length; i++) bigrams.push(codes[i] + codes[i + 1] + mark);
  if (headline && bigrams.length > 2) return { term: `${bigrams[0]} ${bigrams[bigrams.length - 1]}`, filters: {} };
  return { term: `"${bigrams.join(' ')}"`, filters: {} };
}
