/**
 * @fileoverview Reads the ingest's output (src/content/generated/) outside Astro — for the search
 * indexer and the benchmarks — checked against the same schemas the content collections use.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PageRecordSchema, type ArticleFrontmatter, type PageRecord } from '../../core/schema.ts';
import { readFrontmatter } from './mdx.ts';

/** The page records and article frontmatter of a generated folder, in file-name order. */
export async function readGenerated(dir: string): Promise<{ pages: PageRecord[]; articles: ArticleFrontmatter[] }> {
  const names = async (sub: string, ext: string) => (await readdir(join(dir, sub))).filter((f) => f.endsWith(ext)).sort();
  const read = (sub: string, f: string) => readFile(join(dir, sub, f), 'utf8');
  const pages: PageRecord[] = [];
  for (const f of await names('pages', '.json')) {
    const parsed = PageRecordSchema.safeParse(JSON.parse(await read('pages', f)));
    if (!parsed.success) throw new Error(`${join(dir, 'pages', f)}: not a page record: ${parsed.error.issues[0].message} at ${parsed.error.issues[0].path.join('.')}`);
    pages.push(parsed.data);
  }
  const articles: ArticleFrontmatter[] = [];
  for (const f of await names('articles', '.mdx')) {
    try {
      articles.push(readFrontmatter(await read('articles', f)));
    } catch (e) {
      throw new Error(`${join(dir, 'articles', f)}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { pages, articles };
}
