/**
 * Ingest CLI — a thin shell around the pure stages in scripts/lib/.
 *
 *   npm run ingest                      convert every page in seeds/ into src/content/generated/
 *   npm run ingest -- --seeds DIR --out DIR
 *   npm run ingest -- --replace-invalid-utf8   read a UTF-8 page's few invalid bytes as U+FFFD (reported) instead of refusing it
 *   npm run --silent ingest -- --json PAGE.txt   print one page in the gold schema, nothing else (PAGE.pdf: a PDF's page, --page N of an issue's PDF)
 *   --pdf-cache DIR                     where page images are rendered and kept (default .cache/pdf)
 *   --stale-corrections warn            a correction that no longer applies warns instead of failing (also BAOKU_STALE_CORRECTIONS=warn)
 *   --ids FILE                          the id registry (default: ids.json in the seeds folder)
 *   --frozen-ids                        fail instead of updating the id registry (CI: the committed registry must be current)
 *
 * Each page `P.txt` may have a corrections file `P.fix.yaml` beside it (issue 11, README
 * "Corrections"); the id registry is updated after the output is written. A page may be a PDF
 * (`P.pdf`, beside or instead of `P.txt`; an issue's PDF makes one page per PDF page, issue #16,
 * scripts/lib/seed-files.ts): its images and the PDF go into the output's `media/` folder.
 *
 * Writes nothing at all unless every page converted without losing text, and then replaces the
 * output folder as a whole (files-fs.ts `replaceFolder`: unchanged files keep their bytes and
 * modification time), so a run killed at any moment leaves the previous output or the new one.
 * Files that are not regular files (a broken link, a FIFO, a device) are skipped by name.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseCli } from './lib/cli-fs.ts';
import { createHash } from 'node:crypto';
import { convertPagesParallel } from './lib/convert-parallel.ts';
import { convertPage } from './lib/convert.ts';
import { listFiles, readPageFile, replaceFolder, writeIfChanged } from './lib/files-fs.ts';
import { DirCache } from './lib/page-cache-fs.ts';
import { EMPTY_META, GoldPageSchema, PageRecordSchema, type Catalog, type PageRecord } from '../core/schema.ts';
import { parseCatalog, parseCatalogCsv, pathCatalog, resolveCatalog } from './lib/catalog.ts';
import { PageError } from './lib/decode.ts';
import { MAX_PAGE_BYTES } from './lib/limits.ts';
import { toGoldJson } from './lib/pipeline.ts';
import { attachLayouts, facsimileFiles, readSeedPdf, readSeeds } from './lib/pdf-seeds-fs.ts';
import { pageMapName, planSeeds } from './lib/seed-files.ts';
import { extractPdf } from './lib/pdf/read-fs.ts';
import { pageKey, type PageInput } from './lib/convert.ts';
import { pageIdOf } from './lib/ids.ts';
import { fixFileName, parseFixFile } from './lib/corrections.ts';
import { emptyRegistry, parseRegistry, serializeRegistry } from './lib/id-registry.ts';

/**
 * The catalog of `seeds`: catalog.json, catalog.csv and the folder convention (scripts/lib/catalog.ts),
 * errors naming the file and every bad entry or row.
 */
function readCatalog(seeds: string, names: string[]): Catalog {
  const file = (n: string) => join(seeds, n);
  const shown = (n: string) => relative(process.cwd(), file(n));
  const json = existsSync(file('catalog.json')) ? parseCatalog(readFileSync(file('catalog.json'), 'utf8'), shown('catalog.json')) : undefined;
  const csv = existsSync(file('catalog.csv')) ? parseCatalogCsv(readFileSync(file('catalog.csv'), 'utf8'), shown('catalog.csv')) : undefined;
  return resolveCatalog({ json, csv, paths: pathCatalog(names), jsonFile: shown('catalog.json'), csvFile: shown('catalog.csv') });
}

/** Hash of the converter's source files (scripts/lib and the shared core/): a new parser invalidates every cached page. */
function converterVersion(): string {
  const h = createHash('sha256');
  for (const dir of [join(import.meta.dirname, 'lib'), join(import.meta.dirname, '../core')]) {
    for (const f of listFiles(dir).sort()) h.update(relative(dir, f)).update(readFileSync(f));
  }
  return h.digest('hex');
}

/** The corrections file beside a page file, read, or undefined. */
function readFixes(pageFile: string): string | undefined {
  const f = fixFileName(pageFile);
  return existsSync(f) ? readFileSync(f, 'utf8') : undefined;
}

/**
 * The input of one PDF page for `--json`: the PDF's page `n` with its layout, and the `.txt` of
 * that page when there is one — beside a one-page PDF, or for an issue's PDF the `.txt` of the
 * page it makes (seed-files.ts: `<stem>-NN`, or as `<stem>.pages.json` names it), as the ingest reads it.
 */
