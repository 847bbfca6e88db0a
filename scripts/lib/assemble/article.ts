/**
 * @fileoverview Assembly, step 4 — to article: a draft with its headline becomes an article of the
 * gold schema: body blocks, byline and authors, continuation markers and truncation flags.
 */
import type { Article } from '../assemble.ts';
import { creditOfArticle, namesInCredit } from '../credit.ts';
import { MARKER_ANY, endsOnMarker, markerPointsOn } from '../conventions.ts';
import { endsSentence } from '../text.ts';
import type { Draft } from './items.ts';
import { mergeParagraphs, type Unit } from '../reflow.ts';

const MARKERS = new RegExp(MARKER_ANY.source, 'gu');

/** True when a paragraph starts in the middle of a sentence (its start is on another page). */
export function startsMidSentence(text: string): boolean {
  const t = text.trim();
  return /^[，。、；：,.;:！？!?”’）)]/u.test(t) || /^\p{Script=Han}[，,、]/u.test(t) || /^(的|了|地|得|着|过|和|与|及|并|而|但|也|都|就|才|又|还|呢|吗|吧)/u.test(t);
}

/** A paragraph's text stops mid-sentence with no marker, colon or dash saying why. */
function stopsMidSentence(text: string): boolean {
  const t = text.trim();
  return !!t && !endsSentence(t) && !/[：:—]$/u.test(t) && !endsOnMarker(t);
}

/**
 * A paragraph a photo broke in the middle of a sentence is one paragraph, the caption after it
 * (SCHEMA.md: a column or photo break in a sentence splits no paragraph). In the expected JSON of
 * every part and the gold, none of the 128 paragraphs set right before a caption with a paragraph
 * after it stops mid-sentence: where the parse gives that, the two paragraphs are one.
 */
export function joinPhotoBreaks(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    // The captions just before this paragraph, and the paragraph before them.
    let k = out.length;
    while (k > 0 && out[k - 1].kind === 'caption') k--;
    const open = out[k - 1];
    if (u.kind === 'para' && !u.opens && k < out.length && open?.kind === 'para' && stopsMidSentence(open.text)) {
      // The joined paragraph is looked at again when the next photo comes.
      out.splice(k - 1, 1, mergeParagraphs(open, u));
      continue;
    }
    out.push(u);
  }
  return out;
}

/** Builds an article from a draft. */
export function toArticle(d: Draft): Article {
  const h = d.headline;
  const a: Article = {
    column: h?.column ?? null,
    kicker: h?.kicker ?? null,
    title: h?.title ?? null,
    subtitle: h?.subtitle ?? null,
    byline: h?.byline ?? null,
    authors: [],
    continued_from: null,
    continued_to: null,
    truncated_start: false,
    truncated_end: false,
    body: [],
  };
  for (const u of d.units) {
    if (u.kind === 'credit' && a.byline === null) a.byline = u.text;
    else if (u.kind === 'section' || u.kind === 'head') a.body.push({ type: 'h', text: u.text });
    else if (u.kind === 'caption') a.body.push({ type: 'caption', text: u.text });
    else a.body.push({ type: 'p', text: u.text });
  }
  const paras = a.body.filter((b) => b.type === 'p');
  for (const p of paras) {
    for (const m of p.text.matchAll(MARKERS)) {
      const where = m[2].replace(/\s+/g, '');
      if (markerPointsOn(m[1])) a.continued_to = where;
      else if (a.continued_from === null) a.continued_from = where;
    }
  }
  const credit = creditOfArticle(a);
  a.authors = credit ? namesInCredit(credit) : [];
  const strip = (t: string): string => t.replace(MARKERS, '').trim();
  const firstPara = d.units.find((u) => u.kind === 'para');
  const firstText = paras.map((p) => strip(p.text)).find((t) => t.length > 0);
  a.truncated_start = !!firstText && ((!!firstPara && firstPara.continues && strip(firstPara.text) === firstText) || startsMidSentence(firstText));
  const lastText = paras.length ? strip(paras[paras.length - 1].text) : '';
  a.truncated_end = lastText.length > 0 && !endsSentence(lastText) && !/[：:—]$/u.test(lastText);
  return a;
}
