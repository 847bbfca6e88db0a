/**
 * The ingest command against a hostile seeds/ folder (issue 13): a legal 250-byte file name, a broken
 * symbolic link, a FIFO, a name with no letter or digit, a huge file — each refused or skipped by
 * name while the rest of the archive converts — and a `kill -9` while writing, which must leave the
 * output folder complete (the previous run's or the new one), never half of each.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PageRecordSchema } from '../../core/schema.ts';
import { MAX_PAGE_BYTES } from '../../scripts/lib/limits.ts';

const ROOT = join(import.meta.dirname, '../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const SEED = join(ROOT, 'seeds/003_74212d2662a3d8db.txt');
const tmp = mkdtempSync(join(tmpdir(), 'baoku-hostile-fs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the ingest over `seeds` into `out`, with a time limit (a hang is a failure, not a stuck suite). */
function ingest(seeds: string, out: string, ...args: string[]) {
  return spawnSync(NODE, [join(ROOT, 'scripts/ingest.ts'), '--seeds', seeds, '--out', out, '--no-cache', ...args], { encoding: 'utf8', cwd: ROOT, timeout: 60_000 });
}

/** A seeds folder holding one good page plus whatever `add` puts there. */
function seedsWith(name: string, add: (dir: string) => void): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  cpSync(SEED, join(dir, 'good.txt'));
  add(dir);
  return dir;
}

/**
 * Problems of an output folder a bare `astro build` would meet: articles no page lists, listed
 * articles missing, stray (temp) files, no report; and, given `runs`, a set of pages that is no
 * single run's (half of one run and half of another).
 */
function inconsistencies(out: string, runs: string[][] = []): string[] {
  const problems: string[] = [];
  const articles = new Set(existsSync(join(out, 'articles')) ? readdirSync(join(out, 'articles')) : []);
  const pages = existsSync(join(out, 'pages')) ? readdirSync(join(out, 'pages')).sort() : [];
  const listed = new Set<string>();
  for (const a of articles) if (!a.endsWith('.mdx')) problems.push(`stray file articles/${a}`);
  for (const f of pages) {
    if (!f.endsWith('.json')) {
      problems.push(`stray file pages/${f}`);
      continue;
    }
    const record = PageRecordSchema.parse(JSON.parse(readFileSync(join(out, 'pages', f), 'utf8')));
    for (const id of record.articles) {
      listed.add(`${id}.mdx`);
      if (!articles.has(`${id}.mdx`)) problems.push(`pages/${f} lists missing article ${id}`);
    }
  }
  for (const a of articles) if (a.endsWith('.mdx') && !listed.has(a)) problems.push(`articles/${a} is listed by no page`);
  if ((articles.size || pages.length) && !existsSync(join(out, 'report.json'))) problems.push('no report.json');
  if (runs.length && !runs.some((r) => JSON.stringify(r) === JSON.stringify(pages))) problems.push(`pages of no single run: ${pages.length} page files`);
  return problems;
}

