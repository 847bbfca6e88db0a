/** Astro-facing helpers: base/site from the build config, bound to a locale. Thin on purpose. */
import { absoluteUrl, hrefFor } from '../../core/paths.ts';
import { toScript, type Locale } from '../../core/script.ts';

/** The configured base path (BASE_PATH), normalised. */
export const BASE = import.meta.env.BASE_URL;

/** Site-internal href honouring base and locale. */
export function href(locale: Locale | null, path: string): string {
  return hrefFor(BASE, locale, path);
}

/** Absolute URL (for canonical, OG, sitemap) of an internal path. */
export function absolute(site: URL | undefined, locale: Locale | null, path: string): string {
  return absoluteUrl(site, href(locale, path));
}

/**
 * What the site calls search: 搜索, and on traditional pages 搜尋 — the search box and results
 * (written by hand for both scripts) use it, so navigation and headings say the same.
 */
export function searchWord(locale: Locale): string {
  return locale === 'zh-hant' ? '搜尋' : '搜索';
}

/** Returns a UI-text translator for a locale: write simplified, get the page's script. */
export function translator(locale: Locale): (s: string) => string {
  return (s) => toScript(s, locale);
}
