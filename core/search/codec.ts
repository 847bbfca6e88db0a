/**
 * Character codec for the search index.
 *
 * Pagefind only understands "words": it lowercases them, may stem or segment them depending on the
 * language, drops punctuation, and matches query words as prefixes of indexed words. To make it do
 * Ctrl+F-style substring search we never let it see the text itself: every character is turned into
 * a short code of ASCII letters/digits, and the codes are glued into bigram "words" (see tokens.ts).
 * Pagefind then stores and matches those words verbatim, so what matches is decided by us alone.
 *
 * The code is prefix-free (no code is a prefix of another), so a string of codes splits into
 * characters in exactly one way and a bigram word can only be its own pair of characters:
 *   - U+3000..U+D70F (CJK punctuation, Kana, CJK Ext-A, CJK unified, Hangul): 3 symbols, first in 0-w
 *   - every other BMP code point: 'x' + 4 symbols
 *   - supplementary planes (CJK Ext-B…, emoji): 'y' + 4 symbols
 * 'z' never starts a character code; it marks headline words (tokens.ts).
 */

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const CJK_BASE = 0x3000;
/** 33 leading symbols (0-w) × 36 × 36 three-symbol codes. */
const CJK_SPAN = 33 * 36 * 36;

function base36(n: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = DIGITS[n % 36] + out;
    n = Math.floor(n / 36);
  }
  return out;
}

/** Encodes one code point as its prefix-free ASCII code. */
export function encodeCodePoint(cp: number): string {
  if (cp >= CJK_BASE && cp < CJK_BASE + CJK_SPAN) return base36(cp - CJK_BASE, 3);
  if (cp < 0x10000) return 'x' + base36(cp, 4);
  return 'y' + base36(cp - 0x10000, 4);
}

/** Decodes a string of concatenated character codes back into text (used by tests and debugging). */
export function decodeCodes(codes: string): string {
  let out = '';
  let i = 0;
  while (i < codes.length) {
    const lead = codes[i];
    if (lead === 'x') {
      out += String.fromCodePoint(parseInt(codes.slice(i + 1, i + 5), 36));
      i += 5;
    } else if (lead === 'y') {
      out += String.fromCodePoint(parseInt(codes.slice(i + 1, i + 5), 36) + 0x10000);
      i += 5;
    } else {
      out += String.fromCodePoint(parseInt(codes.slice(i, i + 3), 36) + CJK_BASE);
      i += 3;
    }
  }
  return out;
}
