/**
 * Property tests of the whole conversion (issue 13), with fast-check: random pages of hostile text
 * and byte-mutated seed pages either are refused with a message naming the page, or convert so that
 * what the site reads — the article MDX files and the page JSON — holds every non-white-space
 * character of the page exactly once (checked here, independently of the ingest's own check), the
 * MDX compiles with @mdx-js/mdx and renders each block's text literally (no markup, no expression
 * evaluated), and the JSON round-trips through its schema.
 *
 * Bounded and seeded for CI (BAOKU_FUZZ_RUNS runs per property, default 100; BAOKU_FUZZ_SEED);
 * `npm run test:fuzz` runs 1,000 per property.
 */
import { evaluate } from '@mdx-js/mdx';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleFrontmatterSchema, PageRecordSchema, type PageRecord } from '../../core/schema.ts';
import { convertPages, type ArchiveOutput } from '../../scripts/lib/convert.ts';
import { readFrontmatter } from '../../scripts/lib/mdx.ts';

const RUNS = Number(process.env.BAOKU_FUZZ_RUNS ?? 100);
const SEED = Number(process.env.BAOKU_FUZZ_SEED ?? 20_250_113);
const params = { numRuns: RUNS, seed: SEED, endOnFailure: true };
const TIMEOUT = 60_000 + RUNS * 500;

const SEEDS = join(import.meta.dirname, '../../seeds');
const seedPages = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(SEEDS, f)));

/** Pieces of page text: Chinese prose, newspaper formulas, markup and code an MDX compiler might read, odd characters. */
const TOKENS = [
  ...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严'.split(''),
  '，', '。', '、', '：', '；', '！', '？', '“', '”', '《', '》', '（', '）', '——', '……', '·', ' ', '\u3000', '\t', '  ',
  '本报讯', '记者 张三 李四', '通讯员 王五', '（上接第1版）', '下转第3版', '上接第2版', '新华社北京1月1日电', '图为', '摄',
  '{', '}', '<', '>', '<script>alert(1)</script>', '<P>', '</P>', 'import x from "y"', 'export const a = 1', '---', '`', '${x}', '\\', '&amp;',
  '&#x3c;', '{/* c */}', '<!--', '-->', '{1+1}', '*强调*', '# 标题', '> 引文', '- 列表', '1. 编号', '[链接](http://x)', '|表|格|',
  '\u2028', '\u2029', '\uFEFF', '\u200B', 'e\u0301', '𠀀', '𠮷', '😀', '👨‍👩‍👧', '🇨🇳', '\u202E', '\u00A0', 'Ａ１', 'abc', '2025', '\u0007', '\uFFFE', '\uFFFF',
];

const line = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 14 }).map((t) => t.join(''));
/** A page: lines, often separated by blank lines, with a BOM and CRLF line ends sometimes. */
const page = fc
  .record({
    lines: fc.array(fc.tuple(line, fc.boolean()), { minLength: 1, maxLength: 30 }),
    bom: fc.boolean(),
    crlf: fc.boolean(),
  })
  .map(({ lines, bom, crlf }) => {
    const text = lines.map(([l, blank]) => (blank ? `${l}\n\n` : `${l}\n`)).join('');
    return (bom ? '\uFEFF' : '') + (crlf ? text.replace(/\n/g, '\r\n') : text);
  });

/** Byte mutations of a seed page: flips, inserted bytes or tokens, deleted, duplicated or cut ranges. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Buffer, ms: Mutation[]): Buffer {
  let b = bytes;
  for (const m of ms) {
    const at = b.length ? m.at % b.length : 0;
    if (m.kind === 'flip') b = Buffer.concat([b.subarray(0, at), Buffer.from([m.byte]), b.subarray(at + 1)]);
    else if (m.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(m.token), b.subarray(at)]);
    else if (m.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.length)]);
    else if (m.kind === 'duplicate') b = Buffer.concat([b.subarray(0, at + m.length), b.subarray(at)]);
    else b = b.subarray(0, Math.max(at, 1));
  }
  return b;
}

/** Non-white-space code points (JavaScript's `\s`, the gold schema's white space), counted. */
function counts(strings: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of strings) for (const ch of s.replace(/\s+/g, '')) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

const runtime = {
  Fragment: 'Fragment',
  jsx: (type: unknown, props: Record<string, unknown>) => ({ type, props }),
  jsxs: (type: unknown, props: Record<string, unknown>) => ({ type, props }),
};
type Node = { type: unknown; props: { children?: unknown } } | string | Node[] | null | undefined;

/** Every string an element tree renders, with the component it is inside. */
function rendered(node: Node, inside: string | null, out: [string | null, string][]): void {
  if (node === null || node === undefined) return;
  if (typeof node === 'string') out.push([inside, node]);
  else if (Array.isArray(node)) for (const n of node) rendered(n, inside, out);
  else if (typeof node === 'object') {
    const name = typeof node.type === 'function' ? (node.type as { component?: string }).component ?? null : typeof node.type === 'string' && node.type !== 'Fragment' ? node.type : inside;
    rendered(node.props.children as Node, name, out);
  }
}

