/**
 * Static checks over every built page, both scripts, for what Lighthouse's accessibility and SEO
 * audits look at first (issue #3): lang, title, meta description, a zoomable viewport, one h1,
 * headings that never skip a level, named links and buttons, images with alt.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from './site.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? htmlFiles(p) : n.endsWith('.html') ? [p] : [];
  });
}

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&[a-z#0-9]+;/gi, 'x').trim();

describe('page basics', () => {
  const files = htmlFiles(DIST);

  it('covers the whole build', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('every page declares its language, title, description and a zoomable viewport', () => {
    const problems: string[] = [];
    for (const f of files) {
      const html = readFileSync(f, 'utf8');
      const rel = relative(DIST, f);
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
      const rel = relative(DIST, f);
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
      const rel = relative(DIST, f);
      for (const [, attrs, inner] of html.matchAll(/<(?:a|button)(\s[^>]*)?>([\s\S]*?)<\/(?:a|button)>/g)) {
        if (!text(inner) && !/aria-label(ledby)?="[^"]+"/.test(attrs ?? '') && !/<img[^>]+alt="[^"]+"/.test(inner)) problems.push(`${rel}: unnamed ${attrs}`);
      }
      for (const [img] of html.matchAll(/<img\s[^>]*>/g)) if (!/\salt="/.test(img)) problems.push(`${rel}: ${img}`);
    }
    expect(problems).toEqual([]);
  });
});
