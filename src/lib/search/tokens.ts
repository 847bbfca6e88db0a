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
 * Besides the streams, every distinct character of the article gets one word code(c)+'zz' (body) or
 * code(c)+'zy' (headline). One-character queries ask for that word exactly; Pagefind's prefix
 * matching cannot be used for them, because it only loads the index chunk a prefix falls into, and
 * the words starting with a common character span several chunks in a large archive.
 *
 * Query side (per whitespace-separated part, already folded):
 *   - 1 character  → quoted (exact) search for code(c)+'zz': exactly the articles containing c.
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
/** Suffixes of the per-article distinct-character words (body, headline). */
const CHAR_MARK = { body: 'zz', headline: 'zy' };

/** Turns folded text into the ordered list of index words (bigrams plus the final unigram). */
export function indexWords(folded: string, headline = false): string[] {
  const mark = headline ? HEADLINE_MARK : '';
  const codes = Array.from(folded, (ch) => encodeCodePoint(ch.codePointAt(0)!));
  const words: string[] = [];
  for (let i = 0; i + 1 < codes.length; i++) words.push(codes[i] + codes[i + 1] + mark);
  if (codes.length) words.push(codes[codes.length - 1] + mark);
  return words;
}

/** One word per distinct character of the folded texts, for one-character queries. */
export function charWords(folded: string[], headline = false): string[] {
  const mark = headline ? CHAR_MARK.headline : CHAR_MARK.body;
  const chars = new Set<string>();
  for (const t of folded) for (const ch of t) chars.add(ch);
  return [...chars].map((ch) => encodeCodePoint(ch.codePointAt(0)!) + mark);
}

/**
 * A Pagefind search string for one folded query part, optionally restricted to headline words.
 * Headline searches only rank results, so for parts longer than three characters they ask for the
 * first and last headline bigram (unquoted: both present) instead of the whole phrase: a common
 * bigram fills an index chunk of its own and its headline twin lands in the next chunk, so every
 * extra word would cost a chunk download. A headline holding both ends but not the whole part
 * (rare in a headline) may then rank a correct result a little too high.
 */
export function partSearch(foldedPart: string, headline = false): string {
  const mark = headline ? HEADLINE_MARK : '';
  const codes = Array.from(foldedPart, (ch) => encodeCodePoint(ch.codePointAt(0)!));
  if (codes.length === 0) throw new Error('empty query part');
  if (codes.length === 1) return `"${codes[0] + (headline ? CHAR_MARK.headline : CHAR_MARK.body)}"`;
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < codes.length; i++) bigrams.push(codes[i] + codes[i + 1] + mark);
  if (headline && bigrams.length > 2) return `${bigrams[0]} ${bigrams[bigrams.length - 1]}`;
  return `"${bigrams.join(' ')}"`;
}
