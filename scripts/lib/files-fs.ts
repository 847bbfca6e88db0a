/**
 * @fileoverview The file system as the command-line tools use it: listing a folder, reading a page
 * file safely, writing a file only when its bytes change, and replacing a whole generated folder at
 * once (issue 13: a `kill -9` at any moment leaves the previous folder or the new one, never a mix).
 */
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';

/** Every file below `dir`, recursively (empty if `dir` does not exist); symbolic links are listed, not followed. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

let tmpCount = 0;

/**
 * A temp file name beside `path`: short whatever the target's name (a 250-byte file name plus a
 * suffix would pass the file system's 255-byte limit), and hidden, so no glob of the folder meets it.
 */
function tempBeside(path: string): string {
  return join(dirname(path), `.tmp-${process.pid}-${++tmpCount}`);
}

/** Writes `content` to `path` only when it differs, via a temp file and rename. Returns true if written. */
export function writeIfChanged(path: string, content: string): boolean {
  try {
    if (statSync(path).isFile() && readFileSync(path, 'utf8') === content) return false;
  } catch {
    /* absent: write it */
  }
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempBeside(path);
  writeFileSync(tmp, content);
  renameSync(tmp, path);
  return true;
}

/** Reads a file as UTF-8, or null when it is missing. */
export async function readText(path: string): Promise<string | null> {
  return readFile(path, 'utf8').catch(() => null);
}

/** What a non-regular file is, in words. */
function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a directory';
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a file';
}

/**
 * The bytes of a page file, or why it is skipped. Opened before it is looked at, without blocking
 * (O_NONBLOCK: opening a FIFO waits for no writer), and checked on the open descriptor, so a file
 * swapped for a FIFO in between is still caught; never reads more than `maxBytes`.
 */
export function readPageFile(path: string, maxBytes: number): { bytes: Buffer } | { skipped: string } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) return { skipped: 'a symbolic link to nothing (its target is missing): skipped' };
    if (code === 'ELOOP') return { skipped: 'a loop of symbolic links: skipped' };
    if (code === 'EACCES' || code === 'EPERM') return { skipped: 'cannot be read (permission denied): skipped' };
    return { skipped: `cannot be opened (${code ?? (e as Error).message}): skipped` };
  }
  try {
    const s = fstatSync(fd);
    if (!s.isFile()) return { skipped: `${kindOf(s)}, not a regular file: skipped` };
    if (s.size > maxBytes) {
      return { skipped: `${(s.size / 1024).toFixed(0)} KiB, larger than the largest page Baoku takes (${maxBytes / 1024} KiB): several pages in one file? skipped` };
    }
    return { bytes: readFileSync(fd) };
  } finally {
    closeSync(fd);
  }
}

/** How {@link replaceFolder} went. */
export interface ReplaceStats {
  written: number;
  unchanged: number;
  removed: number;
}

/** Leftovers of a killed run beside `dir`: its staging folder and the previous folder it was swapping out. */
function leftovers(dir: string): { staging: string[]; previous: string[] } {
  const parent = dirname(dir);
  const name = basename(dir);
  const all = existsSync(parent) ? readdirSync(parent) : [];
  return {
    staging: all.filter((f) => f.startsWith(`.${name}.staging-`)).map((f) => join(parent, f)),
    previous: all.filter((f) => f.startsWith(`.${name}.previous-`)).map((f) => join(parent, f)),
  };
}

/**
 * Replaces the folder `dir` with exactly `files` (relative path → content, or `{ copyOf }` a file
 * to copy, for binary files kept elsewhere). The new folder is
 * built beside it (`.<name>.staging-<pid>`) — unchanged files hard-linked from the old one, so they
 * keep their bytes and modification time (Astro's content cache holds, issue 6) — and swapped in by
 * two renames. A run killed at any moment leaves `dir` as it was or complete; a run killed between
 * the two renames leaves no `dir` but the previous folder beside it, which the next run puts back.
 */
export function replaceFolder(dir: string, files: Map<string, string | { copyOf: string }>): ReplaceStats {
  const staging = stagingFolder(dir);
  const stats: ReplaceStats = { written: 0, unchanged: 0, removed: 0 };
  const made = new Set<string>();
  for (const [rel, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const to = join(staging, rel);
    const sub = dirname(to);
    if (!made.has(sub)) {
      mkdirSync(sub, { recursive: true });
      made.add(sub);
    }
    const from = join(dir, rel);
    let same = false;
    try {
      same = statSync(from).isFile() && (typeof content === 'string' ? readFileSync(from, 'utf8') === content : sameFile(from, content.copyOf));
    } catch {
      /* absent */
    }
    if (typeof content !== 'string' && !same) {
      // A copy of a cached file (a page image, a PDF: issue #16): hard-linked, the bytes never read.
      try {
        linkSync(content.copyOf, to);
      } catch {
        copyFileSync(content.copyOf, to);
      }
      stats.written++;
      continue;
    }
    if (same) {
      try {
        linkSync(from, to);
      } catch {
        // A file system without hard links: a copy with the old modification time does as well.
        copyFileSync(from, to);
        const s = statSync(from);
        utimesSync(to, s.atime, s.mtime);
      }
      stats.unchanged++;
    } else {
      writeFileSync(to, content as string);
      stats.written++;
    }
  }
  for (const p of listFiles(dir)) if (!files.has(relative(dir, p).replace(/\\/g, '/'))) stats.removed++;
  swapInFolder(dir, staging);
  return stats;
}

/** The same file (one inode), or two files of the same bytes. */
function sameFile(a: string, b: string): boolean {
  const sa = statSync(a);
  const sb = statSync(b);
  if (sa.ino === sb.ino && sa.dev === sb.dev) return true;
  return sa.size === sb.size && readFileSync(a).equals(readFileSync(b));
}

/** A fresh staging folder beside `dir` (`.<name>.staging-<pid>`) for {@link swapInFolder}, with a killed run's leftovers removed. */
export function stagingFolder(dir: string): string {
  const { staging, previous } = leftovers(dir);
  for (const s of staging) rmSync(s, { recursive: true, force: true });
  if (!existsSync(dir) && previous.length) renameSync(previous.sort().at(-1)!, dir);
  for (const p of leftovers(dir).previous) rmSync(p, { recursive: true, force: true });
  const path = join(dirname(dir), `.${basename(dir)}.staging-${process.pid}`);
  mkdirSync(path, { recursive: true });
  return path;
}

/**
 * Puts the complete folder `ready` in the place of `dir`: two renames, the old folder removed
 * after. Until the first rename `dir` is untouched; a kill between the two leaves the old folder
 * beside it as `.<name>.previous-<pid>`, which {@link stagingFolder} puts back.
 */
export function swapInFolder(dir: string, ready: string): void {
  if (existsSync(dir)) {
    const old = join(dirname(dir), `.${basename(dir)}.previous-${process.pid}`);
    renameSync(dir, old);
    renameSync(ready, dir);
    rmSync(old, { recursive: true, force: true });
  } else {
    mkdirSync(dirname(dir), { recursive: true });
    renameSync(ready, dir);
  }
}
