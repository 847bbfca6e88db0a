/**
 * @fileoverview Stage 6 — MDX: an article becomes an MDX file for Astro's content collection.
 * Seed text is data, never code: every string is written as a JavaScript string literal inside a
 * JSX expression (`<P>{"…"}</P>`) and frontmatter values as JSON (valid YAML), so `{`, `<`,
 * `import`/`export` at line start, backticks and `---` in the page render literally.
 * The frontmatter's shape is `ArticleFrontmatterSchema` (core/schema.ts); both directions check it.
 */
import { ArticleFrontmatterSchema, type Article, type ArticleFrontmatter } from '../../core/schema.ts';

/** A text correction inside a body block (scripts/lib/corrections.ts `AppliedFix`): its span in the corrected text and the printed text. */
export interface BlockFix {
  field: string;
  block: number | null;
  start: number;
  end: number;
  original: string;
}

/**
 * A string as a JavaScript/JSON literal safe inside MDX: JSON escaping plus `<`, `>`, `{`, `}`
 * and line separators as \u escapes, so nothing in it can be read as markup by any later step.
 */
export function literal(s: unknown): string {
  return JSON.stringify(s).replace(/[<>{}\u2028\u2029`]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A frontmatter value as JSON whose strings are {@link literal}s (objects and arrays keep their brackets). */
function frontmatterValue(v: unknown): string {
  if (typeof v === 'string') return literal(v);
  if (Array.isArray(v)) return `[${v.map(frontmatterValue).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${frontmatterValue(x)}`).join(',')}}`;
  return JSON.stringify(v);
}

/** Body block components, supplied by the article page when it renders the content. */
const COMPONENT = { p: 'P', h: 'H', caption: 'Caption' } as const;

/**
 * A block's text as MDX children: literals, and each corrected span as `<Fix from={…}>{…}</Fix>`
 * (issue 11), so the article marks what was corrected and keeps what was printed.
 */
function blockChildren(text: string, fixes: BlockFix[]): string {
  if (fixes.length === 0) return `{${literal(text)}}`;
  let out = '';
  let at = 0;
  for (const f of [...fixes].sort((x, y) => x.start - y.start)) {
    if (f.start > at) out += `{${literal(text.slice(at, f.start))}}`;
    out += `<Fix from={${literal(f.original)}}>{${literal(text.slice(f.start, f.end))}}</Fix>`;
    at = f.end;
  }
  if (at < text.length) out += `{${literal(text.slice(at))}}`;
  return out;
}

/** Renders one article as MDX text (frontmatter + body); throws if the frontmatter breaks the schema. */
export function articleToMdx(a: Article, fm: ArticleFrontmatter, fixes: BlockFix[] = []): string {
  // Parsed, not just typed: the written file is what the content collection will accept, keys in schema order.
  const head = Object.entries(ArticleFrontmatterSchema.parse(fm))
    .map(([k, v]) => `${k}: ${frontmatterValue(v)}`)
    .join('\n');
  const body = a.body.map((b, k) => `<${COMPONENT[b.type]}>${blockChildren(b.text, fixes.filter((f) => f.field === 'body' && f.block === k))}</${COMPONENT[b.type]}>`).join('\n\n');
  return `---\n${head}\n---\n\n${body}\n`;
}

/** The frontmatter of an article file (core/mdx-body.ts), for readers outside Astro: the search indexer, the benchmarks. */
export { readFrontmatter } from '../../core/mdx-body.ts';
