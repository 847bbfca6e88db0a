/**
 * @fileoverview Conversion on every core: pages that need converting (not in the cache) are
 * parsed by worker threads, in chunks, and handed to convertPages, which assembles the archive in
 * file-name order as always — so the output is byte-identical to a serial run.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { EMPTY_META, type Catalog, type IdRegistry, type RegistryPage } from '../../core/schema.ts';
import { convertPages, pageKey, type ArchiveOptions, type ArchiveOutput, type PageInput, type PageOutcome } from './convert.ts';
import { pageIdOf } from './ids.ts';

/** Pages below this many are converted in the calling thread: starting workers costs more. */
const MIN_PAGES_PER_WORKER = 24;

/** The registry entries of some pages, by page id. */
function entriesOf(pages: PageInput[], registry: IdRegistry | undefined): Record<string, RegistryPage> {
  const out: Record<string, RegistryPage> = {};
  for (const p of pages) {
    const e = registry?.pages[pageIdOf(p.name)];
    if (e) out[pageIdOf(p.name)] = e;
  }
  return out;
}

/** {@link convertPages}, with the parsing spread over `workers` threads (default: the machine's cores). */
export async function convertPagesParallel(inputs: PageInput[], catalog: Catalog, options: ArchiveOptions & { workers?: number } = {}): Promise<ArchiveOutput> {
  const cached = (p: PageInput): boolean => {
    const c = options.cache;
    if (!c) return false;
    const key = pageKey(p, catalog.pages[pageIdOf(p.name)] ?? EMPTY_META, options.version ?? '', options.invalidUtf8 ?? 'refuse', options.staleCorrections ?? 'error', options.registry?.pages[pageIdOf(p.name)] ?? null);
    return c.has ? c.has(key) : c.get(key) !== undefined;
  };
  const todo = inputs.filter((p) => !cached(p));
  const n = Math.min(options.workers ?? availableParallelism(), Math.floor(todo.length / MIN_PAGES_PER_WORKER));
  if (n <= 1) return convertPages(inputs, catalog, options);
  const chunks: PageInput[][] = Array.from({ length: n }, () => []);
  todo.forEach((p, i) => chunks[i % n].push(p));
  const results = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<[string, PageOutcome][]>((resolve, reject) => {
          const w = new Worker(new URL('./convert-worker.ts', import.meta.url), {
            // Each page with its entry of the id registry (issue 11), so a worker assigns the ids a serial run would.
            workerData: { pages: chunk, catalog, invalidUtf8: options.invalidUtf8 ?? 'refuse', registry: entriesOf(chunk, options.registry), staleCorrections: options.staleCorrections ?? 'error' },
          });
          w.once('message', resolve);
          w.once('error', reject);
          w.once('exit', (code) => code !== 0 && reject(new Error(`conversion worker stopped with code ${code}`)));
        }),
    ),
  );
  return convertPages(inputs, catalog, { ...options, outcomes: new Map(results.flat()) });
}
