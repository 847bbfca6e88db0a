/**
 * `npm run bench:search` — compares default Pagefind with Baoku's bigram-token scheme (issue #5) on a
 * synthetic archive of 10,000 articles (sentences of seeds/*.txt shuffled, both scripts), and writes
 * bench/search.md. Needs a prior `npm run build` (base "/") for the real search page and its assets.
 *
 * Reports, per scheme: index size and file count on disk; for a first query on a cold page, bytes
 * fetched (raw, and as a compressing host would send them) and time until results are rendered.
 * Usage: node scripts/bench-search.ts [articles=10000]
 */
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { Converter } from 'opencc-js';
import { startStaticServer as serveStatic } from './lib/static-server-fs.ts';
import { buildSearchIndex } from './lib/search/build-fs.ts';
import type { IndexItem } from './lib/search/plan.ts';
import { firstQuery as measure } from './lib/first-query-fs.ts';
import { fold } from '../core/search/fold.ts';
import { decodeVariants } from '../core/search/variants.ts';

const root = join(import.meta.dirname, '..');
const work = join(root, '.cache/bench-search');
const N = Number(process.argv[2] ?? 10000);
/** One character, a word, a span across a word boundary, longer spans, traditional, absent, two parts. */
const QUERIES = ['党', '发展', '质量发', '高质量发展', '共同富裕示范区', '經濟', '段简', '余杭 党建'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

async function dirStats(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) {
      bytes += (await stat(join(e.parentPath, e.name))).size;
      files++;
    }
  }
  return { bytes, files };
}

async function generate() {
  const seeds = (await readdir(join(root, 'seeds'))).filter((f) => f.endsWith('.txt'));
  const sentences: string[] = [];
  for (const f of seeds) {
    const text = (await readFile(join(root, 'seeds', f), 'utf8')).replace(/\s+/g, '');
    for (const s of text.split(/(?<=[。！？])/)) if (s.length >= 6) sentences.push(s);
  }
  const toHant = Converter({ from: 'cn', to: 'tw' });
  const rand = rng(42);
  const pick = () => sentences[Math.floor(rand() * sentences.length)];
  const articles = [];
  for (let i = 0; i < N; i++) {
    const title = pick().slice(0, 8 + Math.floor(rand() * 12)).replace(/[，。！？、]$/, '');
    const paras: string[] = [];
    const target = 400 + Math.floor(rand() * 800);
    let len = 0;
    while (len < target) {
      let p = '';
      const k = 2 + Math.floor(rand() * 4);
      for (let j = 0; j < k; j++) p += pick();
      paras.push(p);
      len += p.length;
    }
    articles.push({ id: `a${String(i).padStart(5, '0')}`, title, paras, year: String(2020 + (i % 5)), paper: i % 3 ? '青禾日报' : '白溪晚报' });
  }
  return { articles, toHant, chars: articles.reduce((n, a) => n + a.paras.join('').length, 0) };
}

function page(lang: string, title: string, paras: string[]) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><main data-pagefind-body><h1>${esc(title)}</h1>${paras.map((p) => `<p>${esc(p)}</p>`).join('')}</main></body></html>`;
}

async function main() {
  const dist = join(root, 'dist');
  const searchHtml = await readFile(join(dist, 'search/index.html'), 'utf8').catch(() => '');
  if (!searchHtml.includes('data-base="/"')) throw new Error('run `npm run build` first, without BASE_PATH (the bench serves the search page at /)');
  await rm(work, { recursive: true, force: true });
  const t0 = Date.now();
  const { articles, toHant, chars } = await generate();
  console.log(`generated ${articles.length} articles, ${chars} characters per script (${Date.now() - t0} ms)`);

  // Default Pagefind: real pages in both scripts, indexed as they are.
  const defSite = join(work, 'default');
  const ours = join(work, 'ours');
  const items: IndexItem[] = [];
  for (const a of articles) {
    const hantTitle = toHant(a.title);
    const hantParas = a.paras.map(toHant);
    await mkdir(join(defSite, 'articles', a.id), { recursive: true });
    await mkdir(join(defSite, 'zh-hant/articles', a.id), { recursive: true });
    await writeFile(join(defSite, 'articles', a.id, 'index.html'), page('zh-Hans', a.title, a.paras));
    await writeFile(join(defSite, 'zh-hant/articles', a.id, 'index.html'), page('zh-Hant', hantTitle, hantParas));
    items.push({
      url: `/articles/${a.id}/`,
      doc: {
        hans: { id: a.id, paper: a.paper, date: `${a.year}-01-01`, page: null, column: null, kicker: null, title: a.title, subtitle: null, text: [a.title, ...a.paras].join('\n') },
        hant: { id: a.id, paper: toHant(a.paper), date: `${a.year}-01-01`, page: null, column: null, kicker: null, title: hantTitle, subtitle: null, text: [hantTitle, ...hantParas].join('\n') },
      },
    });
  }
  console.log(`wrote pages (${Date.now() - t0} ms)`);

  let t = Date.now();
  const { index } = await pagefind.createIndex({});
  await index!.addDirectory({ path: defSite });
  await index!.writeFiles({ outputPath: join(defSite, 'pagefind') });
  await pagefind.close();
  const defIndexMs = Date.now() - t;
  const defStats = await dirStats(join(defSite, 'pagefind'));
  console.log(`default pagefind: ${defIndexMs} ms, ${defStats.files} files, ${defStats.bytes} bytes`);
  // A minimal default-Pagefind results page: search, then load the first 20 results (as a UI would).
  await mkdir(join(defSite, 'search'), { recursive: true });
  await writeFile(
    join(defSite, 'search/index.html'),
    `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"></head><body><script type="module">
