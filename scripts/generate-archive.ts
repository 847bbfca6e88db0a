/**
 * Generates a synthetic archive for benchmarks (never shipped content): page texts in the seeds'
 * styles plus a dated catalog, N papers × days × pages, until the wanted number of articles.
 *
 *   node scripts/generate-archive.ts --articles 20000 --out .cache/bench/20000/seeds [--papers 2 --pages-per-issue 8]
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCli } from './lib/cli-fs.ts';
import { collectMaterial, synthMeta, synthPageWithTruth } from './lib/synth.ts';

/** Writes the archive; returns the number of pages and articles written. */
export function generateArchive(opts: { articles: number; out: string; papers?: number; pagesPerIssue?: number; seeds?: string }): { pages: number; articles: number } {
  const seedsDir = opts.seeds ?? 'seeds';
  const material = collectMaterial(
    readdirSync(seedsDir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => ({ name: f, text: readFileSync(join(seedsDir, f), 'utf8') })),
  );
  const papers = opts.papers ?? 2;
  const perIssue = opts.pagesPerIssue ?? 8;
  rmSync(opts.out, { recursive: true, force: true });
  mkdirSync(opts.out, { recursive: true });
  const catalog: Record<string, unknown> = {};
  let articles = 0;
  let i = 0;
  while (articles < opts.articles) {
    const { text, truth } = synthPageWithTruth(material, i + 1);
    const meta = synthMeta(i, papers, perIssue);
    const id = `p${meta.paper.slice(-1)}-${meta.date}-${String(meta.pageNumber).padStart(2, '0')}`;
    writeFileSync(join(opts.out, `${id}.txt`), text);
    catalog[id] = { ...meta, pageName: `第${meta.pageNumber}版` };
    articles += truth.length;
    i++;
  }
  writeFileSync(join(opts.out, 'catalog.json'), `${JSON.stringify({ pages: catalog }, null, 1)}\n`);
  return { pages: i, articles };
}

if (import.meta.main) {
  const { values } = parseCli(import.meta.url, { options: { articles: { type: 'string', default: '1000' }, out: { type: 'string' }, papers: { type: 'string', default: '2' }, 'pages-per-issue': { type: 'string', default: '8' } } });
  if (!values.out) throw new Error('--out DIR is required');
  const r = generateArchive({ articles: Number(values.articles), out: values.out, papers: Number(values.papers), pagesPerIssue: Number(values['pages-per-issue']) });
  console.log(`generated ${r.pages} pages, ${r.articles} articles in ${values.out}`);
}
