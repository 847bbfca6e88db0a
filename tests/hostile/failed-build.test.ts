/**
 * `npm run build` never breaks the deployed site (issue 13): in a copy of the project, a good build
 * publishes dist/; then a build failing at each step — ingest, astro build, search index, checks —
 * leaves that dist/ byte-identical, names the step and the page, and leaves no staging folder.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../scripts/lib/files-fs.ts';
import { projectCopy } from '../../scripts/lib/project-copy-fs.ts';

const ROOT = join(import.meta.dirname, '../..');
const SEED = '003_74212d2662a3d8db.txt';
const dir = mkdtempSync(join(tmpdir(), 'baoku-failed-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run build` in the copy, as a user runs it. */
function build(env: Record<string, string> = {}) {
  return spawnSync('npm', ['run', '--silent', 'build'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, timeout: 300_000 });
}

/** Every file of dist/ with a hash of its bytes. */
function snapshot(): Record<string, string> {
  const d = join(dir, 'dist');
  return Object.fromEntries(listFiles(d).sort().map((f) => [relative(d, f), createHash('sha256').update(readFileSync(f)).digest('hex')]));
}

/** Edits one file of the copy for one test, putting it back after. */
function withEdit(file: string, edit: (text: string) => string, f: () => void): void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(path, after);
  try {
    f();
  } finally {
    writeFileSync(path, before);
  }
}

let published: Record<string, string>;
let article: string;

beforeAll(() => {
  projectCopy(ROOT, dir);
  mkdirSync(join(dir, 'seeds'));
  cpSync(join(ROOT, 'seeds', SEED), join(dir, 'seeds', SEED));
  const r = build();
  expect(r.status, r.stderr).toBe(0);
  published = snapshot();
  article = readdirSync(join(dir, 'src/content/generated/articles'))[2].replace(/\.mdx$/, '');
}, 300_000);

/** The failed build's promises: exit 1, the step (and page) named, dist/ as it was, no staging folder left. */
function expectFailed(r: ReturnType<typeof build>, step: string, page: RegExp | null) {
  expect(r.status).toBe(1);
  expect(r.stderr).toContain(`build: failed at step "${step}"`);
  if (page) expect(r.stderr).toMatch(page);
  expect(r.stderr).toContain('dist/ is unchanged');
  expect(snapshot()).toEqual(published);
  expect(readdirSync(dir).filter((f) => f.includes('dist') && f !== 'dist')).toEqual([]);
}

describe('a failed build', () => {
  it('published a complete build first', () => {
    expect(Object.keys(published)).toContain('index.html');
    expect(Object.keys(published)).toContain('search-docs/layout.json');
    expect(Object.keys(published)).toContain(`articles/${article}/index.html`);
  });

  it('at ingest (a bad catalog) leaves dist/ byte-identical', () => {
    writeFileSync(join(dir, 'seeds/catalog.json'), '{"pages":{"003_74212d2662a3d8db":{"date":"someday"}}}');
    try {
      expectFailed(build(), 'ingest', /catalog\.json: pages\["003_74212d2662a3d8db"\]\.date "someday"/);
    } finally {
      rmSync(join(dir, 'seeds/catalog.json'));
    }
  }, 120_000);

  it('at astro build (one article page throws) leaves dist/ byte-identical and names the page', () => {
    withEdit('src/pages/[...locale]/articles/[id].astro', (t) => t.replace('// The body components', `if (Astro.params.id === '${article}') throw new Error('boom in a test');\n// The body components`), () => {
      const r = build();
      expectFailed(r, 'astro build', new RegExp(`on page ${SEED.replace('.', '\\.')}: rendering /articles/${article}/ failed: .*boom in a test`));
    });
  }, 120_000);

  it('at the search index leaves dist/ byte-identical and names the page', () => {
    withEdit('core/search/record.ts', (t) => t.replace('const words: string[] = [];', `if (hans.text.length > 0) throw new Error('boom in the index');\n  const words: string[] = [];`), () => {
      expectFailed(build(), 'search index', new RegExp(`on page ${SEED.replace('.', '\\.')}: search-index: article \\S+ \\(page ${SEED.replace('.', '\\.')}.*boom in the index`));
    });
  }, 120_000);

  it('at the checks (a host file limit) leaves dist/ byte-identical and names the limit', () => {
    const r = build({ BAOKU_MAX_FILES: '10' });
    expectFailed(r, 'checks', null);
    expect(r.stderr).toMatch(/files.*10/);
  }, 120_000);

  it('then a good build replaces dist/ again', () => {
    expect(build().status).toBe(0);
    expect(snapshot()).toEqual(published);
    expect(existsSync(join(dir, 'dist/index.html'))).toBe(true);
  }, 120_000);
});
