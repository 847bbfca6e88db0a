/**
 * The one schema (core/schema.ts) against the data it describes: the archivists' gold files, the
 * ingest's output for the seeds, and records that break it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleFrontmatterSchema, ArticleSchema, GoldPageSchema, PageRecordSchema, ReportSchema } from '../../core/schema.ts';
import { convertPages } from '../../scripts/lib/convert.ts';
import { readFrontmatter } from '../../scripts/lib/mdx.ts';

const GOLD = join(import.meta.dirname, '../fixtures/gold');
const SEEDS = join(import.meta.dirname, '../../seeds');

describe('the gold schema', () => {
  const files = readdirSync(GOLD).filter((f) => f.endsWith('.json'));
  it.each(files)('describes the gold file %s exactly (no field unknown to it)', (f) => {
    const gold: unknown = JSON.parse(readFileSync(join(GOLD, f), 'utf8'));
    expect(GoldPageSchema.parse(gold)).toEqual(gold);
  });
  it('refuses an article with a field the gold schema lacks or a body block of another kind', () => {
    const a = { column: null, kicker: null, title: 'T', subtitle: null, byline: null, authors: [], continued_from: null, continued_to: null, truncated_start: false, truncated_end: false, body: [{ type: 'p', text: 'x' }] };
    expect(ArticleSchema.safeParse(a).success).toBe(true);
    expect(ArticleSchema.safeParse({ ...a, headline: 'T' }).success).toBe(false);
    expect(ArticleSchema.safeParse({ ...a, body: [{ type: 'quote', text: 'x' }] }).success).toBe(false);
    expect(ArticleSchema.safeParse({ ...a, authors: '某某' }).success).toBe(false);
  });
});

describe('the content collections', () => {
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((name) => ({ name, bytes: readFileSync(join(SEEDS, name)) }));
  const { files } = convertPages(seeds, { pages: {} });

  it('hold every file the ingest writes for the seeds', () => {
    const articles = [...files].filter(([k]) => k.startsWith('articles/'));
    const pages = [...files].filter(([k]) => k.startsWith('pages/'));
    expect(pages.length).toBe(seeds.length);
    for (const [, mdx] of articles) expect(() => readFrontmatter(mdx)).not.toThrow();
    for (const [, json] of pages) expect(() => PageRecordSchema.parse(JSON.parse(json))).not.toThrow();
    const report = ReportSchema.parse(JSON.parse(files.get('report.json')!));
    expect(report.articles).toBe(articles.length);
  });

  it('refuse a record the site could not show', () => {
    const [, first] = [...files].find(([k]) => k.startsWith('articles/'))!;
    const fm = readFrontmatter(first);
    expect(ArticleFrontmatterSchema.safeParse({ ...fm, order: 0 }).success).toBe(false);
    expect(ArticleFrontmatterSchema.safeParse({ ...fm, lines: [3] }).success).toBe(false);
    expect(ArticleFrontmatterSchema.safeParse({ ...fm, title: undefined }).success).toBe(false);
    const page = JSON.parse([...files].find(([k]) => k.startsWith('pages/'))![1]);
    expect(PageRecordSchema.safeParse({ ...page, date: '2025-02-30' }).success).toBe(false);
    expect(PageRecordSchema.safeParse({ ...page, encoding: 'latin1' }).success).toBe(false);
    expect(PageRecordSchema.safeParse({ ...page, other: [{ type: 'poster', text: 'x' }] }).success).toBe(false);
  });
});
