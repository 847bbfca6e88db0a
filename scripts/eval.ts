/**
 * Scores the ingest on folders of pages with expected JSON (issue #10) and prints readable tables:
 * overall per part, per layout, per convention, and the pages that are not perfect.
 *
 *   npm run eval                          the corpus (tuned and set-aside parts), the hand-made pages, the seeds' gold and the generated PDF pages (part `pdf`)
 *   npm run eval -- DIR [DIR…]            any folders: fixture folders (page.txt + expected.json) or gold files
 *   npm run eval -- --part tune           only one part
 *   npm run eval -- --pages               every page's row, not only the imperfect ones
 *   npm run eval -- --json                figures as JSON
 *   npm run eval -- --oracle              the later stages alone: true line tags instead of the tagger's
 *   npm run eval -- --cv 5                the tuned part cross-validated: each fifth of its cases scored by a
 *                                         tagger trained on the other four (what unseen pages can expect)
 *
 * Exits 1 when a part scores below the minimums of scripts/lib/eval/minimums.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCli } from './lib/cli-fs.ts';
import { loadCases, type EvalCase } from './lib/eval/load-fs.ts';
import { belowMinimums } from './lib/eval/minimums.ts';
import { SCORE_LABELS, addCounts, describeErrors, emptyCounts, scorePage, scores, type Counts, type Scores } from './lib/eval/score.ts';
import { TAGGER_VOCAB } from './lib/features.ts';
import { HEADLINE_VOCAB, headlineModel } from './lib/headline.ts';
import { ChainModel } from './lib/model/chain.ts';
import { taggerModel } from './lib/tagger.ts';
import { parsePage, parsePageText, type ParseOptions } from './lib/pipeline.ts';
import { pdfPageText } from './lib/pdf-page.ts';
import { extractPdf } from './lib/pdf/read-fs.ts';
import type { PdfPage } from './lib/pdf/types.ts';
import { decodePage } from './lib/decode.ts';
import { align } from './lib/train/align.ts';
import { trueTags } from './lib/train/truth.ts';
import { corpusTrainingPages, goldTrainingPages, handmadeTrainingPages, readHoldout } from './lib/train/trainer-fs.ts';
import { headlineWeights, taggerWeights } from './lib/train/trainer.ts';

const ROOT = join(import.meta.dirname, '..');
const { values, positionals } = parseCli(import.meta.url, {
  allowPositionals: true,
  options: { oracle: { type: 'boolean' }, errors: { type: 'boolean' }, cv: { type: 'string' }, seeds: { type: 'string', default: join(ROOT, 'seeds') }, part: { type: 'string' }, pages: { type: 'boolean' }, json: { type: 'boolean' }, quiet: { type: 'boolean' } },
});
const dirs = positionals.length
  ? positionals
  : ['corpus-tune', 'corpus-holdout', 'handmade-train', 'handmade', 'handmade-2'].map((d) => join(ROOT, 'tests/fixtures/pages', d)).concat(join(ROOT, 'tests/fixtures/gold'), join(ROOT, 'tests/fixtures/pdf'));

const explicit = positionals.length > 0;
let cases: EvalCase[] = dirs.filter((d) => explicit || existsSync(d)).flatMap((d) => loadCases(d, values.seeds!));
if (values.part) cases = cases.filter((c) => c.part === values.part);
if (cases.length === 0) {
  console.error(`eval: no pages with expected JSON found in ${dirs.join(', ')}`);
  process.exit(2);
}

// Cross-validation: a tagger per fold, trained without the fold's cases.
const foldModel = new Map<string, { tagger: ChainModel; headline: ChainModel }>();
if (values.cv) {
  const k = Number(values.cv);
  const tune = join(ROOT, 'tests/fixtures/pages/corpus-tune');
  cases = cases.filter((c) => c.part === 'tune' || c.part === 'handmade-train');
  void tune;
  const training = [...corpusTrainingPages(join(ROOT, 'tests/corpus/pages'), readHoldout(join(ROOT, 'tests/corpus/holdout.txt'))), ...(process.env.NO_GOLD ? [] : goldTrainingPages(join(ROOT, 'tests/fixtures/gold'), join(ROOT, 'seeds'))), ...handmadeTrainingPages(join(ROOT, 'tests/fixtures/pages/handmade-train'))];
  const names = [...new Set(training.map((p) => p.case))].sort();
  for (let f = 0; f < k; f++) {
    const held = new Set(names.filter((_, i) => i % k === f));
    const train = training.filter((p) => !held.has(p.case));
    // Fold models borrow the committed models' calibration (fitting it would need folds within folds).
    const model = { tagger: new ChainModel({ ...taggerWeights(train, 12), calibration: taggerModel().calibration ?? undefined }, TAGGER_VOCAB), headline: new ChainModel({ ...headlineWeights(train, 12), calibration: headlineModel().calibration ?? undefined }, HEADLINE_VOCAB) };
    for (const n of held) foldModel.set(n, model);
  }
}

// Pages read from PDFs (issue #16): their layouts first (pdf.js is asynchronous), then parsed as the ingest parses them.
const layouts = new Map<string, PdfPage>();
for (const c of cases) if (c.pdf) layouts.set(c.pdf.path, (await extractPdf(readFileSync(c.pdf.path)))[0]);

/** Parses a case: a page text file, or a PDF page with its `.txt` when the fixture has one. */
function parseCase(c: EvalCase, options: ParseOptions) {
  if (!c.pdf) return parsePage(readFileSync(c.pagePath), c.name, options);
  const txt = c.pdf.txt ? decodePage(readFileSync(c.pdf.txt), 'page.txt').text : undefined;
  const read = pdfPageText(layouts.get(c.pdf.path)!, c.name, txt, 'page.txt');
  return parsePageText(read.text, c.name, 'utf-8', { ...options, look: read.look });
}

