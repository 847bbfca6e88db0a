/**
 * @fileoverview Stage 1 — decode: the bytes of a page file become text, or a clear error that names
 * the file, the likely encoding and the byte offset (issue 13). Never mojibake, never silent:
 *
 * 1. A byte-order mark decides: UTF-8, UTF-16LE or UTF-16BE (UTF-32 is refused by name).
 * 2. Without one, strict UTF-8. A file that is UTF-8 but for a few invalid sequences (a damaged or
 *    cut-off file) is refused with their offsets — or, only with `invalidUtf8: 'replace'`
 *    (`ingest --replace-invalid-utf8`), decoded with U+FFFD in their place and the offsets reported.
 * 3. Otherwise the legacy CJK encodings are told apart by a plausibility score over the decoded
 *    text: each of GB18030, Big5, Shift-JIS and EUC-KR that decodes without error is scored by the
 *    share of its non-ASCII characters that are common in its language (scripts/lib/common-chars.ts).
 *    The best reading is taken only when it is clearly plausible and clearly ahead of the next;
 *    GB18030 and Big5 (Chinese) are decoded, a page that reads as Japanese or Korean is refused by
 *    name, and anything unclear is refused with every reading's score or first invalid byte.
 */
import type { PageEncoding } from '../../core/schema.ts';
import { HAN_BY_FREQUENCY, JOYO_KANJI } from './common-chars.ts';

/** An input problem that names the file and, where known, the place in it. */
export class PageError extends Error {
  readonly file: string;
  readonly line: number | null;
  constructor(file: string, message: string, line: number | null = null) {
    super(`${file}${line === null ? '' : `:${line}`}: ${message}`);
    this.name = 'PageError';
    this.file = file;
    this.line = line;
  }
}

/** Which encoding a page was read in (`PAGE_ENCODINGS`, core/schema.ts). */
export type { PageEncoding };

/** Decoded page text with line ends normalised to `\n`. */
export interface DecodedPage {
  text: string;
  encoding: PageEncoding;
  /** Byte offsets of invalid UTF-8 sequences decoded as U+FFFD (only with `invalidUtf8: 'replace'`). */
  replaced: number[];
}

/** Options of {@link decodePage}. */
export interface DecodeOptions {
  /** What to do with a UTF-8 file holding a few invalid byte sequences: refuse it (default) or decode them as U+FFFD. */
  invalidUtf8?: 'refuse' | 'replace';
}

/** The legacy encodings the plausibility score tells apart, with the language each one writes. */
const LEGACY = [
  { encoding: 'gb18030', name: 'GB18030', language: 'zh' },
  { encoding: 'big5', name: 'Big5', language: 'zh' },
  { encoding: 'shift_jis', name: 'Shift-JIS', language: 'ja' },
  { encoding: 'euc-kr', name: 'EUC-KR', language: 'ko' },
] as const;
type Language = (typeof LEGACY)[number]['language'];

/**
 * How many of the most frequent Chinese characters count as common. 2,500 characters cover about
 * 98% of running Chinese text (the 常用字 level of 《现代汉语常用字表》 is the same size), while a wrong
 * reading lands on them only by chance.
 */
const COMMON_HAN_COUNT = 2500;
/** The best reading's share of common characters must reach this… */
export const PLAUSIBLE_SHARE = 0.75;
/** …and lead every other reading by this much. */
export const PLAUSIBLE_MARGIN = 0.25;
/** Fewer non-ASCII characters than this cannot tell the legacy encodings apart with confidence. */
export const MIN_EVIDENCE = 20;
/** A file with more invalid sequences than this, or more than a quarter of its valid multi-byte ones, is not "UTF-8 with a few bad bytes". */
const MAX_INVALID_UTF8 = 16;
/** Offsets listed in a message at most. */
const LISTED = 5;

/** Punctuation and spaces of CJK text: common in every language's reading. */
function isCjkPunctuation(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x303f) || // CJK Symbols and Punctuation (U+3000 IDEOGRAPHIC SPACE, 、。「」《》…)
    (c >= 0xff01 && c <= 0xff5e) || // Fullwidth ASCII variants (，：；！？（）)
    (c >= 0x2010 && c <= 0x2027) || // General Punctuation: dashes, quotation marks, U+2026 HORIZONTAL ELLIPSIS
    c === 0x00b7 // U+00B7 MIDDLE DOT
  );
}

