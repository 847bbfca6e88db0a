/**
 * Reads an article's body blocks back from its MDX body (the inverse of scripts/lib/mdx.ts
 * `articleToMdx`): each block is `<P>{"…"}</P>`, `<H>{"…"}</H>` or `<Caption>{"…"}</Caption>` with the
 * text as one JSON literal, blocks separated by blank lines. The open data (issue 12) needs the
 * gold body, which the frontmatter does not hold.
 */
import type { BodyBlock } from './schema.ts';

const TYPE = { P: 'p', H: 'h', Caption: 'caption' } as const;
const BLOCK = /^<(P|H|Caption)>\{("(?:[^"\\]|\\.)*")\}<\/\1>$/;

/** The body blocks of an MDX body; throws on a line that is no block (the file was not written by the ingest). */
export function readMdxBody(body: string): BodyBlock[] {
  const out: BodyBlock[] = [];
  for (const line of body.split('\n')) {
    if (line.trim() === '') continue;
    const m = BLOCK.exec(line);
    if (!m) throw new Error(`not an ingest body block: ${line.slice(0, 60)}`);
    out.push({ type: TYPE[m[1] as keyof typeof TYPE], text: JSON.parse(m[2]) as string });
  }
  return out;
}