interface Row {
  c: EvalCase;
  counts: Counts;
  error?: string;
  errors?: string[];
}
const rows: Row[] = cases.map((c) => {
  try {
    const options: ParseOptions = { ...(foldModel.get(c.caseName ?? '') ?? {}) };
    // --oracle: the true line tags (from the expected JSON) instead of the tagger's, to measure what the later stages lose.
    if (values.oracle) {
      const expected = c.expected ?? JSON.parse(readFileSync(c.expectedPath, 'utf8'));
      options.tags = (lines) => trueTags(align(lines.map((l) => l.text), expected), (a) => expected.articles[a].body.findIndex((b: { type: string }) => b.type === 'p'));
    }
    const r = parseCase(c, options);
    return { c, counts: scorePage(c.gold, r.articles), errors: values.errors ? describeErrors(c.gold, r.articles) : undefined };
  } catch (e) {
    return { c, counts: scorePage(c.gold, null), error: (e as Error).message };
  }
});

const group = (key: (r: Row) => string[]): Map<string, Counts> => {
  const m = new Map<string, Counts>();
  for (const r of rows) for (const k of key(r)) m.set(k, addCounts(m.get(k) ?? emptyCounts(), r.counts));
  return new Map([...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
};
const byPart = group((r) => [r.c.part]);
const byLayout = group((r) => (r.c.layout ? [`${r.c.part} · ${r.c.layout}`] : []));
const byConvention = group((r) => r.c.conventions.map((k) => k));

const failures = [...byPart].flatMap(([part, c]) => belowMinimums(part, scores(c), SCORE_LABELS).map((b) => `${part}: ${b}`));

if (values.errors) {
  for (const r of rows) if (r.errors?.length) console.log(`${r.c.part}/${r.c.name}\n  ${r.errors.join('\n  ')}`);
  const kinds = new Map<string, number>();
  for (const r of rows) for (const e of r.errors ?? []) kinds.set(e.split(/[ 「:]/u)[0], (kinds.get(e.split(/[ 「:]/u)[0]) ?? 0) + 1);
  console.log(`\nerrors by kind: ${[...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
} else if (values.json) {
  const obj = (m: Map<string, Counts>) => Object.fromEntries([...m].map(([k, c]) => [k, { pages: c.pages, articles: c.gold, ...scores(c) }]));
  // Written, then the exit code set: process.exit() would cut a long report short on a pipe.
  process.stdout.write(`${JSON.stringify({ parts: obj(byPart), layouts: obj(byLayout), conventions: obj(byConvention), pages: rows.map((r) => ({ name: r.c.name, part: r.c.part, error: r.error ?? null, ...scores(r.counts) })), failures }, null, 2)}\n`);
  process.exitCode = failures.length ? 1 : 0;
} else report();

function report(): void {
  const fmt = (x: number): string => x.toFixed(2);
  function table(title: string, m: Map<string, Counts>): void {
    console.log(`\n${title}`);
    const head = ['', 'pages', 'articles', ...SCORE_LABELS.map(([, l]) => l)];
    const body = [...m].map(([k, c]) => {
      const s = scores(c);
      return [k, String(c.pages), String(c.gold), ...SCORE_LABELS.map(([key]) => fmt(s[key]))];
    });
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
    const line = (cells: string[]): string => cells.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ');
    console.log(line(head));
    for (const r of body) console.log(line(r));
  }

  table('By part', byPart);
  if (!values.quiet) {
    if (byLayout.size) table('By layout', byLayout);
    if (byConvention.size) table('By convention (pages carrying the tag)', byConvention);
    const shown = rows.filter((r) => values.pages || r.error || Object.values(scores(r.counts)).some((x) => x < 1));
    if (shown.length) {
      table(values.pages ? 'Pages' : 'Pages below 1.00 on some score', new Map(shown.map((r) => [`${r.c.part}/${r.c.name}`, r.counts])));
      for (const r of shown) if (r.error) console.log(`  ${r.c.name}: ${r.error}`);
    }
  }
  if (failures.length) {
    console.log(`\nBelow the minimums (scripts/lib/eval/minimums.ts):\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  } else console.log(`\nAll parts at or above the minimums (scripts/lib/eval/minimums.ts).`);
}
