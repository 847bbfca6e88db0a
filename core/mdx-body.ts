/**
 * Reads an article's body blocks back from its MDX body (the inverse of scripts/lib/mdx.ts
 * `articleToMdx`): each block is `<P>…</P>`, `<H>…</H>` or `<Caption>…</Caption>` whose children are
 * JSON literals `{"…"}` and corrected spans `<Fix from={"printed"}>{"corrected"}</Fix>` (issue 11),
 * blocks separated by blank lines. The open data (issue 12) needs the gold body, which the
 * frontmatter does not hold; it gets the corrected text, as the article page shows it.
 */
import type { BodyBlock } from './schema.ts';

const TYPE = { P: 'p', H: 'h', Caption: 'caption' } as const;
const LITERAL = String.raw`"(?:[^"\\]|\\.)*"`;
const CHILD = String.raw`\{${LITERAL}\}|<Fix from=\{${LITERAL}\}>\{${LITERAL}\}<\/Fix>`;
const BLOCK = new RegExp(String.raw`^<(P|H|Caption)>((?:${CHILD})+)<\/\1>$`);
/** One child: group 1 is a plain literal, group 2 a corrected span's text. */
const CHILDREN = new RegExp(String.raw`\{(${LITERAL})\}|<Fix from=\{${LITERAL}\}>\{(${LITERAL})\}<\/Fix>`, 'g');

/** The body blocks of an MDX body; throws on a line that is no block (the file was not written by the ingest). */
export function readMdxBody(body: string): BodyBlock[] {
  const out: BodyBlock[] = [];
  for (const line of body.split('\n')) {
    if (line.trim() === '') continue;
    const m = BLOCK.exec(line);
    if (!m) throw new Error(`not an ingest body block: ${line.slice(0, 60)}`);
    let text = '';
    for (const c of m[2].matchAll(CHILDREN)) text += JSON.parse(c[1] ?? c[2]) as string;
    out.push({ type: TYPE[m[1] as keyof typeof TYPE], text });
  }
  return out;
}
