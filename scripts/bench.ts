/**
 * Scale benchmark (issue #6; not part of the tests): for generated archives of 1,000 / 5,000 /
 * 20,000 articles, measures ingest, Astro build, search index and total wall time, peak memory,
 * dist/ size and file count, search files, the largest file (scripts/lib/dist-stats.ts).
 * Then changes one character of one page and rebuilds with the same commands, as an archivist
 * correcting a typo would: times each step, and checks that ingest rewrote only that page's
 * generated files (by modification time and content), failing if any other page's changed.
 * First-query bytes and time in Chromium come from `npm run bench:search` (bench/search.md).
 * Writes Markdown tables to bench/scale.md and says how each figure grows.
 *
 *   npm run bench -- [--sizes 1000,5000,20000] [--doc-shards 0] [--max-files N]
 *
 * `--max-files N` builds the search index under a cap of N search files (search-index --max-files).
 *
 * Each size is built in its own copy of the project under .cache/bench/<size>/ (node_modules
 * linked), so the working tree's content and dist/ are never touched.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCli } from './lib/cli-fs.ts';
import { generateArchive } from './generate-archive.ts';
import { projectCopy } from './lib/project-copy-fs.ts';
import { formatBytes } from './lib/dist-stats.ts';
import { distStats, listDist } from './lib/dist-stats-fs.ts';
import { pageIdOf } from './lib/ids.ts';
import { readFrontmatter } from './lib/mdx.ts';
import { firstQuery } from './lib/first-query-fs.ts';
import { startStaticServer } from './lib/static-server-fs.ts';
import { hanCount, isHan } from './lib/text.ts';

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

/** One generated file as seen before and after a rebuild. */
interface FileState {
  mtimeMs: number;
  sha1: string;
  /** The page the file belongs to; null for archive-wide files (report.json). */
  page: string | null;
}

/** Every file of the ingest output (src/content/generated/) with its mtime, content hash and page. */
function snapshot(generated: string): Map<string, FileState> {
  const out = new Map<string, FileState>();
  for (const { path } of listDist(generated)) {
    const abs = join(generated, path);
    const text = readFileSync(abs, 'utf8');
    let page: string | null = null;
    if (path.startsWith('pages/')) page = (JSON.parse(text) as { id: string }).id;
    else if (path.startsWith('articles/')) page = String(readFrontmatter(text).page);
    out.set(path, { mtimeMs: statSync(abs).mtimeMs, sha1: createHash('sha1').update(text).digest('hex'), page });
  }
  return out;
}

/**
 * Files written, added or removed between two snapshots; throws if any belongs to a page other
 * than `page` (archive-wide files such as report.json may change), or if none changed at all.
 */
function rewrittenFiles(before: Map<string, FileState>, after: Map<string, FileState>, page: string): string[] {
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((f) => {
    const a = before.get(f);
    const b = after.get(f);
    return !a || !b || a.mtimeMs !== b.mtimeMs || a.sha1 !== b.sha1;
  });
  const others = changed.filter((f) => {
    const owner = before.get(f)?.page ?? after.get(f)?.page ?? null;
    return owner !== null && owner !== page;
  });
  if (others.length) throw new Error(`one-page rebuild of ${page}: the rebuild also rewrote ${others.length} generated file(s) of other pages: ${others.slice(0, 10).join(', ')}`);
  if (!changed.some((f) => (before.get(f) ?? after.get(f))?.page === page)) throw new Error(`one-page rebuild of ${page}: no generated file of that page changed`);
  return changed.sort();
}

/**
 * Changes one character of one page as a correction would: the middle page file in name order,
 * from its middle line on the first line with at least 8 Han characters, that line's middle Han
 * character becomes another (e.g. 甲 → 文, or 文 → 字). Returns the page id.
 */
function editOnePage(seeds: string): string {
  const names = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort();
  const name = names[Math.floor(names.length / 2)];
  const path = join(seeds, name);
  const lines = readFileSync(path, 'utf8').split('\n');
  const mid = Math.floor(lines.length / 2);
  const order = [...lines.keys()].map((i) => (mid + i) % lines.length);
  const n = order.find((i) => hanCount(lines[i]) >= 8);
  if (n === undefined) throw new Error(`${name}: no line with 8 Han characters to edit`);
  const chars = [...lines[n]];
  const hans = [...chars.keys()].filter((i) => isHan(chars[i]));
  const at = hans[Math.floor(hans.length / 2)];
  chars[at] = chars[at] === '文' ? '字' : '文';
  lines[n] = chars.join('');
  writeFileSync(path, lines.join('\n'));
  process.stderr.write(`  edited ${name}, line ${n + 1}, character ${at + 1}\n`);
  return pageIdOf(name);
}

