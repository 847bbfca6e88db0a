/**
 * Permanent ids (issue 11): once published, an article keeps its URL through typo fixes,
 * corrections and re-parses; an id whose article is gone leaves a record saying where its text
 * went; two files that would share a page's URL fail the build. Fictional pages throughout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertPages, type PageInput } from '../../scripts/lib/convert.ts';
import { assignIds, parseRegistry, serializeRegistry, shingles } from '../../scripts/lib/id-registry.ts';
import { GoneArticleSchema, IdRegistrySchema, type IdRegistry } from '../../core/schema.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** Three reports of a fictional town paper, paragraph layout. */
const PAGE = `东湖镇垃圾分类新规实施

本报讯（记者 周文）从本月起，东湖镇全面实施生活垃圾分类新规，居民需将垃圾分为四类投放，镇里新设了一百二十个分类投放点。

镇环卫所负责人介绍，投放点每天早晚各开放两小时，有志愿者现场指导，前三个月以劝导为主，不予处罚。

东湖小学开设书法课

本报讯（记者 何静）东湖小学本学期起为三至六年级开设书法课，每周一节，由退休教师义务授课，学生反响热烈。

校长说，书法课不考试，重在让孩子们静下心来，感受汉字之美。

镇敬老院添置康复设备

本报讯（记者 周文）镇敬老院近日添置了一批康复训练设备，包括助行器、理疗床等，老人们在护工指导下每天锻炼一小时。
`;

function inputs(text = PAGE, fixes?: string, name = 'donghu.txt'): PageInput[] {
  return [{ name, bytes: Buffer.from(text), fixes }];
}

function ids(files: Map<string, string>): string[] {
  return [...files.keys()].filter((k) => k.startsWith('articles/')).map((k) => k.slice(9, -4));
}

/** The gone record of an id (gone.json, the site's `gone` collection). */
function goneRecord(files: Map<string, string>, id: string): unknown {
  return (JSON.parse(files.get('gone.json') ?? '[]') as { id: string }[]).find((g) => g.id === id);
}

/** The page record's article ids, in reading order. */
function pageIds(files: Map<string, string>, page = 'donghu'): string[] {
  return JSON.parse(files.get(`pages/${page}.json`)!).articles;
}

