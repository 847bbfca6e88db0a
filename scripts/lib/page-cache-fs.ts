/**
 * @fileoverview The ingest's page cache in a folder (`.cache/ingest/`, issue 6): one JSON file per
 * key, written atomically. An entry that is unreadable or not a `CachedPageSchema` is a miss, so a
 * damaged cache costs a conversion, never a wrong page.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CachedPageSchema, type CachedPage } from '../../core/schema.ts';
import type { PageCache } from './convert.ts';
import { writeIfChanged } from './files-fs.ts';

/** A {@link PageCache} over the files of `dir`. */
export class DirCache implements PageCache {
  readonly dir: string;
  hits = 0;
  readonly used = new Set<string>();
  constructor(dir: string) {
    this.dir = dir;
  }
  get(key: string): CachedPage | undefined {
    this.used.add(`${key}.json`);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(this.dir, `${key}.json`), 'utf8'));
    } catch {
      return undefined;
    }
    const entry = CachedPageSchema.safeParse(json);
    if (!entry.success) return undefined;
    this.hits++;
    return entry.data;
  }
  has(key: string): boolean {
    return existsSync(join(this.dir, `${key}.json`));
  }
  set(key: string, value: CachedPage): void {
    // Written this run, so current: the ingest also stores a page under the key its next run will ask for (issue 11).
    this.used.add(`${key}.json`);
    writeIfChanged(join(this.dir, `${key}.json`), JSON.stringify(value));
  }
  /** Removes entries this run did not ask for (pages changed or gone, an older parser). */
  prune(): void {
    if (!existsSync(this.dir)) return;
    for (const f of readdirSync(this.dir)) if (!this.used.has(f)) rmSync(join(this.dir, f), { force: true });
  }
}
