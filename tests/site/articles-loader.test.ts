/**
 * The articles collection's loader (src/lib/articles-loader-fs.ts, issue 15): it reads the ingest's
 * MDX files as data — every entry keyed by its frontmatter id, with its body text — and a file it
 * cannot read stops the sync with that file's name.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleToMdx } from '../../scripts/lib/mdx.ts';
import { readMdxBlocks } from '../../core/mdx-body.ts';
import { ArticleFrontmatterSchema } from '../../core/schema.ts';
import { articlesLoader } from '../../src/lib/articles-loader-fs.ts';

const fm = (id: string) =>
  ArticleFrontmatterSchema.parse({
    id, page: 'p1', order: 1, column: null, kicker: null, title: `标题${id}`, subtitle: null, byline: null, authors: [],
    continuedFrom: null, continuedTo: null, truncatedStart: false, truncatedEnd: false, lines: [1, 2], source: '正文', excerpt: '正文',
  });
const article = (id: string, text: string) => ({ ...fm(id), continued_from: null, continued_to: null, truncated_start: false, truncated_end: false, body: [{ type: 'p' as const, text }] });

let dir: string | null = null;
const warned: string[] = [];
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** Runs the loader over `files` in a fresh folder; returns what it stored. */
async function load(files: Record<string, string>) {
  dir = mkdtempSync(join(tmpdir(), 'baoku-loader-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const stored = new Map<string, { data: Record<string, unknown>; body?: string; filePath?: string; digest?: string }>();
  const store = { clear: () => stored.clear(), set: (e: { id: string; data: Record<string, unknown> }) => (stored.set(e.id, e), true), entries: () => [...stored] };
  const context = { store, parseData: async (p: { data: unknown }) => p.data, generateDigest: (t: unknown) => String(String(t).length), logger: { debug: () => {}, warn: (m: string) => warned.push(m) } };
  await articlesLoader(dir).load(context as never);
  return stored;
}

describe('the articles loader', () => {
  it('stores each MDX file under its frontmatter id with its body, skipping other files', async () => {
    const stored = await load({
      'b.mdx': articleToMdx(article('p1-bbb', '乙文 {不是代码} <b>'), fm('p1-bbb')),
      'a.mdx': articleToMdx(article('p1-aaa', '甲文'), fm('p1-aaa')),
      'notes.txt': 'not an article',
    });
    expect([...stored.keys()].sort()).toEqual(['p1-aaa', 'p1-bbb']);
    expect(stored.get('p1-bbb')!.data.title).toBe('标题p1-bbb');
    expect(readMdxBlocks(stored.get('p1-bbb')!.body!)).toEqual([{ type: 'p', parts: [{ text: '乙文 {不是代码} <b>' }] }]);
    expect(stored.get('p1-aaa')!.filePath).toMatch(/a\.mdx$/);
  });
  it('holds no articles, and says so, before the first ingest made the folder', async () => {
    dir = mkdtempSync(join(tmpdir(), 'baoku-loader-'));
    const stored = new Map<string, unknown>();
    const store = { clear: () => stored.clear(), set: (e: { id: string }) => (stored.set(e.id, e), true), entries: () => [...stored] };
    const context = { store, parseData: async (p: { data: unknown }) => p.data, generateDigest: () => '', logger: { debug: () => {}, warn: (m: string) => warned.push(m) } };
    await articlesLoader(join(dir, 'articles')).load(context as never);
    expect(stored.size).toBe(0);
    expect(warned.at(-1)).toMatch(/articles does not exist yet/);
  });
  it('names the file it cannot read', async () => {
    await expect(load({ 'ok.mdx': articleToMdx(article('p1-ok', '文'), fm('p1-ok')), 'broken.mdx': '<P>{"no frontmatter"}</P>\n' })).rejects.toThrow(/broken\.mdx: no frontmatter/);
  });
});
