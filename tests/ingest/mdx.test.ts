/**
 * Seed text is data, never code: a hostile page's MDX must compile, run nothing, and render every
 * string literally — checked by really compiling the MDX with @mdx-js/mdx (the compiler Astro's MDX
 * integration uses) and rendering it with a string-building JSX runtime.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { pageFiles } from '../../scripts/lib/convert.ts';
import { EMPTY_META } from '../../core/schema.ts';
import { literal } from '../../scripts/lib/mdx.ts';
import { parsePage } from '../../scripts/lib/pipeline.ts';

const FIX = join(import.meta.dirname, '../fixtures/pages');

type Node = string | { type: unknown; props: Record<string, unknown> };
/** A JSX runtime that records elements as text: `<P>text</P>` becomes `[P]text[/P]`. */
const runtime = {
  Fragment: 'Fragment',
  jsx: (type: unknown, props: Record<string, unknown>): Node => ({ type, props }),
  jsxs: (type: unknown, props: Record<string, unknown>): Node => ({ type, props }),
};
function render(n: unknown): string {
  if (n === null || n === undefined || n === false) return '';
  if (typeof n === 'string' || typeof n === 'number') return String(n);
  if (Array.isArray(n)) return n.map(render).join('');
  const { type, props } = n as { type: unknown; props: Record<string, unknown> };
  if (typeof type === 'function') return render(type(props));
  const inner = render(props.children);
  return type === 'Fragment' ? inner : `[${String(type)}]${inner}[/${String(type)}]`;
}

/** Splits an MDX file into its frontmatter (parsed as YAML) and body. */
function splitMdx(mdx: string): { fm: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(mdx);
  if (!m) throw new Error('no frontmatter');
  return { fm: parseYaml(m[1]), body: m[2] };
}

describe('MDX output', () => {
  const r = parsePage(readFileSync(join(FIX, 'hostile/page.txt')), 'hostile.txt');
  const { files } = pageFiles(r, EMPTY_META);
  const mdxFiles = files.filter(([p]) => p.endsWith('.mdx'));

  it('converts the hostile page into at least one article', () => {
    expect(mdxFiles.length).toBeGreaterThan(0);
  });

  it('keeps frontmatter values exactly (YAML parse gives back the strings)', () => {
    for (const [, mdx] of mdxFiles) {
      const { fm } = splitMdx(mdx);
      const a = r.articles[(fm.order as number) - 1];
      expect(fm.title).toBe(a.title);
      expect(fm.authors).toEqual(a.authors);
      expect(typeof fm.source).toBe('string');
    }
  });

  it('compiles and renders every body block literally, running no seed text', async () => {
    let globalTouched = false;
    (globalThis as Record<string, unknown>).alert = () => (globalTouched = true);
    for (const [, mdx] of mdxFiles) {
      const { fm, body } = splitMdx(mdx);
      const a = r.articles[(fm.order as number) - 1];
      const mod = await evaluate(body, { ...runtime, development: false } as never);
      const components = { P: (p: { children: unknown }) => ({ type: 'P', props: p }), H: (p: { children: unknown }) => ({ type: 'H', props: p }), Caption: (p: { children: unknown }) => ({ type: 'Caption', props: p }) };
      const html = render((mod.default as (p: unknown) => unknown)({ components }));
      const expected = a.body.map((b) => {
        const tag = b.type === 'p' ? 'P' : b.type === 'h' ? 'H' : 'Caption';
        return `[${tag}]${b.text}[/${tag}]`;
      });
      expect(html.replace(/\n/g, '')).toBe(expected.join(''));
      expect(Object.keys(mod).sort()).toEqual(['default']); // no `export const` leaked from text
    }
    expect(globalTouched).toBe(false);
    const all = r.articles.flatMap((a) => a.body.map((b) => b.text)).join('\n');
    for (const needle of ['{props.secret}', '<script>', 'import x from', 'export const a = 1;', '`反引号`', '---', '<!-- 注释 -->']) {
      expect(all + r.articles.map((a) => a.title).join('') + r.other.map((o) => o.text).join('')).toContain(needle);
    }
  });

  it('escapes markup-significant characters in literals', () => {
    expect(literal('<a>{b}`')).toBe('"\\u003ca\\u003e\\u007bb\\u007d\\u0060"');
    expect(JSON.parse(literal('<a>{b}`\u2028'))).toBe('<a>{b}`\u2028');
  });
});
