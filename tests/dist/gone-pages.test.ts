/**
 * Issue 11 in the test build: every id of the registry whose article is gone (the seed pages have
 * some: ids published before a parser change merged their articles) keeps a page at its URL, in
 * both scripts, that search engines skip and that links to every article its text went to.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { GoneArticleSchema } from '../../core/schema.ts';
import { DIST, GENERATED, PREFIX, ingested } from '../build/site.ts';

const gonePath = join(GENERATED, 'gone.json');
const gone = existsSync(gonePath) ? z.array(GoneArticleSchema).parse(JSON.parse(readFileSync(gonePath, 'utf8'))) : [];

describe('gone article ids', () => {
  it.each(gone.map((g) => [g.id, g] as const))('%s keeps a page linking to where its text went', (_, g) => {
    const live = new Set(ingested().articles);
    expect(live.has(g.id)).toBe(false);
    for (const twin of ['', 'zh-hant/']) {
      const file = join(DIST, twin, 'articles', g.id, 'index.html');
      expect(existsSync(file), file).toBe(true);
      const html = readFileSync(file, 'utf8');
      expect(html).toContain('<meta name="robots" content="noindex">');
      for (const to of g.to) {
        expect(live.has(to)).toBe(true);
        expect(html).toContain(`href="${PREFIX}${twin}articles/${to}/"`);
      }
    }
  });

  it('are not listed where live articles are (page record, sitemap)', () => {
    const sitemaps = ['sitemap.xml', 'sitemaps/0.xml'].map((f) => join(DIST, f)).filter(existsSync).map((f) => readFileSync(f, 'utf8')).join('');
    for (const g of gone) expect(sitemaps).not.toContain(`/articles/${g.id}/`);
  });
});
