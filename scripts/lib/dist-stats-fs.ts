/**
 * @fileoverview The file system side of dist-stats.ts: lists a built folder's files with their sizes.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { summarizeDist, type DistFile, type DistStats } from './dist-stats.ts';

/** Every file under `dir` (recursively), in path order. Throws if `dir` is not a folder. */
export function listDist(dir: string): DistFile[] {
  if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`);
  const out: DistFile[] = [];
  const walk = (abs: string, rel: string): void => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      const a = join(abs, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(a, r);
      else out.push({ path: r, bytes: statSync(a).size });
    }
  };
  walk(dir, '');
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Lists and summarizes `dir` in one call. */
export function distStats(dir: string, top = 5): DistStats {
  return summarizeDist(listDist(dir), top);
}
