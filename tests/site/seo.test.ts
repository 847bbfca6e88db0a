import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFile, scriptHash } from '../../src/lib/headers.ts';
import { HOME_REDIRECT, PAGE_ENHANCE } from '../../src/lib/inline-scripts.ts';
import { schematicBoxes, SHEET } from '../../src/lib/schematic.ts';
import { jsonLd, newsArticleLd, rssXml, sitemapChunks, sitemapIndexXml, sitemapXml } from '../../src/lib/seo.ts';

const ld = { url: 'https://e.org/a/', headline: 'H', alternativeHeadline: null, description: 'D', authors: ['甲'], paper: null, date: null, pageNumber: null, lang: 'zh-Hans' };

describe('structured data', () => {
  it('omits datePublished when the date is unknown and includes it when known', () => {
    expect(newsArticleLd(ld)).not.toHaveProperty('datePublished');
    expect(newsArticleLd({ ...ld, date: '2025-01-23' }).datePublished).toBe('2025-01-23');
  });
  it('cannot break out of its script element', () => {
    expect(jsonLd({ x: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});

describe('sitemap and feed', () => {
  it('escapes and lists alternates', () => {
    const xml = sitemapXml([{ loc: 'https://e.org/a?x=1&y=2', alternates: [{ hreflang: 'zh-Hant', href: 'https://e.org/zh-hant/a' }] }]);
    expect(xml).toContain('<loc>https://e.org/a?x=1&amp;y=2</loc>');
    expect(xml).toContain('hreflang="zh-Hant"');
  });
  it('splits a large sitemap into files under the protocol limit, indexed by sitemap.xml', () => {
    const chunks = sitemapChunks(Array.from({ length: 25_001 }, (_, i) => i));
    expect(chunks.map((c) => c.length)).toEqual([10_000, 10_000, 5_001]);
    expect(sitemapChunks([])).toEqual([[]]);
    const idx = sitemapIndexXml(['https://e.org/sitemaps/0.xml', 'https://e.org/sitemaps/1.xml']);
    expect(idx.match(/<sitemap><loc>/g)).toHaveLength(2);
    expect(idx).toContain('<sitemapindex');
  });
  it('RSS items have pubDate only when dated', () => {
    const xml = rssXml({ title: 't', link: 'l', description: 'd', self: 's' }, [
      { title: 'a', link: 'la', description: '', date: null },
      { title: 'b', link: 'lb', description: '', date: '2025-01-23' },
    ]);
    expect(xml.match(/<pubDate>/g)).toHaveLength(1);
    expect(xml).toContain('<pubDate>Wed, 22 Jan 2025 16:00:00 GMT</pubDate>');
  });
});

describe('CSP and _headers', () => {
  it('allows exactly the inline scripts by hash, nothing unsafe-inline', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain(scriptHash(HOME_REDIRECT));
    expect(csp).toContain(scriptHash(PAGE_ENHANCE));
    expect(csp).not.toContain('unsafe-inline');
    expect(scriptHash('a')).not.toBe(scriptHash('b'));
  });
  it('puts the base in the rule paths', () => {
    const h = headersFile('/some/prefix/');
    expect(h).toMatch(/^\/some\/prefix\/\*\n {2}Content-Security-Policy: /);
    expect(h).toContain('/some/prefix/_astro/*\n  Cache-Control: public, max-age=31536000, immutable');
  });
});

describe('schematic', () => {
  it('allocates the whole sheet proportionally, every article at least one cell', () => {
    const boxes = schematicBoxes([1000, 500, 10]);
    expect(boxes).toHaveLength(3);
    const area = boxes.map((b) => b.cols * b.rows);
    expect(area[0]).toBeGreaterThan(area[1]);
    expect(area[1]).toBeGreaterThan(area[2]);
    for (const b of boxes) {
      expect(b.cols).toBeGreaterThanOrEqual(1);
      expect(b.cols).toBeLessThanOrEqual(SHEET.cols);
      expect(b.rows).toBeLessThanOrEqual(SHEET.rows);
    }
    expect(schematicBoxes([])).toEqual([]);
  });
});
