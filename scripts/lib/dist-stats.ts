/**
 * @fileoverview What a deployment of a built folder costs a static host or CDN (issue #6): file
 * count, bytes, the largest files, files per top-level folder, search files — and whether those
 * stay under a host's limits (e.g. 20,000 files and 25 MiB per file). Used by
 * `scripts/check-dist.ts` and the scale benchmark. Pure; listing a folder is dist-stats-fs.ts.
 */

/** A file of the built folder: path relative to it, with `/` separators, and its size. */
export interface DistFile {
  path: string;
  bytes: number;
}

/** Top-level folders holding the search index: Pagefind's chunks and the result documents. */
export const SEARCH_DIRS = ['pagefind', 'search-docs'] as const;

/** Summary of a built folder. */
export interface DistStats {
  files: number;
  bytes: number;
  /** The largest files, largest first (ties in path order). */
  largest: DistFile[];
  /** Files and bytes per top-level folder, most files first; files at the top level come under `.`. */
  folders: { name: string; files: number; bytes: number }[];
  /** Files and bytes under {@link SEARCH_DIRS}, together. */
  search: { files: number; bytes: number };
}

/** Host limits; an absent limit is not checked. */
export interface DistLimits {
  maxFiles?: number;
  /** Bytes. */
  maxFileSize?: number;
  maxSearchFiles?: number;
}

const topFolder = (path: string): string => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '.');

/** True for a file of the search index (`pagefind/…`, `search-docs/…`). */
export function isSearchFile(path: string): boolean {
  return (SEARCH_DIRS as readonly string[]).includes(topFolder(path));
}

const bySizeThenPath = (a: DistFile, b: DistFile): number => b.bytes - a.bytes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Summarizes a file list; `top` is how many of the largest files to keep. */
export function summarizeDist(files: DistFile[], top = 5): DistStats {
  const folders = new Map<string, { name: string; files: number; bytes: number }>();
  const search = { files: 0, bytes: 0 };
  let bytes = 0;
  for (const f of files) {
    bytes += f.bytes;
    const name = topFolder(f.path);
    const g = folders.get(name) ?? { name, files: 0, bytes: 0 };
    g.files++;
    g.bytes += f.bytes;
    folders.set(name, g);
    if (isSearchFile(f.path)) {
      search.files++;
      search.bytes += f.bytes;
    }
  }
  return {
    files: files.length,
    bytes,
    largest: [...files].sort(bySizeThenPath).slice(0, Math.max(0, top)),
    folders: [...folders.values()].sort((a, b) => b.files - a.files || (a.name < b.name ? -1 : 1)),
    search,
  };
}

const UNITS: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30 };

/**
 * Parses a size: plain bytes (`26214400`) or a number and a unit — `KB`/`MB`/`GB` in powers of
 * 1000, `KiB`/`MiB`/`GiB` in powers of 1024, letter case ignored (`25MiB`, `1.5 GB`, `512kib`).
 * Fractions are rounded down to whole bytes. Throws an error naming the input otherwise.
 */
export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? UNITS[(m[2] || 'b').toLowerCase()] : undefined;
  if (!m || unit === undefined) {
    throw new Error(`invalid size "${text}": give bytes (26214400) or a number with KB, MB, GB, KiB, MiB or GiB (25MiB)`);
  }
  return Math.floor(Number(m[1]) * unit);
}

/** A size for people: `900 B`, `12.5 KiB`, `25.0 MiB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 2 ** 20) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 2 ** 30) return `${(n / 2 ** 20).toFixed(1)} MiB`;
  return `${(n / 2 ** 30).toFixed(2)} GiB`;
}

const count = (n: number): string => n.toLocaleString('en-US');
const sizeLabel = (n: number): string => (n < 1024 ? `${count(n)} bytes` : `${count(n)} bytes (${formatBytes(n)})`);

/**
 * Checks files against limits; returns one message per limit exceeded (none: all within), each
 * naming the figure, the limit and, for the file size, the offending files (largest first), e.g.
 * `2 files larger than --max-file-size 26,214,400 bytes (25.0 MiB): a/big.json (30.2 MiB), b.xml (25.1 MiB)`.
 */
export function checkLimits(files: DistFile[], limits: DistLimits): string[] {
  const out: string[] = [];
  if (limits.maxFiles !== undefined && files.length > limits.maxFiles) {
    out.push(`${count(files.length)} files, more than --max-files ${count(limits.maxFiles)}`);
  }
  if (limits.maxFileSize !== undefined) {
    const big = files.filter((f) => f.bytes > limits.maxFileSize!).sort(bySizeThenPath);
    if (big.length) {
      const shown = big.slice(0, 5).map((f) => `${f.path} (${formatBytes(f.bytes)})`);
      if (big.length > shown.length) shown.push(`and ${count(big.length - shown.length)} more`);
      out.push(`${count(big.length)} file${big.length === 1 ? '' : 's'} larger than --max-file-size ${sizeLabel(limits.maxFileSize)}: ${shown.join(', ')}`);
    }
  }
  if (limits.maxSearchFiles !== undefined) {
    const n = files.filter((f) => isSearchFile(f.path)).length;
    const dirs = SEARCH_DIRS.map((d) => `${d}/`).join(' + ');
    if (n > limits.maxSearchFiles) out.push(`${count(n)} search files (${dirs}), more than --max-search-files ${count(limits.maxSearchFiles)}`);
  }
  return out;
}
