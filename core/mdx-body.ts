/**
 * Reads an article file back (the inverse of scripts/lib/mdx.ts `articleToMdx`): the frontmatter,
 * one JSON literal a line, and the body, where each block is `<P>…</P>`, `<H>…</H>` or
 * `<Caption>…</Caption>` whose children are JSON literals `{"…"}` and corrected spans
 * `<Fix from={"printed"}>{"corrected"}</Fix>` (issue 11), blocks separated by blank lines.
 *
 * The site renders article bodies from these blocks (src/lib/articles-loader-fs.ts) rather than having
 * Astro compile every article file as an MDX module into the build's bundle (issue 15): the files are
 * still MDX, and only this subset is ever written. The open data (issue 12) takes the corrected text.
 */
import { ArticleFrontmatterSchema, type ArticleFrontmatter, type BodyBlock } from './schema.ts';

const TYPE = { P: 'p', H: 'h', Caption: 'caption' } as const;
const LITERAL = String.raw`"(?:[^"\\]|\\.)*"`;
const CHILD = String.raw`\{${LITERAL}\}|<Fix from=\{${LITERAL}\}>\{${LITERAL}\}<\/Fix>`;
const BLOCK = new RegExp(String.raw`^<(P|H|Caption)>((?:${CHILD})+)<\/\1>$`);
/** One child: group 1 is a plain literal; groups 2 and 3 a corrected span's printed and corrected text. */
const CHILDREN = new RegExp(String.raw`\{(${LITERAL})\}|<Fix from=\{(${LITERAL})\}>\{(${LITERAL})\}<\/Fix>`, 'g');

/** A piece of a block: text as printed, or a correction (`from` the printed text, `text` the corrected one). */
export type MdxPart = { text: string; from?: undefined } | { text: string; from: string };

/** A body block with its corrections kept apart from the text around them. */
export interface MdxBlock {
  type: BodyBlock['type'];
  parts: MdxPart[];
}

/** The body blocks of an MDX body, corrections marked; throws on a line that is no block (the file was not written by the ingest). */
export function readMdxBlocks(body: string): MdxBlock[] {
  const out: MdxBlock[] = [];
  for (const line of body.split('\n')) {
    if (line.trim() === '') continue;
    const m = BLOCK.exec(line);
    if (!m) throw new Error(`not an ingest body block: ${line.slice(0, 60)}`);
    const parts: MdxPart[] = [];
    for (const c of m[2].matchAll(CHILDREN)) {
      parts.push(c[1] !== undefined ? { text: JSON.parse(c[1]) as string } : { text: JSON.parse(c[3]) as string, from: JSON.parse(c[2]) as string });
    }
    out.push({ type: TYPE[m[1] as keyof typeof TYPE], parts });
  }
  return out;
}

/** The body blocks of an MDX body with the corrected text, as the article page shows it. */
export function readMdxBody(body: string): BodyBlock[] {
  return readMdxBlocks(body).map((b) => ({ type: b.type, text: b.parts.map((p) => p.text).join('') }));
}

/** An article file split into its frontmatter text and its body. */
export function splitMdx(mdx: string): { frontmatter: string; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(mdx);
  if (!m) throw new Error('no frontmatter');
  return { frontmatter: m[1], body: mdx.slice(m[0].length) };
}

/**
 * The frontmatter of an article file, checked against the schema. Every value is one JSON literal a
 * line (scripts/lib/mdx.ts writes it so: valid YAML, read here without a YAML parser).
 */
export function readFrontmatter(mdx: string): ArticleFrontmatter {
  const out: Record<string, unknown> = {};
  for (const line of splitMdx(mdx).frontmatter.split('\n')) {
    const i = line.indexOf(': ');
    if (i > 0) out[line.slice(0, i)] = JSON.parse(line.slice(i + 2));
  }
  return ArticleFrontmatterSchema.parse(out);
}