/** Wall seconds of each build step and the peak memory over all of them. */
interface Steps {
  ingest: number;
  build: number;
  index: number;
  total: number;
  peakMiB: number;
}

interface Row extends Steps {
  articles: number;
  pages: number;
  distMiB: number;
  files: number;
  searchFiles: number;
  largest: string;
  /** First query on a cold search page, per query: KiB sent (gzip as a host sends it) and ms to results. */
  queries: { q: string; kib: number; ms: number; results: number }[];
  /** The one-page rebuild. */
  rebuild: Steps;
  /** Generated files the rebuild's ingest wrote, added or removed, and all generated files. */
  rewritten: number;
  generated: number;
}

const fmt = (x: number, d = 1): string => x.toFixed(d);

/** Queries for the first-query figures: one character, a word, a phrase, a traditional word. */
const QUERIES = ['党', '发展', '高质量发展', '經濟'];

/** Each query once on a cold search page of the built dist/ (served at /, as the bench builds it). */
async function firstQueries(dist: string): Promise<Row['queries']> {
  const server = await startStaticServer(dist, '/');
  try {
    const out: Row['queries'] = [];
    for (const q of QUERIES) {
      const m = await firstQuery(server.origin, `/search/?q=${encodeURIComponent(q)}`, '[data-search-state="done"]', dist);
      out.push({ q, kib: m.wire / 1024, ms: m.ms, results: m.results });
    }
    return out;
  } finally {
    await server.close();
  }
}

const range = (xs: number[], d = 0) => `${fmt(Math.min(...xs), d)}–${fmt(Math.max(...xs), d)}`;

/**
 * Builds a project copy the way `npm run build` does: ingest (with its page cache in the copy's
 * .cache/ingest/, empty on the first run), astro build, search index.
 */
async function buildSteps(node: string, dir: string, indexArgs: string[]): Promise<Steps> {
  const ingest = await measure(node, ['scripts/ingest.ts', '--quiet'], dir);
  process.stderr.write(`  ingest ${fmt(ingest.seconds)} s\n`);
  const build = await measure(node, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], dir);
  process.stderr.write(`  astro build ${fmt(build.seconds)} s\n`);
  let index = { seconds: 0, peakMiB: 0 };
  if (existsSync(join(dir, 'scripts/search-index.ts'))) {
    index = await measure(node, ['scripts/search-index.ts', ...indexArgs], dir);
    process.stderr.write(`  search index ${fmt(index.seconds)} s\n`);
  }
  return {
    ingest: ingest.seconds,
    build: build.seconds,
    index: index.seconds,
    total: ingest.seconds + build.seconds + index.seconds,
    peakMiB: Math.max(ingest.peakMiB, build.peakMiB, index.peakMiB),
  };
}

