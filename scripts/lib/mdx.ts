/**
 * @fileoverview Stage 6 — MDX: an article becomes an MDX file for Astro's content collection.
 * Seed text is data, never code: every string is written as a JavaScript string literal inside a
 * JSX expression (`<P>{"…"}</P>`) and frontmatter values as JSON (valid YAML), so `{`, `<`,
 * `import`/`export` at line start, backticks and `---` in the page render literally.
 */
import type { Article } from './assemble.ts';

/** Frontmatter of an article file; the site's content schema (src/content.config.ts) mirrors it. */
export interface ArticleFrontmatter {
  id: string;
  page: string;
  order: number;
  column: string | null;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  authors: string[];
  continuedFrom: string | null;
  continuedTo: string | null;
  truncatedStart: boolean;
  truncatedEnd: boolean;
  /** First and last source line of the article in the page file. */
  lines: [number, number];
  /** The article's lines as extracted, for readers who want to check the cleaning. */
  source: string;
  /** Plain text of the body, for descriptions and feeds. */
  excerpt: string;
}

/**
 * A string as a JavaScript/JSON literal safe inside MDX: JSON escaping plus `<`, `>`, `{`, `}`
 * and line separators as \u escapes, so nothing in it can be read as markup by any later step.
 */
export function literal(s: unknown): string {
  return JSON.stringify(s).replace(/[<>{}\u2028\u2029`]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Body block components, supplied by the article page when it renders the content. */
const COMPONENT = { p: 'P', h: 'H', caption: 'Caption' } as const;

/** Renders one article as MDX text (frontmatter + body). */
export function articleToMdx(a: Article, fm: ArticleFrontmatter): string {
  const head = Object.entries(fm)
    .map(([k, v]) => `${k}: ${literal(v)}`)
    .join('\n');
  const body = a.body.map((b) => `<${COMPONENT[b.type]}>{${literal(b.text)}}</${COMPONENT[b.type]}>`).join('\n\n');
  return `---\n${head}\n---\n\n${body}\n`;
}
