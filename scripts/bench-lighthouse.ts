/**
 * `npm run bench:lighthouse` — Lighthouse (mobile: default emulation and simulated throttling) on the
 * search, reading, issue and home pages of the dated test archive (tests/build/dated-archive.ts),
 * and prints the medians as the table of bench/lighthouse.md.
 *
 * Lighthouse is not a dependency of Baoku: install it anywhere outside the project
 * (`npm i -E lighthouse@12.2.3` in a scratch folder) and name its CLI in LIGHTHOUSE, e.g.
 * `LIGHTHOUSE=/work/lh-tool/node_modules/.bin/lighthouse npm run bench:lighthouse`. Chromium comes
 * from CHROME_PATH (default /usr/bin/chromium).
 *
 * Each round builds the archive afresh, serves it (scripts/lib/static-server-fs.ts, with its
 * _headers) and runs every page once — the "first run after a build" — then the search pages
 * `--repeat` more times. With `--compare DIR` another checkout of Baoku (say the commit before a
 * change, with node_modules) is built and measured in the same rounds, page by page in turn, so
 * both see the same load on a shared machine.
 *
 * Usage: node scripts/bench-lighthouse.ts [--rounds 3] [--repeat 2] [--compare DIR] [--no-build]
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseCli } from './lib/cli-fs.ts';
import { pathToFileURL } from 'node:url';
import { startStaticServer, type StaticServer } from './lib/static-server-fs.ts';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, '.cache', 'bench-lighthouse');
const CHROME_FLAGS = '--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run';

const { values: args } = parseCli(import.meta.url, {
  options: {
    rounds: { type: 'string', default: '3' },
    repeat: { type: 'string', default: '2' },
    compare: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});
const lighthouse = process.env.LIGHTHOUSE;
if (!lighthouse || !existsSync(lighthouse)) {
  console.error('Set LIGHTHOUSE to a Lighthouse CLI installed outside the project, e.g.\n  (cd /tmp/lh && npm i -E lighthouse@12.2.3) && LIGHTHOUSE=/tmp/lh/node_modules/.bin/lighthouse npm run bench:lighthouse');
  process.exit(2);
}

/** A page to measure: a path under the archive's base and whether it is a search page (repeated). */
interface Page {
  name: string;
  path: (articles: { page: string; article: string }) => string;
  search: boolean;
}
const PAGES: Page[] = [
  { name: 'search `?q=的` (47 results)', path: () => `search/?q=${encodeURIComponent('的')}`, search: true },
  { name: 'search `?q=高质量`', path: () => `search/?q=${encodeURIComponent('高质量')}`, search: true },
  { name: 'article', path: (a) => `articles/${a.article}/`, search: false },
  { name: 'issue `papers/jiabao/2024-01-23/`', path: () => 'papers/jiabao/2024-01-23/', search: false },
  { name: 'page view', path: (a) => `pages/${a.page}/`, search: false },
  { name: 'home', path: () => '', search: false },
];

/** One checkout of Baoku whose dated archive is measured. */
interface Site {
  label: string;
  root: string;
  server?: StaticServer;
  first: { page: string; article: string };
}

interface Run {
  site: string;
  page: string;
  kind: 'first' | 'repeat';
  performance: number;
  accessibility: number | null;
  bestPractices: number | null;
  seo: number | null;
  cls: number;
  tbt: number;
  lcp: number;
}

async function datedArchive(root: string) {
  return (await import(pathToFileURL(join(root, 'tests', 'build', 'dated-archive.ts')).href)) as typeof import('../tests/build/dated-archive.ts');
}

async function prepare(site: Site): Promise<void> {
  const dated = await datedArchive(site.root);
  if (!args['no-build']) {
    const t = Date.now();
    dated.buildDatedArchive();
    console.error(`${site.label}: built in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }
  const page = dated.datedPages().find((p) => p.id === 'jia-undated');
  if (!page) throw new Error(`${site.label}: the dated archive has no page jia-undated`);
  site.first = { page: page.id, article: page.articles[0] };
  await site.server?.close();
  site.server = await startStaticServer(dated.DATED_ROOT, '/');
}

// Asynchronous: the archive is served from this process, which must keep answering while Lighthouse runs.
const execFileAsync = promisify(execFile);

async function lighthouseRun(site: Site, page: Page, kind: Run['kind'], n: number): Promise<Run> {
  const url = `${site.server!.origin}${'/dated/'}${page.path(site.first)}`;
  const out = join(OUT, `${site.label}-${PAGES.indexOf(page)}-${kind}-${n}.json`);
  const categories = kind === 'first' ? 'performance,accessibility,best-practices,seo' : 'performance';
  await execFileAsync(lighthouse!, [url, '--quiet', '--output=json', `--output-path=${out}`, `--only-categories=${categories}`, `--chrome-flags=${CHROME_FLAGS}`], {
    env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
  });
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const score = (k: string) => (report.categories[k] ? Math.round(report.categories[k].score * 100) : null);
  const audit = (k: string) => report.audits[k].numericValue as number;
  const run: Run = {
    site: site.label,
    page: page.name,
    kind,
    performance: score('performance')!,
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    cls: audit('cumulative-layout-shift'),
    tbt: audit('total-blocking-time'),
    lcp: audit('largest-contentful-paint'),
  };
  console.error(`${site.label} ${page.name} ${kind}: ${run.performance} (TBT ${run.tbt.toFixed(0)} ms, LCP ${run.lcp.toFixed(0)} ms)`);
  return run;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function table(runs: Run[], site: string): string {
  const rows = ['| page | runs | performance (median; min–max) | accessibility | best practices | SEO | CLS | TBT (ms) | LCP (ms) |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const page of PAGES) {
    for (const kind of ['first', 'repeat'] as const) {
      const rs = runs.filter((r) => r.site === site && r.page === page.name && r.kind === kind);
      if (rs.length === 0) continue;
      const perf = rs.map((r) => r.performance);
      const cat = (k: 'accessibility' | 'bestPractices' | 'seo') => {
        const v = rs.map((r) => r[k]).filter((x): x is number => x !== null);
        return v.length ? String(median(v)) : '';
      };
      const label = `${page.name}, ${kind === 'first' ? 'first run after a build' : 'again'}`;
      rows.push(`| ${label} | ${rs.length} | ${median(perf)} (${Math.min(...perf)}–${Math.max(...perf)}) | ${cat('accessibility')} | ${cat('bestPractices')} | ${cat('seo')} | ${median(rs.map((r) => r.cls))} | ${median(rs.map((r) => r.tbt)).toFixed(0)} | ${median(rs.map((r) => r.lcp)).toFixed(0)} |`);
    }
  }
  return rows.join('\n');
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const sites: Site[] = [{ label: 'this', root: ROOT, first: { page: '', article: '' } }];
if (args.compare) sites.push({ label: 'compare', root: resolve(args.compare), first: { page: '', article: '' } });
const runs: Run[] = [];
try {
  for (let round = 0; round < Number(args.rounds); round++) {
    for (const site of sites) await prepare(site);
    for (const page of PAGES) {
      for (const site of sites) runs.push(await lighthouseRun(site, page, 'first', round));
      if (!page.search) continue;
      for (let i = 0; i < Number(args.repeat); i++) for (const site of sites) runs.push(await lighthouseRun(site, page, 'repeat', round * 10 + i));
    }
  }
} finally {
  for (const site of sites) await site.server?.close();
}
for (const site of sites) console.log(`\n${site.label} (${site.root}):\n\n${table(runs, site.label)}`);
