/**
 * The facsimile's view data (src/lib/facsimile.ts, issue #16) and what the page and article views
 * make of it, on a hand-made archive: one page read from a PDF (page 2 of a 3-page issue PDF), one
 * text page. Expected values are written out here.
 */
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../core/archive.ts';
import type { ArticleFrontmatter, Facsimile, PageRecord } from '../../core/schema.ts';
import { facsimileImage, pdfDownload, polygonPoints } from '../../src/lib/facsimile.ts';
import { articleView } from '../../src/lib/route-data/article.ts';
import { pageView } from '../../src/lib/route-data/page.ts';

const sha = 'ab'.repeat(32);
const facsimile: Facsimile = {
  width: 842,
  height: 1191,
  pdf: { file: `media/${sha.slice(0, 16)}/original.pdf`, name: 'issue.pdf', page: 2, pages: 3, sha256: sha, bytes: 3 * 1024 * 1024 + 1 },
  // Widest first on purpose: the view orders them.
  images: [
    { width: 2400, height: 3395, file: 'media/x/p2-w2400.webp' },
    { width: 360, height: 509, file: 'media/x/p2-w360.webp' },
    { width: 800, height: 1132, file: 'media/x/p2-w800.webp' },
  ],
};
const page = (id: string, over: Partial<PageRecord> = {}): PageRecord => ({
  id, seed: `${id}.pdf`, paper: '甲报', date: '2025-01-23', pageNumber: 2, pageName: null, layout: 'column', encoding: 'utf-8', articles: [], other: [], ...over,
});
const art = (id: string, pageId: string, over: Partial<ArticleFrontmatter> = {}): ArticleFrontmatter => ({
  id, page: pageId, order: 1, column: null, kicker: null, title: `标题${id}`, subtitle: null, byline: null, authors: [], continuedFrom: null,
  continuedTo: null, truncatedStart: false, truncatedEnd: false, lines: [1, 2], source: '原文', excerpt: '摘要', ...over,
});
const archive = buildArchive(
  [page('f', { articles: ['a1', 'a2', 'a3'], facsimile }), page('t', { seed: 't.txt', pageNumber: 3, articles: ['a4'] })],
  [
    art('a1', 'f', { regions: [{ x: 36, y: 72, w: 613.002, h: 304 }] }),
    // An article without regions (its lines could not be placed) gets no link, and the numbering keeps its place.
    art('a2', 'f', { order: 2 }),
    art('a3', 'f', { order: 3, regions: [{ x: 10, y: 20, w: 30, h: 40 }, { x: 50.555, y: 20, w: 10, h: 5 }] }),
    art('a4', 't'),
  ],
);

describe('facsimile view data', () => {
  it('draws a region as a clockwise polygon from its top-left corner, to the hundredth of a point', () => {
    expect(polygonPoints({ x: 50.555, y: 20, w: 10, h: 5 })).toBe('50.56,20 60.56,20 60.56,25 50.56,25');
  });

  it('offers every image once in srcset by width, the narrowest as src, and reserves the widest\'s size', () => {
    const img = facsimileImage(facsimile, (f) => `/b/${f}`);
    expect(img).toEqual({
      src: '/b/media/x/p2-w360.webp',
      srcset: '/b/media/x/p2-w360.webp 360w, /b/media/x/p2-w800.webp 800w, /b/media/x/p2-w2400.webp 2400w',
      width: 2400,
      height: 3395,
    });
  });

  it('describes the PDF download with its size and, for an issue PDF, which page of it this is', () => {
    expect(pdfDownload(facsimile, (f) => f)).toEqual({ href: facsimile.pdf.file, name: 'issue.pdf', text: '下载原版 PDF（issue.pdf，3.0 MB，本版在第2页，共3页）' });
    expect(pdfDownload({ ...facsimile, pdf: { ...facsimile.pdf, pages: 1, page: 1, bytes: 180_000 } }, (f) => f).text).toBe('下载原版 PDF（issue.pdf，176 KB）');
  });
});

describe('the page and article views of a PDF page', () => {
  it('gives the page view one link per article with regions, numbered by reading order, under the base', () => {
    const v = pageView(archive, 'f', 'zh-hans');
    expect(v.facsimile!.page).toEqual({ width: 842, height: 1191 });
    expect(v.facsimile!.links.map((l) => [l.id, l.title, l.polygons.length])).toEqual([
      ['a1', '1. 标题a1', 1],
      ['a3', '3. 标题a3', 2],
    ]);
    expect(v.facsimile!.links[0].href).toMatch(/articles\/a1\/$/);
    expect(v.facsimile!.image.src).toMatch(/\/media\/x\/p2-w360\.webp$/);
  });

  it('marks the article on a thumbnail linking to its card on the page, and has none for a text page', () => {
    const v = articleView(archive, 'a3', 'zh-hans', undefined);
    expect(v.facsimile!.marks).toEqual(['10,20 40,20 40,60 10,60', '50.56,20 60.56,20 60.56,25 50.56,25']);
    expect(v.facsimile!.href).toMatch(/pages\/f\/#a-a3$/);
    expect(v.facsimile!.pdf.name).toBe('issue.pdf');
    expect(articleView(archive, 'a4', 'zh-hans', undefined).facsimile).toBeNull();
    expect(pageView(archive, 't', 'zh-hans').facsimile).toBeNull();
  });
});