async function main(): Promise<void> {
  const { values } = parseCli(import.meta.url, { options: { sizes: { type: 'string', default: '1000,5000,20000' }, 'doc-shards': { type: 'string', default: '0' }, 'max-files': { type: 'string' }, out: { type: 'string', default: 'bench/scale.md' } } });
  const sizes = values.sizes.split(',').map(Number);
  const indexArgs = ['--doc-shards', values['doc-shards'], ...(values['max-files'] ? ['--max-files', values['max-files']] : [])];
  const node = join(ROOT, 'node_modules/.bin/node');
  const rows: Row[] = [];
  for (const n of sizes) {
    const dir = join(ROOT, '.cache/bench', String(n));
    projectCopy(ROOT, dir);
    const gen = generateArchive({ articles: n, out: join(dir, 'seeds'), seeds: join(ROOT, 'seeds') });
    process.stderr.write(`${n}: ${gen.pages} pages, ${gen.articles} articles generated\n`);
    const full = await buildSteps(node, dir, indexArgs);
    const dist = distStats(join(dir, 'dist'), 1);
    const queries = await firstQueries(join(dir, 'dist'));
    process.stderr.write(`  first queries: ${queries.map((x) => `${x.q} ${fmt(x.kib, 0)} KiB ${x.ms} ms`).join('; ')}\n`);
    const generated = join(dir, 'src/content/generated');
    const before = snapshot(generated);
    process.stderr.write(`${n}: one-page rebuild\n`);
    const page = editOnePage(join(dir, 'seeds'));
    const rebuild = await buildSteps(node, dir, indexArgs);
    const after = snapshot(generated);
    const rewritten = rewrittenFiles(before, after, page);
    process.stderr.write(`  generated files rewritten: ${rewritten.join(', ')}\n`);
    rows.push({
      articles: gen.articles,
      pages: gen.pages,
      ...full,
      distMiB: dist.bytes / 2 ** 20,
      files: dist.files,
      searchFiles: dist.search.files,
      largest: `${dist.largest[0].path} (${formatBytes(dist.largest[0].bytes)})`,
      queries,
      rebuild,
      rewritten: rewritten.length,
      generated: after.size,
    });
  }
  const lines = [
    '# Scale benchmark',
    '',
    `Machine: ${(await import('node:os')).cpus().length} cores; generated archives (scripts/generate-archive.ts); ${values['max-files'] ? `search files capped at ${values['max-files']} (search-index --max-files)` : `result-document shards ${values['doc-shards']} (0 = one file per article and script)`}; "search files" counts dist/pagefind and dist/search-docs.`,
    '',
    '| articles | pages | ingest s | astro build s | search index s | total s | peak MiB | dist MiB | dist files | search files | largest file | first query KiB | first query ms |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.articles} | ${r.pages} | ${fmt(r.ingest)} | ${fmt(r.build)} | ${fmt(r.index)} | ${fmt(r.total)} | ${fmt(r.peakMiB, 0)} | ${fmt(r.distMiB)} | ${r.files} | ${r.searchFiles} | ${r.largest} | ${range(r.queries.map((x) => x.kib))} | ${range(r.queries.map((x) => x.ms))} |`,
    ),
    '',
    `First query: a cold headless Chromium opens the search page with ${QUERIES.map((q) => `\`${q}\``).join(', ')} (one each) and waits for the results; KiB = everything fetched, as a gzip-compressing host sends it; ranges over the queries. Per query:`,
    '',
    '| articles | ' + QUERIES.map((q) => `${q} KiB / ms / results`).join(' | ') + ' |',
    '| ---: | ' + QUERIES.map(() => '---:').join(' | ') + ' |',
    ...rows.map((r) => `| ${r.articles} | ${r.queries.map((x) => `${fmt(x.kib, 0)} / ${x.ms} / ${x.results}`).join(' | ')} |`),
    '',
    'One-page rebuild: after the full build, one character of one page in seeds/ is changed and the archive rebuilt with the same commands (ingest reuses the page cache the full build filled). "generated files rewritten" counts files of src/content/generated/ written, added or removed (by modification time and content); the benchmark fails if any belongs to another page.',
    '',
    '| articles | full build s | rebuild s | ingest s | astro build s | search index s | peak MiB | generated files rewritten |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.articles} | ${fmt(r.total)} | ${fmt(r.rebuild.total)} | ${fmt(r.rebuild.ingest)} | ${fmt(r.rebuild.build)} | ${fmt(r.rebuild.index)} | ${fmt(r.rebuild.peakMiB, 0)} | ${r.rewritten} of ${r.generated} |`),
  ];
  if (rows.length >= 2) {
    const a = rows[0];
    const b = rows[rows.length - 1];
    const k = b.articles / a.articles;
    lines.push('', `Growth from ${a.articles} to ${b.articles} articles (×${fmt(k)}): each figure's ratio, and its exponent log(ratio)/log(×${fmt(k)}) — 1.0 is linear.`, '');
    lines.push('| figure | ratio | exponent |', '| --- | ---: | ---: |');
    const growth = (key: string, x: number, y: number): string => {
      const r = y / Math.max(x, 1e-9);
      return `| ${key} | ${fmt(r, 2)} | ${x > 0 ? fmt(Math.log(r) / Math.log(k), 2) : 'n/a'} |`;
    };
    for (const key of ['ingest', 'build', 'index', 'total', 'peakMiB', 'distMiB', 'files'] as const) lines.push(growth(key, a[key], b[key]));
    lines.push(growth('rebuild', a.rebuild.total, b.rebuild.total));
  }
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, values.out), `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
