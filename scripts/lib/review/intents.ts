/**
 * @fileoverview The review tool's clicks become corrections (issue 11). The page sends what the
 * archivist pointed at — a headline part, a body block, a non-article block, an article — and what
 * to do; this module turns it into a correction of the file format, anchored on the shortest quote
 * of the printed text that occurs once on the page (as the corrections look for quotes,
 * scripts/lib/corrections.ts), so the file reads like one written by hand.
 */
import { z } from 'astro/zod';
import { BODY_BLOCK_TYPES, OTHER_BLOCK_TYPES, TEXT_FIELDS, type Article, type Correction, type OtherBlock, type TextField } from '../../../core/schema.ts';
import { joinHits, quoteHits } from '../corrections.ts';

const index = z.number().int().nonnegative();
const field = z.enum(TEXT_FIELDS);
const block = z.strictObject({ kind: z.literal('block'), article: index, block: index });
const slot = z.union([z.strictObject({ kind: z.literal('field'), article: index, field }), block, z.strictObject({ kind: z.literal('other'), index })]);
const text = z.string().max(2000);

/** What the review page may ask for: one operation of README "Corrections", pointed at by place. */
export const IntentSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('split'), slot: block, quote: text.optional() }),
  z.strictObject({ op: z.literal('break'), slot: block, quote: text }),
  z.strictObject({ op: z.literal('join'), slot: block }),
  z.strictObject({ op: z.literal('retype'), slot: block, as: z.enum(BODY_BLOCK_TYPES) }),
  z.strictObject({ op: z.literal('setField'), slot, article: index, field, quote: text.min(1).optional() }),
  z.strictObject({ op: z.literal('clearField'), article: index, field }),
  z.strictObject({ op: z.literal('other'), slot, type: z.enum(OTHER_BLOCK_TYPES) }),
  z.strictObject({ op: z.literal('otherArticle'), article: index, type: z.enum(OTHER_BLOCK_TYPES) }),
  z.strictObject({ op: z.literal('article'), index, into: index.optional(), as: z.enum(BODY_BLOCK_TYPES).optional() }),
  z.strictObject({ op: z.literal('merge'), article: index, with: index }),
  z.strictObject({
    op: z.literal('values'),
    article: index,
    authors: z.array(z.string().min(1).max(40)).max(40).optional(),
    continued_from: z.string().min(1).max(20).nullable().optional(),
    continued_to: z.string().min(1).max(20).nullable().optional(),
    truncated_start: z.boolean().optional(),
    truncated_end: z.boolean().optional(),
  }),
  z.strictObject({ op: z.literal('correct'), slot, quote: text.min(1), to: text, note: text.optional() }),
]);
export type Intent = z.infer<typeof IntentSchema>;
export type SlotRef = z.infer<typeof slot>;

/** An intent that cannot be made a correction; the message (Chinese) is shown to the archivist. */
export class IntentError extends Error {}

/** The page as the archivist sees it: structural corrections applied, text as printed. */
export interface ReviewedPage {
  articles: Article[];
  other: OtherBlock[];
}

const SPACE = /\s/u;
/** Quotes are at least this many characters (white space aside) even when fewer would be unique: easier to read in the file. */
const MIN_QUOTE = 6;

function slotText(p: ReviewedPage, s: SlotRef): string {
  if (s.kind === 'other') {
    const o = p.other[s.index];
    if (!o) throw new IntentError('没有这块非文章内容（页面已变，请刷新）');
    return o.text;
  }
  const a = p.articles[s.article];
  if (!a) throw new IntentError('没有这篇文章（页面已变，请刷新）');
  const t = s.kind === 'field' ? a[s.field] : a.body[s.block]?.text;
  if (t === null || t === undefined) throw new IntentError('没有这段文字（页面已变，请刷新）');
  return t;
}

function squash(s: string): string {
  return s.replace(/\s+/gu, '');
}

/** The shortest quote starting at `start` of `t` that occurs once on the page (white space aside), from MIN_QUOTE characters. */
function quoteFrom(p: ReviewedPage, t: string, start: number, count = (q: string) => quoteHits(p, q).length): string | null {
  let kept = 0;
  for (let end = start; end < t.length; end++) {
    if (SPACE.test(t[end])) continue;
    kept++;
    const q = t.slice(start, end + 1).trim();
    if ((kept >= MIN_QUOTE || end === t.length - 1) && count(q) === 1) return q;
  }
  return null;
}

/** A quote that occurs once on the page and lies in article `i`. */
function articleAnchor(p: ReviewedPage, i: number): string {
  const a = p.articles[i];
  if (!a) throw new IntentError('没有这篇文章（页面已变，请刷新）');
  for (const t of [...TEXT_FIELDS.map((f) => a[f]), ...a.body.map((b) => b.text)]) {
    if (!t) continue;
    const q = quoteFrom(p, t, t.search(/\S/u));
    if (q && quoteHits(p, q).every((h) => h.kind !== 'other' && h.article === i)) return q;
  }
  throw new IntentError(`第${i + 1}篇的文字在本版都有重复，无法引用；请手工编辑更正文件`);
}

