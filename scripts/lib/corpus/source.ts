/**
 * @fileoverview The conventions corpus's source format (tests/corpus/README.md): one page of
 * fictional articles in reading order, how its paper prints them and how the extraction scrambles
 * them. Validated here so a typo in a source names its file and place instead of rendering wrong.
 */
import { OTHER_BLOCK_TYPES, type OtherBlock } from '../../../core/schema.ts';

/** Layouts a page text comes out in (tests/corpus/README.md, "Layouts"). */
export const LAYOUTS = ['column-blank', 'column-glued', 'paragraph'] as const;
export type CorpusLayout = (typeof LAYOUTS)[number];

/** Types of non-article blocks: the schema's (SCHEMA.md, "Page furniture"). */
export type CorpusOtherType = OtherBlock['type'];

export interface SourceBodyBlock {
  type: 'p' | 'h' | 'caption';
  text: string;
  /** A caption whose photo interrupts the preceding paragraph in the extraction. */
  cut: boolean;
  /** Lines printed as given (a caption and its credit line), instead of wrapping `text`. */
  lines?: string[];
}

export interface SourceArticle {
  column: string | null;
  kicker: string | null;
  /** The title's printed lines (one, or two for one title broken in two). */
  titleLines: string[];
  subtitle: string | null;
  head: 'stacked' | 'inline';
  byline: string | null;
  /** Where the byline is printed: 0 = under the headline, n = after body block n, -1 = after the body. */
  bylineAt: number;
  authors: string[];
  continued_from: string | null;
  continued_to: string | null;
  truncated_start: boolean;
  truncated_end: boolean;
  body: SourceBodyBlock[];
}

export interface SourceOther {
  type: CorpusOtherType;
  /** Printed lines; a single long line is wrapped like body text in the column layouts. */
  lines: string[];
  /** True when given as `text` (one block of running text, wrapped in column layouts). */
  running: boolean;
  /** Run-in items (classified notices), each wrapped at the column width; expected text joins them with a space. */
  items?: string[];
}

export type SourceBlock = { kind: 'article'; article: SourceArticle } | { kind: 'other'; other: SourceOther };

export type Extraction =
  | { op: 'heads_after'; articles: number[] | 'all' }
  | { op: 'interleave'; articles: [number, number] }
  | { op: 'heads_together'; articles: number[] }
  | { op: 'stray_start'; article: number }
  | { op: 'inside'; article: number; host: number }
  | { op: 'glue_head'; article: number };

export interface SourceStyle {
  punct: 'full' | 'half';
  script: 'hans' | 'hant';
  width: number;
  indent: 'width' | 'spaces';
  layouts: CorpusLayout[];
  /** Extraction habits of other tools, for training variants (not in source files; render.ts). */
  quirks?: Quirks;
}

/** Habits of other extractors that the training variants add (render.ts). */
export interface Quirks {
  /** No blank lines at all (column-glued). */
  noBlank?: boolean;
  /** Two blank lines after every line (column-blank). */
  doubleBlank?: boolean;
  /** Indent with two ASCII spaces instead of U+3000 (with indent: spaces). */
  asciiIndent?: boolean;
  /** A running head and a folio line at the top and the foot of the page. */
  runningHeads?: boolean;
  /** Share of articles whose headline comes out after the first part of its body (it spans the later columns). */
  headMid?: number;
  /** Share of short titles that come out one character per line (a vertical headline). */
  verticalHead?: number;
}

export interface SourcePage {
  name: string;
  note: string;
  conventions: string[];
  paper: string | null;
  style: SourceStyle;
  extraction: Extraction[];
  blocks: SourceBlock[];
}

