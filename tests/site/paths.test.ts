import { describe, expect, it } from 'vitest';
import { absoluteUrl, hrefFor, localeFromParam, localeParam, normalizeBase, routes } from '../../core/paths.ts';

describe('paths', () => {
  it('honours base and locale prefix', () => {
    expect(hrefFor('/', 'zh-hans', routes.article('a'))).toBe('/articles/a/');
    expect(hrefFor('/some/prefix', 'zh-hant', routes.article('a'))).toBe('/some/prefix/zh-hant/articles/a/');
    expect(hrefFor('/p/', null, 'feed.xml')).toBe('/p/feed.xml');
    expect(hrefFor('/p/', 'zh-hant', routes.home())).toBe('/p/zh-hant/');
  });
  it('normalizes base and builds absolute URLs', () => {
    expect(normalizeBase('x')).toBe('/x/');
    expect(absoluteUrl('https://a.example', '/p/articles/a/')).toBe('https://a.example/p/articles/a/');
    // Without SITE_URL no host is made up: the href stays relative to the site (issue 12).
    expect(absoluteUrl(undefined, '/p/articles/a/')).toBe('/p/articles/a/');
  });
  it('round-trips the locale route param and rejects unknown segments', () => {
    expect(localeFromParam(localeParam('zh-hant'))).toBe('zh-hant');
    expect(localeFromParam(localeParam('zh-hans'))).toBe('zh-hans');
    expect(() => localeFromParam('en')).toThrow();
  });
});
