/**
 * Static checks over every built page, both scripts, for what Lighthouse's accessibility and SEO
 * audits look at first (issue #3): lang, title, meta description, a zoomable viewport, one h1,
 * headings that never skip a level, named links and buttons, images with alt.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, htmlFiles, ingested } from '../build/site.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&[a-z#0-9]+;/gi, 'x').trim();

describe('page basics', () => {
  const files = htmlFiles().map((f) => join(DIST, f));

  it('covers the whole build: every page and article the ingest wrote, in both scripts', () => {
    const { pages, articles } = ingested();
    const built = new Set(htmlFiles());
    const expected = ['', 'zh-hant/'].flatMap((twin) => [...pages.map((id) => `${twin}pages/${id}/index.html`), ...articles.map((id) => `${twin}articles/${id}/index.html`)]);
    expect(expected.filter((f) => !built.has(f))).toEqual([]);
    expect(files.length).toBeGreaterThan(expected.length);
  });

  it('every page declares its language, title, description and a zoomable viewport', () => {
    const problems: string[] = [];
    for (const f of files) {
      const html = readFileSync(f, 'utf8');
      const rel = f.slice(DIST.length + 1);
      const lang = /<html lang="([^"]+)"/.exec(html)?.[1];
      if (lang !== (rel.startsWith('zh-hant/') ? 'zh-Hant' : 'zh-Hans')) problems.push(`${rel}: lang ${lang}`);
      if (!/<title>[^<]{2,}<\/title>/.test(html)) problems.push(`${rel}: title`);
      if (!/<meta name="description" content="[^"]{10,}"/.test(html)) problems.push(`${rel}: description`);
      const vp = /<meta name="viewport" content="([^"]+)"/.exec(html)?.[1] ?? '';
      if (!vp.includes('width=device-width') || /user-scalable=no|maximum-scale=1(\.0)?\b/.test(vp)) problems.push(`${rel}: viewport ${vp}`);
    }
    expect(problems).toEqual([]);
  });

  it('one h1 per page, and heading levels never skip going down', () => {
    const problems: string[] = [];
    for (const f of files) {
      const html = readFileSync(f, 'utf8');
      const rel = f.slice(DIST.length + 1);
      const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
      if (levels.filter((l) => l === 1).length !== 1) problems.push(`${rel}: ${levels.filter((l) => l === 1).length} h1`);
      if (levels[0] !== 1) problems.push(`${rel}: first heading is h${levels[0]}`);
      levels.forEach((l, i) => {
        if (i > 0 && l > levels[i - 1] + 1) problems.push(`${rel}: h${levels[i - 1]} → h${l}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('links and buttons have names, images have alt', () => {
    const problems: string[] = [];
    for (const f of files) {
      const html = readFileSync(f, 'utf8');
      const rel = f.slice(DIST.length + 1);
      for (const [, attrs, inner] of html.matchAll(/<(?:a|button)(\s[^>]*)?>([\s\S]*?)<\/(?:a|button)>/g)) {
        if (!text(inner) && !/aria-label(ledby)?="[^"]+"/.test(attrs ?? '') && !/<img[^>]+alt="[^"]+"/.test(inner)) problems.push(`${rel}: unnamed ${attrs}`);
      }
      for (const [img] of html.matchAll(/<img\s[^>]*>/g)) if (!/\salt="/.test(img)) problems.push(`${rel}: ${img}`);
    }
    expect(problems).toEqual([]);
  });
});
