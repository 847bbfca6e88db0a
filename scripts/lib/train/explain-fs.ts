/**
 * @fileoverview A page's lines side by side with their true tags (from its expected JSON) and the
 * tags a model gives them: the view for studying what the tagger gets wrong (npm run train -- --explain DIR).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectLayout, pageLines } from '../lines.ts';
import type { ChainModel } from '../model/chain.ts';
import { parsePageText } from '../pipeline.ts';
import { tagLines, taggerModel } from '../tagger.ts';
import { align } from './align.ts';
import { trueTags } from './truth.ts';

/** Lines of a fixture folder as `truth tagged margin text`, wrong ones marked. */
export function explainPage(dir: string, model: ChainModel = taggerModel(), headline?: ChainModel): string {
  const text = readFileSync(join(dir, 'page.txt'), 'utf8').replace(/^\uFEFF/u, '');
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  const lines = pageLines(text);
  const layout = detectLayout(lines);
  const al = align(lines.map((l) => l.text), expected);
  const truth = trueTags(al, (a) => expected.articles[a].body.findIndex((b: { type: string }) => b.type === 'p'));
  const tagged = tagLines(lines, layout, model);
  const out = [`${dir} (layout ${layout})`];
  tagged.forEach((t, i) => {
    const wrong = t.tag !== truth[i];
    out.push(`${wrong ? '✗' : ' '} ${truth[i]} ${t.tag} ${t.margin === Infinity ? '  ∞ ' : t.margin.toFixed(1).padStart(4)} ${String(t.no).padStart(4)}${t.glued ? ' ' : '·'} ${t.text.trim().slice(0, 60)}`);
  });
  const r = parsePageText(text, 'explain.txt', 'utf-8', { tagger: model, headline });
  type A = { column: string | null; kicker: string | null; title: string | null; subtitle: string | null; byline: string | null; authors: string[]; truncated_start: boolean; truncated_end: boolean; body: { type: string; text: string }[] };
  const show = (a: A): string => `[${a.column ?? ''}|${a.kicker ?? ''}|${a.title ?? ''}|${a.subtitle ?? ''}] byline=${a.byline ?? ''} authors=${a.authors.join(',')}${a.truncated_start ? ' truncS' : ''}${a.truncated_end ? ' truncE' : ''} ${a.body.length} blocks: ${a.body[0]?.text.slice(0, 24)}`;
  out.push('expected:', ...expected.articles.map((a: A) => `  ${show(a)}`), `  other: ${expected.other.map((o: { type: string; text: string }) => `${o.type}:${o.text.slice(0, 16)}`).join(' / ')}`);
  out.push('got:', ...r.articles.map((a) => `  ${show(a)}`), `  other: ${r.other.map((o) => `${o.type}:${o.text.slice(0, 16)}`).join(' / ')}`);
  return out.join('\n');
}
