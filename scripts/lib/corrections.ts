/**
 * @fileoverview Corrections (issue 11): an archivist's fixes of a page's parse, kept in a file per
 * page (`seeds/<page>.fix.yaml`, README "Corrections") and applied to the assembled page before
 * the conservation check. Every anchor is a quote of the page text as printed (white space
 * ignored), never a line number or an article number, so a correction survives a re-parse, a
 * better parser and edits elsewhere on the page. A correction whose effect the parse already has
 * "holds" (a better parser makes it redundant, never wrong); one whose quote is no longer on the
 * page, or is there more than once, is stale and fails the page with its file, place and reason.
 *
 * Text corrections (`correct`) are applied last, after every structural one, so all anchors quote
 * the printed text; the printed text is kept beside each (AppliedFix), the conservation check runs
 * over the printed text ({@link printedText}), and the article shows both.
 */
import { LineCounter, parseDocument } from 'yaml';
import { CORRECTION_OPS, CORRECTION_SCHEMAS, TEXT_FIELDS, type Article, type BodyBlock, type Correction, type CorrectionOp, type CorrectionStatus, type Doubt, type OtherBlock, type TextField } from '../../core/schema.ts';
import { startsMidSentence } from './assemble/article.ts';
import { MARKER_ANY, markerPointsOn } from './conventions.ts';
import { creditOfArticle, namesInCredit } from './credit.ts';
import { PageError } from './decode.ts';
import type { Line } from './lines.ts';
import { endsSentence } from './text.ts';

/** A corrections file that cannot be read, or a correction that no longer applies: fails the page's build. */
export class CorrectionError extends PageError {
  constructor(file: string, message: string) {
    super(file, message);
    this.name = 'CorrectionError';
  }
}

/** One correction of a file, with its place there. */
export interface FixItem {
  /** 1-based place in the file. */
  n: number;
  /** The file's line where it starts. */
  line: number | null;
  op: CorrectionOp;
  correction: Correction;
}

/** A page's corrections file, read. */
export interface FixFile {
  /** How messages name the file (`seeds/p.fix.yaml`). */
  name: string;
  items: FixItem[];
}

/** The corrections file name of a page file: `2025/p.txt` → `2025/p.fix.yaml`. */
export function fixFileName(pageFile: string): string {
  return pageFile.replace(/\.(txt|pdf)$/iu, '') + '.fix.yaml';
}

/** What names an op's quote in messages (`split「本报讯…」`). */
export function describe(c: Correction): string {
  const op = opOf(c);
  const q = (c as Record<string, unknown>)[op];
  return `${op}「${short(String(q))}」`;
}

function opOf(c: Correction): CorrectionOp {
  return CORRECTION_OPS.find((k) => k in c)!;
}

function short(s: string): string {
  const t = [...s.trim()];
  return t.length > 20 ? `${t.slice(0, 20).join('')}…` : t.join('');
}

/**
 * Reads a corrections file (YAML: `corrections:` and a list, one mapping per correction).
 * Throws {@link CorrectionError} naming the page, the file and line, and what is wrong.
 */
export function parseFixFile(text: string, name: string, seed: string): FixFile {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  const fail = (line: number | null, msg: string): never => {
    throw new CorrectionError(seed, `${name}${line === null ? '' : `:${line}`} ${msg}`);
  };
  if (doc.errors.length) fail(lc.linePos(doc.errors[0].pos[0]).line, `不是有效的 YAML：${doc.errors[0].message.split('\n')[0]}`);
  const js: unknown = doc.toJS();
  if (js === null || js === undefined) return { name, items: [] };
  if (typeof js !== 'object' || Array.isArray(js) || Object.keys(js).some((k) => k !== 'corrections')) fail(1, '应当只有一个键 corrections，其值为更正的列表');
  const list = (js as { corrections?: unknown }).corrections ?? [];
  if (!Array.isArray(list)) fail(1, 'corrections 应当是列表（每条更正以“- ”开头）');
  const items: FixItem[] = [];
  (list as unknown[]).forEach((raw, i) => {
    const node = doc.getIn(['corrections', i], true) as { range?: [number, number, number] } | undefined;
    const line = node?.range ? lc.linePos(node.range[0]).line : null;
    const n = i + 1;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(line, `第${n}条更正应当是“操作: 引文”形式的映射`);
    const ops = CORRECTION_OPS.filter((k) => k in (raw as object));
    if (ops.length !== 1) fail(line, `第${n}条更正应当恰好有一个操作（${CORRECTION_OPS.join('、')}），这里有${ops.length ? ops.join('、') : '零个'}`);
    const parsed = CORRECTION_SCHEMAS[ops[0]].safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      fail(line, `第${n}条更正（${ops[0]}）的 ${issue.path.join('.') || '写法'} 有误：${issue.message}`);
    }
    items.push({ n, line, op: ops[0], correction: parsed.data as Correction });
  });
  return { name, items };
}

