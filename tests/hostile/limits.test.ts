/**
 * The archive's limits (scripts/lib/limits.ts, issue 13): a page over one is refused with a message
 * naming it while the rest converts, and a crowded page's view stays bounded (10,000 articles on one
 * page made a 4.6 MB page view).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../core/archive.ts';
import type { ArticleFrontmatter, PageRecord } from '../../core/schema.ts';
import { convertPages } from '../../scripts/lib/convert.ts';
import { MAX_ARTICLE_CHARS, MAX_ARTICLES_PER_PAGE } from '../../scripts/lib/limits.ts';
import { PAGE_VIEW_CARDS, pageView } from '../../src/lib/route-data/page.ts';

const good = { name: 'good.txt', bytes: readFileSync(join(import.meta.dirname, '../../seeds/003_74212d2662a3d8db.txt')) };

/** A page of `n` briefs, each a headline and a 本报讯 paragraph. */
function briefs(n: number): string {
  return Array.from({ length: n }, (_, i) => `简讯标题第${i + 1}条\n\n本报讯 这是第${i + 1}条简讯的正文，记者在现场报道了有关情况。\n`).join('\n');
}

describe('limits at ingest', () => {
  it('takes a page of many briefs, and refuses one with more articles than the limit by name', () => {
    const ok = convertPages([{ name: 'briefs.txt', bytes: Buffer.from(briefs(40)) }], { pages: {} });
    expect(ok.warnings).toEqual([]);
    expect(ok.reports[0].articles).toBe(40);
    const over = convertPages([good, { name: 'crowded.txt', bytes: Buffer.from(briefs(MAX_ARTICLES_PER_PAGE + 20)) }], { pages: {} });
    expect(over.warnings.join('\n')).toMatch(new RegExp(`^crowded\\.txt: the page holds \\d+ articles; the most Baoku takes on one page is ${MAX_ARTICLES_PER_PAGE}`, 'm'));
    expect(over.reports.find((r) => r.seed === 'good.txt')?.ok).toBe(true);
    expect([...over.files.keys()].some((k) => k.startsWith('pages/crowded'))).toBe(false);
  }, 60_000);

  it('refuses an article longer than the limit, naming the page and its line', () => {
    const seed = good.bytes.toString('utf8').replace(/\s+/g, '');
    const body = seed.repeat(Math.ceil((MAX_ARTICLE_CHARS + 1000) / seed.length)).slice(0, MAX_ARTICLE_CHARS + 1000);
    const r = convertPages([{ name: 'long.txt', bytes: Buffer.from(`长文标题\n\n本报讯 ${body}\n`) }], { pages: {} });
    expect(r.warnings.join('\n')).toMatch(new RegExp(`^long\\.txt:\\d+: article 1 holds \\d+ characters; the longest Baoku takes is ${MAX_ARTICLE_CHARS}`, 'm'));
  });
});

describe('the page view of a crowded page', () => {
  const n = MAX_ARTICLES_PER_PAGE;
  const ids = Array.from({ length: n }, (_, i) => `p-${i}`);
  const page: PageRecord = { id: 'p', seed: 'p.txt', paper: null, date: null, pageNumber: null, pageName: null, layout: 'column', encoding: 'utf-8', articles: ids, other: [] };
  const articles: ArticleFrontmatter[] = ids.map((id, i) => ({
    id, page: 'p', order: i + 1, column: null, kicker: null, title: `第${i + 1}条`, subtitle: null, byline: null, authors: [], continuedFrom: null,
    continuedTo: null, truncatedStart: false, truncatedEnd: false, lines: [1, 1], source: '正文', excerpt: '正文',
  }));

  it(`shows ${PAGE_VIEW_CARDS} cards and the rest by title, in reading order`, () => {
    const v = pageView(buildArchive([page], articles), 'p', 'zh-hans');
    expect(v.articles.map((a) => a.id)).toEqual(ids.slice(0, PAGE_VIEW_CARDS));
    expect(v.more.map((m) => m.id)).toEqual(ids.slice(PAGE_VIEW_CARDS));
    expect(v.more[0]).toEqual({ id: `p-${PAGE_VIEW_CARDS}`, href: `/articles/p-${PAGE_VIEW_CARDS}/`, title: `第${PAGE_VIEW_CARDS + 1}条` });
    expect(v.description).toContain(`${n}篇文章`);
  });
});
