/**
 * @fileoverview A conversion worker (convert-parallel.ts): converts the pages it is given and
 * posts back each page's outcome.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EMPTY_META, type Catalog, type RegistryPage } from '../../core/schema.ts';
import { convertOne, type PageInput } from './convert.ts';
import { pageIdOf } from './ids.ts';

const { pages, catalog, invalidUtf8, registry, staleCorrections } = workerData as {
  pages: PageInput[];
  catalog: Catalog;
  invalidUtf8: 'refuse' | 'replace';
  registry: Record<string, RegistryPage>;
  staleCorrections: 'error' | 'warn';
};
parentPort!.postMessage(pages.map((p) => [p.name, convertOne(p, catalog.pages[pageIdOf(p.name)] ?? EMPTY_META, invalidUtf8, registry[pageIdOf(p.name)], staleCorrections)]));
