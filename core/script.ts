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
 * Entries of OpenCC's phrase dictionary that are rare proper names of two characters — the
 * ancient name 由余, the place 察干 — and so swallow the first character of a common word after a
 * common one: 图片由余杭区… (由 + 余杭), 纪检监察干部 (监察 + 干部). In news text the common reading
 * is the one meant, so the text is converted on either side of such a pair, and the pair never
 * matches as one phrase. Add a pair only with a failing example (tests/dist/hant-dist.test.ts finds them).
 */
const SPLIT_PHRASES = ['由余', '察干'];

/**
 * Short texts already converted: labels, headlines and names recur on thousands of list pages of a
 * large archive's build (issue 15). Bounded; emptied when full, so memory stays flat.
 */
const converted = new Map<string, string>();
const CACHE_TEXT = 200;
const CACHE_ENTRIES = 100_000;

/** Converts display text to the script of `locale` (identity for simplified). */
export function toScript(text: string, locale: Locale): string {
  if (locale !== 'zh-hant') return text;
  if (text.length > CACHE_TEXT) return convert(text);
  const have = converted.get(text);
  if (have !== undefined) return have;
  if (converted.size >= CACHE_ENTRIES) converted.clear();
  const out = convert(text);
  converted.set(text, out);
  return out;
}

function convert(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    if (SPLIT_PHRASES.includes(text.slice(i, i + 2))) {
      out += toTraditional(text.slice(from, i + 1));
      from = i + 1;
    }
  }
  return out + toTraditional(text.slice(from));
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