/** A source file that does not follow the format, named with its file and the place in it. */
export class SourceError extends Error {
  constructor(file: string, where: string, message: string) {
    super(`${file}: ${where}: ${message}`);
    this.name = 'SourceError';
  }
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Reads a raw (YAML-parsed) source into a checked page. */
export function readSource(raw: unknown, name: string, file = `${name}.yaml`): SourcePage {
  const fail = (where: string, msg: string): never => {
    throw new SourceError(file, where, msg);
  };
  if (!isObj(raw)) return fail('top level', 'expected a mapping');
  const str = (v: unknown, where: string, nullable = true): string | null => {
    if (v === undefined || v === null) return nullable ? null : fail(where, 'missing');
    if (typeof v === 'number') return String(v);
    if (typeof v !== 'string') return fail(where, `expected text, got ${JSON.stringify(v)}`);
    return v;
  };
  const bool = (v: unknown, where: string): boolean => {
    if (v === undefined || v === null) return false;
    if (typeof v !== 'boolean') return fail(where, 'expected true or false');
    return v;
  };
  const known = (o: Obj, keys: string[], where: string): void => {
    for (const k of Object.keys(o)) if (!keys.includes(k)) fail(where, `unknown key "${k}" (known: ${keys.join(', ')})`);
  };
  known(raw, ['note', 'conventions', 'paper', 'style', 'extraction', 'blocks'], 'top level');
  const styleRaw = raw.style ?? {};
  if (!isObj(styleRaw)) return fail('style', 'expected a mapping');
  known(styleRaw, ['punct', 'script', 'width', 'indent', 'layouts'], 'style');
  const width = styleRaw.width === undefined ? 14 : Number(styleRaw.width);
  if (!Number.isFinite(width) || width < 8 || width > 30) fail('style.width', 'expected a number of cells from 8 to 30');
  const layouts = (styleRaw.layouts ?? [...LAYOUTS]) as unknown;
  if (!Array.isArray(layouts) || layouts.length === 0 || layouts.some((l) => !LAYOUTS.includes(l as CorpusLayout))) fail('style.layouts', `expected a list of ${LAYOUTS.join(', ')}`);
  const oneOf = <T extends string>(v: unknown, options: readonly T[], dflt: T, where: string): T => {
    if (v === undefined || v === null) return dflt;
    if (!options.includes(v as T)) fail(where, `expected one of ${options.join(', ')}`);
    return v as T;
  };
  const style: SourceStyle = {
    punct: oneOf(styleRaw.punct, ['full', 'half'] as const, 'full', 'style.punct'),
    script: oneOf(styleRaw.script, ['hans', 'hant'] as const, 'hans', 'style.script'),
    width,
    indent: oneOf(styleRaw.indent, ['width', 'spaces'] as const, 'width', 'style.indent'),
    layouts: layouts as CorpusLayout[],
  };
  if (!Array.isArray(raw.blocks) || raw.blocks.length === 0) return fail('blocks', 'expected a non-empty list');
  const blocks: SourceBlock[] = raw.blocks.map((b: unknown, i: number): SourceBlock => {
    const where = `blocks[${i + 1}]`;
    if (!isObj(b)) return fail(where, 'expected a mapping');
    if ('other' in b) {
      known(b, ['other', 'text', 'lines', 'items'], where);
      const type = oneOf(b.other, OTHER_BLOCK_TYPES, 'text', `${where}.other`);
      if (Array.isArray(b.items)) {
        const items = b.items.map((l, k) => str(l, `${where}.items[${k + 1}]`, false)!);
        return { kind: 'other', other: { type, lines: items, running: false, items } };
      }
      if (Array.isArray(b.lines)) {
        const lines = b.lines.map((l, k) => str(l, `${where}.lines[${k + 1}]`, false)!);
        return { kind: 'other', other: { type, lines, running: false } };
      }
      return { kind: 'other', other: { type, lines: [str(b.text, `${where}.text`, false)!], running: true } };
    }
    if (!isObj(b.article)) return fail(where, 'expected `other:` or `article:`');
    const a = b.article;
    known(a, ['column', 'kicker', 'title', 'subtitle', 'head', 'byline', 'byline_at', 'authors', 'continued_from', 'continued_to', 'truncated_start', 'truncated_end', 'body'], where);
    const titleLines = a.title === undefined || a.title === null ? [] : Array.isArray(a.title) ? a.title.map((t, k) => str(t, `${where}.title[${k + 1}]`, false)!) : [str(a.title, `${where}.title`, false)!];
    if (!Array.isArray(a.body) || a.body.length === 0) return fail(`${where}.body`, 'expected a non-empty list');
    const body = a.body.map((x: unknown, k: number): SourceBodyBlock => {
      const w = `${where}.body[${k + 1}]`;
      if (!isObj(x)) return fail(w, 'expected a mapping like `p: …`');
      known(x, ['p', 'h', 'caption', 'cut'], w);
      const type = (['p', 'h', 'caption'] as const).find((t) => t in x);
      if (!type) return fail(w, 'expected p, h or caption');
      const v = x[type];
      if (type === 'caption' && Array.isArray(v)) {
        const lines = v.map((l, j) => str(l, `${w}.caption[${j + 1}]`, false)!);
        return { type, text: lines.join(''), cut: bool(x.cut, `${w}.cut`), lines };
      }
      return { type, text: str(v, `${w}.${type}`, false)!, cut: bool(x.cut, `${w}.cut`) };
    });
    const bylineAtRaw = a.byline_at ?? 'head';
    const bylineAt = bylineAtRaw === 'head' ? 0 : bylineAtRaw === 'end' ? -1 : Number(bylineAtRaw);
    if (!Number.isInteger(bylineAt) || bylineAt < -1 || bylineAt > body.length) fail(`${where}.byline_at`, 'expected head, end or a body block number');
    const authors = a.authors ?? [];
    if (!Array.isArray(authors)) return fail(`${where}.authors`, 'expected a list');
    return {
      kind: 'article',
      article: {
        column: str(a.column, `${where}.column`),
        kicker: str(a.kicker, `${where}.kicker`),
        titleLines,
        subtitle: str(a.subtitle, `${where}.subtitle`),
        head: oneOf(a.head, ['stacked', 'inline'] as const, 'stacked', `${where}.head`),
        byline: str(a.byline, `${where}.byline`),
        bylineAt,
        authors: authors.map((n, k) => str(n, `${where}.authors[${k + 1}]`, false)!),
        continued_from: str(a.continued_from, `${where}.continued_from`),
        continued_to: str(a.continued_to, `${where}.continued_to`),
        truncated_start: bool(a.truncated_start, `${where}.truncated_start`),
        truncated_end: bool(a.truncated_end, `${where}.truncated_end`),
        body,
      },
    };
  });
  const nArticles = blocks.filter((b) => b.kind === 'article').length;
  const artNo = (v: unknown, where: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > nArticles) fail(where, `expected an article number from 1 to ${nArticles}`);
    return n;
  };
  const extractionRaw = raw.extraction ?? [];
  if (!Array.isArray(extractionRaw)) return fail('extraction', 'expected a list');
  const extraction: Extraction[] = extractionRaw.map((e: unknown, i: number): Extraction => {
    const where = `extraction[${i + 1}]`;
    if (!isObj(e) || Object.keys(e).length !== 1) return fail(where, 'expected one operation, e.g. `- heads_after: [1]`');
    const [op, v] = Object.entries(e)[0];
    const list = (): number[] => (Array.isArray(v) ? v.map((x, k) => artNo(x, `${where}[${k + 1}]`)) : fail(where, 'expected a list of article numbers'));
    switch (op) {
      case 'heads_after':
        return { op, articles: v === 'all' ? 'all' : list() };
      case 'interleave': {
        const l = list();
        if (l.length !== 2) fail(where, 'expected two article numbers');
        return { op, articles: [l[0], l[1]] };
      }
      case 'heads_together':
        return { op, articles: list() };
      case 'stray_start':
        return { op, article: artNo(v, where) };
      case 'glue_head':
        return { op, article: artNo(v, where) };
      case 'inside': {
        const l = list();
        if (l.length !== 2) fail(where, 'expected [article, host]');
        return { op, article: l[0], host: l[1] };
      }
      default:
        return fail(where, `unknown operation "${op}"`);
    }
  });
  const conventions = raw.conventions ?? [];
  if (!Array.isArray(conventions)) return fail('conventions', 'expected a list');
  return {
    name,
    note: str(raw.note, 'note') ?? '',
    conventions: conventions.map(String),
    paper: str(raw.paper, 'paper'),
    style,
    extraction,
    blocks,
  };
}
