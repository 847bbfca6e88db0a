/** Deployment figures of a built folder and host limits (issue #6), on temp folders built here. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLimits, formatBytes, parseSize } from '../../scripts/lib/dist-stats.ts';
import { distStats, listDist } from '../../scripts/lib/dist-stats-fs.ts';

const ROOT = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'baoku-dist-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Makes a folder from path → size; every file is filled with that many bytes. */
function fixture(name: string, files: Record<string, number>): string {
  const dir = join(tmp, name);
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), Buffer.alloc(bytes, 0x61));
  }
  return dir;
}

const SITE: Record<string, number> = {
  'index.html': 300,
  'feed.xml': 9000,
  'articles/a1/index.html': 1200,
  'articles/a2/index.html': 1100,
  'zh-hant/articles/a1/index.html': 1250,
  'pagefind/pagefind.js': 4000,
  'pagefind/index/x_1.pf_index': 7000,
  'pagefind/fragment/x_2.pf_fragment': 50,
  'search-docs/a1.hans.sdoc': 90,
  'search-docs/a1.hant.sdoc': 95,
  '_astro/app.1a2b.js': 9000,
};
const site = fixture('site', SITE);
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('distStats', () => {
  it('counts every file and byte, nested folders included', () => {
    const s = distStats(site);
    expect(s.files).toBe(Object.keys(SITE).length);
    expect(s.bytes).toBe(sum(Object.values(SITE)));
    expect(listDist(site).map((f) => f.path)).toEqual(Object.keys(SITE).sort());
  });
  it('lists the N largest files, largest first, ties in path order', () => {
    expect(distStats(site, 3).largest).toEqual([
      { path: '_astro/app.1a2b.js', bytes: 9000 },
      { path: 'feed.xml', bytes: 9000 },
      { path: 'pagefind/index/x_1.pf_index', bytes: 7000 },
    ]);
    expect(distStats(site).largest).toHaveLength(5);
    expect(distStats(site, 0).largest).toEqual([]);
  });
  it('counts files per top-level folder, top-level files under "."', () => {
    const folders = Object.fromEntries(distStats(site).folders.map((f) => [f.name, f.files]));
    expect(folders).toEqual({ '.': 2, articles: 2, 'zh-hant': 1, pagefind: 3, 'search-docs': 2, _astro: 1 });
    expect(distStats(site).folders[0].name).toBe('pagefind');
  });
  it('gives pagefind/ and search-docs/ as one search figure, not other folders with such names deeper down', () => {
    const dir = fixture('nested', { 'pagefind/a.js': 10, 'search-docs/b.sdoc': 20, 'articles/pagefind/c.html': 40 });
    expect(distStats(dir).search).toEqual({ files: 2, bytes: 30 });
    expect(distStats(site).search.files).toBe(5);
  });
  it('reports an empty folder as zero and refuses a missing one', () => {
    mkdirSync(join(tmp, 'empty'));
    expect(distStats(join(tmp, 'empty'))).toMatchObject({ files: 0, bytes: 0, largest: [], folders: [] });
    expect(() => distStats(join(tmp, 'absent'))).toThrow(/ENOENT/);
  });
});

describe('parseSize', () => {
  it('reads bytes and binary or decimal units, any letter case', () => {
    expect(parseSize('1234')).toBe(1234);
    expect(parseSize('25MiB')).toBe(25 * 1024 * 1024);
    expect(parseSize('512KiB')).toBe(512 * 1024);
    expect(parseSize('25MB')).toBe(25_000_000);
    expect(parseSize('1.5 GiB')).toBe(1.5 * 2 ** 30);
    expect(parseSize('2kb')).toBe(2000);
    expect(parseSize('7B')).toBe(7);
  });
  it('rejects anything else with the input named', () => {
    for (const bad of ['', 'MiB', '25XB', '-5', '25 MiBs', '1e6', '25,000']) {
      expect(() => parseSize(bad)).toThrow(`invalid size "${bad}"`);
    }
  });
  it('formats sizes for people', () => {
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(2 ** 20 * 25)).toBe('25.0 MiB');
  });
});

describe('checkLimits', () => {
  const files = listDist(site);
  it('passes when every figure is within its limit (limits are inclusive)', () => {
    expect(checkLimits(files, { maxFiles: files.length, maxFileSize: 9000, maxSearchFiles: 5 })).toEqual([]);
    expect(checkLimits(files, {})).toEqual([]);
  });
  it('names the file count and the limit', () => {
    expect(checkLimits(files, { maxFiles: files.length - 1 })).toEqual([`${files.length} files, more than --max-files ${files.length - 1}`]);
  });
  it('names every file over the size limit, largest first', () => {
    const [msg] = checkLimits(files, { maxFileSize: 4000 });
    expect(msg).toMatch(/^3 files larger than --max-file-size 4,000 bytes \(3\.9 KiB\): /);
    expect(msg.indexOf('_astro/app.1a2b.js')).toBeLessThan(msg.indexOf('pagefind/index/x_1.pf_index'));
    expect(msg).toContain('feed.xml');
    expect(msg).not.toContain('pagefind.js');
  });
  it('counts search files against their own limit', () => {
    expect(checkLimits(files, { maxSearchFiles: 4 })).toEqual(['5 search files (pagefind/ + search-docs/), more than --max-search-files 4']);
  });
});

describe('npm run check:dist', () => {
  const NODE = join(ROOT, 'node_modules/.bin/node');
  const run = (...args: string[]) => spawnSync(NODE, [join(ROOT, 'scripts/check-dist.ts'), ...args], { encoding: 'utf8', cwd: tmp });
  it('prints the figures as JSON and exits 0 within the limits', () => {
    const r = run('--dir', site, '--json', '--top', '1', '--max-files', '100');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.files).toBe(Object.keys(SITE).length);
    expect(out.largest).toEqual([{ path: '_astro/app.1a2b.js', bytes: 9000 }]);
    expect(out.failures).toEqual([]);
  });
  it('exits 1 naming the limit exceeded, 2 on a bad size', () => {
    const r = run('--dir', site, '--max-file-size', '8KiB');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('2 files larger than --max-file-size 8,192 bytes');
    const bad = run('--dir', site, '--max-file-size', 'big');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--max-file-size: invalid size "big"');
  });
});
