/**
 * Benchmark: ingest throughput end to end (parse, check, MDX strings, files written) on a
 * generated archive. Not a test; prints figures.  npm run bench:ingest -- [--pages 10000]
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { convertPages } from './lib/convert.ts';
import { parsePageText } from './lib/pipeline.ts';
import { collectMaterial, synthPage, synthPageWithTruth } from './lib/synth.ts';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '10000' }, seeds: { type: 'string', default: 'seeds' } } });
const n = Number(values.pages);
const seeds = readdirSync(values.seeds).filter((f) => f.endsWith('.txt')).map((f) => ({ name: f, text: readFileSync(join(values.seeds, f), 'utf8') }));
const material = collectMaterial(seeds);
const inputs = Array.from({ length: n }, (_, i) => ({ name: `synth-${String(i).padStart(6, '0')}.txt`, bytes: Buffer.from(synthPage(material, i + 1)) }));
const bytes = inputs.reduce((s, p) => s + p.bytes.length, 0);
const out = mkdtempSync(join(tmpdir(), 'baoku-bench-'));
const t0 = performance.now();
const result = convertPages(inputs, { pages: {} });
const t1 = performance.now();
for (const [rel, content] of result.files) {
  const p = join(out, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, content);
}
const t2 = performance.now();
rmSync(out, { recursive: true, force: true });
const mb = bytes / 1e6;
const secs = (t2 - t0) / 1000;
const articles = result.reports.reduce((s, r) => s + (r.articles ?? 0), 0);
console.log(`pages: ${n}, input: ${mb.toFixed(2)} MB, articles: ${articles}, failed pages: ${result.fatal.length + result.warnings.length}`);
console.log(`parse+check+render: ${((t1 - t0) / 1000).toFixed(2)} s, write ${result.files.size} files: ${((t2 - t1) / 1000).toFixed(2)} s`);
console.log(`throughput end to end: ${(mb / secs).toFixed(2)} MB/s`);
if (result.fatal.length) console.log(result.fatal.slice(0, 3).join('\n'));

// Generalisation check on pages the parser has not seen: headlines recovered exactly.
let pagesRight = 0;
let titlesRight = 0;
let titlesAll = 0;
const sample = Math.min(n, 1000);
for (let i = 0; i < sample; i++) {
  const { text, truth } = synthPageWithTruth(material, 1_000_000 + i);
  const got = parsePageText(text, `check-${i}.txt`).articles.map((a) => ({ kicker: a.kicker, title: a.title }));
  const norm = (x: { kicker: string | null; title: string | null }) => `${x.kicker ?? ''}|${x.title ?? ''}`.replace(/\s+/g, '');
  const want = truth.map(norm);
  const have = new Set(got.map(norm));
  titlesAll += want.length;
  titlesRight += want.filter((w) => have.has(w)).length;
  if (got.length === truth.length && got.every((g, k) => norm(g) === want[k])) pagesRight++;
}
console.log(`synthetic pages with every article and headline right: ${pagesRight}/${sample}; headlines exact: ${titlesRight}/${titlesAll}`);