describe('article ids', () => {
  it('keep every URL when a typo in an article\'s first line is fixed in the page text', () => {
    const first = convertPages(inputs(), { pages: {} });
    const before = pageIds(first.files);
    expect(before).toHaveLength(3);
    const fixed = PAGE.replace('东湖小学本学期起为三至六年级', '东湖小学本学期起为三到六年级');
    const again = convertPages(inputs(fixed), { pages: {} }, { registry: first.registry });
    expect(pageIds(again.files)).toEqual(before);
    // The fix is in the text the id was made from: without the registry the URL would change.
    const fresh = convertPages(inputs(fixed), { pages: {} });
    expect(pageIds(fresh.files)[1]).not.toBe(before[1]);
    expect(pageIds(fresh.files)[0]).toBe(before[0]);
  });

  it('keep every URL when corrections change the articles\' text and headlines', () => {
    const first = convertPages(inputs(), { pages: {} });
    const yaml = 'corrections:\n  - correct: 三至六年级\n    to: 三到六年级\n  - break: 有志愿者现场指导\n  - set: 退休教师\n    kicker: 东湖小学开设书法课\n';
    const again = convertPages(inputs(PAGE, yaml), { pages: {} }, { registry: first.registry });
    expect(again.fatal).toEqual([]);
    expect(pageIds(again.files)).toEqual(pageIds(first.files));
  });

  it('leave a record pointing to the new home of an article merged away', () => {
    const first = convertPages(inputs(), { pages: {} });
    const [a, b, c] = pageIds(first.files);
    const merged = convertPages(inputs(PAGE, 'corrections:\n  - merge: 东湖小学开设书法课\n    with: 镇敬老院添置康复设备\n'), { pages: {} }, { registry: first.registry });
    expect(pageIds(merged.files)).toEqual([a, b]);
    const gone = GoneArticleSchema.parse(goneRecord(merged.files, c));
    expect(gone).toMatchObject({ id: c, page: 'donghu', title: '镇敬老院添置康复设备', status: 'merged', to: [b] });
    expect(merged.registry.pages.donghu.articles.find((e) => e.id === c)).toMatchObject({ gone: 'merged', to: [b] });
    // Undoing the merge brings the id back to life.
    const undone = convertPages(inputs(), { pages: {} }, { registry: merged.registry });
    expect(pageIds(undone.files)).toEqual([a, b, c]);
    expect(undone.files.has('gone.json')).toBe(false);
  });

  it('leave a record listing the parts of an article split up', () => {
    const a = { column: null, kicker: null, title: null, subtitle: null, byline: null, authors: [], continued_from: null, continued_to: null, truncated_start: false, truncated_end: false };
    const parts = [
      '本报讯（记者 周文）从本月起，东湖镇全面实施生活垃圾分类新规，居民需将垃圾分为四类投放。',
      '本报讯（记者 何静）东湖小学本学期起为三至六年级开设书法课，每周一节，由退休教师授课。',
      '本报讯（记者 周文）镇敬老院近日添置了一批康复训练设备，老人们每天在护工指导下锻炼。',
    ];
    const intro = '编者按：本报今起推出“东湖新事”栏目，报道镇里的新鲜事。';
    // A parse that had joined a series intro and three briefs of about equal length into one article…
    const joined = assignIds('donghu', 'donghu.txt', [{ ...a, body: [intro, ...parts].map((text) => ({ type: 'p' as const, text })) }], [], undefined);
    // …and the archivist's corrections: the intro is a non-article block, each brief an article. None begins as the old one did
    // or holds most of its text, so the old URL lists them all.
    const split = assignIds('donghu', 'donghu.txt', parts.map((text) => ({ ...a, body: [{ type: 'p' as const, text }] })), [{ type: 'intro', text: intro }], joined.page);
    expect(split.ids).not.toContain(joined.ids[0]);
    expect(split.gone).toEqual([{ id: joined.ids[0], page: 'donghu', title: null, status: 'split', to: split.ids, reason: expect.stringContaining('拆开') }]);
  });

  it('leave a record saying an article was withdrawn when its text became a non-article block', () => {
    const first = convertPages(inputs(), { pages: {} });
    const c = pageIds(first.files)[2];
    const out = convertPages(inputs(PAGE, 'corrections:\n  - other: 镇敬老院添置康复设备\n    type: notice\n    whole: true\n'), { pages: {} }, { registry: first.registry });
    expect(goneRecord(out.files, c)).toMatchObject({ status: 'withdrawn', to: [], reason: expect.stringContaining('不是一篇文章') });
  });

  it('are the same however often the page is converted: output and registry byte-identical', () => {
    const yaml = 'corrections:\n  - merge: 东湖小学开设书法课\n    with: 镇敬老院添置康复设备\n';
    const first = convertPages(inputs(PAGE, yaml), { pages: {} });
    const second = convertPages(inputs(PAGE, yaml), { pages: {} }, { registry: first.registry });
    const third = convertPages(inputs(PAGE, yaml), { pages: {} }, { registry: second.registry });
    expect(serializeRegistry(third.registry)).toBe(serializeRegistry(second.registry));
    expect([...third.files.entries()]).toEqual([...second.files.entries()]);
    expect(parseRegistry(serializeRegistry(third.registry), 'ids.json')).toEqual(IdRegistrySchema.parse(third.registry));
  });

  it('stay with an article\'s opening when a re-parse moves most of its text to another', () => {
    const a = { column: null, kicker: null, title: null, subtitle: null, byline: null, authors: [], continued_from: null, continued_to: null, truncated_start: false, truncated_end: false };
    const opening = '本报讯（记者 周文）从本月起，东湖镇全面实施生活垃圾分类新规，居民需将垃圾分为四类投放。';
    const rest = '镇环卫所负责人介绍，投放点每天早晚各开放两小时，有志愿者现场指导，前三个月以劝导为主，不予处罚，此后将视情况逐步规范。';
    const before = assignIds('donghu', 'donghu.txt', [{ ...a, body: [{ type: 'p', text: opening }, { type: 'p', text: rest }] }], [], undefined);
    // The new parse cuts the report after its first paragraph: the rest, most of the text, is an article of its own.
    const after = assignIds('donghu', 'donghu.txt', [{ ...a, body: [{ type: 'p', text: opening }] }, { ...a, body: [{ type: 'p', text: rest }] }], [], before.page);
    expect(after.ids[0]).toBe(before.ids[0]);
    expect(after.ids[1]).not.toBe(before.ids[0]);
  });

  it('of a new article do not reuse an id the page ever had', () => {
    const prev = { seed: 'p.txt', articles: [{ id: 'p-5c0a71', title: null, n: 0, sketch: '', gone: 'withdrawn' as const, to: [], reason: '…' }] };
    const a = { column: null, kicker: null, title: null, subtitle: null, byline: null, authors: [], continued_from: null, continued_to: null, truncated_start: false, truncated_end: false };
    const out = assignIds('p', 'p.txt', [{ ...a, body: [{ type: 'p', text: '完全不同的一段文字，与过去的文章无关。' }] }], [], prev);
    expect(out.ids[0]).not.toBe('p-5c0a71');
    expect(out.page.articles.map((e) => e.id)).toContain('p-5c0a71');
  });
});