const q = new URLSearchParams(location.search).get('q');
const pf = await import('/pagefind/pagefind.js');
await pf.init();
const r = await pf.search(q);
const first = await Promise.all(r.results.slice(0, 20).map((x) => x.data()));
document.body.insertAdjacentHTML('beforeend', first.map((d) => '<p>' + d.excerpt + '</p>').join(''));
document.body.dataset.count = String(r.results.length);
document.body.dataset.done = '1';
</script></body></html>`,
  );

  t = Date.now();
  const ourStats = await buildSearchIndex(ours, items);
  const ourIndexMs = Date.now() - t;
  const ourPf = await dirStats(join(ours, 'pagefind'));
  const ourDocs = await dirStats(join(ours, 'search-docs'));
  console.log(`ours: ${ourIndexMs} ms, index ${ourPf.files} files ${ourPf.bytes} bytes, docs ${ourDocs.files} files ${ourDocs.bytes} bytes`);
  // The real search page and its assets from the site build.
  await cp(join(dist, '_astro'), join(ours, '_astro'), { recursive: true });
  await mkdir(join(ours, 'search'), { recursive: true });
  await cp(join(dist, 'search/index.html'), join(ours, 'search/index.html'));
  void ourStats;

  // Ground truth: articles whose text (either script) holds every part, up to the archive's script variants.
  const layout = JSON.parse(await readFile(join(ours, 'search-docs/layout.json'), 'utf8')) as { variants: string };
  const variants = decodeVariants(layout.variants);
  const texts = items.map((i) => [fold(i.doc.hans.text, variants), fold(i.doc.hant.text, variants)]);
  const truth = (q: string) => {
    const parts = q.split(/\s+/).filter(Boolean).map((p) => fold(p, variants));
    return texts.filter((ts) => parts.every((p) => ts.some((t) => t.includes(p)))).length;
  };

  const defServer = await serveStatic(defSite, '/');
  const ourServer = await serveStatic(ours, '/');
  const rows: string[] = [];
  const wrong: string[] = [];
  try {
    for (const q of QUERIES) {
      const d = await measure(defServer.origin, `/search/?q=${encodeURIComponent(q)}`, 'body[data-done]', defSite);
      const o = await measure(ourServer.origin, `/search/?q=${encodeURIComponent(q)}`, '[data-search-state="done"]', ours);
      const want = truth(q);
      if (o.results !== want) wrong.push(`${q}: ${o.results} results, ${want} articles contain it`);
      console.log(q, 'truth', want, 'default', d, 'ours', o);
      const bytes = (m: { wire: number; raw: number; requests: number }) =>
        `${(m.wire / 1024).toFixed(0)} KiB (${(m.raw / 1024).toFixed(0)} raw, ${m.requests} req)`;
      rows.push(`| ${q} | ${want} | ${d.results} | ${bytes(d)} | ${d.ms} ms | ${o.results} | ${bytes(o)} | ${o.ms} ms |`);
    }
  } finally {
    await defServer.close();
    await ourServer.close();
  }
  const kib = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`;
  const md = `# Search benchmark (issue #5)

Generated by \`npm run bench:search\` on ${new Date().toISOString().slice(0, 10)} — ${N.toLocaleString('en')} synthetic articles
(${chars.toLocaleString('en')} characters per script; sentences of \`seeds/*.txt\` shuffled, so vocabulary is smaller
than a real archive's), each as a simplified page and its traditional twin (opencc-js cn → tw).
Headless Chromium, cold browser per measurement, localhost static server, 2 CPU cores.

## Index on disk

| | files | size | build time |
|---|---:|---:|---:|
| default Pagefind 1.6 (both scripts' pages, \`addDirectory\`) | ${defStats.files} | ${kib(defStats.bytes)} | ${(defIndexMs / 1000).toFixed(1)} s |
| Baoku bigram index (\`pagefind/\`) | ${ourPf.files} | ${kib(ourPf.bytes)} | ${(ourIndexMs / 1000).toFixed(1)} s |
| Baoku result documents and character files (\`search-docs/\`, gzipped JSON per article and script, plus one file per character bucket) | ${ourDocs.files} | ${kib(ourDocs.bytes)} | (included) |
| Baoku total | ${ourPf.files + ourDocs.files} | ${kib(ourPf.bytes + ourDocs.bytes)} | |

## First query on a cold page

"Bytes" = what the page fetched until results were on screen: as a gzip-compressing host would send it
(pf_* files are gzip already), with uncompressed size and request count in brackets. Default Pagefind: search
plus the first 20 results' fragments (what a results page shows). Baoku: the real search page
(\`/search/?q=\`, 20 results with highlighted excerpts, verified), including its JS and search layout.
"Articles containing it" is the ground truth (either script, up to the script variants the archive's
pages pair up, see docs/search.md); default Pagefind counts pages of the simplified index only.

| query | articles containing it | default: results | default: bytes | default: time | Baoku: results | Baoku: bytes | Baoku: time |
|---|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}
`;
  await mkdir(join(root, 'bench'), { recursive: true });
  await writeFile(join(root, 'bench/search.md'), md);
  console.log(`wrote ${relative(root, join(root, 'bench/search.md'))}`);
  // The bench doubles as a large-archive recall check (chunking only shows at scale).
  if (wrong.length) {
    console.error(`Baoku result counts differ from the ground truth:\n${wrong.join('\n')}`);
    process.exitCode = 1;
  }
}

await main();
