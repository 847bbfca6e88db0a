/**
 * Scale benchmark (issue #6; not part of the tests): for generated archives of 1,000 / 5,000 /
 * 20,000 articles, measures ingest, Astro build, search index and total wall time, peak memory,
 * dist/ size and file count, search files, the largest file (scripts/lib/dist-stats.ts).
 * First-query bytes and time in Chromium come from `npm run bench:search` (bench/search.md).
 * Writes a Markdown table to bench/scale.md and says how each figure grows.
 *
 *   npm run bench -- [--sizes 1000,5000,20000] [--doc-shards 0]
 *
 * Each size is built in its own copy of the project under .cache/bench/<size>/ (node_modules
 * linked), so the working tree's content and dist/ are never touched.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateArchive } from './generate-archive.ts';
import { distStats, formatBytes } from './lib/dist-stats.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** Runs a command; resolves with wall seconds and the peak resident memory of its process tree (MiB). */
function measure(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ seconds: number; peakMiB: number }> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err = (err + String(d)).slice(-4000)));
    let peak = 0;
    const tree = (pid: number): number[] => {
      const kids: number[] = [];
      for (const p of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
        try {
          const ppid = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1]);
          if (ppid === pid) kids.push(Number(p), ...tree(Number(p)));
        } catch {
          /* gone */
        }
      }
      return kids;
    };
    const timer = setInterval(() => {
      if (!child.pid) return;
      let rss = 0;
      for (const pid of [child.pid, ...tree(child.pid)]) {
        try {
          rss += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
        } catch {
          /* gone */
        }
      }
      peak = Math.max(peak, rss);
    }, 200);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) fail(new Error(`${cmd} ${args.join(' ')} failed (${code}):\n${err}`));
      else done({ seconds: (performance.now() - t0) / 1000, peakMiB: peak / 1024 });
    });
  });
}

/** Makes a project copy for one size: sources copied, node_modules linked. */
function projectCopy(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    if (existsSync(join(ROOT, f))) cpSync(join(ROOT, f), join(dir, f), { recursive: true, filter: (p) => !p.includes('/src/content/generated') });
  }
  if (!existsSync(join(dir, 'node_modules')) || !lstatSync(join(dir, 'node_modules')).isSymbolicLink()) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
}

interface Row {
  articles: number;
  pages: number;
  ingest: number;
  build: number;
  index: number;
  total: number;
  peakMiB: number;
  distMiB: number;
  files: number;
  searchFiles: number;
  largest: string;
}

const fmt = (x: number, d = 1): string => x.toFixed(d);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,5000,20000' }, 'doc-shards': { type: 'string', default: '0' }, out: { type: 'string', default: 'bench/scale.md' } } });
  const sizes = values.sizes.split(',').map(Number);
  const node = join(ROOT, 'node_modules/.bin/node');
  const rows: Row[] = [];
  for (const n of sizes) {
    const dir = join(ROOT, '.cache/bench', String(n));
    projectCopy(dir);
    const gen = generateArchive({ articles: n, out: join(dir, 'seeds'), seeds: join(ROOT, 'seeds') });
    process.stderr.write(`${n}: ${gen.pages} pages, ${gen.articles} articles generated\n`);
    const ingest = await measure(node, ['scripts/ingest.ts', '--quiet', '--no-cache'], dir);
    process.stderr.write(`  ingest ${fmt(ingest.seconds)} s\n`);
    const build = await measure(node, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], dir);
    process.stderr.write(`  astro build ${fmt(build.seconds)} s\n`);
    let index = { seconds: 0, peakMiB: 0 };
    if (existsSync(join(dir, 'scripts/search-index.ts'))) {
      index = await measure(node, ['scripts/search-index.ts', '--doc-shards', values['doc-shards']], dir);
      process.stderr.write(`  search index ${fmt(index.seconds)} s\n`);
    }
    const dist = distStats(join(dir, 'dist'), 1);
    rows.push({
      articles: gen.articles,
      pages: gen.pages,
      ingest: ingest.seconds,
      build: build.seconds,
      index: index.seconds,
      total: ingest.seconds + build.seconds + index.seconds,
      peakMiB: Math.max(ingest.peakMiB, build.peakMiB, index.peakMiB),
      distMiB: dist.bytes / 2 ** 20,
      files: dist.files,
      searchFiles: dist.search.files,
      largest: `${dist.largest[0].path} (${formatBytes(dist.largest[0].bytes)})`,
    });
  }
  const lines = [
    '# Scale benchmark',
    '',
    `Machine: ${(await import('node:os')).cpus().length} cores; generated archives (scripts/generate-archive.ts); result-document shards ${values['doc-shards']} (0 = one file per article and script); "search files" counts dist/pagefind and dist/search-docs.`,
    '',
    '| articles | pages | ingest s | astro build s | search index s | total s | peak MiB | dist MiB | dist files | search files | largest file |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.articles} | ${r.pages} | ${fmt(r.ingest)} | ${fmt(r.build)} | ${fmt(r.index)} | ${fmt(r.total)} | ${fmt(r.peakMiB, 0)} | ${fmt(r.distMiB)} | ${r.files} | ${r.searchFiles} | ${r.largest} |`),
  ];
  if (rows.length >= 2) {
    const a = rows[0];
    const b = rows[rows.length - 1];
    const k = b.articles / a.articles;
    lines.push('', `Growth from ${a.articles} to ${b.articles} articles (×${fmt(k)}): each figure's ratio, and its exponent log(ratio)/log(×${fmt(k)}) — 1.0 is linear.`, '');
    lines.push('| figure | ratio | exponent |', '| --- | ---: | ---: |');
    for (const key of ['ingest', 'build', 'index', 'total', 'peakMiB', 'distMiB', 'files'] as const) {
      const r = b[key] / Math.max(a[key], 1e-9);
      lines.push(`| ${key} | ${fmt(r, 2)} | ${a[key] > 0 ? fmt(Math.log(r) / Math.log(k), 2) : 'n/a'} |`);
    }
  }
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, values.out), `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
