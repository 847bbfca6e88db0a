/**
 * `npm run bench:pdf` — seconds and bytes per page for the PDF layer (issue #16) on the fixture
 * pages (tests/fixtures/pdf/), medians of several runs in this process, and what an archive of
 * 30,000 pages costs to render and to host. Writes bench/pdf.md.
 *
 * Usage: node scripts/bench-pdf.ts [--runs 5] [--out bench/pdf.md]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { layoutPage } from './lib/pdf/layout.ts';
import { openPdf, readPageContent } from './lib/pdf/read-fs.ts';
import { DEFAULT_QUALITY, DEFAULT_WIDTHS, renderToCanvas } from './lib/pdf/render-fs.ts';
import { createCanvas, type Canvas } from '@napi-rs/canvas';

const root = join(import.meta.dirname, '..');
const arg = (name: string, dflt: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const RUNS = Number(arg('runs', '5'));
const OUT = resolve(root, arg('out', 'bench/pdf.md'));
const CASES = ['front', 'front-no-tounicode', 'front-identity-v'];
const PAGES = 30_000;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [(performance.now() - t) / 1000, r];
}

function scaled(source: Canvas, width: number): Canvas {
  const c = createCanvas(width, Math.round((width * source.height) / source.width));
  const ctx = c.getContext('2d');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, c.width, c.height);
  return c;
}

interface Row {
  name: string;
  pdfBytes: number;
  glyphs: number;
  lines: number;
  extract: number;
  /** The warm-up run's extraction: the first page a process reads pays for loading pdf.js. */
  first: number;
  layout: number;
  render: number;
  encode: number;
  webp: Record<number, number>;
}

let peak = 0;
const sample = (): void => {
  peak = Math.max(peak, process.memoryUsage().rss);
};

async function measure(name: string): Promise<Row> {
  const pdf = readFileSync(join(root, 'tests/fixtures/pdf', name, 'page.pdf'));
  const extract: number[] = [];
  const layout: number[] = [];
  const render: number[] = [];
  const encode: number[] = [];
  let glyphs = 0;
  let lines = 0;
  let first = 0;
  const webp: Record<number, number> = {};
  const widths = [...DEFAULT_WIDTHS].sort((a, b) => b - a);
  for (let run = 0; run <= RUNS; run++) {
    // A fresh document each run: fonts are parsed again, as for a new page of an archive.
    const [te, content] = await time(async () => {
      const doc = await openPdf(pdf);
      const c = await readPageContent(doc, 1);
      await doc.loadingTask.destroy();
      return c;
    });
    const [tl, page] = await time(async () => layoutPage(content));
    const doc = await openPdf(pdf);
    const [tr, canvas] = await time(() => renderToCanvas(doc, 1, widths[0]));
    await doc.loadingTask.destroy();
    const [tc] = await time(async () => {
      for (const w of widths) {
        const bytes = await (w === widths[0] ? canvas : scaled(canvas, w)).encode('webp', DEFAULT_QUALITY);
        webp[w] = bytes.length;
      }
    });
    sample();
    glyphs = content.glyphs.length;
    lines = page.lines.length;
    if (run === 0) {
      first = te + tl;
      continue; // warm-up
    }
    extract.push(te + tl);
    layout.push(tl);
    render.push(tr);
    encode.push(tc);
  }
  return { name, pdfBytes: pdf.length, glyphs, lines, extract: median(extract), first, layout: median(layout), render: median(render), encode: median(encode), webp };
}

const rows: Row[] = [];
for (const name of CASES) {
  rows.push(await measure(name));
  console.log(`${name}: measured`);
}

/**
 * The ingest as an archivist runs it on PDF pages: each fixture a page of one issue, with an empty
 * render cache (every page extracted, rendered, encoded) and again with the cache kept (nothing
 * rendered: a rebuild). Wall seconds of the whole CLI, process start included.
 */