// ── Text positions ───────────────────────────────────────────────────────────────────────────

const SPACE = /\s/u;

/** Text with white space removed, and where each kept character was (`at[i]`; `at[flat.length]` = the end). */
function squashMap(s: string): { flat: string; at: number[] } {
  let flat = '';
  const at: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (SPACE.test(s[i])) continue;
    flat += s[i];
    at.push(i);
  }
  at.push(s.length);
  return { flat, at };
}

function squash(s: string): string {
  return s.replace(/\s+/gu, '');
}

/** Every start of `needle` in `hay` (overlapping ones too). */
function indicesOf(hay: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

// ── The page being corrected ─────────────────────────────────────────────────────────────────

type Derived = 'authors' | 'continuation' | 'start' | 'end';
type Override = Partial<Pick<Article, 'authors' | 'continued_from' | 'continued_to' | 'truncated_start' | 'truncated_end'>>;

/** An article while corrections run: the article, which parsed articles its text came from, what to recompute. */
interface Work {
  a: Article;
  origins: number[];
  touched: boolean;
  rederive: Set<Derived>;
  override: Override;
}

interface State {
  articles: Work[];
  other: OtherBlock[];
  /** Values `set` gave (authors, flags): whether they change anything is known once derived fields are recomputed. */
  valueSets?: { w: Work; values: Override; status?: CorrectionStatus }[];
}

/** A place holding page text. */
type Slot = { kind: 'field'; w: Work; field: TextField } | { kind: 'block'; w: Work; index: number } | { kind: 'other'; index: number };

function slotText(s: State, slot: Slot): string {
  if (slot.kind === 'field') return slot.w.a[slot.field]!;
  if (slot.kind === 'block') return slot.w.a.body[slot.index].text;
  return s.other[slot.index].text;
}

function setSlotText(s: State, slot: Slot, text: string): void {
  if (slot.kind === 'field') slot.w.a[slot.field] = text;
  else if (slot.kind === 'block') slot.w.a.body[slot.index].text = text;
  else s.other[slot.index].text = text;
}

function* allSlots(s: State): Generator<Slot> {
  for (const w of s.articles) {
    for (const field of TEXT_FIELDS) if (w.a[field] !== null) yield { kind: 'field', w, field };
    for (let index = 0; index < w.a.body.length; index++) yield { kind: 'block', w, index };
  }
  for (let index = 0; index < s.other.length; index++) yield { kind: 'other', index };
}

/** Where a quote was found: its slot and its span in the slot's text. */
interface Hit {
  slot: Slot;
  start: number;
  end: number;
  /** The quote is the slot's whole text / its beginning / its end (white space aside). */
  whole: boolean;
  atStart: boolean;
  atEnd: boolean;
}

function findAll(s: State, q: string, keep: (slot: Slot) => boolean = () => true): Hit[] {
  const needle = squash(q);
  const hits: Hit[] = [];
  for (const slot of allSlots(s)) {
    if (!keep(slot)) continue;
    const { flat, at } = squashMap(slotText(s, slot));
    for (const i of indicesOf(flat, needle)) {
      const j = i + needle.length;
      hits.push({ slot, start: at[i], end: at[j - 1] + 1, whole: i === 0 && j === flat.length, atStart: i === 0, atEnd: j === flat.length });
    }
  }
  return hits;
}

/** A correction that cannot be applied: its reason, in Chinese. */
class Stale extends Error {}

function notFound(q: string): Stale {
  return new Stale(`本版找不到「${short(q)}」`);
}

/** The one hit of a quote, or a Stale naming why there is not exactly one (`where` names the place looked in). */
function unique(hits: Hit[], q: string, where = ''): Hit {
  if (hits.length === 0) throw where ? new Stale(`${where}里找不到「${short(q)}」`) : notFound(q);
  if (hits.length > 1) throw new Stale(`「${short(q)}」在${where || '本版'}出现了${hits.length}次，请多引几个字，使引文只出现一次`);
  return hits[0];
}

/** A quote of a whole line or block that also occurs inside longer text means the whole one. */
function preferWhole(hits: Hit[]): Hit[] {
  const whole = hits.filter((h) => h.whole);
  return hits.length > 1 && whole.length === 1 ? whole : hits;
}

/** The one hit of a quote in the body of an article; the reason names where else it is, if anywhere. */
function uniqueInBody(s: State, q: string): Hit {
  const hits = findAll(s, q);
  const body = hits.filter((h) => h.slot.kind === 'block');
  if (body.length === 0 && hits.length) throw new Stale(`「${short(q)}」不在文章的正文里（是${hits[0].slot.kind === 'other' ? '非文章内容' : '标题或署名'}）`);
  return unique(body, q);
}

/** The article holding a quote (anywhere in its headline or body). */
function articleOf(s: State, q: string): Work {
  const hits = findAll(s, q);
  const inArticles = hits.filter((h) => h.slot.kind !== 'other');
  if (hits.length && !inArticles.length) throw new Stale(`「${short(q)}」不在任何文章里（是版面上的非文章内容）`);
  const works = [...new Set(inArticles.map((h) => (h.slot as { w: Work }).w))];
  if (works.length === 0) throw notFound(q);
  if (works.length > 1 || inArticles.length > 1) throw new Stale(`「${short(q)}」在本版出现了${inArticles.length}次，请多引几个字，使引文只出现一次`);
  return works[0];
}

function newWork(origins: number[]): Work {
  return {
    a: { column: null, kicker: null, title: null, subtitle: null, byline: null, authors: [], continued_from: null, continued_to: null, truncated_start: false, truncated_end: false, body: [] },
    origins: [...origins],
    touched: true,
    rederive: new Set<Derived>(['authors', 'continuation', 'start', 'end']),
    override: {},
  };
}

function isEmpty(a: Article): boolean {
  return TEXT_FIELDS.every((f) => a[f] === null) && a.body.length === 0;
}

/** Removes a slot's text (a field becomes null, a block or other block goes). */
function removeSlot(s: State, slot: Slot): void {
  if (slot.kind === 'field') slot.w.a[slot.field] = null;
  else if (slot.kind === 'block') slot.w.a.body.splice(slot.index, 1);
  else s.other.splice(slot.index, 1);
}

/** Cuts a hit's text out of its slot (whole, or its beginning or end) and returns the text cut. */
function take(s: State, h: Hit): string {
  const text = slotText(s, h.slot);
  if (h.whole) {
    removeSlot(s, h.slot);
    return text.trim();
  }
  if (h.slot.kind === 'field') throw new Stale(`「${short(text.slice(h.start, h.end))}」只是「${short(text)}」的一部分；请引整行`);
  if (!h.atStart && !h.atEnd) throw new Stale(`「${short(text.slice(h.start, h.end))}」在一段文字的中间；请引整段，或它的开头或结尾`);
  setSlotText(s, h.slot, h.atStart ? text.slice(h.end).trimStart() : text.slice(0, h.start).trimEnd());
  return text.slice(h.start, h.end).trim();
}

/** Puts text where a hit was taken from: the same field, a paragraph at the same place, an other block of the same type. */
function putBack(s: State, h: Hit, text: string, otherType: OtherBlock['type']): void {
  const slot = h.slot;
  const at = slot.kind === 'field' ? 0 : h.whole || h.atStart ? slot.index : slot.index + 1;
  if (slot.kind === 'field') slot.w.a[slot.field] = text;
  else if (slot.kind === 'block') slot.w.a.body.splice(at, 0, { type: 'p', text });
  else s.other.splice(at, 0, { type: otherType, text });
}

function touch(w: Work, ...what: Derived[]): void {
  w.touched = true;
  for (const d of what) w.rederive.add(d);
}

// ── The operations ───────────────────────────────────────────────────────────────────────────

/** Applies one structural correction; returns false when the parse already was so. */
function applyOne(s: State, c: Correction, pagePos: (t: string) => number): boolean {
  if ('split' in c) {
    const h = uniqueInBody(s, c.split);
    const slot = h.slot as Extract<Slot, { kind: 'block' }>;
    const w = slot.w;
    if (slot.index === 0 && h.atStart) return false;
    const blocks = w.a.body;
    const at = blocks[slot.index];
    const head = h.atStart ? blocks.slice(0, slot.index) : [...blocks.slice(0, slot.index), { type: at.type, text: at.text.slice(0, h.start).trimEnd() }];
    const tail = h.atStart ? blocks.slice(slot.index) : [{ type: at.type, text: at.text.slice(h.start).trimStart() }, ...blocks.slice(slot.index + 1)];
    w.a.body = head;
    const b = newWork(w.origins);
    b.a.body = tail;
    touch(w, 'continuation', 'end');
    s.articles.splice(s.articles.indexOf(w) + 1, 0, b);
    return true;
  }
  if ('merge' in c) {
    const a = articleOf(s, c.merge);
    const b = articleOf(s, c.with);
    if (a === b) return false;
    const heads: BodyBlock[] = [];
    for (const f of ['column', 'kicker', 'title', 'subtitle'] as const) if (b.a[f]) heads.push({ type: 'h', text: b.a[f]! });
    if (b.a.byline) heads.push({ type: 'p', text: b.a.byline });
    a.a.body.push(...heads, ...b.a.body);
    a.a.authors = [...new Set([...a.a.authors, ...b.a.authors])];
    a.a.continued_to = b.a.continued_to ?? a.a.continued_to;
    a.a.continued_from = a.a.continued_from ?? b.a.continued_from;
    a.a.truncated_end = b.a.truncated_end;
    a.origins = [...new Set([...a.origins, ...b.origins])];
    a.touched = true;
    s.articles.splice(s.articles.indexOf(b), 1);
    return true;
  }
  if ('move' in c) {
    // A headline part or credit holding the quote moves whole; text of a block, as quoted (whole, or its start or end).
    const h = unique(preferWhole(findAll(s, c.move)), c.move);
    const as = c.as ?? (h.slot.kind === 'field' ? h.slot.field : null);
    if (!as) throw new Stale(`「${short(c.move)}」不是标题或署名；请用 as 写明它在目标文章里是什么（${TEXT_FIELDS.join('、')}）`);
    const target = articleOf(s, c.to);
    return setText(s, target, as, h.slot.kind === 'field' ? slotText(s, h.slot) : c.move);
  }
  if ('set' in c) {
    const w = articleOf(s, c.set);
    let changed = false;
    for (const f of TEXT_FIELDS) if (c[f] !== undefined) changed = setText(s, w, f, c[f]) || changed;
    const values: Override = {};
    for (const f of ['authors', 'continued_from', 'continued_to', 'truncated_start', 'truncated_end'] as const) {
      if (c[f] === undefined) continue;
      (values as Record<string, unknown>)[f] = c[f];
      (w.override as Record<string, unknown>)[f] = c[f];
      w.touched = true;
    }
    if (Object.keys(values).length) s.valueSets?.push({ w, values });
    return changed;
  }
  if ('other' in c) {
    if (c.whole) {
      const inOther = findAll(s, c.other, (x) => x.kind === 'other');
      if (inOther.length === 1 && findAll(s, c.other).length === 1) return retypeOther(s, inOther[0], c.type);
      const w = articleOf(s, c.other);
      const text = [...TEXT_FIELDS.map((f) => w.a[f]), ...w.a.body.map((b) => b.text)].filter((t): t is string => t !== null).join(' ');
      s.articles.splice(s.articles.indexOf(w), 1);
      s.other.push({ type: c.type, text });
      return true;
    }
    // The line or block holding the quote, whole (a `break` first cuts a part off).
    const h = unique(preferWhole(findAll(s, c.other)), c.other);
    if (h.slot.kind === 'other') return retypeOther(s, h, c.type);
    const owner = h.slot.w;
    const field = h.slot.kind === 'field' ? h.slot.field : null;
    const text = slotText(s, h.slot).trim();
    removeSlot(s, h.slot);
    s.other.push({ type: c.type, text });
    touch(owner, ...(field === 'byline' ? (['authors'] as const) : []));
    return true;
  }
  if ('article' in c) {
    const hits = findAll(s, c.article);
    const inOther = hits.filter((h) => h.slot.kind === 'other');
    if (inOther.length === 0 && hits.length > 0) {
      const w = articleOf(s, c.article);
      if (c.into && articleOf(s, c.into) !== w) throw new Stale(`「${short(c.article)}」已在另一篇文章里；请用 move 或 merge`);
      return false;
    }
    const h = unique(preferWhole(inOther), c.article, '非文章内容');
    const text = slotText(s, h.slot).trim();
    removeSlot(s, h.slot);
    const block: BodyBlock = { type: c.as ?? 'p', text };
    if (c.into) {
      const w = articleOf(s, c.into);
      const first = w.a.body[0];
      if (first && pagePos(text) < pagePos(first.text)) w.a.body.unshift(block);
      else w.a.body.push(block);
      touch(w, 'authors', 'continuation', 'start', 'end');
    } else {
      const w = newWork([]);
      w.a.body = [block];
      const p = pagePos(text);
      const at = s.articles.findIndex((x) => articlePos(x.a, pagePos) > p);
      s.articles.splice(at < 0 ? s.articles.length : at, 0, w);
    }
    return true;
  }
  if ('join' in c) return join(s, c.join);
  if ('break' in c) {
    const h = uniqueInBody(s, c.break);
    if (h.atStart) return false;
    const slot = h.slot as Extract<Slot, { kind: 'block' }>;
    const b = slot.w.a.body[slot.index];
    slot.w.a.body.splice(slot.index, 1, { type: b.type, text: b.text.slice(0, h.start).trimEnd() }, { type: b.type, text: b.text.slice(h.start).trimStart() });
    touch(slot.w);
    return true;
  }
  if ('retype' in c) {
    const h = uniqueInBody(s, c.retype);
    const slot = h.slot as Extract<Slot, { kind: 'block' }>;
    const b = slot.w.a.body[slot.index];
    if (b.type === c.as) return false;
    b.type = c.as;
    touch(slot.w, 'end');
    return true;
  }
  throw new Error(`not a structural correction: ${describe(c)}`);
}

function retypeOther(s: State, h: Hit, type: OtherBlock['type']): boolean {
  const o = s.other[(h.slot as Extract<Slot, { kind: 'other' }>).index];
  if (o.type === type) return false;
  o.type = type;
  return true;
}

/** A text field of `w` takes page text (a quote, found anywhere else) or gives its text back to the body (null). */
function setText(s: State, w: Work, field: TextField, value: string | null): boolean {
  const old = w.a[field];
  if (value === null) {
    if (old === null) return false;
    w.a[field] = null;
    w.a.body.unshift({ type: 'p', text: old });
    touch(w, ...(field === 'byline' ? (['authors'] as const) : []));
    return true;
  }
  if (old !== null && squash(old) === squash(value)) return false;
  const elsewhere = preferWhole(findAll(s, value, (x) => !(x.kind === 'field' && x.w === w && x.field === field)));
  // Part of the field's own text (a parse that read two headline lines as one title): the field keeps
  // that part, and the rest goes to the top of the body, where a later correction can take it.
  const own = old === null ? -1 : old.indexOf(value.trim());
  if (elsewhere.length === 0 && own >= 0) {
    const rest = `${old!.slice(0, own).trimEnd()} ${old!.slice(own + value.trim().length).trimStart()}`.trim();
    w.a[field] = value.trim();
    if (rest) w.a.body.unshift({ type: 'p', text: rest });
    touch(w, ...(field === 'byline' ? (['authors'] as const) : []));
    return true;
  }
  const h = unique(elsewhere, value);
  const source = h.slot.kind === 'other' ? null : h.slot.w;
  const sourceField = h.slot.kind === 'field' ? h.slot.field : null;
  const otherType = h.slot.kind === 'other' ? s.other[h.slot.index].type : 'text';
  const text = take(s, h);
  w.a[field] = text;
  if (old !== null) putBack(s, h, old, otherType);
  touch(w, ...(field === 'byline' ? (['authors'] as const) : []));
  if (source && source !== w) touch(source, ...(sourceField === 'byline' ? (['authors'] as const) : []));
  return true;
}

/** `join`: the quote runs across the breaks between paragraphs of one article; they become one paragraph. */
function join(s: State, q: string): boolean {
  const needle = squash(q);
  const found: { w: Work; from: number; to: number }[] = [];
  for (const w of s.articles) {
    const flats = w.a.body.map((b) => squash(b.text));
    const starts: number[] = [];
    let all = '';
    for (const f of flats) {
      starts.push(all.length);
      all += f;
    }
    const blockAt = (i: number) => {
      let k = 0;
      while (k + 1 < starts.length && starts[k + 1] <= i) k++;
      return k;
    };
    for (const i of indicesOf(all, needle)) found.push({ w, from: blockAt(i), to: blockAt(i + needle.length - 1) });
  }
  const elsewhere = findAll(s, q, (x) => x.kind !== 'block').length;
  if (found.length === 0 && elsewhere) throw new Stale(`「${short(q)}」不在文章的正文里；join 要引跨过段落分界的正文`);
  if (found.length === 0) throw notFound(q);
  if (found.length + elsewhere > 1) throw new Stale(`「${short(q)}」在本版出现了${found.length + elsewhere}次，请多引几个字，使引文只出现一次`);
  const { w, from, to } = found[0];
  if (from === to) return false;
  const merged: BodyBlock = { type: w.a.body[from].type, text: w.a.body.slice(from, to + 1).map((b) => b.text).join('') };
  w.a.body.splice(from, to - from + 1, merged);
  touch(w, 'end');
  return true;
}

/** Where an article begins in the page file (the first of its texts), for placing new articles. */
function articlePos(a: Article, pagePos: (t: string) => number): number {
  const texts = [...TEXT_FIELDS.map((f) => a[f]), ...a.body.map((b) => b.text)].filter((t): t is string => t !== null);
  return Math.min(...texts.map(pagePos));
}

// ── Derived fields ───────────────────────────────────────────────────────────────────────────

const MARKERS = new RegExp(MARKER_ANY.source, 'gu');

/** Recomputes the fields that follow from an article's text, as assembly does (assemble/article.ts). */
function rederive(a: Article, what: Set<Derived>): void {
  const paras = a.body.filter((b) => b.type === 'p');
  if (what.has('authors')) {
    const credit = creditOfArticle(a);
    a.authors = credit ? namesInCredit(credit) : [];
  }
  if (what.has('continuation')) {
    a.continued_from = null;
    a.continued_to = null;
    for (const p of paras) {
      for (const m of p.text.matchAll(MARKERS)) {
        const where = m[2].replace(/\s+/g, '');
        if (markerPointsOn(m[1])) a.continued_to = where;
        else if (a.continued_from === null) a.continued_from = where;
      }
    }
  }
  const strip = (t: string): string => t.replace(MARKERS, '').trim();
  if (what.has('start')) {
    const first = paras.map((p) => strip(p.text)).find((t) => t.length > 0);
    a.truncated_start = !!first && startsMidSentence(first);
  }
  if (what.has('end')) {
    const last = paras.length ? strip(paras[paras.length - 1].text) : '';
    a.truncated_end = last.length > 0 && !endsSentence(last) && !/[：:—]$/u.test(last);
  }
}

// ── Text corrections ─────────────────────────────────────────────────────────────────────────

/** A text correction as applied: where it is in the corrected page and what was printed. */
export interface AppliedFix {
  /** Article index (reading order) after corrections. */
  article: number;
  field: TextField | 'body';
  block: number | null;
  /** Span of the corrected text in the field's or block's (corrected) text. */
  start: number;
  end: number;
  original: string;
  corrected: string;
  /** The printed text around it (up to 20 characters each side). */
  context: string;
  note: string | null;
}

interface PendingFix {
  slot: Extract<Slot, { kind: 'field' | 'block' }>;
  /** The block object, so the fix follows it (fields are named). */
  block: BodyBlock | null;
  start: number;
  end: number;
  original: string;
  corrected: string;
  note: string | null;
}

function sameString(f: PendingFix, g: PendingFix): boolean {
  return f.slot.w === g.slot.w && (f.block ? f.block === g.block : f.slot.kind === 'field' && g.slot.kind === 'field' && f.slot.field === g.slot.field);
}

function correct(s: State, c: Extract<Correction, { correct: string }>, done: PendingFix[]): boolean {
  const inArticles = (x: Slot) => x.kind !== 'other';
  let hits: Hit[];
  if (c.in !== undefined) {
    const ctx = findAll(s, c.in, inArticles);
    if (ctx.length === 0 && findAll(s, squash(c.in).split(squash(c.correct)).join(squash(c.to)), inArticles).length === 1) return false;
    const h = unique(ctx, c.in);
    hits = findAll(s, c.correct, (x) => sameSlot(x, h.slot)).filter((x) => x.start >= h.start && x.end <= h.end);
    hits = [unique(hits, c.correct, `「${short(c.in)}」`)];
  } else {
    hits = findAll(s, c.correct, inArticles);
    if (hits.length === 0 && squash(c.to) && findAll(s, c.to, inArticles).length === 1) return false;
    if (hits.length === 0 && findAll(s, c.correct).length) throw new Stale(`「${short(c.correct)}」不在文章里；只有文章的文字可以更正`);
    hits = [unique(hits, c.correct)];
  }
  const h = hits[0];
  const slot = h.slot as PendingFix['slot'];
  const fix: PendingFix = { slot, block: slot.kind === 'block' ? slot.w.a.body[slot.index] : null, start: h.start, end: h.start + c.to.length, original: '', corrected: c.to, note: c.note ?? null };
  const clash = done.find((f) => sameString(f, fix) && f.start < h.end && h.start < f.end);
  if (clash) throw new Stale(`「${short(c.correct)}」与另一条文字更正重叠`);
  const text = slotText(s, slot);
  fix.original = text.slice(h.start, h.end);
  setSlotText(s, slot, text.slice(0, h.start) + c.to + text.slice(h.end));
  const delta = c.to.length - (h.end - h.start);
  for (const f of done) {
    if (sameString(f, fix) && f.start >= h.end) {
      f.start += delta;
      f.end += delta;
    }
  }
  done.push(fix);
  return true;
}

function sameSlot(x: Slot, y: Slot): boolean {
  if (x.kind === 'field' && y.kind === 'field') return x.w === y.w && x.field === y.field;
  if (x.kind === 'block' && y.kind === 'block') return x.w === y.w && x.index === y.index;
  return x.kind === 'other' && y.kind === 'other' && x.index === y.index;
}

/** A string with its text corrections undone: the printed text. */
function revert(text: string, fixes: { start: number; end: number; original: string }[]): string {
  let out = text;
  for (const f of [...fixes].sort((a, b) => b.start - a.start)) out = out.slice(0, f.start) + f.original + out.slice(f.end);
  return out;
}

/** The page's articles and other blocks with every text correction undone: what the conservation check compares with the page. */
export function printedText<T extends { articles: Article[]; other: OtherBlock[]; fixes?: AppliedFix[] }>(page: T): { articles: Article[]; other: OtherBlock[] } {
  if (!page.fixes?.length) return page;
  const articles = page.articles.map((a, i) => {
    const mine = page.fixes!.filter((f) => f.article === i);
    if (!mine.length) return a;
    const copy: Article = { ...a, body: a.body.map((b) => ({ ...b })) };
    for (const f of TEXT_FIELDS) {
      const fx = mine.filter((x) => x.field === f);
      if (fx.length) copy[f] = revert(copy[f]!, fx);
    }
    copy.body.forEach((b, k) => {
      const fx = mine.filter((x) => x.field === 'body' && x.block === k);
      if (fx.length) b.text = revert(b.text, fx);
    });
    return copy;
  });
  return { articles, other: page.other };
}

// ── Lines: which went where ──────────────────────────────────────────────────────────────────

/**
 * Source lines of each article after corrections, found by text: a line goes to the article whose
 * text holds it (preferring the article its parsed article became, then the previous line's), a
 * line cut by a split to both. Lines no article holds are the page's other blocks'.
 */
function attributeLines(s: State, lines: Line[], parsedLines: number[][]): number[][] {
  const flats = s.articles.map((w) => squash([...TEXT_FIELDS.map((f) => w.a[f] ?? ''), ...w.a.body.map((b) => b.text)].join('')));
  const otherFlat = s.other.map((o) => squash(o.text));
  const parsedOwner = new Map<number, Set<number>>();
  parsedLines.forEach((nos, i) => nos.forEach((n) => (parsedOwner.get(n) ?? parsedOwner.set(n, new Set()).get(n)!).add(i)));
  const out: Set<number>[] = s.articles.map(() => new Set());
  let prev = -1;
  const pick = (cands: number[], no: number): number => {
    const from = parsedOwner.get(no);
    return cands.find((i) => s.articles[i].origins.some((o) => from?.has(o))) ?? (cands.includes(prev) ? prev : cands[0]);
  };
  for (const l of lines) {
    const t = squash(l.text);
    if (!t) continue;
    const whole = flats.flatMap((f, i) => (f.includes(t) ? [i] : []));
    if (whole.length) {
      prev = pick(whole, l.no);
      out[prev].add(l.no);
      continue;
    }
    if (otherFlat.some((f) => f.includes(t))) continue;
    // Cut by a split or a moved headline: the article holding its start and the one holding its end.
    const half = Math.ceil(t.length / 2);
    const a = flats.flatMap((f, i) => (f.includes(t.slice(0, half)) ? [i] : []));
    const b = flats.flatMap((f, i) => (f.includes(t.slice(half)) ? [i] : []));
    for (const cands of [a, b]) {
      if (!cands.length) continue;
      prev = pick(cands, l.no);
      out[prev].add(l.no);
    }
  }
  return out.map((set, i) => {
    if (set.size) return [...set].sort((x, y) => x - y);
    // An article whose every line is shared text (a duplicate): its parsed lines, else the first line.
    const parsed = s.articles[i].origins.flatMap((o) => parsedLines[o] ?? []);
    return parsed.length ? [...new Set(parsed)].sort((x, y) => x - y) : [lines[0]?.no ?? 1];
  });
}

// ── Applying a file ──────────────────────────────────────────────────────────────────────────

/** A parsed page, as assembly and the confidence stage leave it (the parts of PageResult corrections touch). */
export interface ParsedPage<C> {
  articles: Article[];
  firstLines: number[];
  sourceLines: number[][];
  other: OtherBlock[];
  doubts: Doubt[];
  /** Per article; an article a correction touched gets `touched(article)`. */
  confidence: C[];
}

/** The page after its corrections. */
export interface CorrectedPage<C> extends ParsedPage<C> {
  fixes: AppliedFix[];
  statuses: CorrectionStatus[];
  /** Stale corrections skipped (only with `stale: 'warn'`). */
  warnings: string[];
  /** Per article: whether a correction changed it. */
  corrected: boolean[];
}

/** How to apply a corrections file. */
export interface ApplyOptions<C> {
  /** The page file's name, for messages. */
  seed: string;
  /** A stale correction fails the page (default) or is skipped with a warning. */
  stale?: 'error' | 'warn';
  /** The confidence of an article a correction made or changed: an archivist has looked at it. */
  touched: (a: Article) => C;
  /** Leave text corrections out (the review tool quotes the printed text). */
  skipText?: boolean;
}

/** Applies a page's corrections to its parse; throws {@link CorrectionError} when one is stale (unless downgraded). */
export function applyCorrections<C>(page: ParsedPage<C>, lines: Line[], file: FixFile, options: ApplyOptions<C>): CorrectedPage<C> {
  const s: State = {
    articles: page.articles.map((a, i) => ({ a: { ...a, authors: [...a.authors], body: a.body.map((b) => ({ ...b })) }, origins: [i], touched: false, rederive: new Set(), override: {} })),
    other: page.other.map((o) => ({ ...o })),
    valueSets: [],
  };
  const flatPage = squash(lines.map((l) => l.text).join(''));
  const pagePos = (t: string): number => {
    const i = flatPage.indexOf(squash(t));
    return i < 0 ? Infinity : i;
  };
  const statuses: CorrectionStatus[] = [];
  const stale: string[] = [];
  const record = (item: FixItem, run: () => boolean): void => {
    const mark = s.valueSets!.length;
    try {
      const changed = run();
      const status: CorrectionStatus = { n: item.n, line: item.line, op: item.op, status: changed ? 'applied' : 'holds', message: null };
      statuses.push(status);
      for (const v of s.valueSets!.slice(mark)) v.status = status;
    } catch (e) {
      if (!(e instanceof Stale)) throw e;
      statuses.push({ n: item.n, line: item.line, op: item.op, status: 'stale', message: e.message });
      stale.push(`${file.name}${item.line === null ? '' : `:${item.line}`} 第${item.n}条更正（${describe(item.correction)}）不再适用：${e.message}`);
    }
    s.articles = s.articles.filter((w) => !isEmpty(w.a));
  };
  for (const item of file.items) if (item.op !== 'correct') record(item, () => applyOne(s, item.correction, pagePos));
  for (const w of s.articles) rederive(w.a, w.rederive);
  for (const v of s.valueSets!) {
    const differs = Object.entries(v.values).some(([k, x]) => JSON.stringify(v.w.a[k as keyof Override]) !== JSON.stringify(x));
    if (differs && v.status) v.status.status = 'applied';
  }
  for (const w of s.articles) Object.assign(w.a, w.override);
  const changed = statuses.some((x) => x.status === 'applied');
  const sourceLines = changed ? attributeLines(s, lines, page.sourceLines) : page.sourceLines;
  const pending: PendingFix[] = [];
  for (const item of file.items) {
    if (item.op !== 'correct' || options.skipText) continue;
    record(item, () => correct(s, item.correction as Extract<Correction, { correct: string }>, pending));
  }
  statuses.sort((a, b) => a.n - b.n);
  if (stale.length && (options.stale ?? 'error') === 'error') throw new CorrectionError(options.seed, stale.join('\n'));

  const fixes: AppliedFix[] = pending.map((p) => {
    const article = s.articles.indexOf(p.slot.w);
    const block = p.block ? p.slot.w.a.body.indexOf(p.block) : null;
    const current = p.block ? p.block.text : p.slot.w.a[(p.slot as Extract<Slot, { kind: 'field' }>).field]!;
    const same = pending.filter((q) => sameString(q, p));
    const printed = revert(current, same);
    const before = same.filter((q) => q.start < p.start).reduce((d, q) => d + (q.original.length - q.corrected.length), 0);
    const at = p.start + before;
    const context = printed.slice(Math.max(0, at - 20), at + p.original.length + 20);
    return { article, field: p.block ? 'body' : (p.slot as Extract<Slot, { kind: 'field' }>).field, block, start: p.start, end: p.end, original: p.original, corrected: p.corrected, context, note: p.note };
  });

  // Confidence and doubts follow the articles: a touched article has been looked at by an archivist.
  const confidence = s.articles.map((w) => (w.touched || w.origins.length !== 1 ? options.touched(w.a) : page.confidence[w.origins[0]]));
  const doubts: Doubt[] = changed ? [] : page.doubts;
  for (const d of changed ? page.doubts : []) {
    const i = d.article === undefined ? -1 : sourceLines.findIndex((nos) => nos.includes(d.line));
    if (d.article === undefined) doubts.push(d);
    else if (i >= 0 && !s.articles[i].touched && s.articles[i].origins.length === 1) doubts.push({ ...d, article: i, message: d.message.replace(/^第\d+篇/u, `第${i + 1}篇`) });
  }
  return {
    articles: s.articles.map((w) => w.a),
    sourceLines,
    firstLines: changed ? sourceLines.map((nos) => nos[0]) : page.firstLines,
    other: s.other,
    doubts,
    confidence,
    fixes,
    statuses,
    warnings: stale,
    corrected: s.articles.map((w) => w.touched || pending.some((p) => p.slot.w === w)),
  };
}

// ── Quotes for tools ─────────────────────────────────────────────────────────────────────────

/** Where a quote occurs on a page (the review tool builds quotes that occur once). */
export type QuoteHit = { start: number; end: number; whole: boolean } & (
  | { kind: 'field'; article: number; field: TextField }
  | { kind: 'block'; article: number; block: number }
  | { kind: 'other'; index: number }
);

/** Every occurrence of a quote in a page's headline parts, body blocks and other blocks, as the corrections look for it. */
export function quoteHits(page: { articles: Article[]; other: OtherBlock[] }, q: string): QuoteHit[] {
  const s: State = { articles: page.articles.map((a, i) => ({ a, origins: [i], touched: false, rederive: new Set(), override: {} })), other: page.other };
  return findAll(s, q).map((h) => {
    const base = { start: h.start, end: h.end, whole: h.whole };
    if (h.slot.kind === 'other') return { ...base, kind: 'other', index: h.slot.index };
    const article = s.articles.indexOf(h.slot.w);
    return h.slot.kind === 'field' ? { ...base, kind: 'field', article, field: h.slot.field } : { ...base, kind: 'block', article, block: h.slot.index };
  });
}

/** Occurrences of a quote across the paragraph breaks of articles' bodies (what `join` counts), plus elsewhere. */
export function joinHits(page: { articles: Article[]; other: OtherBlock[] }, q: string): number {
  const needle = squash(q);
  let n = 0;
  for (const a of page.articles) n += indicesOf(a.body.map((b) => squash(b.text)).join(''), needle).length;
  return n + quoteHits(page, q).filter((h) => h.kind !== 'block').length;
}
