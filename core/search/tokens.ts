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
 * falls into, and the words starting with a common character span many chunks in a large archive),
 * and one index word per distinct character per article would cost a third more index chunks.
 * Instead the indexer writes *character files* of its own: for each character, the archive ranks
 * of the articles containing it (search-docs/c<k>.sdoc, k = code point mod the archive's count of
 * such files). (Pagefind filters could hold the same lists, but Pagefind recounts every loaded
 * filter value on every search, which made each later search in a session slower.)
 *
 * Query side (per whitespace-separated part, already folded):
 *   - 1 character  → its list in the character file: exactly the articles containing it.
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

/** The character file (search-docs/c<k>.sdoc) that lists the articles containing `ch`. */
export function charBucket(ch: string, buckets: number): number {
  return ch.codePointAt(0)! % buckets;
}

/** The distinct characters of folded texts, in code-point order. */
export function distinctChars(folded: string[]): string[] {
  const chars = new Set<string>();
  for (const t of folded) for (const ch of t) chars.add(ch);
  return [...chars].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
}

/** One search for a query part: a Pagefind term, or (one character) a character-file lookup. */
export type PartSearch = { term: string; char?: undefined } | { term: null; char: string };

/**
 * The Pagefind search for one folded query part, optionally restricted to headline words.
 * Headline searches only rank results, so for parts longer than three characters they ask for the
 * first and last headline bigram (unquoted: both present) instead of the whole phrase: a common
 * bigram fills an index chunk of its own and its headline twin lands in the next chunk, so every
 * extra word would cost a chunk download. A headline holding both ends but not the whole part
 * (rare in a headline) may then rank a correct result a little too high.
 */
export function partSearch(foldedPart: string, headline = false): PartSearch {
  const mark = headline ? HEADLINE_MARK : '';
  const chars = Array.from(foldedPart);
  const codes = chars.map((ch) => encodeCodePoint(ch.codePointAt(0)!));
  if (codes.length === 0) throw new Error('empty query part');
  if (codes.length === 1) {
    if (headline) return { term: `"${codes[0] + HEADLINE_CHAR_MARK}"` };
    return { term: null, char: chars[0] };
  }
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < codes.length; i++) bigrams.push(codes[i] + codes[i + 1] + mark);
  if (headline && bigrams.length > 2) return { term: `${bigrams[0]} ${bigrams[bigrams.length - 1]}` };
  return { term: `"${bigrams.join(' ')}"` };
}