async function pdfJsonInput(file: string, n: number): Promise<{ bytes: Uint8Array; pdf: PageInput['pdf'] }> {
  const name = file.replace(/^.*[\\/]/, '');
  const read = await readSeedPdf(file);
  if ('skipped' in read) throw new PageError(name, `the file is ${read.skipped.replace(/: skipped$/, '')}`);
  if (n < 1 || n > read.pages) throw new PageError(name, `has ${read.pages} page(s): there is no page ${n}`);
  const layout = (await extractPdf(read.bytes))[n - 1];
  const folder = dirname(file);
  const maps = new Map<string, string>();
  if (existsSync(join(folder, pageMapName(name)))) maps.set(pageMapName(name), readFileSync(join(folder, pageMapName(name)), 'utf8'));
  const txts = readdirSync(folder).filter((f) => /\.txt$/u.test(f));
  const plan = planSeeds(txts, [name], new Map([[name, read.pages]]), maps);
  if (plan.problems.length) throw new PageError(name, plan.problems.join('; '));
  const planned = plan.pages.find((p) => p.pdf?.page === n);
  if (!planned) throw new PageError(name, `page ${n} is left out by ${pageMapName(name)}`);
  const txt = planned.txt ? readPageFile(join(folder, planned.txt), MAX_PAGE_BYTES) : null;
  if (txt && 'skipped' in txt) throw new PageError(planned.txt!, `the file is ${txt.skipped.replace(/: skipped$/, '')}`);
  return { bytes: txt?.bytes ?? new Uint8Array(), pdf: { file: name, sha256: read.sha256, size: read.bytes.length, page: n, pages: read.pages, txt: txt !== null, layout } };
}