describe('ingest of a hostile seeds folder', () => {
  it('refuses a legal 250-byte file name by name instead of crashing mid-write', () => {
    const long = `${'报'.repeat(82)}.txt`;
    expect(Buffer.byteLength(long)).toBe(250);
    const seeds = seedsWith('long-name', (d) => cpSync(SEED, join(d, long)));
    const out = join(tmp, 'long-name-out');
    const r = ingest(seeds, out);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`${long}: `);
    expect(r.stderr).toMatch(/page id .* 246 bytes/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readdirSync(join(out, 'pages'))).toEqual(['good.json']);
    expect(inconsistencies(out)).toEqual([]);
  });

  it('skips a broken symbolic link, a FIFO and a directory link with a message each, and reads a link to a page', () => {
    const seeds = seedsWith('odd-files', (d) => {
      symlinkSync(join(d, 'nowhere.txt'), join(d, 'broken.txt'));
      spawnSync('mkfifo', [join(d, 'fifo.txt')]);
      symlinkSync(tmp, join(d, 'dirlink.txt'));
      symlinkSync(join(d, 'good.txt'), join(d, 'linked.txt'));
    });
    const out = join(tmp, 'odd-files-out');
    const r = ingest(seeds, out);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/broken\.txt: .*symbolic link to nothing/);
    expect(r.stderr).toMatch(/fifo\.txt: .*FIFO.*not a regular file/);
    expect(r.stderr).toMatch(/dirlink\.txt: .*directory.*not a regular file/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(join(out, 'pages')).sort()).toEqual(['good.json', 'linked.json']);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.reports.filter((p: { ok: boolean }) => !p.ok).map((p: { seed: string }) => p.seed).sort()).toEqual(['broken.txt', 'dirlink.txt', 'fifo.txt']);
  });

  it('refuses a file name that gives no page id, and a page over the size limit, by name', () => {
    const seeds = seedsWith('bad-names', (d) => {
      cpSync(SEED, join(d, '？！.txt'));
      const big = Buffer.alloc(MAX_PAGE_BYTES + 1, '字\n');
      writeFileSync(join(d, 'huge.txt'), big);
    });
    const out = join(tmp, 'bad-names-out');
    const r = ingest(seeds, out);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/？！\.txt: .*no letter or digit/);
    expect(r.stderr).toMatch(/huge\.txt: .*larger than the largest page/);
    expect(readdirSync(join(out, 'pages'))).toEqual(['good.json']);
  });

  it('--json refuses a FIFO by name instead of hanging', () => {
    const fifo = join(tmp, 'json.fifo.txt');
    spawnSync('mkfifo', [fifo]);
    const r = spawnSync(NODE, [join(ROOT, 'scripts/ingest.ts'), '--json', fifo], { encoding: 'utf8', cwd: ROOT, timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/json\.fifo\.txt: .*not a regular file/);
  });

  it('leaves a complete output folder when killed with SIGKILL while writing', async () => {
    const seeds = join(tmp, 'many');
    mkdirSync(seeds);
    const pages = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt'));
    // Enough pages that writing takes a while; the second run's pages have other names, so every
    // page and article file differs between the runs.
    const copyAs = (prefix: string) => {
      for (const f of readdirSync(seeds)) rmSync(join(seeds, f));
      for (let i = 0; i < 60; i++) cpSync(join(ROOT, 'seeds', pages[i % pages.length]), join(seeds, `${prefix}${String(i).padStart(3, '0')}.txt`));
      return Array.from({ length: 60 }, (_, i) => `${prefix}${String(i).padStart(3, '0')}.json`);
    };
    const out = join(tmp, 'many-out');
    const firstRun = copyAs('p');
    expect(ingest(seeds, out).status).toBe(0);
    expect(inconsistencies(out, [firstRun])).toEqual([]);
    const secondRun = copyAs('q');
    // Kill the second run at the first sign of writing anywhere beside or inside the output folder.
    const before = new Set(readdirSync(tmp));
    const listing = () => [...readdirSync(join(out, 'articles')), ...readdirSync(join(out, 'pages'))];
    const first = new Set(listing());
    const child = spawn(NODE, [join(ROOT, 'scripts/ingest.ts'), '--seeds', seeds, '--out', out, '--no-cache'], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let killed = false;
    while (child.exitCode === null && !killed) {
      const added = readdirSync(tmp).filter((f) => !before.has(f));
      const staged = added.some((f) => existsSync(join(tmp, f, 'articles')) && readdirSync(join(tmp, f, 'articles')).length > 0);
      const inPlace = existsSync(join(out, 'articles')) && listing().some((f) => !first.has(f));
      if (staged || inPlace) killed = child.kill('SIGKILL');
      else await new Promise((r) => setTimeout(r, 1));
    }
    await exited;
    expect(killed).toBe(true);
    expect(inconsistencies(out, [firstRun, secondRun])).toEqual([]);
    // The next run completes, and leaves nothing of the killed one beside the output.
    expect(ingest(seeds, out).status).toBe(0);
    expect(inconsistencies(out, [secondRun])).toEqual([]);
    expect(readdirSync(tmp).filter((f) => f.includes('many-out') && f !== 'many-out')).toEqual([]);
  }, 120_000);
});