/** A body component that marks what it renders. */
const component = (name: string) => Object.assign((props: { children?: unknown }) => ({ type: name, props }), { component: name });
const components = { P: component('P'), H: component('H'), Caption: component('Caption') };
const TAG = { p: 'P', h: 'H', caption: 'Caption' } as const;

/** Checks a converted page as the site reads it; returns nothing, throws on a broken promise. */
async function checkAccepted(out: ArchiveOutput, name: string, text: string): Promise<void> {
  const id = out.reports[0].id;
  const json = out.files.get(`pages/${id}.json`)!;
  const record: PageRecord = PageRecordSchema.parse(JSON.parse(json));
  expect(`${JSON.stringify(record, null, 2)}\n`).toBe(json);
  expect(record.seed).toBe(name);
  const strings: string[] = record.other.map((o) => o.text);
  expect(record.articles.length).toBe(out.reports[0].articles);
  for (const aid of record.articles) {
    const mdx = out.files.get(`articles/${aid}.mdx`);
    expect(mdx, `articles/${aid}.mdx`).toBeDefined();
    const fm = readFrontmatter(mdx!);
    expect(ArticleFrontmatterSchema.parse(fm).id).toBe(aid);
    for (const v of [fm.column, fm.kicker, fm.title, fm.subtitle, fm.byline]) if (v) strings.push(v);
    // The body as Astro's MDX integration compiles it (frontmatter split off first).
    const body = mdx!.slice(mdx!.indexOf('\n---\n') + 5);
    const { default: Content } = await evaluate(body, runtime as never);
    const texts: [string | null, string][] = [];
    rendered((Content as (p: unknown) => Node)({ components }), null, texts);
    const blocks = texts.filter(([, t]) => t.trim() !== '' || t === '');
    // Only the body components render text, each block's text literally.
    for (const [inside, t] of texts) if (t.trim()) expect(inside, `text outside a block: ${JSON.stringify(t)}`).not.toBeNull();
    const source = [...mdx!.matchAll(/^<(P|H|Caption)>\{("(?:[^"\\]|\\.)*")\}<\/\1>$/gm)].map((m) => [m[1], JSON.parse(m[2]) as string] as const);
    expect(blocks.filter(([inside]) => inside !== null).map(([inside, t]) => [inside, t])).toEqual(source.map(([c, t]) => [c, t]));
    for (const [, t] of source) strings.push(t);
    expect(source.every(([c]) => Object.values(TAG).includes(c as never))).toBe(true);
  }
  // Nothing lost, nothing doubled: the page's characters, white space aside, exactly once.
  const expected = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  expect(counts(strings)).toEqual(counts([expected]));
}

/** Converts one page file and checks its outcome: accepted whole, or refused naming it. */
async function convertOrRefuse(name: string, bytes: Buffer, text: string): Promise<'accepted' | 'refused'> {
  const out = convertPages([{ name, bytes }], { pages: {} });
  const report = out.reports[0];
  if (!report.ok) {
    const said = [...out.warnings, ...out.fatal].find((w) => w.startsWith(`${name}:`));
    expect(said, `refusal names ${name}: ${JSON.stringify([...out.warnings, ...out.fatal])}`).toBeDefined();
    expect([...out.files.keys()]).toEqual(['report.json']);
    return 'refused';
  }
  await checkAccepted(out, name, text);
  // Deterministic: the same bytes give the same files.
  expect([...convertPages([{ name, bytes }], { pages: {} }).files]).toEqual([...out.files]);
  return 'accepted';
}

describe('random pages', () => {
  it('convert with every character conserved and rendered literally, or are refused by name (UTF-8)', async () => {
    const outcomes = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(page, async (text) => {
        outcomes[await convertOrRefuse('random.txt', Buffer.from(text, 'utf8'), text)]++;
      }),
      params,
    );
    // A generator that only made refused pages would prove nothing.
    expect(outcomes.accepted).toBeGreaterThan(RUNS / 3);
  }, TIMEOUT);

  it('do the same in UTF-16 with a byte-order mark', async () => {
    await fc.assert(
      fc.asyncProperty(page, async (text) => {
        await convertOrRefuse('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/^\uFEFF/, ''), 'utf16le')]), text.replace(/^\uFEFF/, ''));
      }),
      params,
    );
  }, TIMEOUT);
});

describe('mutated seed pages', () => {
  it('convert with every character conserved, or are refused by name', async () => {
    const outcomes = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: seedPages.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (k, ms) => {
        const bytes = mutate(seedPages[k], ms);
        // The seeds are UTF-8 Chinese pages: a mutated one is still UTF-8 or damaged UTF-8, never a
        // plausible GB18030 or Big5 page — accepted, it must read as the UTF-8 it is.
        let text: string | null = null;
        try {
          text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          /* damaged: must be refused */
        }
        const outcome = await convertOrRefuse('mutated.txt', bytes, text ?? '\uFFFD');
        if (text === null) expect(outcome).toBe('refused');
        outcomes[outcome]++;
      }),
      params,
    );
    expect(outcomes.accepted).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  }, TIMEOUT * 3);
});
