/** The ingest CLI as users and the scorer call it (Node 24 from the pinned `node` package). */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const run = (...args: string[]) => spawnSync(NODE, [join(ROOT, 'scripts/ingest.ts'), ...args], { encoding: 'utf8', cwd: ROOT });
const tmp = mkdtempSync(join(tmpdir(), 'baoku-cli-'));

/** Every string with its white space removed, recursively (the gold schema's comparison). */
function squashed(v: unknown): unknown {
  if (typeof v === 'string') return v.replace(/\s+/g, '');
  if (Array.isArray(v)) return v.map(squashed);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, squashed(x)]));
  return v;
}
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('ingest --json', () => {
  it('prints exactly the gold-schema JSON of one page anywhere on disk, nothing else', () => {
    const page = join(tmp, 'elsewhere.txt');
    cpSync(join(ROOT, 'seeds/003_74212d2662a3d8db.txt'), page);
    const r = run('--json', page);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    // The archivists' gold file of this page is the expected output (white space aside, as the
    // gold schema compares), under the name the page was given; the gold's notes are not printed.
    const { notes: _notes, ...gold } = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/gold/003_74212d2662a3d8db.json'), 'utf8'));
    const printed = JSON.parse(r.stdout);
    expect(Object.keys(printed)).toEqual(['seed', 'articles', 'other']);
    expect(squashed(printed)).toEqual(squashed({ ...gold, seed: 'elsewhere.txt' }));
  });
  it('fails with the file named for a bad page, printing nothing on stdout', () => {
    const bad = join(tmp, 'empty.txt');
    writeFileSync(bad, '');
    const r = run('--json', bad);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/empty\.txt: the file is empty/);
  });
});

describe('ingest of a folder', () => {
  it('writes the collection, leaves unchanged files untouched and removes stale ones', () => {
    const seeds = join(tmp, 'seeds');
    const out = join(tmp, 'out');
    cpSync(join(ROOT, 'seeds'), seeds, { recursive: true });
    const cacheDir = join(tmp, 'cache');
    const first = run('--seeds', seeds, '--out', out, '--quiet', '--cache', cacheDir);
    expect(first.status).toBe(0);
    const files = readdirSync(join(out, 'articles'));
    // One MDX file per article the report counts, one page record per seed page.
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(files.length).toBe(report.articles);
    expect(readdirSync(join(out, 'pages')).length).toBe(readdirSync(seeds).filter((f) => f.endsWith('.txt')).length);
    const probe = join(out, 'articles', files[0]);
    const old = new Date('2001-01-01T00:00:00Z');
    utimesSync(probe, old, old);
    writeFileSync(join(out, 'articles', 'stale.mdx'), 'old');
    const second = run('--seeds', seeds, '--out', out, '--quiet', '--cache', cacheDir);
    expect(second.status).toBe(0);
    expect(statSync(probe).mtime.getTime()).toBe(old.getTime());
    expect(readdirSync(join(out, 'articles'))).not.toContain('stale.mdx');
  });
  it('reports a bad catalog with its file and entry and writes nothing', () => {
    const seeds = join(tmp, 'seeds-badcat');
    const out = join(tmp, 'out-badcat');
    cpSync(join(ROOT, 'seeds'), seeds, { recursive: true });
    writeFileSync(join(seeds, 'catalog.json'), '{"pages":{"000_3f2cd97355706aaa":{"date":"yesterday"}}}');
    const r = run('--seeds', seeds, '--out', out, '--no-cache');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/catalog\.json: pages\["000_3f2cd97355706aaa"\]\.date "yesterday"/);
    expect(() => readdirSync(out)).toThrow();
  });
});

describe('ingest --help and mistyped options', () => {
  it('prints the usage from the script’s own doc comment on --help, and exits 0', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('npm run --silent ingest -- --json PAGE.txt');
    expect(r.stdout).not.toMatch(/^\s*\*/mu);
  });
  it('names an unknown option in one line, without a stack trace, exits 2 and writes nothing', () => {
    const out = join(tmp, 'not-written');
    const r = run('--jsno', '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("ingest: Unknown option '--jsno'");
    expect(r.stderr).not.toContain('    at ');
    expect(() => statSync(out)).toThrow();
  });
});
