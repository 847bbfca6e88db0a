/**
 * `npm run build` step after `astro build`: indexes every article page of dist/ for search (issue #5).
 *
 * For each article the indexed text is read from its two built pages — dist/articles/<id>/ and
 * dist/zh-hant/articles/<id>/ — as the element marked data-pagefind-body; metadata (headline parts,
 * paper, date, page label) and the order of results come from the archive model the site is built
 * from (core/archive.ts over the ingest output). See docs/search.md.
 */
import { join } from 'node:path';
import { buildArchive } from '../core/archive.ts';
import { normalizeBase } from '../core/paths.ts';
import { readText } from './lib/files-fs.ts';
import { readGenerated } from './lib/generated-fs.ts';
import { buildSearchIndex } from './lib/search/build-fs.ts';
import { extractBodyText } from './lib/search/extract.ts';
import { indexItems, PAGEFIND_CHUNK_SIZE } from './lib/search/plan.ts';

const root = join(import.meta.dirname, '..');
// `--dist DIR` indexes another build output (the browser tests build into their own folder).
const distArg = process.argv.indexOf('--dist');
const dist = distArg > 0 ? process.argv[distArg + 1] : join(root, 'dist');
const generated = join(root, 'src/content/generated');
const base = normalizeBase(process.env.BASE_PATH || '/');

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

/** The indexed text of a built page, or null when the page or its data-pagefind-body is missing. */
async function bodyText(path: string): Promise<string | null> {
  const html = await readText(path);
  return html === null ? null : extractBodyText(html);
}

async function main() {
  const { pages, articles } = await readGenerated(generated);
  const archive = buildArchive(pages, articles);
  const texts = new Map<string, { hans: string | null; hant: string | null }>();
  for (const id of archive.articleOrder) {
    texts.set(id, { hans: await bodyText(join(dist, 'articles', id, 'index.html')), hant: await bodyText(join(dist, 'zh-hant', 'articles', id, 'index.html')) });
  }
  const { items, missing } = indexItems(archive, base, (id) => texts.get(id)!);
  // Every article must be findable: a page without data-pagefind-body is a build error, not a gap.
  if (missing.length) throw new Error(`search-index: no data-pagefind-body page (both scripts) for ${missing.length} article(s): ${missing.join(', ')}`);
  // `--doc-shards N` packs result documents into N files per script; `--max-files N` picks the
  // packing that keeps pagefind/ + search-docs/ under N files (host caps, issue #6);
  // `--char-buckets N` overrides the number of character files (tests).
  const doc = numberArg('--doc-shards', 'BAOKU_SEARCH_DOC_SHARDS') ?? 0;
  const maxFiles = numberArg('--max-files', 'BAOKU_SEARCH_MAX_FILES');
  const charBuckets = numberArg('--char-buckets');
  if (charBuckets === 0) throw new Error('search-index: --char-buckets takes a whole number ≥ 1');
  // `--slice-records N`: at most N articles per Pagefind index (default SLICE_RECORDS; memory, issue 15).
  const sliceRecords = numberArg('--slice-records', 'BAOKU_SEARCH_SLICE_RECORDS');
  if (sliceRecords === 0) throw new Error('search-index: --slice-records takes a whole number ≥ 1');
  const stats = await buildSearchIndex(dist, items, { docShards: doc, maxFiles, charBuckets, sliceRecords });
  console.log(
    `search-index: ${stats.records} articles (${stats.twoStreams} indexed in both scripts), ${stats.variantClasses} variant classes, ${stats.charBuckets} character files; ` +
      `index ${stats.indexFiles} files${stats.slices > 1 ? ` in ${stats.slices} slices` : ''} / ${(stats.indexBytes / 1024).toFixed(1)} KiB${stats.chunkSize !== PAGEFIND_CHUNK_SIZE ? ` (index chunk size ${stats.chunkSize})` : ''}; search-docs ${stats.docFiles} files (documents ${stats.docShards ? `in ${stats.docShards} shards per script` : 'one per article and script'}, character files, layout) / ${(stats.docBytes / 1024).toFixed(1)} KiB gzip`,
  );
}

try {
  await main();
} catch (e) {
  // One line naming what failed (the article and its page where known), not a stack trace.
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