let tables: Record<Language, Set<number>> | null = null;

/** The common characters of each language, built once. */
function commonChars(): Record<Language, Set<number>> {
  if (tables) return tables;
  const zh = new Set<number>();
  for (const entry of HAN_BY_FREQUENCY.split(' ').slice(0, COMMON_HAN_COUNT)) for (const ch of entry) zh.add(ch.codePointAt(0)!);
  const ja = new Set<number>();
  for (const ch of JOYO_KANJI) ja.add(ch.codePointAt(0)!);
  for (let c = 0x3041; c <= 0x30ff; c++) ja.add(c); // Hiragana and Katakana
  // Korean: the 2,350 Hangul syllables of KS X 1001 (EUC-KR rows 0xB0–0xC8), the set the standard
  // chose as those in common use; the other 8,822 syllables are rare.
  const ko = new Set<number>();
  const euckr = new TextDecoder('euc-kr');
  for (let lead = 0xb0; lead <= 0xc8; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) ko.add(euckr.decode(new Uint8Array([lead, trail])).codePointAt(0)!);
  }
  tables = { zh, ja, ko };
  return tables;
}

/** Korean puts a space between words (띄어쓰기): at least one per this many Hangul syllables in running text. */
const HANGUL_PER_SPACE = 5;

/**
 * A reading's plausibility: the share of its non-ASCII characters that are common in its language.
 * A Korean reading is also held to Korean spacing: Chinese text read as EUC-KR gives common Hangul
 * syllables for most of its characters (the two standards share a layout), but unbroken by spaces.
 */
export function plausibility(text: string, language: Language): { share: number; evidence: number } {
  const common = commonChars()[language];
  let evidence = 0;
  let good = 0;
  let hangul = 0;
  let spaces = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0x20) spaces++;
    if (c < 0x80) continue;
    evidence++;
    if (c >= 0xac00 && c <= 0xd7a3) hangul++;
    if (common.has(c) || isCjkPunctuation(c)) good++;
  }
  let share = evidence ? good / evidence : 0;
  if (language === 'ko' && hangul > 0) share *= Math.min(1, (spaces * HANGUL_PER_SPACE) / hangul);
  return { share, evidence };
}

/** Result of scanning bytes as UTF-8: the offsets of invalid sequences and how many valid multi-byte ones there are. */
export function scanUtf8(bytes: Uint8Array): { invalid: number[]; multibyte: number } {
  const invalid: number[] = [];
  let multibyte = 0;
  const cont = (i: number, lo = 0x80, hi = 0xbf) => i < bytes.length && bytes[i] >= lo && bytes[i] <= hi;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Expected length and the allowed range of the second byte (Unicode Table 3-7, well-formed UTF-8).
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else {
      invalid.push(i);
      i++;
      continue;
    }
    // The maximal valid prefix is one invalid sequence (as TextDecoder replaces it with one U+FFFD).
    let k = 1;
    if (cont(i + 1, lo, hi)) {
      k = 2;
      while (k <= need && cont(i + k)) k++;
    }
    if (k === need + 1) multibyte++;
    else invalid.push(i);
    i += k;
  }
  return { invalid, multibyte };
}

/** The 1-based line of byte `offset` (counting LF bytes, which every encoding here keeps as 0x0A but UTF-16). */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** "byte 12 (line 3)" for each offset, the first few. */
function places(bytes: Uint8Array, offsets: number[]): string {
  const shown = offsets.slice(0, LISTED).map((o) => `byte ${o} (line ${lineOf(bytes, o)})`);
  return shown.join(', ') + (offsets.length > LISTED ? ` and ${offsets.length - LISTED} more` : '');
}

/** Decodes strictly, or returns the offset where decoding first fails. */
function strictDecode(bytes: Uint8Array, encoding: string): { text: string } | { invalidAt: number } {
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return { invalidAt: firstInvalidByte(bytes, encoding) };
  }
}

