/**
 * Issue #3 budgets, checked over the built dist (both scripts): an article page weighs under 30 KB
 * (its HTML plus the stylesheets it links, each gzipped) and needs no JavaScript — no external or
 * module scripts, only the inline enhancement script (and JSON-LD, which is data, not code).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PAGE_ENHANCE } from '../../src/lib/inline-scripts.ts';
import { DIST, ingested, PREFIX } from '../build/site.ts';

const BUDGET = 30 * 1024;
const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;

/** Both pages of every article the ingest wrote. */
function articleFiles(): string[] {
  return ['', 'zh-hant/'].flatMap((twin) => ingested().articles.map((id) => join(DIST, twin, 'articles', id, 'index.html')));
}

/** dist file of a stylesheet href (hrefs carry the base prefix). */
function cssFile(href: string): string {
  expect(href.startsWith(PREFIX), href).toBe(true);
  return join(DIST, href.slice(PREFIX.length));
}

describe('article budget', () => {
  const files = articleFiles();

  it(`every article page is under ${BUDGET / 1024} KB gzip (HTML + linked CSS)`, () => {
    for (const f of files) expect(existsSync(f), f).toBe(true);
    const over: string[] = [];
    let heaviest = { file: '', bytes: 0 };
    for (const f of files) {
      const html = readFileSync(f, 'utf8');
      const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => cssFile(m[1]));
      expect(css.length, f).toBeGreaterThan(0);
      for (const c of css) expect(existsSync(c), c).toBe(true);
      const bytes = gz(html) + css.reduce((n, c) => n + gz(readFileSync(c)), 0);
      if (bytes > heaviest.bytes) heaviest = { file: f, bytes };
      if (bytes >= BUDGET) over.push(`${f}: ${bytes} B`);
    }
    expect(over).toEqual([]);
    expect(heaviest.bytes).toBeGreaterThan(0);
  });

  it('article pages need no script: only the inline enhancement, JSON-LD and the tiny search-highlight loader', () => {
    for (const f of files) {
      const html = readFileSync(f, 'utf8');
      const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      for (const [, attrs, body] of scripts) {
        const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
        if (src) {
          // Loads the highlighter only when the page was opened from search (?hl=…); reading never needs it.
          expect(src, f).toMatch(/\/_astro\/SearchHighlight[^/]*\.js$/);
          expect(attrs, f).toMatch(/type="module"/);
          const loader = readFileSync(join(DIST, src.slice(PREFIX.length)));
          expect(loader.length, src).toBeLessThan(1024);
          expect(loader.toString(), src).toMatch(/\bhl\b/);
          continue;
        }
        if (/type="application\/ld\+json"/.test(attrs)) continue;
        expect(attrs.trim(), f).toBe('');
        expect(body, f).toBe(PAGE_ENHANCE);
      }
      expect(html, f).not.toMatch(/<link[^>]+rel="(modulepreload|preload)"[^>]+as="script"/);
    }
  });
});
