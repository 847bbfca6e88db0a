/**
 * Seed text is data, never code. Fixture folders (tests/fixtures/mdx/<case>/: input.json with an
 * article's frontmatter and body, expected.mdx) fix the MDX the ingest writes; the expected files
 * are really compiled with @mdx-js/mdx (the compiler Astro's MDX integration uses) and rendered
 * with a string-building JSX runtime, which must give back the input's strings, literally.
 * `UPDATE_FIXTURES=1 npx vitest run tests/ingest/mdx.test.ts` rewrites expected.mdx, to review as a diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ArticleFrontmatterSchema, BodyBlockSchema, EMPTY_META } from '../../core/schema.ts';
import { pageFiles } from '../../scripts/lib/convert.ts';
import { articleToMdx, literal, readFrontmatter } from '../../scripts/lib/mdx.ts';
import { parsePage } from '../../scripts/lib/pipeline.ts';

const FIX = join(import.meta.dirname, '../fixtures');
const UPDATE = process.env.UPDATE_FIXTURES === '1';

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
const components = Object.fromEntries(['P', 'H', 'Caption'].map((tag) => [tag, (p: { children: unknown }) => ({ type: tag, props: p })]));

/** Compiles and runs an MDX body; returns its rendering and its exports. */
async function run(mdx: string): Promise<{ html: string; exports: string[] }> {
  const body = /^---\n[\s\S]*?\n---\n([\s\S]*)$/.exec(mdx)?.[1];
  if (body === undefined) throw new Error('no frontmatter');
  const mod = await evaluate(body, { ...runtime, development: false } as never);
  return { html: render((mod.default as (p: unknown) => unknown)({ components })).replace(/\n/g, ''), exports: Object.keys(mod) };
}

const TAG = { p: 'P', h: 'H', caption: 'Caption' } as const;

describe('MDX fixtures', () => {
  for (const name of readdirSync(join(FIX, 'mdx')).sort()) {
    const dir = join(FIX, 'mdx', name);
    const input = JSON.parse(readFileSync(join(dir, 'input.json'), 'utf8'));
    const fm = ArticleFrontmatterSchema.parse(input.frontmatter);
    const body = BodyBlockSchema.array().parse(input.body);
    const article = { ...fm, continued_from: fm.continuedFrom, continued_to: fm.continuedTo, truncated_start: fm.truncatedStart, truncated_end: fm.truncatedEnd, body };
    const expectedFile = join(dir, 'expected.mdx');

    it(`${name}: the ingest writes expected.mdx`, () => {
      const mdx = articleToMdx(article, fm);
      if (UPDATE) writeFileSync(expectedFile, mdx);
      expect(existsSync(expectedFile), `${expectedFile} is missing: run with UPDATE_FIXTURES=1 and review it`).toBe(true);
      expect(mdx).toBe(readFileSync(expectedFile, 'utf8'));
    });

    it(`${name}: expected.mdx keeps the frontmatter exactly (as YAML and as the schema reads it)`, () => {
      const mdx = readFileSync(expectedFile, 'utf8');
      expect(parseYaml(/^---\n([\s\S]*?)\n---/.exec(mdx)![1])).toEqual(input.frontmatter);
      expect(readFrontmatter(mdx)).toEqual(input.frontmatter);
    });

    it(`${name}: expected.mdx compiles and renders every block literally, running nothing`, async () => {
      let ran = false;
      (globalThis as Record<string, unknown>).alert = () => (ran = true);
      const { html, exports } = await run(readFileSync(expectedFile, 'utf8'));
      expect(html).toBe(input.body.map((b: { type: 'p' | 'h' | 'caption'; text: string }) => `[${TAG[b.type]}]${b.text}[/${TAG[b.type]}]`).join(''));
      expect(exports).toEqual(['default']); // no `export const` leaked from text
      expect(ran).toBe(false);
    });
  }
});

