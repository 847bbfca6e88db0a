/**
 * Benchmark: ingest throughput end to end (parse, check, MDX, files written) and how many pages
 * come out right, on pages rendered from the conventions corpus in typesetting variants no fixture
 * has (other widths, punctuation, indents) — so the truth is the generator's, never the parser's.
 * Not a test; prints figures and writes bench/ingest.md.
 *
 *   npm run bench:ingest -- [--pages 2000] [--runs 3] [--workers N] [--no-score]
 *
 * The page mix follows the earlier benchmark's (seed-style pages): 70% one paragraph per line,
 * 30% column lines (half with blank lines after every line, half glued).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseCli } from './lib/cli-fs.ts';
import { parse as parseYaml } from 'yaml';
import { convertPagesParallel } from './lib/convert-parallel.ts';
import { renderPage } from './lib/corpus/render.ts';
import { readSource, type CorpusLayout, type SourcePage } from './lib/corpus/source.ts';
import { SCORE_LABELS, addCounts, emptyCounts, scorePage, scores, type Counts } from './lib/eval/score.ts';
import { parsePageText } from './lib/pipeline.ts';
import { rng } from './lib/synth.ts';
import { readHoldout } from './lib/train/trainer-fs.ts';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseCli(import.meta.url, { options: { 'no-score': { type: 'boolean' }, pages: { type: 'string', default: '2000' }, runs: { type: 'string', default: '3' }, workers: { type: 'string' }, out: { type: 'string', default: join(ROOT, 'bench/ingest.md') } } });
const n = Number(values.pages);
const runs = Number(values.runs);
const workers = values.workers ? Number(values.workers) : availableParallelism();

const dir = join(ROOT, 'tests/corpus/pages');
const holdout = readHoldout(join(ROOT, 'tests/corpus/holdout.txt'));
const sources: SourcePage[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => readSource(parseYaml(readFileSync(join(dir, f), 'utf8')), f.replace(/\.yaml$/, '')));

// Pages in variants of their sources' style: a width, punctuation and indent the fixtures never had.
const r = rng(20261201);
const pages = Array.from({ length: n }, (_, i) => {
  const src = sources[i % sources.length];
  const x = r();
  const layout: CorpusLayout = x < 0.7 ? 'paragraph' : x < 0.85 ? 'column-blank' : 'column-glued';
  const style = { ...src.style, width: 11 + Math.floor(r() * 10), punct: r() < 0.3 ? ('half' as const) : ('full' as const), indent: r() < 0.2 ? ('spaces' as const) : ('width' as const) };
  const page = renderPage({ ...src, name: `${src.name}~bench${i}`, style }, layout);
  return { name: `bench-${String(i).padStart(6, '0')}.txt`, text: page.text, gold: page.expected.articles, part: holdout.has(src.name) ? 'holdout' : 'tune', layout };
});
const inputs = pages.map((p) => ({ name: p.name, bytes: Buffer.from(p.text) }));
const mb = inputs.reduce((s, p) => s + p.bytes.length, 0) / 1e6;

// Throughput: convert and write, `runs` times; the median is reported.
const times: number[] = [];
let filesWritten = 0;
let articles = 0;
for (let k = 0; k < runs; k++) {
  const out = mkdtempSync(join(tmpdir(), 'baoku-bench-'));
  const t0 = performance.now();
  const result = await convertPagesParallel(inputs, { pages: {}, papers: {} }, { workers });
  for (const [rel, content] of result.files) {
    const p = join(out, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  times.push((performance.now() - t0) / 1000);
  filesWritten = result.files.size;
  articles = result.reports.reduce((s, x) => s + (x.articles ?? 0), 0);
  rmSync(out, { recursive: true, force: true });
}
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

// Accuracy against the generator's truth, by part of the corpus the source belongs to.
const byPart = new Map<string, Counts>();
for (const p of values['no-score'] ? [] : pages) {
  let counts: Counts;
  try {
    counts = scorePage(p.gold, parsePageText(p.text, p.name).articles);
  } catch {
    counts = scorePage(p.gold, null);
  }
  byPart.set(p.part, addCounts(byPart.get(p.part) ?? emptyCounts(), counts));
}

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const lines = [
  `# Ingest benchmark`,
  '',
  `Run ${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${availableParallelism()} cores, ${workers} worker(s): \`npm run bench:ingest -- --pages ${n} --runs ${runs}\`.`,
  '',
  `${n} pages (${mb.toFixed(2)} MB) rendered from the ${sources.length} corpus sources in style variants no fixture has; 70% one paragraph per line, 30% column lines.`,
  '',
  `| figure | value |`,
  `|---|---:|`,
  `| throughput end to end (parse, check, MDX, ${filesWritten} files written), median of ${runs} | **${(mb / median).toFixed(2)} MB/s** |`,
  `| seconds per run (min / median / max) | ${Math.min(...times).toFixed(2)} / ${median.toFixed(2)} / ${Math.max(...times).toFixed(2)} |`,
  `| articles | ${articles} |`,
  '',
  `Scores against the generator's truth (\`npm run eval\`'s measures), by the part of the corpus the page's source belongs to:`,
  '',
  `| part | pages | ${SCORE_LABELS.map(([, l]) => l).join(' | ')} |`,
  `|---|---:|${SCORE_LABELS.map(() => '---:').join('|')}|`,
  ...[...byPart].sort().map(([part, c]) => {
    const s = scores(c);
    return `| ${part} | ${c.pages} | ${SCORE_LABELS.map(([k]) => s[k].toFixed(2)).join(' | ')} |`;
  }),
  '',
];
writeFileSync(values.out!, `${lines.join('\n')}\n`);
process.stdout.write(`${lines.join('\n')}\n`);