function ingestRuns(): { cold: number; warm: number; pages: number; media: number; mediaFiles: number; coldSaid: string; warmSaid: string } {
  const dir = mkdtempSync(join(tmpdir(), 'baoku-bench-pdf-'));
  try {
    const issue = join(dir, 'seeds', '日报', '2031-05-04');
    mkdirSync(issue, { recursive: true });
    CASES.forEach((c, i) => {
      copyFileSync(join(root, 'tests/fixtures/pdf', c, 'page.pdf'), join(issue, `0${i + 1}-版.pdf`));
      try {
        copyFileSync(join(root, 'tests/fixtures/pdf', c, 'page.txt'), join(issue, `0${i + 1}-版.txt`));
      } catch {
        /* a trusted page has no .txt */
      }
    });
    const ingest = (): [number, string] => {
      const t = performance.now();
      const r = spawnSync(process.execPath, [join(root, 'scripts/ingest.ts'), '--seeds', join(dir, 'seeds'), '--out', join(dir, 'out'), '--no-cache', '--pdf-cache', join(dir, 'render')], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`ingest failed: ${r.stderr}`);
      return [(performance.now() - t) / 1000, r.stderr.trim().split('\n').pop() ?? ''];
    };
    const [cold, coldSaid] = ingest();
    const [warm, warmSaid] = ingest();
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    const files = walk(join(dir, 'out', 'media'));
    return { cold, warm, pages: CASES.length, media: files.reduce((a, f) => a + statSync(f).size, 0), mediaFiles: files.length, coldSaid, warmSaid };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const ingested = ingestRuns();
console.log('ingest: measured');

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const date = new Date().toISOString().slice(0, 10);
const kb = (n: number): string => `${(n / 1024).toFixed(0)} KiB`;
const s = (n: number): string => `${n.toFixed(3)} s`;
const gb = (n: number): string => `${(n / 1e9).toFixed(1)} GB`;
const pdfjs = (JSON.parse(readFileSync(join(root, 'node_modules/pdfjs-dist/package.json'), 'utf8')) as { version: string }).version;

const widths = [...DEFAULT_WIDTHS].sort((a, b) => a - b);
const avg = (f: (r: Row) => number): number => rows.reduce((a, r) => a + f(r), 0) / rows.length;
const imageBytes = avg((r) => widths.reduce((a, w) => a + r.webp[w], 0));
const renderSeconds = avg((r) => r.render + r.encode);
const extractSeconds = avg((r) => r.extract);
const pdfBytes = avg((r) => r.pdfBytes);

const md = `# PDF benchmark (issue #16)

Generated by \`npm run bench:pdf\` on ${date} at commit \`${commit}\`: pdfjs-dist ${pdfjs},
@napi-rs/canvas, Node ${process.versions.node}, on this machine (2 cores, shared). Each figure is
the median of ${RUNS} runs in one process after a warm-up run; every run opens the PDF afresh.
Pages: the generated fixtures (A3, 842 × 1191 pt, five columns, three embedded subset fonts;
\`tests/fixtures/pdf/\`), about 1,800 glyphs each; a page solid with 10 pt body text holds about
5,000. Extraction grows about linearly with glyphs, rendering mostly with the image size.
Times are wall seconds of one process working on one page at a time. The first page a process
extracts costs more (${s(rows[0].first)} here: pdf.js and its worker module load, the JIT warms up), so
ingest should read many pages per process.

## Per page

| page | PDF | glyphs | lines | extract (read + layout) | of which layout | render ${widths[widths.length - 1]} px | scale + WebP ×${widths.length} | ${widths.map((w) => `WebP ${w} px`).join(' | ')} |
|---|---:|---:|---:|---:|---:|---:|---:|${widths.map(() => '---:').join('|')}|
${rows.map((r) => `| ${r.name} | ${kb(r.pdfBytes)} | ${r.glyphs} | ${r.lines} | ${s(r.extract)} | ${s(r.layout)} | ${s(r.render)} | ${s(r.encode)} | ${widths.map((w) => kb(r.webp[w])).join(' | ')} |`).join('\n')}

Peak resident memory of the process: ${(peak / 2 ** 20).toFixed(0)} MiB (one page at a time; the
${widths[widths.length - 1]} px canvas alone is ${((widths[widths.length - 1] * Math.round((widths[widths.length - 1] * 1191) / 842) * 4) / 2 ** 20).toFixed(0)} MiB).

## What 30,000 pages cost

| | per page | 30,000 pages |
|---|---:|---:|
| extraction (one core) | ${s(extractSeconds)} | ${((extractSeconds * PAGES) / 3600).toFixed(1)} core-hours |
| rendering, ${widths.length} widths (one core) | ${s(renderSeconds)} | ${((renderSeconds * PAGES) / 3600).toFixed(1)} core-hours (${((renderSeconds * PAGES) / 3600 / 2).toFixed(1)} h on 2 cores) |
| page images (${widths.join(' / ')} px WebP, q${DEFAULT_QUALITY}) | ${kb(imageBytes)} | ${gb(imageBytes * PAGES)} in ${(PAGES * widths.length).toLocaleString('en')} files |
| the PDFs themselves (if the 原文 view offers them) | ${kb(pdfBytes)} | ${gb(pdfBytes * PAGES)} in ${PAGES.toLocaleString('en')} files |

Renders are cached by the PDF's SHA-256 (\`.cache/pdf/\`), so this is paid once; a rebuild renders
only new or changed pages. A reader of a page fetches one image: about ${kb(avg((r) => r.webp[widths[0]]))} on a phone at 1× (${widths[0]} px),
${kb(avg((r) => r.webp[800]))} on a 2× phone (800 px), ${kb(avg((r) => r.webp[1600]))} on a laptop; the image is lazily loaded,
so a page view that is not scrolled to it fetches none.

## The ingest, end to end

\`npm run ingest\` on an issue of ${ingested.pages} PDF pages (the fixtures above; the garbled one with its
\`.txt\`), one process, the page cache off:

| run | wall seconds | per page | what it said |
|---|---:|---:|---|
| empty render cache (extract, parse, render, encode) | ${s(ingested.cold)} | ${s(ingested.cold / ingested.pages)} | ${ingested.coldSaid.replace(/^ingest: /, '').replace(/ → .*?\(/, ' (')} |
| render cache kept (a rebuild: extract and parse only) | ${s(ingested.warm)} | ${s(ingested.warm / ingested.pages)} | ${ingested.warmSaid.replace(/^ingest: /, '').replace(/ → .*?\(/, ' (')} |

The output's \`media/\` holds ${ingested.mediaFiles} files, ${kb(ingested.media)} (${kb(ingested.media / ingested.pages)} a page: its four images and its PDF),
hard links into the render cache, and \`astro build\` links them into \`dist/media/\`: the site costs no
second copy on disk.

Hosting: ${(PAGES * widths.length).toLocaleString('en')} image files exceed a static host's per-deployment file cap (20,000 on
Cloudflare Pages) many times over, while the site's HTML for 30,000 pages fits several parts. The
images belong on object storage (or a CDN bucket) beside the site, or the archive is split into
parts of at most ${Math.floor(20000 / (widths.length + 4)).toLocaleString('en')} pages each (four images plus about four HTML and search files a page).
At an object-storage price of about US$0.02 per GB-month (an assumption; providers differ), the
images cost about US$${((imageBytes * PAGES) / 1e9 * 0.02).toFixed(2)} a month to keep; transfer is the larger cost and depends
on traffic (${kb(avg((r) => r.webp[1600]))} per page view at 1600 px).
`;
writeFileSync(OUT, md);
console.log(`wrote ${OUT}`);
