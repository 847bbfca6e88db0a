/**
 * Text from the seeds in the site's machine-read outputs (issue 13): feed.xml stays well-formed XML
 * whatever a page holds (C0 controls, U+FFFE/U+FFFF, lone surrogates have no place in XML 1.0, not
 * even as character references), and descriptions and card openings are cut between characters,
 * never inside a surrogate pair or a combining sequence.
 */
import { describe, expect, it } from 'vitest';
import { buildArchive, openingLine } from '../../core/archive.ts';
import type { ArticleFrontmatter, PageRecord } from '../../core/schema.ts';
import { articleView } from '../../src/lib/route-data/article.ts';
import { rssXml, sitemapXml, xmlEscape } from '../../src/lib/seo.ts';

/** XML 1.0's Char production (https://www.w3.org/TR/xml/#charsets), as a test of every character of a document. */
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
/** A lone surrogate anywhere in a string. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const hostile = `标题\u0007响铃\u000B竖表\u000C换页\u001F单元\uFFFE非字\uFFFF非字\uD800孤\uDC00独 & <b>粗</b> "引" 'ＸＭＬ'`;

describe('feed.xml and sitemaps', () => {
  it('hold only XML characters whatever the seed text holds', () => {
    const xml = rssXml({ title: hostile, link: 'https://a.example/', description: hostile, self: 'https://a.example/feed.xml' }, [
      { title: hostile, link: 'https://a.example/articles/x/', description: hostile, date: '2025-01-23' },
    ]);
    expect(xml).toMatch(XML_CHARS);
    expect(sitemapXml([{ loc: `https://a.example/${hostile}/`, alternates: [{ hreflang: 'zh-Hant', href: `https://a.example/zh-hant/${hostile}/` }] }])).toMatch(XML_CHARS);
  });
  it('keep every XML character of the text and escape markup', () => {
    // What is left is the text without the characters XML cannot hold, markup escaped.
    expect(xmlEscape(hostile)).toBe('标题响铃竖表换页单元非字非字孤独 &amp; &lt;b&gt;粗&lt;/b&gt; &quot;引&quot; &apos;ＸＭＬ&apos;');
    expect(xmlEscape('𠀀𠀁\u{1F600}\t\n')).toBe('𠀀𠀁\u{1F600}\t\n');
  });
});

const page: PageRecord = { id: 'p', seed: 'p.txt', paper: null, date: null, pageNumber: null, pageName: null, layout: 'column', encoding: 'utf-8', articles: ['a'], other: [] };
const article = (excerpt: string): ArticleFrontmatter => ({
  id: 'a', page: 'p', order: 1, column: null, kicker: null, title: '题', subtitle: null, byline: null, authors: [], continuedFrom: null,
  continuedTo: null, truncatedStart: false, truncatedEnd: false, lines: [1, 1], source: excerpt, excerpt,
});

describe('descriptions and openings', () => {
  // 𠀀 (U+20000) is two UTF-16 units: cutting at 110 units split the 55th… or the 110th character.
  const astral = '字' + '𠀀'.repeat(130);

  it('cut the meta description and the JSON-LD after 110 characters, never inside a surrogate pair', () => {
    const v = articleView(buildArchive([page], [article(astral)]), 'a', 'zh-hans', new URL('https://a.example'));
    expect(v.description).toBe(`字${'𠀀'.repeat(109)}…`);
    expect(v.description).not.toMatch(LONE_SURROGATE);
    const ld = JSON.parse(v.structuredData);
    expect(ld.description).toBe(v.description);
    expect(v.structuredData).not.toMatch(/\\ud[89ab]/i);
  });
  it('cut the card opening after 60 characters, keeping a combining mark with its letter', () => {
    expect(openingLine(article(astral))).toBe(`字${'𠀀'.repeat(59)}…`);
    // 59 letters, then e + U+0301 COMBINING ACUTE ACCENT as the 60th character.
    const combining = `${'a'.repeat(59)}e\u0301${'b'.repeat(10)}`;
    expect(openingLine(article(combining))).toBe(`${'a'.repeat(59)}e\u0301…`);
  });
  it('leave a short text whole', () => {
    expect(openingLine(article('短文𠀀'))).toBe('短文𠀀');
  });
});
