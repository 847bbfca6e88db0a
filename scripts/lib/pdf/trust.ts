/**
 * @fileoverview Can a font's text layer be trusted? (issue #16) A PDF whose fonts lack a usable
 * ToUnicode map — common in 公文 and 方正书版 output — renders correctly, but its text maps glyph
 * ids to whatever code points they happen to be: control characters, Latin letters, private-use
 * characters, or nothing. Each font's glyphs are checked for
 * - bad characters: mapped to nothing, a control (Cc), private-use (Co) or unassigned (Cn) code
 *   point, or U+FFFD REPLACEMENT CHARACTER;
 * - implausible ones: outside the scripts and symbols a Chinese newspaper prints;
 * - rare Han: Han characters mostly outside GB 2312 level 1 (the 3,755 common characters, which
 *   cover over 99 % of running text), the sign of a wrong mapping into the Han block.
 */
import type { FontTrust, PageTrust, PdfFont, PdfGlyph } from './types.ts';

/** At most this share of a font's glyphs may be bad. */
const MAX_BAD = 0.02;
/** At least this share must be plausible. */
const MIN_PLAUSIBLE = 0.9;
/** With at least MIN_HAN Han glyphs, at least this share of them must be common. */
const MIN_COMMON_HAN = 0.8;
const MIN_HAN = 20;

const BAD = /[\p{Cc}\p{Co}\p{Cn}\uFFFD]/u;

// What a Chinese newspaper prints: Han (with the CJK blocks' punctuation, radicals excluded),
// ASCII, Latin-1 punctuation and signs, Greek, general punctuation, letterlike symbols, number
// forms, arrows, mathematical operators, enclosed alphanumerics (①), box drawing, geometric
// shapes (■ □ ▲), miscellaneous symbols (★), CJK symbols and punctuation (U+3000–U+303F), kana,
// bopomofo, enclosed CJK (㈠), CJK compatibility (㎡), vertical forms (U+FE10–FE1F, U+FE30–FE4F),
// half- and full-width forms (U+FF00–U+FFEF).
const PLAUSIBLE = /^[\p{Script=Han}\u0020-\u007E\u00A0-\u00BF\u00D7\u00F7\u0391-\u03C9\u2000-\u206F\u2100-\u21FF\u2200-\u22FF\u2460-\u24FF\u2500-\u257F\u25A0-\u25FF\u2600-\u26FF\u3000-\u303F\u3040-\u30FF\u3100-\u312F\u3200-\u32FF\u3300-\u33FF\uFE10-\uFE1F\uFE30-\uFE4F\uFF00-\uFFEF]+$/u;
const HAN = /^\p{Script=Han}$/u;

let common: Set<string> | null = null;

/**
 * GB 2312 level 1: the characters at rows 16–55 of GB 2312, decoded from their GB 2312 (EUC-CN)
 * bytes with the platform's decoder, so no table has to be shipped.
 */
export function commonHan(): Set<string> {
  if (common) return common;
  const decoder = new TextDecoder('gb18030');
  const set = new Set<string>();
  for (let row = 0xb0; row <= 0xd7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const ch = decoder.decode(new Uint8Array([row, cell]));
      if (HAN.test(ch)) set.add(ch);
    }
  }
  common = set;
  return set;
}

/** The trust check of one font's glyphs. */
export function checkFont(font: string, glyphs: PdfGlyph[]): FontTrust {
  const seen = glyphs.filter((g) => !g.space);
  const n = seen.length;
  const set = commonHan();
  let bad = 0;
  let implausible = 0;
  let han = 0;
  let commonCount = 0;
  for (const g of seen) {
    if (g.text === '' || BAD.test(g.text)) bad++;
    else if (!PLAUSIBLE.test(g.text)) implausible++;
    if (HAN.test(g.text)) {
      han++;
      if (set.has(g.text)) commonCount++;
    }
  }
  const reasons: string[] = [];
  if (n > 0 && bad / n > MAX_BAD) reasons.push(`${bad} of ${n} glyphs map to no character, a control or private-use character or U+FFFD`);
  else if (n > 0 && (n - bad - implausible) / n < MIN_PLAUSIBLE) reasons.push(`${implausible} of ${n} glyphs are characters a Chinese newspaper does not print`);
  if (han >= MIN_HAN && commonCount / han < MIN_COMMON_HAN) reasons.push(`only ${commonCount} of ${han} Han characters are common ones`);
  return { font, glyphs: n, bad, implausible, han, commonHan: commonCount, trusted: reasons.length === 0, reason: reasons.length ? reasons.join('; ') : null };
}

/** The trust check of a page (one entry per font that draws any glyph), and which fonts failed it. */
export function checkPage(glyphs: PdfGlyph[], fonts: PdfFont[]): { trust: PageTrust; untrusted: Set<number> } {
  const byFont = fonts.map((): PdfGlyph[] => []);
  for (const g of glyphs) byFont[g.font]?.push(g);
  const checked = fonts.map((f, i) => ({ i, t: checkFont(f.name, byFont[i]) })).filter(({ t }) => t.glyphs > 0);
  const text = checked.length === 0 ? 'none' : checked.every(({ t }) => t.trusted) ? 'ok' : 'garbled';
  return { trust: { text, fonts: checked.map(({ t }) => t) }, untrusted: new Set(checked.filter(({ t }) => !t.trusted).map(({ i }) => i)) };
}
