/**
 * A throwaway copy of the project to build in (benchmarks, the archive-parts test), so the working
 * tree's generated content, dist/ and caches stay untouched. node_modules is linked package by
 * package rather than as a whole, so Astro's and Vite's caches (node_modules/.astro, .vite) are the
 * copy's own and one build never warms another.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** What a build needs; generated content is left out (the copy's ingest writes its own). */
const PROJECT_FILES = ['core', 'src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
const OWN_CACHES = new Set(['.astro', '.vite']);

/** Replaces `dir` with a fresh copy of the project at `root`. */
export function projectCopy(root: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  for (const f of PROJECT_FILES) {
    if (existsSync(join(root, f))) cpSync(join(root, f), join(dir, f), { recursive: true, filter: (p) => !p.includes('content/generated') });
  }
  for (const e of readdirSync(join(root, 'node_modules'))) {
    if (!OWN_CACHES.has(e)) symlinkSync(join(root, 'node_modules', e), join(dir, 'node_modules', e));
  }
}
