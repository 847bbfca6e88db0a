/**
 * Simplified → Traditional conversion for the zh-hant twins (issue #4).
 *
 * We use OpenCC's `cn → tw` preset (s2tw): it maps characters to the Taiwan standard glyphs
 * (裡, 著, 臺 …) and resolves one-to-many characters by context (干部→幹部, 头发→頭髮, 皇后 stays),
 * but it does NOT localise vocabulary. `twp` (s2twp) would also rewrite words (软件→軟體, 信息→資訊),
 * which changes what the newspaper printed; an archive must keep the wording and only change the script.
 */
import * as OpenCC from 'opencc-js/cn2t';

/** Script variants the site is emitted in; `undefined` is the simplified default (no path prefix). */
export type Locale = 'zh-hans' | 'zh-hant';

/** All locales, default first. */
export const LOCALES: readonly Locale[] = ['zh-hans', 'zh-hant'];

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/**
 * Place names OpenCC gets wrong in context, fixed before conversion. OpenCC's greedy longest match
 * reads "图片由余杭区…" as the historical name 由余 and leaves 余 unconverted; 余杭 is the district
 * this archive's papers cover, so it is protected; likewise "纪检监察干部" matches the place name 察干.
 * Add entries only with a failing example (the dist check in tests/browser/hant-dist.test.ts finds them).
 */
const PROTECTED: Record<string, string> = { 余杭: '餘杭', 干部: '幹部' };
const protectedRe = new RegExp(`(${Object.keys(PROTECTED).join('|')})`);

/** Converts display text to the script of `locale` (identity for simplified). */
export function toScript(text: string, locale: Locale): string {
  if (locale !== 'zh-hant') return text;
  return text
    .split(protectedRe)
    .map((piece, i) => (i % 2 === 1 ? PROTECTED[piece] : toTraditional(piece)))
    .join('');
}

/** Converts text that may be null; null stays null so "unknown" remains unknown. */
export function toScriptOrNull(text: string | null, locale: Locale): string | null {
  return text === null ? null : toScript(text, locale);
}

/** BCP 47 tag for <html lang> and hreflang. */
export function langTag(locale: Locale): 'zh-Hans' | 'zh-Hant' {
  return locale === 'zh-hant' ? 'zh-Hant' : 'zh-Hans';
}

/** The other script, for the toggle link. */
export function twinLocale(locale: Locale): Locale {
  return locale === 'zh-hant' ? 'zh-hans' : 'zh-hant';
}
