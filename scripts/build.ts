/**
 * `npm run build` (issue 13): ingest, `astro build`, search index and checks, into a staging folder
 * beside dist/; dist/ is replaced only when every step succeeded. A failed build leaves the
 * previous dist/ byte-identical and says which step failed and, where it can tell, which page.
 *
 *   npm run build
 *   npm run build -- --max-files 20000 --max-file-size 25MiB [--max-search-files N]   also check host limits
 *
 * BASE_PATH, SITE_URL and the BAOKU_* variables reach the steps as the environment. Host limits
 * can also come from BAOKU_MAX_FILES, BAOKU_MAX_FILE_SIZE and BAOKU_MAX_SEARCH_FILES.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseCli } from './lib/cli-fs.ts';
import { checkBuild, failedRoute, type BuiltFrom } from './lib/build-checks.ts';
import { parseSize, type DistLimits } from './lib/dist-stats.ts';
import { listDist } from './lib/dist-stats-fs.ts';
import { stagingFolder, swapInFolder } from './lib/files-fs.ts';
import { readGenerated } from './lib/generated-fs.ts';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const generated = join(root, 'src/content/generated');

/** A failed step: its name, what it said, and the page concerned where known. */
class StepError extends Error {
  readonly step: string;
  readonly page: string | null;
  constructor(step: string, message: string, page: string | null = null) {
    super(message);
    this.step = step;
    this.page = page;
  }
}

/** Runs a command of the build, its output shown as it comes and kept (the last 2 MB) to read the failure from. */
function run(step: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: process.env.ASTRO_TELEMETRY_DISABLED ?? '1' } });
    let kept = '';
    const keep = (chunk: Buffer, to: NodeJS.WriteStream) => {
      to.write(chunk);
      kept = (kept + chunk.toString('utf8')).slice(-2_000_000);
    };
    child.stdout.on('data', (c: Buffer) => keep(c, process.stdout));
    child.stderr.on('data', (c: Buffer) => keep(c, process.stderr));
    child.on('error', (e) => reject(new StepError(step, e.message)));
    child.on('close', (code, signal) => (code === 0 ? resolve(kept) : reject(Object.assign(new StepError(step, `exited with ${signal ?? `code ${code}`}`), { output: kept }))));
  });
}

/** Host limits from the command line, else the environment. */
function limits(): DistLimits {
  const { values } = parseCli(import.meta.url, { options: { 'max-files': { type: 'string' }, 'max-file-size': { type: 'string' }, 'max-search-files': { type: 'string' } } });
  const whole = (v: string | undefined, name: string) => {
    if (v === undefined || v === '') return undefined;
    if (!/^\d+$/.test(v)) throw new StepError('options', `--${name} takes a whole number, not "${v}"`);
    return Number(v);
  };
  const size = values['max-file-size'] ?? process.env.BAOKU_MAX_FILE_SIZE;
  return {
    maxFiles: whole(values['max-files'] ?? process.env.BAOKU_MAX_FILES, 'max-files'),
    maxFileSize: size ? parseSize(size) : undefined,
    maxSearchFiles: whole(values['max-search-files'] ?? process.env.BAOKU_MAX_SEARCH_FILES, 'max-search-files'),
  };
}

/** What the ingest output holds, for naming pages in messages and checking the build. */
async function builtFrom(): Promise<BuiltFrom> {
  const { pages, articles } = await readGenerated(generated);
  return { site: process.env.SITE_URL || null, pages: pages.map((p) => ({ id: p.id, seed: p.seed })), articles: articles.map((a) => ({ id: a.id, page: a.page })) };
}

async function main(): Promise<void> {
  const hostLimits = limits();
  try {
    await run('ingest', ['scripts/ingest.ts']);
  } catch (e) {
    const said = ((e as { output?: string }).output ?? '').split('\n').filter((l) => /^(error|ingest): /.test(l));
    if (said.length) throw new StepError('ingest', said.join('\n'), /([^\s:]+\.txt)/.exec(said[0])?.[1] ?? null);
    throw e;
  }
  const from = await builtFrom();
  const staging = stagingFolder(dist);
  try {
    try {
      await run('astro build', ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', staging]);
    } catch (e) {
      const failed = failedRoute((e as { output?: string }).output ?? '', from);
      if (failed) throw new StepError('astro build', `rendering ${failed.route} failed: ${failed.error}`, failed.page);
      throw e;
    }
    try {
      await run('search index', ['scripts/search-index.ts', '--dist', staging]);
    } catch (e) {
      const said = /search-index: article \S+ \(page ([^,)]+)[^\n]*/.exec((e as { output?: string }).output ?? '');
      if (said) throw new StepError('search index', said[0], said[1]);
      throw e;
    }
    const files = listDist(staging);
    const problems = checkBuild(files, (p) => readFileSync(join(staging, p), 'utf8'), from, hostLimits);
    if (problems.length) {
      const page = /^page (\S+):/.exec(problems[0])?.[1] ?? null;
      throw new StepError('checks', `${problems.length} problem(s):\n  ${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`, page);
    }
    swapInFolder(dist, staging);
    process.stderr.write(`build: published dist/ (${files.length} files)\n`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (e) {
  const step = e instanceof StepError ? e.step : 'build';
  const page = e instanceof StepError && e.page ? ` on page ${e.page}` : '';
  process.stderr.write(`\nbuild: failed at step "${step}"${page}: ${(e as Error).message}\nbuild: dist/ is unchanged (the previous build, if any)\n`);
  process.exitCode = 1;
}
