/**
 * The conventions corpus generator (issue #10): renders every source page of tests/corpus/pages/
 * into fixture folders tests/fixtures/pages/corpus-{tune,holdout}/<case>-<layout>/ holding
 * page.txt, expected.json (gold schema), meta.json and note.md. The set-aside cases are listed in
 * tests/corpus/holdout.txt.
 *
 *   npm run corpus                 regenerate the fixtures (review them as diffs)
 *   npm run corpus -- --check      exit 1 if a fixture differs from what its source gives
 *   npm run corpus -- --print CASE [--layout L]   print a rendered page
 *   npm run corpus -- --draw PREFIX     print the set-aside draw for a writer's cases (a seeded third), for holdout.txt
 *   npm run corpus -- --verify DIR    check hand-made fixture folders (page.txt + expected.json): every
 *                                     character of the page in exactly one expected field, in order
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCli } from './lib/cli-fs.ts';
import { parse as parseYaml } from 'yaml';
import { renderPage } from './lib/corpus/render.ts';
import { readSource, type SourcePage } from './lib/corpus/source.ts';
import { checkConservation } from './lib/invariants.ts';
import { splitLines } from './lib/lines.ts';
import { rng } from './lib/synth.ts';
import { align } from './lib/train/align.ts';

const ROOT = join(import.meta.dirname, '..');
const SOURCES = join(ROOT, 'tests/corpus/pages');
const HOLDOUT = join(ROOT, 'tests/corpus/holdout.txt');
const OUT = join(ROOT, 'tests/fixtures/pages');

const { values } = parseCli(import.meta.url, { options: { draw: { type: 'string' }, check: { type: 'boolean' }, print: { type: 'string' }, layout: { type: 'string' }, verify: { type: 'string' } } });

if (values.draw) {
  // The set-aside third of one writer's cases, drawn with a seed fixed before any tuning.
  const prefix = values.draw;
  const names = readdirSync(SOURCES).filter((f) => f.startsWith(prefix) && f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();
  const r = rng(20261201 + prefix.charCodeAt(1));
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [names[i], names[j]] = [names[j], names[i]];
  }
  console.log(names.slice(0, Math.round(names.length / 3)).sort().join('\n'));
  process.exit(0);
}

if (values.verify) {
  // Hand-made pages: the expected JSON must account for the page exactly, and each field's text
  // must be found on the page piece by piece (the alignment that training reads line tags from).
  let bad = 0;
  const dirs = readdirSync(values.verify).filter((d) => existsSync(join(values.verify!, d, 'page.txt')));
  for (const d of dirs) {
    const text = readFileSync(join(values.verify, d, 'page.txt'), 'utf8').replace(/^\uFEFF/u, '');
    const expected = JSON.parse(readFileSync(join(values.verify, d, 'expected.json'), 'utf8'));
    const lines = splitLines(text);
    const v = checkConservation(lines, expected);
    let problem = v ? `missing "${v.missing.slice(0, 40)}", extra "${v.extra.slice(0, 40)}"${v.line ? ` (line ${v.line})` : ''}` : '';
    if (!problem) {
      try {
        align(lines.map((l) => l.text), expected);
      } catch (e) {
        problem = (e as Error).message;
      }
    }
    if (problem) bad++;
    console.log(`${problem ? 'FAIL' : 'ok  '} ${d}${problem ? `: ${problem}` : ''}`);
  }
  process.exit(bad ? 1 : 0);
}

function loadSources(): SourcePage[] {
  return readdirSync(SOURCES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readSource(parseYaml(readFileSync(join(SOURCES, f), 'utf8')), f.replace(/\.yaml$/, ''), `tests/corpus/pages/${f}`));
}

const holdout = new Set(existsSync(HOLDOUT) ? readFileSync(HOLDOUT, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')) : []);
const sources = loadSources();

if (values.print) {
  const src = sources.find((s) => s.name === values.print);
  if (!src) throw new Error(`no source named ${values.print}`);
  const page = renderPage(src, (values.layout as never) ?? src.style.layouts[0]);
  process.stdout.write(page.text);
  process.exit(0);
}

/** Every file the corpus should hold: path relative to OUT → content. */
const want = new Map<string, string>();
for (const src of sources) {
  const part = holdout.has(src.name) ? 'corpus-holdout' : 'corpus-tune';
  for (const layout of src.style.layouts) {
    const page = renderPage(src, layout);
    const lines = splitLines(page.text);
    const v = checkConservation(lines, page.expected);
    if (v) throw new Error(`${src.name} (${layout}): the rendered page and its expected JSON disagree: missing "${v.missing}", extra "${v.extra}"`);
    const dir = `${part}/${src.name}-${layout}`;
    want.set(`${dir}/page.txt`, page.text);
    want.set(`${dir}/expected.json`, `${JSON.stringify(page.expected, null, 2)}\n`);
    want.set(`${dir}/meta.json`, `${JSON.stringify({ case: src.name, layout, part: part.replace('corpus-', ''), conventions: src.conventions }, null, 2)}\n`);
    want.set(`${dir}/note.md`, `# ${src.name} (${layout})\n\n${src.note.trim()}\n\nConventions: ${src.conventions.join(', ')}.\nGenerated by \`npm run corpus\` from tests/corpus/pages/${src.name}.yaml; do not edit.\n`);
  }
}

const have = new Map<string, string>();
for (const part of ['corpus-tune', 'corpus-holdout']) {
  const base = join(OUT, part);
  if (!existsSync(base)) continue;
  for (const d of readdirSync(base)) for (const f of readdirSync(join(base, d))) have.set(`${part}/${d}/${f}`, readFileSync(join(base, d, f), 'utf8'));
}

const differing = [...want].filter(([p, c]) => have.get(p) !== c).map(([p]) => p);
const stale = [...have.keys()].filter((p) => !want.has(p));
if (values.check) {
  if (differing.length || stale.length) {
    for (const p of differing) console.error(`out of date: tests/fixtures/pages/${p}`);
    for (const p of stale) console.error(`no source: tests/fixtures/pages/${p}`);
    console.error('run `npm run corpus` and review the diff');
    process.exit(1);
  }
  console.log(`corpus: ${want.size / 4} pages up to date`);
  process.exit(0);
}
for (const p of stale) rmSync(join(OUT, p));
for (const part of ['corpus-tune', 'corpus-holdout']) {
  const base = join(OUT, part);
  if (existsSync(base)) for (const d of readdirSync(base)) if (readdirSync(join(base, d)).length === 0) rmSync(join(base, d), { recursive: true });
}
for (const p of differing) {
  mkdirSync(join(OUT, p, '..'), { recursive: true });
  writeFileSync(join(OUT, p), want.get(p)!);
}
const pages = want.size / 4;
const held = sources.filter((s) => holdout.has(s.name));
console.log(`corpus: ${sources.length} sources (${held.length} set aside), ${pages} pages; ${differing.length} files written, ${stale.length} removed`);
