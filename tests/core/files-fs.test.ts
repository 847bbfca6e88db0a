/**
 * The file helpers the ingest and the build write and read through (scripts/lib/files-fs.ts), on a
 * real temporary folder: page files that are no regular file are skipped with a reason, writes are
 * atomic and only when the content changed, a folder is replaced whole (unchanged files keep their
 * inode), and a killed run's leftovers are put right by the next.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles, readPageFile, readText, replaceFolder, stagingFolder, swapInFolder, writeIfChanged } from '../../scripts/lib/files-fs.ts';

const root = mkdtempSync(join(tmpdir(), 'baoku-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readPageFile', () => {
  const d = join(root, 'seeds');
  mkdirSync(join(d, 'sub'), { recursive: true });
  writeFileSync(join(d, 'a.txt'), '本报讯');
  writeFileSync(join(d, 'big.txt'), 'x'.repeat(3000));
  symlinkSync(join(d, 'gone.txt'), join(d, 'dangling.txt'));
  symlinkSync(join(d, 'loop2.txt'), join(d, 'loop1.txt'));
  symlinkSync(join(d, 'loop1.txt'), join(d, 'loop2.txt'));
  execFileSync('mkfifo', [join(d, 'pipe.txt')]);
  it('reads a regular file', () => {
    expect(readPageFile(join(d, 'a.txt'), 1024)).toEqual({ bytes: Buffer.from('本报讯') });
  });
  it('skips, saying why: too large, a dangling link, a loop of links, a FIFO (without hanging), a directory, a missing file', () => {
    const why = (f: string) => (readPageFile(join(d, f), 2048) as { skipped: string }).skipped;
    expect(why('big.txt')).toMatch(/larger than the largest page/);
    expect(why('dangling.txt')).toMatch(/symbolic link to nothing/);
    expect(why('loop1.txt')).toMatch(/loop of symbolic links/);
    expect(why('pipe.txt')).toMatch(/FIFO/);
    expect(why('sub')).toMatch(/a directory, not a regular file/);
    expect(why('nothing.txt')).toMatch(/cannot be opened \(ENOENT\)/);
  });
  it('lists every file below a folder, links listed and not followed, and nothing for a missing folder', () => {
    expect(listFiles(d).map((p) => p.slice(d.length + 1)).sort()).toEqual(['a.txt', 'big.txt', 'dangling.txt', 'loop1.txt', 'loop2.txt', 'pipe.txt']);
    expect(listFiles(join(root, 'no-such'))).toEqual([]);
  });
});

describe('writeIfChanged and readText', () => {
  it('writes only what changed, leaves no temp file, and reads back (null when missing)', async () => {
    const p = join(root, 'w', 'deep', 'f.json');
    expect(writeIfChanged(p, '1')).toBe(true);
    expect(writeIfChanged(p, '1')).toBe(false);
    expect(writeIfChanged(p, '2')).toBe(true);
    expect(readdirSync(join(root, 'w', 'deep'))).toEqual(['f.json']);
    expect(await readText(p)).toBe('2');
    expect(await readText(join(root, 'w', 'none'))).toBeNull();
  });
});

describe('replaceFolder', () => {
  it('leaves exactly the files given, keeps unchanged files (same inode), copies cached files, counts what it did', () => {
    const dir = join(root, 'gen');
    const cached = join(root, 'cache.bin');
    writeFileSync(cached, Buffer.from([0, 1, 2]));
    expect(replaceFolder(dir, new Map<string, string | { copyOf: string }>([['a.mdx', 'A'], ['old.mdx', 'O'], ['media/p.bin', { copyOf: cached }]]))).toEqual({ written: 3, unchanged: 0, removed: 0 });
    const ino = statSync(join(dir, 'a.mdx')).ino;
    expect(replaceFolder(dir, new Map<string, string | { copyOf: string }>([['a.mdx', 'A'], ['b/c.json', 'C'], ['media/p.bin', { copyOf: cached }]]))).toEqual({ written: 1, unchanged: 2, removed: 1 });
    expect(statSync(join(dir, 'a.mdx')).ino).toBe(ino);
    expect(listFiles(dir).map((p) => p.slice(dir.length + 1)).sort()).toEqual(['a.mdx', 'b/c.json', 'media/p.bin']);
    expect(readFileSync(join(dir, 'media/p.bin'))).toEqual(Buffer.from([0, 1, 2]));
    expect(readdirSync(root).filter((f) => f.startsWith('.gen.'))).toEqual([]);
  });
  it('puts back the previous folder a run killed between its two renames left beside it, and clears stale staging folders', () => {
    const dir = join(root, 'killed');
    mkdirSync(join(root, '.killed.previous-1'), { recursive: true });
    writeFileSync(join(root, '.killed.previous-1', 'kept.mdx'), 'K');
    mkdirSync(join(root, '.killed.staging-1'));
    const staging = stagingFolder(dir);
    expect(readFileSync(join(dir, 'kept.mdx'), 'utf8')).toBe('K');
    expect(existsSync(join(root, '.killed.staging-1'))).toBe(false);
    writeFileSync(join(staging, 'new.mdx'), 'N');
    swapInFolder(dir, staging);
    expect(readdirSync(dir)).toEqual(['new.mdx']);
    expect(readdirSync(root).filter((f) => f.startsWith('.killed.'))).toEqual([]);
  });
});