/**
 * The first byte at which a strict decoder fails: a binary search over prefixes decoded in streaming
 * mode (a prefix ending inside a character is not an error there); a file that only fails at its
 * end is cut off mid-character, at the start of its last, incomplete sequence.
 */
function firstInvalidByte(bytes: Uint8Array, encoding: string): number {
  const okPrefix = (n: number) => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  if (okPrefix(bytes.length)) {
    for (let k = 1; k <= 4 && k < bytes.length; k++) {
      try {
        new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, bytes.length - k));
        return bytes.length - k;
      } catch {
        /* the incomplete sequence is longer */
      }
    }
    return bytes.length - 1;
  }
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (okPrefix(mid)) lo = mid;
    else hi = mid;
  }
  return hi - 1;
}

/** Share of characters that make text look like binary data rather than a page (`allowed` U+FFFD aside: those the caller asked for). */
function controlShare(text: string, allowed = 0): number {
  let bad = -allowed;
  let all = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    all++;
    if ((c < 0x20 && ch !== '\n' && ch !== '\r' && ch !== '\t') || c === 0xfffd) bad++;
  }
  return all ? bad / all : 0;
}

/** The offset of the first unpaired surrogate in UTF-16 bytes (after a 2-byte BOM), or null. */
function unpairedSurrogate(bytes: Uint8Array, littleEndian: boolean): number | null {
  const unit = (i: number) => (littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
  for (let i = 2; i + 1 < bytes.length; i += 2) {
    const u = unit(i);
    if (u >= 0xdc00 && u <= 0xdfff) return i;
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < bytes.length ? unit(i + 2) : -1;
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    }
  }
  return null;
}

/** What a file holding NUL bytes most likely is, for the message: UTF-16 without a BOM, or binary. */
function nulHint(bytes: Uint8Array): string {
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const r = strictDecode(bytes, encoding);
    if (!('text' in r)) continue;
    const { share, evidence } = plausibility(r.text, 'zh');
    // Mostly ASCII text is UTF-16 when its NULs are the high bytes of its units: no control characters.
    const plain = !/[\0-\x08\x0e-\x1f]/.test(r.text);
    if ((evidence >= MIN_EVIDENCE && share >= PLAUSIBLE_SHARE) || (evidence === 0 && plain)) {
      return `: it looks like ${encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'} without a byte-order mark; save it as UTF-8 (or as UTF-16 with a BOM)`;
    }
  }
  return ': it looks binary, not a page text';
}

/** The text of a page with a byte-order mark, decoded as the mark says. */
function decodeWithBom(bytes: Uint8Array, file: string): { text: string; encoding: PageEncoding } | null {
  const [a, b, c, d] = bytes;
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) {
    throw new PageError(file, 'the file is UTF-32 (by its byte-order mark), which Baoku does not read; save it as UTF-8');
  }
  const utf16: PageEncoding | null = a === 0xff && b === 0xfe ? 'utf-16le' : a === 0xfe && b === 0xff ? 'utf-16be' : null;
  if (!utf16) return null;
  const name = utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE';
  if (bytes.length % 2) throw new PageError(file, `the file is ${name} by its byte-order mark but has an odd number of bytes: it is cut off mid-character at byte ${bytes.length - 1}`);
  const lone = unpairedSurrogate(bytes, utf16 === 'utf-16le');
  if (lone !== null) throw new PageError(file, `the file is ${name} by its byte-order mark but holds an unpaired surrogate at byte ${lone}`);
  return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
}

