/**
 * URL building for a site that may live under any base path and in two scripts.
 * Pure functions of (base, locale, path) so they can be unit-tested without Astro.
 */
import type { Locale } from './script.ts';

/** Normalises a base path to start and end with '/'. */
export function normalizeBase(base: string): string {
  let b = base.startsWith('/') ? base : `/${base}`;
  if (!b.endsWith('/')) b += '/';
  return b;
}

/** Route param for `[...locale]`: undefined for simplified (no prefix), 'zh-hant' for the twin. */
export function localeParam(locale: Locale): string | undefined {
  return locale === 'zh-hant' ? 'zh-hant' : undefined;
}

/** Inverse of localeParam; anything else is a build error, not a silent fallback. */
export function localeFromParam(param: string | undefined): Locale {
  if (param === undefined || param === '') return 'zh-hans';
  if (param === 'zh-hant') return 'zh-hant';
  throw new Error(`unknown locale segment: ${param}`);
}

/** getStaticPaths params for both twins of a route. */
export function localeParams(): { locale: string | undefined }[] {
  return [{ locale: undefined }, { locale: 'zh-hant' }];
}

/**
 * Site-internal href: base + locale prefix + path. `path` is relative ('' for home, 'articles/x/').
 * Locale-neutral resources (CSS, feed, sitemap) pass locale null.
 */
export function hrefFor(base: string, locale: Locale | null, path: string): string {
  const prefix = locale === 'zh-hant' ? 'zh-hant/' : '';
  return normalizeBase(base) + prefix + path.replace(/^\/+/, '');
}

/**
 * Absolute URL for canonical/OG/sitemap, joining the site origin with an href. Without a site
 * (SITE_URL unset) the href itself: a link on the archivist's own host, never a made-up origin (issue 12).
 */
export function absoluteUrl(site: string | URL | undefined, href: string): string {
  return site ? new URL(href, site).href : href;
}

/** Route-relative path for each entity, shared by links, sitemap and feed. */
export const routes = {
  home: () => '',
  page: (id: string) => `pages/${id}/`,
  article: (id: string) => `articles/${id}/`,
  reporters: () => 'reporters/',
  reporter: (slug: string) => `reporters/${slug}/`,
  reporterGroup: (key: string) => `reporters/by/${key}/`,
  columns: () => 'columns/',
  column: (slug: string) => `columns/${slug}/`,
  columnGroup: (key: string) => `columns/by/${key}/`,
  search: () => 'search/',
  papers: () => 'papers/',
  paper: (slug: string) => `papers/${slug}/`,
  /** A month of issues (`2025-01`) or a run of undated pages (`undated`, `undated-2`). */
  shelf: (slug: string, key: string) => `papers/${slug}/${key}/`,
  /** The calendar of a paper's year (往期回顾). */
  year: (slug: string, year: string) => `papers/${slug}/${year}/`,
  /** An issue (期): every page of one paper on one date. */
  issue: (slug: string, date: string) => `papers/${slug}/${date}/`,
  /** 历史上的今天: the index of month-days, and one day (`01-23`). */
  onThisDay: () => 'on-this-day/',
  onThisDayDate: (monthDay: string) => `on-this-day/${monthDay}/`,
  /** 数据下载: the open data page and its files. */
  data: () => 'data/',
  dataFile: (file: string) => `data/${file}`,
  // Open data beside each page of the site (like Chronicling America's …/seq-1.json beside …/seq-1/).
  articleJson: (id: string) => `articles/${id}.json`,
  articleText: (id: string) => `articles/${id}.txt`,
  articleRis: (id: string) => `articles/${id}.ris`,
  articleBib: (id: string) => `articles/${id}.bib`,
  pageJson: (id: string) => `pages/${id}.json`,
  issueJson: (slug: string, date: string) => `papers/${slug}/${date}.json`,
} as const;