describe('a hostile page, end to end', () => {
  it('renders its code-like text literally after ingest', async () => {
    const r = parsePage(readFileSync(join(FIX, 'pages/hostile/page.txt')), 'hostile.txt');
    const mdx = pageFiles(r, EMPTY_META).files.filter(([p]) => p.endsWith('.mdx')).map(([, m]) => m);
    expect(mdx.length).toBeGreaterThan(0);
    const rendered = (await Promise.all(mdx.map(run))).map((x) => x.html).join('');
    const headlines = mdx.map((m) => readFrontmatter(m).title ?? '').join('');
    const other = r.other.map((o) => o.text).join('');
    // Strings of tests/fixtures/pages/hostile/page.txt, as printed there.
    for (const needle of ['{props.secret}', '<b>粗体</b>', 'import x from "y";', 'export const a = 1;', '`反引号`', '<!-- 注释 -->', '{/* 表达式注释 */}', '\\u003c', '$$ 数学 $$', '&amp;']) {
      expect(rendered, needle).toContain(needle);
    }
    expect(rendered + headlines + other).toContain('<script>alert(1)</script>');
    expect(rendered + headlines + other).toContain('---');
  });
});

describe('literal', () => {
  it('escapes markup-significant characters', () => {
    expect(literal('<a>{b}`')).toBe('"\\u003ca\\u003e\\u007bb\\u007d\\u0060"');
    expect(JSON.parse(literal('<a>{b}`\u2028'))).toBe('<a>{b}`\u2028');
  });
});

describe('the body read back from MDX (the open data reads it)', () => {
  const input = JSON.parse(readFileSync(join(FIX, 'mdx', 'hostile', 'input.json'), 'utf8'));
  const fm = ArticleFrontmatterSchema.parse(input.frontmatter);
  const text = '本报讯 昨日，青石镇老街改造完工。';
  const body = [{ type: 'p' as const, text }, ...BodyBlockSchema.array().parse(input.body)];
  const article = { ...fm, continued_from: fm.continuedFrom, continued_to: fm.continuedTo, truncated_start: fm.truncatedStart, truncated_end: fm.truncatedEnd, body };
  it('gives back the corrected text of a block with a corrected span, and every hostile block literally', async () => {
    const { readMdxBody } = await import('../../core/mdx-body.ts');
    const at = text.indexOf('青石镇');
    const mdx = articleToMdx(article, fm, [{ field: 'body', block: 0, start: at, end: at + 3, original: '青石真' }]);
    expect(mdx).toContain('<Fix from={"青石真"}>{"青石镇"}</Fix>');
    expect(readMdxBody(/^---\n[\s\S]*?\n---\n([\s\S]*)$/.exec(mdx)![1])).toEqual(body);
  });
  it('keeps a corrected span apart, with its printed text, for the page to mark (the site renders bodies from these blocks)', async () => {
    const { readMdxBlocks, splitMdx, readFrontmatter } = await import('../../core/mdx-body.ts');
    const at = text.indexOf('青石镇');
    const mdx = articleToMdx(article, fm, [{ field: 'body', block: 0, start: at, end: at + 3, original: '青石真' }]);
    const blocks = readMdxBlocks(splitMdx(mdx).body);
    expect(blocks[0]).toEqual({ type: 'p', parts: [{ text: text.slice(0, at) }, { text: '青石镇', from: '青石真' }, { text: text.slice(at + 3) }] });
    expect(blocks.slice(1).map((b) => ({ type: b.type, text: b.parts.map((p) => p.text).join('') }))).toEqual(body.slice(1));
    expect(blocks.slice(1).every((b) => b.parts.every((p) => p.from === undefined))).toBe(true);
    expect(readFrontmatter(mdx)).toEqual(fm);
    expect(() => splitMdx('<P>{"x"}</P>')).toThrow(/no frontmatter/);
  });
  it('refuses a line it did not write, quoting it', async () => {
    const { readMdxBody } = await import('../../core/mdx-body.ts');
    expect(() => readMdxBody('<P>{"x"}import y</P>')).toThrow(/not an ingest body block: <P>\{"x"\}import y/);
  });
});