async function jsonMode(file: string, invalidUtf8: 'refuse' | 'replace', staleCorrections: 'error' | 'warn', page: number): Promise<number> {
  const name = file.replace(/^.*[\\/]/, '');
  try {
    const isPdf = /\.pdf$/iu.test(file);
    const input = isPdf ? await pdfJsonInput(file, page) : null;
    const read = input ? { bytes: input.bytes } : readPageFile(file, MAX_PAGE_BYTES);
    if ('skipped' in read) throw new PageError(name, `the file is ${read.skipped.replace(/: skipped$/, '')}`);
    const fixes = readFixes(file);
    const corrections = fixes === undefined ? undefined : parseFixFile(fixes, relative(process.cwd(), fixFileName(file)), name);
    const { result } = convertPage(read.bytes, name, { invalidUtf8, corrections, staleCorrections, pdf: input?.pdf });
    for (const w of result.corrections?.warnings ?? []) process.stderr.write(`warning: ${w}\n`);
    // Checked against the gold schema before anything is printed: stdout is the schema or nothing.
    process.stdout.write(`${JSON.stringify(GoldPageSchema.parse(toGoldJson(result)), null, 2)}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`ingest: ${e instanceof PageError ? e.message : `${file}: ${(e as Error).message}`}\n`);
    return 1;
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseCli(import.meta.url, {
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      seeds: { type: 'string', default: 'seeds' },
      out: { type: 'string', default: 'src/content/generated' },
      quiet: { type: 'boolean', default: false },
      cache: { type: 'string', default: '.cache/ingest' },
      'no-cache': { type: 'boolean', default: false },
      // Also BAOKU_REPLACE_INVALID_UTF8=1, so `npm run build` can pass it on.
      'replace-invalid-utf8': { type: 'boolean', default: process.env.BAOKU_REPLACE_INVALID_UTF8 === '1' },
      // Also BAOKU_STALE_CORRECTIONS=warn, for `npm run build`.
      'stale-corrections': { type: 'string', default: process.env.BAOKU_STALE_CORRECTIONS || 'error' },
      ids: { type: 'string' },
      'frozen-ids': { type: 'boolean', default: false },
      page: { type: 'string', default: '1' },
      'pdf-cache': { type: 'string', default: '.cache/pdf' },
    },
  });
  const invalidUtf8 = values['replace-invalid-utf8'] ? 'replace' : 'refuse';
  const stale = values['stale-corrections'];
  if (stale !== 'error' && stale !== 'warn') {
    process.stderr.write(`ingest: --stale-corrections must be "error" or "warn", not "${stale}"\n`);
    return 2;
  }
  if (values.json) {
    if (positionals.length !== 1 || !/^\d+$/.test(values.page)) {
      process.stderr.write('usage: ingest --json PAGE.txt | PAGE.pdf [--page N]\n');
      return 2;
    }
    return jsonMode(positionals[0], invalidUtf8, stale, Number(values.page));
  }
  const seeds = resolve(values.seeds);
  const out = resolve(values.out);
  const tty = process.stderr.isTTY && !values.quiet;
  const started = performance.now();
  const idsPath = resolve(values.ids ?? join(seeds, 'ids.json'));
  let registry = emptyRegistry();
  if (existsSync(idsPath)) {
    try {
      registry = parseRegistry(readFileSync(idsPath, 'utf8'), relative(process.cwd(), idsPath));
    } catch (e) {
      process.stderr.write(`ingest: ${(e as Error).message}\n`);
      return 1;
    }
  }
  const version = converterVersion();
  // Page texts and PDFs (issue #16: a PDF beside or instead of the .txt, an issue's PDF one page per PDF page).
  const seedFiles = listFiles(seeds).map((p) => relative(seeds, p).replace(/\\/g, '/'));
  const { inputs, pdfs, unreadable, problems } = await readSeeds(seeds, seedFiles, (p) => readPageFile(p, MAX_PAGE_BYTES), (_, p) => ({ fixes: readFixes(p), fixName: relative(process.cwd(), fixFileName(p)) }));
  if (problems.length) {
    for (const f of problems) process.stderr.write(`error: ${f}\n`);
    process.stderr.write(`ingest: ${problems.length} error(s) in how the seeds' PDFs map to pages; nothing was written, the previous output is intact\n`);
    return 1;
  }
  let catalog: Catalog;
  try {
    catalog = readCatalog(seeds, [...inputs.map((i) => i.name), ...unreadable.map((u) => u.name)]);
  } catch (e) {
    for (const line of (e as Error).message.split('\n')) process.stderr.write(`ingest: ${line}\n`);
    return 1;
  }
  const cache = values['no-cache'] ? undefined : new DirCache(resolve(values.cache));
  // Only PDF pages the cache does not hold are read for their layout (pdf.js, the costly part).
  await attachLayouts(inputs, pdfs, (p) => {
    if (!cache) return true;
    return !cache.has(pageKey(p, catalog.pages[pageIdOf(p.name)] ?? EMPTY_META, version, invalidUtf8, stale, registry.pages[pageIdOf(p.name)] ?? null));
  });
  // Pages are parsed on every core (convert-parallel.ts); the output is the same as a serial run's.
  const result = await convertPagesParallel(inputs, catalog, {
    cache,
    version,
    unreadable,
    invalidUtf8,
    registry,
    staleCorrections: stale,
    onPage: (done, total, name) => {
      if (tty && (done % 25 === 0 || done === total - 1)) process.stderr.write(`\r\x1b[Kingest [${done + 1}/${total}] ${name}`);
    },
  });
  if (tty) process.stderr.write('\r\x1b[K');
  for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
  if (result.fatal.length) {
    for (const f of result.fatal) process.stderr.write(`error: ${f}\n`);
    process.stderr.write(`ingest: ${result.fatal.length} error(s) (text lost, a correction that no longer applies, a page-id clash, a conversion failure); nothing was written, the previous output is intact\n`);
    return 1;
  }
  const ids = serializeRegistry(result.registry);
  const idsBefore = existsSync(idsPath) ? readFileSync(idsPath, 'utf8') : serializeRegistry(emptyRegistry());
  if (values['frozen-ids'] && ids !== idsBefore) {
    process.stderr.write(`ingest: ${relative(process.cwd(), idsPath)} is not current (--frozen-ids): run npm run ingest and commit it; nothing was written\n`);
    return 1;
  }
  // The printed pages of the PDF pages (issue #16): images rendered into the render cache (by the PDF's hash) unless there, linked into media/.
  const pdfOfPage = new Map(inputs.filter((p) => p.pdf).map((p) => [pageIdOf(p.name), p.pdf!.file]));
  const records: PageRecord[] = [...result.files].filter(([k]) => k.startsWith('pages/')).map(([, v]) => PageRecordSchema.parse(JSON.parse(v)));
  let rendered = 0;
  let media: Map<string, { copyOf: string }>;
  try {
    media = await facsimileFiles(records, pdfs, (r) => pdfOfPage.get(r.id)!, resolve(values['pdf-cache']), (file, page, cached) => {
      if (!cached) rendered++;
      if (tty && !cached) process.stderr.write(`\r\x1b[Kingest: rendering ${file} page ${page}`);
    });
  } catch (e) {
    process.stderr.write(`error: rendering the page images failed: ${(e as Error).message}\ningest: nothing was written, the previous output is intact\n`);
    return 1;
  }
  if (tty) process.stderr.write('\r\x1b[K');
  const { written, removed, unchanged } = replaceFolder(out, new Map<string, string | { copyOf: string }>([...result.files, ...media]));
  // After the output: a registry never names ids the site does not have yet.
  if (ids !== idsBefore) writeIfChanged(idsPath, ids);
  cache?.prune();
  const ok = result.reports.filter((r) => r.ok);
  const articles = ok.reduce((s, r) => s + (r.articles ?? 0), 0);
  const doubts = ok.reduce((s, r) => s + (r.doubts?.length ?? 0), 0);
  const secs = ((performance.now() - started) / 1000).toFixed(2);
  if (!values.quiet) {
    process.stderr.write(
      `ingest: ${ok.length}/${inputs.length + unreadable.length} pages, ${articles} articles, ${result.warnings.length} warnings, ${doubts} doubts ` +
        `→ ${relative(process.cwd(), out) || '.'} (${written} written, ${removed} removed, ${unchanged} unchanged; ` +
        `${cache ? `${inputs.length - cache.hits} converted, ${cache.hits} from cache` : 'no cache'}${pdfOfPage.size ? `; ${pdfOfPage.size} PDF page(s), ${rendered} rendered` : ''}) in ${secs}s\n`,
    );
  }
  return 0;
}

process.exitCode = await main();