/** A UTF-8 file's text, or null when the bytes are not (even nearly) UTF-8. */
function decodeUtf8(bytes: Uint8Array, file: string, options: DecodeOptions): { text: string; replaced: number[] } | null {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const { invalid, multibyte } = scanUtf8(bytes);
  if (invalid.length === 0) return { text: new TextDecoder('utf-8').decode(bytes), replaced: [] };
  // Nearly UTF-8: a BOM says so, or valid multi-byte sequences far outnumber the invalid ones
  // (legacy CJK text is invalid UTF-8 almost everywhere, so it never gets here).
  const nearly = bom || (invalid.length <= MAX_INVALID_UTF8 && invalid.length * 4 <= multibyte);
  if (!nearly) return null;
  if (options.invalidUtf8 === 'replace') return { text: new TextDecoder('utf-8').decode(bytes), replaced: invalid };
  const last = invalid[invalid.length - 1];
  const cutOff = invalid.length === 1 && scanUtf8(bytes.subarray(0, last)).invalid.length === 0 && bytes.length - last <= 3 && bytes[last] >= 0xc2;
  const what = cutOff
    ? `the file is UTF-8 but ends mid-character: the sequence at ${places(bytes, [last])} is cut off (a truncated file?)`
    : `the file is UTF-8 but for ${invalid.length} invalid byte sequence${invalid.length > 1 ? 's' : ''}, at ${places(bytes, invalid)}`;
  throw new PageError(file, `${what}; fix the file, or run ingest with --replace-invalid-utf8 to read them as U+FFFD`);
}

/** The plausible legacy reading of the bytes, or a refusal naming every reading. */
function decodeLegacy(bytes: Uint8Array, file: string): { text: string; encoding: PageEncoding } {
  const readings = LEGACY.map((l) => {
    const r = strictDecode(bytes, l.encoding);
    return 'text' in r ? { ...l, text: r.text, ...plausibility(r.text, l.language) } : { ...l, invalidAt: r.invalidAt };
  });
  const decoded = readings.filter((r) => 'text' in r).sort((x, y) => y.share - x.share);
  const utf8At = scanUtf8(bytes).invalid[0];
  const summary = [
    `not UTF-8 (invalid at ${places(bytes, [utf8At])})`,
    ...readings.map((r) => ('text' in r ? `as ${r.name} ${Math.round(r.share * 100)}% common characters` : `not ${r.name} (invalid at byte ${r.invalidAt})`)),
  ].join('; ');
  const [best, next] = decoded;
  if (!best) throw new PageError(file, `the file is in no encoding Baoku reads: ${summary}`);
  const confident = best.evidence >= MIN_EVIDENCE && best.share >= PLAUSIBLE_SHARE && best.share - (next?.share ?? 0) >= PLAUSIBLE_MARGIN;
  if (!confident) {
    const few = best.evidence < MIN_EVIDENCE ? `only ${best.evidence} non-ASCII characters, too few to tell; ` : '';
    throw new PageError(file, `cannot tell the file's encoding with confidence (${few}${summary}); most likely ${best.name}: save it as UTF-8`);
  }
  if (best.language !== 'zh') {
    const lang = best.language === 'ja' ? 'Japanese' : 'Korean';
    throw new PageError(
      file,
      `the file reads as ${lang} text in ${best.name} (${Math.round(best.share * 100)}% common characters), not as a Chinese page; Baoku reads UTF-8, UTF-16, GB18030 and Big5 — convert it to UTF-8 if it belongs in the archive`,
    );
  }
  return { text: best.text, encoding: best.encoding };
}

/** Decodes a page file's bytes; throws {@link PageError} for empty, binary or undecodable input. */
export function decodePage(bytes: Uint8Array, file: string, options: DecodeOptions = {}): DecodedPage {
  if (bytes.length === 0) throw new PageError(file, 'the file is empty');
  let decoded: { text: string; encoding: PageEncoding; replaced: number[] };
  const withBom = decodeWithBom(bytes, file);
  if (withBom) decoded = { ...withBom, replaced: [] };
  else {
    if (bytes.includes(0)) throw new PageError(file, `the file holds NUL bytes (the first at byte ${bytes.indexOf(0)})${nulHint(bytes)}`);
    const utf8 = decodeUtf8(bytes, file, options);
    decoded = utf8 ? { ...utf8, encoding: 'utf-8' } : { ...decodeLegacy(bytes, file), replaced: [] };
  }
  const text = decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.includes('\0')) throw new PageError(file, 'the file holds NUL characters: it looks binary, not a page text');
  if (controlShare(text, decoded.replaced.length) > 0.01) throw new PageError(file, 'the file holds control characters: it looks binary, not a page text');
  if (!/\S/u.test(text)) throw new PageError(file, 'the file holds only white space');
  return { text, encoding: decoded.encoding, replaced: decoded.replaced };
}
