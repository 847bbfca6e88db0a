/**
 * `npm run build` step after `astro build`: indexes every article page of dist/ for search (issue #5).
 *
 * For each article the indexed text is read from its two built pages — dist/articles/<id>/ and
 * dist/zh-hant/articles/<id>/ — as the element marked data-pagefind-body; metadata (headline parts,
 * paper, date, page, column) comes from the ingest output. See docs/search.md.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractBodyText } from './lib/search/extract.ts';
import { toHant } from '../core/search/hant.ts';
import { buildSearchIndex, PAGEFIND_CHUNK_SIZE, readText, type IndexItem } from './lib/search/build-fs.ts';
import { readFrontmatter } from './lib/mdx.ts';

const root = join(import.meta.dirname, '..');
// `--dist DIR` indexes another build output (the browser tests build into their own folder).
const distArg = process.argv.indexOf('--dist');
const dist = distArg > 0 ? process.argv[distArg + 1] : join(root, 'dist');
const generated = join(root, 'src/content/generated');
const base = (process.env.BASE_PATH || '/').replace(/\/?$/, '/');

interface PageJson {
  id: string;
  paper: string | null;
  date: string | null;
  pageNumber: number | null;
  pageName: string | null;
}

function pageLabel(p: PageJson): string | null {
  if (p.pageNumber !== null) return `第${p.pageNumber}版${p.pageName ? ` ${p.pageName}` : ''}`;
  return p.pageName;
}

/** A whole-number option from the command line (`--name N`) or the environment; undefined if absent. */
function numberArg(flag: string, env?: string): number | undefined {
  const i = process.argv.indexOf(flag);
  if (i > 0 && (i + 1 >= process.argv.length || process.argv[i + 1].startsWith('--'))) throw new Error(`search-index: ${flag} needs a number`);
  const raw = i > 0 ? process.argv[i + 1] : env ? process.env[env] : undefined;
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`search-index: ${flag} takes a whole number ≥ 0, got ${JSON.stringify(raw)}`);
  return n;
}

async function main() {
  const pages = new Map<string, PageJson>();
  for (const f of (await readdir(join(generated, 'pages'))).filter((f) => f.endsWith('.json'))) {
    const p = JSON.parse(await readFile(join(generated, 'pages', f), 'utf8')) as PageJson;
    pages.set(p.id, p);
  }
  const articles: Record<string, any>[] = [];
  for (const f of (await readdir(join(generated, 'articles'))).filter((f) => f.endsWith('.mdx'))) {
    articles.push(readFrontmatter(await readFile(join(generated, 'articles', f), 'utf8')));
  }
  // Archive order: newest date first (undated last), then page, then reading order.
  articles.sort((a, b) => {
    const pa = pages.get(a.page)!;
    const pb = pages.get(b.page)!;
    return (pb.date ?? '').localeCompare(pa.date ?? '') || a.page.localeCompare(b.page) || a.order - b.order;
  });
  const items: IndexItem[] = [];
  const missing: string[] = [];
  for (const a of articles) {
    const p = pages.get(a.page);
    if (!p) throw new Error(`article ${a.id}: unknown page ${a.page}`);
    const hansHtml = await readText(join(dist, 'articles', a.id, 'index.html'));
    const hantHtml = await readText(join(dist, 'zh-hant', 'articles', a.id, 'index.html'));
    const hansText = hansHtml === null ? null : extractBodyText(hansHtml);
    const hantText = hantHtml === null ? null : extractBodyText(hantHtml);
    if (hansText === null || hantText === null) {
      missing.push(a.id);
      continue;
    }
    const filters: Record<string, string[]> = {};
    if (p.paper) filters.paper = [p.paper];
    if (p.date) filters.year = [p.date.slice(0, 4)];
    if (a.column) filters.column = [a.column];
    items.push({
      url: `${base}articles/${a.id}/`,
      filters,
      doc: {
        hans: { id: a.id, paper: p.paper, date: p.date, page: pageLabel(p), column: a.column, kicker: a.kicker, title: a.title, subtitle: a.subtitle, text: hansText },
        hant: {
          id: a.id,
          paper: toHant(p.paper),
          date: p.date,
          page: toHant(pageLabel(p)),
          column: toHant(a.column),
          kicker: toHant(a.kicker),
          title: toHant(a.title),
          subtitle: toHant(a.subtitle),
          text: hantText,
        },
      },
    });
  }
  // Every article must be findable: a page without data-pagefind-body is a build error, not a gap.
  if (missing.length) throw new Error(`search-index: no data-pagefind-body page (both scripts) for ${missing.length} article(s): ${missing.join(', ')}`);
  // `--doc-shards N` packs result documents into N files per script; `--max-files N` picks the
  // packing that keeps pagefind/ + search-docs/ under N files (host caps, issue #6);
  // `--char-buckets N` overrides the number of character files (tests).
  const doc = numberArg('--doc-shards', 'BAOKU_SEARCH_DOC_SHARDS') ?? 0;
  const maxFiles = numberArg('--max-files', 'BAOKU_SEARCH_MAX_FILES');
  const charBuckets = numberArg('--char-buckets');
  if (charBuckets === 0) throw new Error('search-index: --char-buckets takes a whole number ≥ 1');
  const stats = await buildSearchIndex(dist, items, { docShards: doc, maxFiles, charBuckets });
  console.log(
    `search-index: ${stats.records} articles (${stats.twoStreams} indexed in both scripts), ${stats.variantClasses} variant classes, ${stats.charBuckets} character files; ` +
      `index ${stats.indexFiles} files / ${(stats.indexBytes / 1024).toFixed(1)} KiB${stats.chunkSize !== PAGEFIND_CHUNK_SIZE ? ` (index chunk size ${stats.chunkSize})` : ''}; search-docs ${stats.docFiles} files (documents ${stats.docShards ? `in ${stats.docShards} shards per script` : 'one per article and script'}, character files, layout) / ${(stats.docBytes / 1024).toFixed(1)} KiB gzip`,
  );
}

await main();
