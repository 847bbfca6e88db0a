/**
 * @fileoverview The last step of `npm run build` (scripts/build.ts, issue 13): checks of the staged
 * build before it replaces dist/ — every page and article of the ingest output has its HTML in both
 * scripts, the entry files and the search index are there, the XML files hold only XML characters,
 * and the host limits given hold. Pure: the file list and a reader come from the caller. Each
 * problem names the page it concerns.
 */
import { checkLimits, type DistFile, type DistLimits } from './dist-stats.ts';

/** What the site was built from: page ids with their seed file, article ids with their page. */
export interface BuiltFrom {
  /** The site's absolute URL (SITE_URL), or null when the build claims no host. */
  site?: string | null;
  pages: { id: string; seed: string }[];
  articles: { id: string; page: string }[];
}

/** Files every build has (relative to the build folder). */
const REQUIRED = ['index.html', 'zh-hant/index.html', '404.html', 'feed.xml', 'robots.txt', 'search/index.html', 'pagefind/pagefind.js', 'search-docs/layout.json'];
/** Files only a build that knows its host (SITE_URL) has: a sitemap needs absolute URLs. */
const REQUIRED_WITH_SITE = ['sitemap.xml'];

/** Characters outside XML 1.0's Char production. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Problems of a staged build; empty when it may be published. */
export function checkBuild(files: DistFile[], read: (path: string) => string, from: BuiltFrom, limits: DistLimits = {}): string[] {
  const have = new Set(files.map((f) => f.path));
  const problems: string[] = [];
  for (const f of from.site ? [...REQUIRED, ...REQUIRED_WITH_SITE] : REQUIRED) if (!have.has(f)) problems.push(`${f} is missing`);
  const seedOf = new Map(from.pages.map((p) => [p.id, p.seed]));
  for (const p of from.pages) {
    for (const prefix of ['', 'zh-hant/']) if (!have.has(`${prefix}pages/${p.id}/index.html`)) problems.push(`page ${p.seed}: ${prefix}pages/${p.id}/index.html is missing`);
  }
  for (const a of from.articles) {
    for (const prefix of ['', 'zh-hant/']) {
      if (!have.has(`${prefix}articles/${a.id}/index.html`)) problems.push(`page ${seedOf.get(a.page) ?? a.page}: ${prefix}articles/${a.id}/index.html is missing`);
    }
  }
  if (have.has('search-docs/layout.json')) {
    const records = (JSON.parse(read('search-docs/layout.json')) as { records?: unknown }).records;
    if (records !== from.articles.length) problems.push(`search-docs/layout.json indexes ${String(records)} articles, the ingest output holds ${from.articles.length}`);
  }
  for (const f of files) {
    if (!f.path.endsWith('.xml')) continue;
    const xml = read(f.path);
    const bad = NOT_XML.exec(xml);
    if (bad) problems.push(`${f.path} holds U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, which XML cannot hold, at offset ${bad.index}`);
    if (!xml.startsWith('<?xml ')) problems.push(`${f.path} does not start with an XML declaration`);
  }
  return [...problems, ...checkLimits(files, limits)];
}

/**
 * The page whose rendering failed, from `astro build`'s output ("Caught error rendering
 * /articles/<id>/: …"), as the seed file name where the route names a page or an article.
 */
export function failedRoute(output: string, from: BuiltFrom): { route: string; page: string | null; error: string } | null {
  const m = /Caught error rendering (\S+?): ([^\n]*)/.exec(output);
  if (!m) return null;
  const [, route, error] = m;
  const path = route.replace(/^\/(?:zh-hant\/)?/, '').replace(/\/$/, '');
  const seedOf = new Map(from.pages.map((p) => [p.id, p.seed]));
  let page: string | null = null;
  const [kind, id] = path.split('/').slice(-2);
  if (kind === 'pages') page = seedOf.get(id) ?? null;
  if (kind === 'articles') {
    const a = from.articles.find((x) => x.id === id);
    page = a ? (seedOf.get(a.page) ?? null) : null;
  }
  return { route, page, error };
}
