/**
 * Ingest CLI — a thin shell around the pure stages in scripts/lib/.
 *
 *   npm run ingest                      convert every page in seeds/ into src/content/generated/
 *   npm run ingest -- --seeds DIR --out DIR
 *   npm run --silent ingest -- --json PAGE.txt   print one page in the gold schema, nothing else
 *
 * Writes only files whose bytes changed (each by temp file + rename), removes stale ones, and
 * writes nothing at all unless every page converted without losing text.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';
import { convertPages } from './lib/convert.ts';
import { listFiles, writeIfChanged } from './lib/files-fs.ts';
import { DirCache } from './lib/page-cache-fs.ts';
import { GoldPageSchema, type Catalog } from '../core/schema.ts';
import { parseCatalog, parseCatalogCsv, pathCatalog, resolveCatalog } from './lib/catalog.ts';
import { PageError } from './lib/decode.ts';
import { parsePage, toGoldJson } from './lib/pipeline.ts';

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

function jsonMode(file: string): number {
  try {
    const r = parsePage(readFileSync(file), file.replace(/^.*[\\/]/, ''));
    // Checked against the gold schema before anything is printed: stdout is the schema or nothing.
    process.stdout.write(`${JSON.stringify(GoldPageSchema.parse(toGoldJson(r)), null, 2)}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`ingest: ${e instanceof PageError ? e.message : `${file}: ${(e as Error).message}`}\n`);
    return 1;
  }
}

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      seeds: { type: 'string', default: 'seeds' },
      out: { type: 'string', default: 'src/content/generated' },
      quiet: { type: 'boolean', default: false },
      cache: { type: 'string', default: '.cache/ingest' },
      'no-cache': { type: 'boolean', default: false },
    },
  });
  if (values.json) {
    if (positionals.length !== 1) {
      process.stderr.write('usage: ingest --json PAGE.txt\n');
      return 2;
    }
    return jsonMode(positionals[0]);
  }
  const seeds = resolve(values.seeds);
  const out = resolve(values.out);
  const tty = process.stderr.isTTY && !values.quiet;
  const started = performance.now();
  const inputs = listFiles(seeds)
    .filter((p) => p.endsWith('.txt'))
    .map((p) => ({ name: relative(seeds, p).replace(/\\/g, '/'), bytes: readFileSync(p) }));
  let catalog: Catalog;
  try {
    catalog = readCatalog(seeds, inputs.map((i) => i.name));
  } catch (e) {
    for (const line of (e as Error).message.split('\n')) process.stderr.write(`ingest: ${line}\n`);
    return 1;
  }
  const cache = values['no-cache'] ? undefined : new DirCache(resolve(values.cache));
  const result = convertPages(inputs, catalog, {
    cache,
    version: converterVersion(),
    onPage: (done, total, name) => {
      if (tty && (done % 25 === 0 || done === total - 1)) process.stderr.write(`\r\x1b[Kingest [${done + 1}/${total}] ${name}`);
    },
  });
  if (tty) process.stderr.write('\r\x1b[K');
  for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
  if (result.fatal.length) {
    for (const f of result.fatal) process.stderr.write(`error: ${f}\n`);
    process.stderr.write(`ingest: ${result.fatal.length} page(s) lost text; nothing was written, the previous output is intact\n`);
    return 1;
  }
  let written = 0;
  for (const [rel, content] of result.files) if (writeIfChanged(join(out, rel), content)) written++;
  let removed = 0;
  for (const p of listFiles(out)) {
    const rel = relative(out, p).replace(/\\/g, '/');
    if (!result.files.has(rel)) {
      rmSync(p);
      removed++;
    }
  }
  cache?.prune();
  const ok = result.reports.filter((r) => r.ok);
  const articles = ok.reduce((s, r) => s + (r.articles ?? 0), 0);
  const doubts = ok.reduce((s, r) => s + (r.doubts?.length ?? 0), 0);
  const secs = ((performance.now() - started) / 1000).toFixed(2);
  if (!values.quiet) {
    process.stderr.write(
      `ingest: ${ok.length}/${inputs.length} pages, ${articles} articles, ${result.warnings.length} warnings, ${doubts} doubts ` +
        `→ ${relative(process.cwd(), out) || '.'} (${written} written, ${removed} removed, ${result.files.size - written} unchanged; ` +
        `${cache ? `${inputs.length - cache.hits} converted, ${cache.hits} from cache` : 'no cache'}) in ${secs}s\n`,
    );
  }
  return 0;
}

process.exitCode = main();
