/**
 * Build check over dist: every traditional twin exists, is lang=zh-Hant, contains no simplified-only
 * characters in its reading text, and the tricky one-to-many characters came out right.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, htmlFiles, ingested } from '../build/site.ts';

/** Visible reading text: drops tags, scripts, and the parts that are simplified on purpose (raw source, toggle label). */
function readingText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<pre lang="zh-Hans"[\s\S]*?<\/pre>/g, '')
    .replace(/<[^>]*lang="zh-Hans"[^>]*>[^<]*<\/a>/g, '')
    .replace(/<[^>]+>/g, ' ');
}

const simplifiedOnly = [...'发这们经济区党会为时国与对开业产长记书见说头后关门问间从东车来个么'];
// Simplified phrase → expected traditional form, checked wherever the simplified twin has the phrase.
const phrases: [string, string][] = [
  ['干部', '幹部'], ['发展', '發展'], ['头发', '頭髮'], ['之后', '之後'], ['皇后', '皇后'], ['余杭', '餘杭'],
  ['面条', '麵條'], ['范围', '範圍'], ['于是', '於是'], ['里面', '裡面'], ['高质量', '高質量'], ['钱塘', '錢塘'],
];

describe('traditional twins in dist', () => {
  const all = htmlFiles();
  const hant = all.filter((f) => f.startsWith('zh-hant/'));
  const hans = all.filter((f) => !f.startsWith('zh-hant/') && f !== '404.html');

  it('every simplified page has a twin', () => {
    const { articles } = ingested();
    expect(articles.filter((id) => !hans.includes(`articles/${id}/index.html`))).toEqual([]);
    expect(hant.map((f) => f.slice('zh-hant/'.length)).sort()).toEqual([...hans].sort());
  });

  it('twins declare zh-Hant and have no simplified-only characters in reading text', () => {
    const offenders: string[] = [];
    for (const f of hant) {
      const html = readFileSync(join(DIST, f), 'utf8');
      expect(html, f).toContain('<html lang="zh-Hant">');
      const text = readingText(html);
      const bad = simplifiedOnly.filter((c) => text.includes(c));
      if (bad.length) offenders.push(`${f}: ${bad.join('')}`);
    }
    expect(offenders).toEqual([]);
  });

  it('one-to-many characters resolve by context', () => {
    let checked = 0;
    for (const f of hans) {
      const s = readingText(readFileSync(join(DIST, f), 'utf8'));
      const t = readingText(readFileSync(join(DIST, 'zh-hant', f), 'utf8'));
      for (const [simp, trad] of phrases) {
        const n = s.split(simp).length - 1;
        if (n === 0) continue;
        checked++;
        expect(t.split(trad).length - 1, `${f}: ${simp}→${trad}`).toBeGreaterThanOrEqual(n);
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