/** Where a quote the archivist selected or typed lies in a slot's text (white space aside), as an offset. */
function offsetIn(t: string, quote: string): number {
  const needle = squash(quote);
  if (!needle) throw new IntentError('请先选中或输入文字');
  let flat = '';
  const at: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (SPACE.test(t[i])) continue;
    flat += t[i];
    at.push(i);
  }
  const i = flat.indexOf(needle);
  if (i < 0) throw new IntentError(`「${quote}」不在这段文字里`);
  if (flat.indexOf(needle, i + 1) >= 0) throw new IntentError(`「${quote}」在这段里出现了不止一次，请多选几个字`);
  return at[i];
}

/** How often `q` occurs in `t`, white space aside (overlapping ones too). */
function occurrences(t: string, q: string): number {
  const hay = squash(t);
  const needle = squash(q);
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) n++;
  return n;
}

function whole(p: ReviewedPage, s: SlotRef): string {
  const t = slotText(p, s).trim();
  const hits = quoteHits(p, t);
  if (hits.filter((h) => h.whole).length !== 1) throw new IntentError(`「${t.slice(0, 20)}」在本版出现了不止一次，无法引用；请手工编辑更正文件`);
  return t;
}

function startQuote(p: ReviewedPage, t: string, start: number): string {
  const q = quoteFrom(p, t, start);
  if (!q) throw new IntentError('从这里开始的文字在本版有重复，无法引用；请手工编辑更正文件');
  return q;
}

/** The correction an intent asks for, quoted from the page; throws {@link IntentError} when it cannot be quoted. */
export function toCorrection(p: ReviewedPage, intent: Intent): Correction {
  switch (intent.op) {
    case 'split':
    case 'break': {
      const t = slotText(p, intent.slot);
      const start = intent.quote === undefined ? t.search(/\S/u) : offsetIn(t, intent.quote);
      const q = startQuote(p, t, start);
      return intent.op === 'split' ? { split: q } : { break: q };
    }
    case 'join': {
      const a = p.articles[intent.slot.article];
      const first = a?.body[intent.slot.block];
      const next = a?.body[intent.slot.block + 1];
      if (!first || !next) throw new IntentError('这是本篇最后一段，没有下一段可合并');
      const x = [...squash(first.text)];
      const y = [...squash(next.text)];
      for (let k = 2; k <= Math.max(x.length, y.length); k++) {
        const q = x.slice(-k).join('') + y.slice(0, k).join('');
        if (joinHits(p, q) === 1) return { join: q };
      }
      throw new IntentError('这两段的文字在本版有重复，无法引用；请手工编辑更正文件');
    }
    case 'retype':
      return { retype: startQuote(p, slotText(p, intent.slot), 0), as: intent.as };
    case 'setField': {
      // A selection moves only the selected words (two printed lines the parse read as one title).
      if (intent.quote !== undefined && !squash(slotText(p, intent.slot)).includes(squash(intent.quote))) throw new IntentError('所选文字不在这一行里');
      return { set: articleAnchor(p, intent.article), [intent.field]: intent.quote?.trim() || whole(p, intent.slot) } as Correction;
    }
    case 'clearField':
      return { set: articleAnchor(p, intent.article), [intent.field]: null } as Correction;
    case 'other': {
      const t = slotText(p, intent.slot);
      return { other: startQuote(p, t, t.search(/\S/u)), type: intent.type };
    }
    case 'otherArticle':
      return { other: articleAnchor(p, intent.article), type: intent.type, whole: true };
    case 'article': {
      const t = slotText(p, { kind: 'other', index: intent.index });
      const c: Correction = { article: startQuote(p, t, t.search(/\S/u)) };
      if (intent.into !== undefined) c.into = articleAnchor(p, intent.into);
      if (intent.as) c.as = intent.as;
      return c;
    }
    case 'merge':
      if (intent.article === intent.with) throw new IntentError('不能与自己合并');
      return { merge: articleAnchor(p, intent.article), with: articleAnchor(p, intent.with) };
    case 'values': {
      const { op: _, article, ...values } = intent;
      if (Object.keys(values).length === 0) throw new IntentError('没有要改的项');
      return { set: articleAnchor(p, article), ...values } as Correction;
    }
    case 'correct': {
      const t = slotText(p, intent.slot);
      const s = offsetIn(t, intent.quote);
      let e = s;
      for (let kept = 0; e < t.length && kept < squash(intent.quote).length; e++) if (!SPACE.test(t[e])) kept++;
      const original = t.slice(s, e);
      const c: Correction = { correct: original, to: intent.to };
      if (intent.note) c.note = intent.note;
      if (quoteHits(p, original).length === 1) return c;
      // Elsewhere on the page too: quote its context in this block, grown until it occurs once.
      for (let r = 1; s - r >= 0 || e + r <= t.length; r++) {
        const ctx = t.slice(Math.max(0, s - r), Math.min(t.length, e + r)).trim();
        if (quoteHits(p, ctx).length === 1 && occurrences(ctx, original) === 1) return { ...c, in: ctx };
      }
      throw new IntentError(`「${original}」和它周围的文字在本版有重复，无法引用；请手工编辑更正文件`);
    }
  }
}
