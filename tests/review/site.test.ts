/**
 * The site's side of issue 11: a gone id's page says where the text went; the 纠错 link names the
 * article; text corrections are listed with the printed text. Small hand-made archives.
 */
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../core/archive.ts';
import type { ArticleFrontmatter, PageRecord } from '../../core/schema.ts';
import { articleView } from '../../src/lib/route-data/article.ts';
import { gonePaths, goneView } from '../../src/lib/route-data/gone.ts';
import { DEFAULT_REPORT_TEMPLATE, reportLink, reportTemplate } from '../../src/lib/report-link.ts';

const page = (id: string, articles: string[]): PageRecord => ({ id, seed: `${id}.txt`, paper: '甲报', date: null, pageNumber: 2, pageName: null, layout: 'column', encoding: 'utf-8', articles, other: [] });
const art = (id: string, over: Partial<ArticleFrontmatter> = {}): ArticleFrontmatter => ({
  id, page: 'p', order: 1, column: null, kicker: null, title: `标题${id}`, subtitle: null, byline: null, authors: [], continuedFrom: null,
  continuedTo: null, truncatedStart: false, truncatedEnd: false, lines: [1, 2], source: '原文', excerpt: '摘要', ...over,
});
const archive = buildArchive([page('p', ['a', 'b'])], [art('a'), art('b', { order: 2 })]);
const site = new URL('https://archive.example');

describe('a gone id', () => {
  it('keeps its URL in both scripts', () => {
    const g = { id: 'c', page: 'p', title: '旧题', status: 'merged' as const, to: ['a'], reason: '已合并。' };
    expect(gonePaths([g])).toEqual([{ params: { locale: undefined, id: 'c' } }, { params: { locale: 'zh-hant', id: 'c' } }]);
  });

  it('links to the article it was merged into, and to its page', () => {
    const v = goneView(archive, { id: 'c', page: 'p', title: '旧题', status: 'merged', to: ['a'], reason: '已合并。' }, 'zh-hans');
    expect(v).toMatchObject({ path: 'articles/c/', title: '旧题', what: '这篇文章已并入同版的另一篇，全文见：', links: [{ href: '/articles/a/', text: '标题a' }], page: { href: '/pages/p/' } });
  });

  it('lists every part it was split into', () => {
    const v = goneView(archive, { id: 'c', page: 'p', title: null, status: 'split', to: ['a', 'b'], reason: '已拆开。' }, 'zh-hant');
    expect(v.title).toBe('（无标题）');
    expect(v.links.map((l) => l.href)).toEqual(['/zh-hant/articles/a/', '/zh-hant/articles/b/']);
  });

  it('says withdrawn, with no link, when none of its targets is in the archive', () => {
    const v = goneView(archive, { id: 'c', page: 'gone-page', title: '旧题', status: 'merged', to: ['x'], reason: '……' }, 'zh-hans');
    expect(v).toMatchObject({ what: '这篇文章已不再作为单独的文章收录。', links: [], page: null });
  });

  it('may not also be a live article', () => {
    expect(() => goneView(archive, { id: 'a', page: 'p', title: null, status: 'withdrawn', to: [], reason: '' }, 'zh-hans')).toThrow(/also a live article/);
  });
});

describe('the 纠错 link', () => {
  it('fills the configured template with the article\'s id, URL and title, each one encoded value', () => {
    const v = articleView(archive, 'a', 'zh-hans', site, 'https://forms.example/fix?article={id}&page={url}&t={title}');
    expect(v.reportHref).toBe('https://forms.example/fix?article=a&page=https%3A%2F%2Farchive.example%2Farticles%2Fa%2F&t=%E6%A0%87%E9%A2%98a');
  });

  it('is a prefilled mail by default, and the environment sets the template', () => {
    expect(reportTemplate({})).toBe(DEFAULT_REPORT_TEMPLATE);
    expect(reportTemplate({ BAOKU_CORRECTION_URL: 'mailto:fix@archive.example?subject={id}' })).toBe('mailto:fix@archive.example?subject={id}');
    const mail = decodeURIComponent(reportLink(DEFAULT_REPORT_TEMPLATE, { id: 'p-1a2b3c', url: 'https://archive.example/articles/p-1a2b3c/', title: '某题' }));
    expect(mail).toBe('mailto:?subject=纠错：某题（p-1a2b3c）&body=文章：https://archive.example/articles/p-1a2b3c/\n\n错在哪里：');
  });

  it('cannot be broken out of by a title with & or =', () => {
    expect(reportLink('https://f.example/?t={title}&id={id}', { id: 'x', url: 'u', title: 'A&id=evil' })).toBe('https://f.example/?t=A%26id%3Devil&id=x');
  });
});

describe('text corrections on the article', () => {
  it('are listed with where they are, both texts and the printed text around them', () => {
    const a = art('a', { corrections: [{ field: 'body', block: 1, original: '青石真', corrected: '青石镇', context: '昨日，青石真老街', note: '排印错误' }, { field: 'title', block: null, original: '老衔', corrected: '老街', context: '青石镇老衔改造', note: null }] });
    const v = articleView(buildArchive([page('p', ['a'])], [a]), 'a', 'zh-hans', site);
    expect(v.corrections).toEqual([
      { where: '正文第2段', original: '青石真', corrected: '青石镇', context: '昨日，青石真老街', note: '排印错误' },
      { where: '标题', original: '老衔', corrected: '老街', context: '青石镇老衔改造', note: null },
    ]);
  });
});
