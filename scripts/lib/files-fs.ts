/**
 * @fileoverview The file system as the command-line tools use it: listing a folder, reading a file
 * that may be absent, and writing a file only when its bytes change (temp file + rename, so a
 * reader never sees half a file and an unchanged file keeps its modification time — issue 6).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Every file below `dir`, recursively (empty if `dir` does not exist). */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

/** Writes `content` to `path` only when it differs, via a temp file and rename. Returns true if written. */
export function writeIfChanged(path: string, content: string): boolean {
  try {
    if (statSync(path).isFile() && readFileSync(path, 'utf8') === content) return false;
  } catch {
    /* absent: write it */
  }
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
  return true;
}

/** Reads a file as UTF-8, or null when it is missing. */
export async function readText(path: string): Promise<string | null> {
  return readFile(path, 'utf8').catch(() => null);
}
