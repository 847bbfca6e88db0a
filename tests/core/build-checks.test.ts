/**
 * The last step of `npm run build` (scripts/lib/build-checks.ts): what a staged build must hold
 * before it replaces dist/, each problem naming its page; and the failed route of astro's output
 * traced back to its seed file.
 */
import { describe, expect, it } from 'vitest';
import { checkBuild, failedRoute, type BuiltFrom } from '../../scripts/lib/build-checks.ts';

const from: BuiltFrom = { site: null, pages: [{ id: 'p1', seed: 'p1.txt' }], articles: [{ id: 'p1-aaaaaa', page: 'p1' }] };
const ENTRY = ['index.html', 'zh-hant/index.html', '404.html', 'feed.xml', 'robots.txt', 'search/index.html', 'pagefind/pagefind.js', 'search-docs/layout.json'];
const PAGES = ['pages/p1/index.html', 'zh-hant/pages/p1/index.html', 'articles/p1-aaaaaa/index.html', 'zh-hant/articles/p1-aaaaaa/index.html'];
const files = (paths: string[]) => paths.map((path) => ({ path, bytes: 10 }));
const reader = (over: Record<string, string> = {}) => (p: string) => over[p] ?? (p === 'search-docs/layout.json' ? '{"records":1}' : '<?xml version="1.0"?><rss/>');

describe('checkBuild', () => {
  it('passes a complete build, with no sitemap when the build claims no host', () => {
    expect(checkBuild(files([...ENTRY, ...PAGES]), reader(), from)).toEqual([]);
  });
  it('asks for the sitemap only of a build with SITE_URL', () => {
    expect(checkBuild(files([...ENTRY, ...PAGES]), reader(), { ...from, site: 'https://archive.example' })).toEqual(['sitemap.xml is missing']);
  });
  it('names the seed of a page or article whose HTML is missing, in either script', () => {
    const problems = checkBuild(files([...ENTRY, ...PAGES.filter((p) => p !== 'zh-hant/articles/p1-aaaaaa/index.html')]), reader(), from);
    expect(problems).toEqual(['page p1.txt: zh-hant/articles/p1-aaaaaa/index.html is missing']);
  });
  it('counts the search index against the ingest output', () => {
    expect(checkBuild(files([...ENTRY, ...PAGES]), reader({ 'search-docs/layout.json': '{"records":0}' }), from)).toEqual(['search-docs/layout.json indexes 0 articles, the ingest output holds 1']);
  });
  it('finds characters XML cannot hold, with their offset, and XML without a declaration', () => {
    const problems = checkBuild(files([...ENTRY, ...PAGES]), reader({ 'feed.xml': '<?xml version="1.0"?><rss>\u0001</rss>' }), from);
    expect(problems).toEqual(['feed.xml holds U+0001, which XML cannot hold, at offset 26']);
    expect(checkBuild(files([...ENTRY, ...PAGES]), reader({ 'feed.xml': '<rss/>' }), from)).toEqual(['feed.xml does not start with an XML declaration']);
  });
  it('applies the host limits given', () => {
    expect(checkBuild(files([...ENTRY, ...PAGES]), reader(), from, { maxFiles: 3 }).length).toBeGreaterThan(0);
  });
});

describe('failedRoute', () => {
  it('traces an article route of either script to its seed file', () => {
    expect(failedRoute('x\nCaught error rendering /zh-hant/articles/p1-aaaaaa/: boom\n', from)).toEqual({ route: '/zh-hant/articles/p1-aaaaaa/', page: 'p1.txt', error: 'boom' });
    expect(failedRoute('Caught error rendering /pages/p1/: bad', from)?.page).toBe('p1.txt');
    expect(failedRoute('Caught error rendering /search/: bad', from)?.page).toBeNull();
    expect(failedRoute('all good', from)).toBeNull();
  });
});