describe('text shingles', () => {
  /** FNV-1a (32 bits) of a string's UTF-16 code units, as the registry's sketches were first written. */
  const fnv1a = (str: string): number => {
    let h = 0x811c9dc5;
    for (let i = 0; i < str.length; i++) h = Math.imul(h ^ str.charCodeAt(i), 0x01000193) >>> 0;
    return h;
  };
  it('are the FNV-1a hashes of every three-character window, white space removed, astral characters whole', () => {
    expect(fnv1a('a')).toBe(0xe40c292c); // the published FNV-1a test vector
    const text = '东湖 镇\n𠀾新规𠀾';
    const chars = [...'东湖镇𠀾新规𠀾'];
    const want = new Set(chars.slice(0, -2).map((_, i) => fnv1a(chars.slice(i, i + 3).join(''))));
    expect(shingles(text)).toEqual(want);
    expect(shingles('东 湖')).toEqual(new Set([fnv1a('东湖')]));
    expect(shingles(' \n')).toEqual(new Set());
  });
});

describe('the seed pages', () => {
  it('keep the URLs they were published under before the registry', () => {
    // ls src/content/generated/articles on main at dbee1b2 and again at c7662fd (after a parser change the same day):
    // each id is live or has a page saying where its text went.
    const published = `000_3f2cd97355706aaa-016124 000_3f2cd97355706aaa-1aa8e5 000_3f2cd97355706aaa-403791 000_3f2cd97355706aaa-80f0eb 000_3f2cd97355706aaa-c2eb4a
      001_36fa5298735acebf-02d9c3 001_36fa5298735acebf-63af93 001_36fa5298735acebf-871c81 001_36fa5298735acebf-b5b3e1 001_36fa5298735acebf-c1153b 001_36fa5298735acebf-fbdc1b
      002_463ec8fffbe34ec0-03a92f 002_463ec8fffbe34ec0-443adb 002_463ec8fffbe34ec0-469472 002_463ec8fffbe34ec0-5308b6 002_463ec8fffbe34ec0-b64248 002_463ec8fffbe34ec0-bfd721
      003_74212d2662a3d8db-11f902 003_74212d2662a3d8db-3e5bfd 003_74212d2662a3d8db-4a7b40 003_74212d2662a3d8db-76472f 003_74212d2662a3d8db-8c5698 003_74212d2662a3d8db-8fec2a
      003_74212d2662a3d8db-deb11c 003_74212d2662a3d8db-ecd243 003_74212d2662a3d8db-ee0725
      004_a0d1a62f7fd3dcd1-056250 004_a0d1a62f7fd3dcd1-64acfa 004_a0d1a62f7fd3dcd1-7bcf40 004_a0d1a62f7fd3dcd1-f59172 004_a0d1a62f7fd3dcd1-fa29f2
      000_3f2cd97355706aaa-ecce10 004_a0d1a62f7fd3dcd1-a38c15`.split(/\s+/);
    const seeds = join(ROOT, 'seeds');
    const registry: IdRegistry = parseRegistry(readFileSync(join(seeds, 'ids.json'), 'utf8'), 'seeds/ids.json');
    const pages = readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((name) => ({ name, bytes: readFileSync(join(seeds, name)) }));
    const out = convertPages(pages, { pages: {} }, { registry });
    const gone = (JSON.parse(out.files.get('gone.json') ?? '[]') as { id: string }[]).map((g) => g.id);
    const reachable = new Set([...ids(out.files), ...gone]);
    expect(published.filter((id) => !reachable.has(id))).toEqual([]);
  });
});

describe('a page-id clash', () => {
  it.each([
    ['a-b.txt', 'a b.txt', 'a-b'],
    ['2025/zz.txt', 'zz.txt', 'zz'],
  ])('between %s and %s fails the build naming both files', (x, y, id) => {
    const out = convertPages([...inputs(PAGE, undefined, x), ...inputs(PAGE.replace('东湖', '西湖'), undefined, y)], { pages: {} });
    expect(out.fatal).toHaveLength(1);
    expect(out.fatal[0]).toContain(x);
    expect(out.fatal[0]).toContain(y);
    expect(out.fatal[0]).toContain(`"${id}"`);
  });

  it('stops the ingest CLI with exit 1 and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baoku-clash-'));
    const seeds = join(dir, 'seeds');
    mkdirSync(join(seeds, '2025'), { recursive: true });
    writeFileSync(join(seeds, 'zz.txt'), PAGE);
    writeFileSync(join(seeds, '2025', 'zz.txt'), PAGE.replace('东湖', '西湖'));
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/ingest.ts'), '--seeds', seeds, '--out', join(dir, 'out'), '--no-cache'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/2025\/zz\.txt and zz\.txt both have page id "zz"/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(existsSync(join(seeds, 'ids.json'))).toBe(false);
  });
});
