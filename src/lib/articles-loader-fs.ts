/**
 * The articles collection's loader (issue 15). It reads the ingest's MDX files as data: frontmatter
 * (checked by the collection's schema) and body text. Astro's glob loader would instead make every
 * `.mdx` entry a module that the build compiles and bundles — all of them, whether a page renders
 * them or not — which is where most of a large archive's build time and memory went
 * (bench/scale.md). The body is rendered from its blocks by components/body/Body.astro.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { readFrontmatter, splitMdx } from '../../core/mdx-body.ts';

export function articlesLoader(base: string): Loader {
  const dir = resolve(base);
  return {
    name: 'baoku-articles',
    load: async ({ store, parseData, generateDigest, watcher, logger }) => {
      const loadFile = async (file: string): Promise<void> => {
        const path = join(base, file);
        const text = readFileSync(join(dir, file), 'utf8');
        let fm;
        try {
          fm = readFrontmatter(text);
        } catch (e) {
          throw new Error(`${path}: ${(e as Error).message}`, { cause: e });
        }
        const data = await parseData({ id: fm.id, data: fm, filePath: path });
        store.set({ id: fm.id, data, body: splitMdx(text).body, filePath: path, digest: generateDigest(text) });
      };
      // Before the first ingest (a fresh clone's `astro sync`) there is no folder: no articles yet.
      const present = existsSync(dir);
      if (!present) logger.warn(`${base} does not exist yet: no articles (run npm run ingest)`);
      const files = present ? readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort() : [];
      store.clear();
      for (const f of files) await loadFile(f);
      logger.debug(`${files.length} articles`);
      // `astro dev`: follow the ingest rewriting, adding or removing article files.
      watcher?.add(dir);
      const inDir = (p: string) => resolve(p).startsWith(dir + '/') && p.endsWith('.mdx');
      const reload = (p: string) => {
        if (inDir(p)) loadFile(basename(p)).catch((e: Error) => logger.error(e.message));
      };
      watcher?.on('add', reload);
      watcher?.on('change', reload);
      watcher?.on('unlink', (p) => {
        if (!inDir(p)) return;
        const gone = store.entries().find(([, e]) => e.filePath && resolve(e.filePath) === resolve(p));
        if (gone) store.delete(gone[0]);
      });
    },
  };
}
