/**
 * Seeds that are PDFs (issue #16): which pages the files make (seed-files.ts), and the ingest CLI
 * on them — a PDF page read from its own text layer, one whose garbled layer takes its text from
 * the `.txt` beside it, one refused for having neither, an issue's PDF mapped to pages, renders
 * kept by the PDF's hash, and `--json` giving every article its regions. Expectations come from
 * the generated fixtures' truth files (tests/fixtures/pdf/), written by the typesetter, never
 * from the ingest's own output.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema, type GoldPage } from '../../core/schema.ts';
import { issuePageName, planSeeds } from '../../scripts/lib/seed-files.ts';

const ROOT = join(import.meta.dirname, '../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const FIXTURES = join(ROOT, 'tests/fixtures/pdf');
const run = (...args: string[]) => spawnSync(NODE, [join(ROOT, 'scripts/ingest.ts'), ...args], { encoding: 'utf8', cwd: ROOT });
const tmp = mkdtempSync(join(tmpdir(), 'baoku-pdf-seeds-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Truth {
  page: { width: number; height: number };
  lines: { text: string; box: { x: number; y: number; w: number; h: number }; article: string | null }[];
  photos: { box: { x: number; y: number; w: number; h: number }; article: string }[];
  articles: { id: string; title: string }[];
}
const truthOf = (c: string): Truth => JSON.parse(readFileSync(join(FIXTURES, c, 'truth.json'), 'utf8'));

describe('planSeeds: the pages the seeds make', () => {
  const counts = (o: Record<string, number>) => new Map(Object.entries(o));

  it('pairs a PDF with the .txt of the same name, and keeps text pages as they were', () => {
    const { pages, problems } = planSeeds(['a/p.txt', 'b.txt'], ['a/p.pdf', 'c.pdf'], counts({ 'a/p.pdf': 1, 'c.pdf': 1 }), new Map());
    expect(problems).toEqual([]);
    expect(pages).toEqual([
      { name: 'a/p.pdf', txt: 'a/p.txt', pdf: { file: 'a/p.pdf', page: 1, pages: 1 } },
      { name: 'b.txt', txt: 'b.txt' },
      { name: 'c.pdf', pdf: { file: 'c.pdf', page: 1, pages: 1 } },
    ]);
  });

  it('makes one page per page of an issue PDF, <stem>-NN, a .txt of that name giving its text', () => {
    const { pages } = planSeeds(['x/issue-02.txt'], ['x/issue.pdf'], counts({ 'x/issue.pdf': 3 }), new Map());
    expect(pages.map((p) => [p.name, p.txt ?? null, p.pdf!.page])).toEqual([
      ['x/issue-01.pdf', null, 1],
      ['x/issue-02.pdf', 'x/issue-02.txt', 2],
      ['x/issue-03.pdf', null, 3],
    ]);
    expect(issuePageName('issue.pdf', 7, 120)).toBe('issue-007');
  });

  it('follows the mapping file: names in the PDF\'s folder, null leaves a page out', () => {
    const maps = new Map([['2024-01-23/all.pages.json', JSON.stringify({ pages: ['01-要闻', null, '03-体育'] })]]);
    const { pages, problems } = planSeeds([], ['2024-01-23/all.pdf'], counts({ '2024-01-23/all.pdf': 3 }), maps);
    expect(problems).toEqual([]);
    expect(pages.map((p) => [p.name, p.pdf!.page, p.pdf!.pages])).toEqual([['2024-01-23/01-要闻.pdf', 1, 3], ['2024-01-23/03-体育.pdf', 3, 3]]);
  });

  it('names the file of a mapping that does not fit, and leaves that PDF out', () => {
    const short = planSeeds([], ['all.pdf'], counts({ 'all.pdf': 3 }), new Map([['all.pages.json', '{"pages":["a","b"]}']]));
    expect(short.pages).toEqual([]);
    expect(short.problems).toEqual([expect.stringMatching(/^all\.pages\.json: lists 2 page\(s\), but all\.pdf has 3/)]);
    const bad = planSeeds([], ['all.pdf'], counts({ 'all.pdf': 1 }), new Map([['all.pages.json', '{"pages":["../up"]}']]));
    expect(bad.problems[0]).toMatch(/^all\.pages\.json: .*without folders/);
    const twice = planSeeds([], ['a.pdf', 'b.pdf'], counts({ 'a.pdf': 1, 'b.pdf': 1 }), new Map([['b.pages.json', '{"pages":["a"]}']]));
    expect(twice.problems).toEqual([expect.stringMatching(/^a\.pdf and b\.pdf \(page 1\) both give the page "a"/)]);
  });
});

describe('ingest of PDF seeds', () => {
  const seeds = join(tmp, 'seeds');
  const out = join(tmp, 'out');
  const cache = join(tmp, 'render-cache');
  const ingest = () => run('--seeds', seeds, '--out', out, '--no-cache', '--pdf-cache', cache);
  let first: ReturnType<typeof run>;

  beforeAll(async () => {
    // An issue's PDF: the trusted page, the garbled one (its .txt beside, by the mapped name), and a third page left out.
    const doc = await PDFDocument.create();
    for (const c of ['front', 'front-no-tounicode', 'front-identity-v']) {
      const src = await PDFDocument.load(readFileSync(join(FIXTURES, c, 'page.pdf')));
      const [page] = await doc.copyPages(src, [0]);
      doc.addPage(page);
    }
    mkdirSync(join(seeds, '日报', '2031-05-04'), { recursive: true });
    writeFileSync(join(seeds, '日报', '2031-05-04', 'issue.pdf'), await doc.save());
    writeFileSync(join(seeds, '日报', '2031-05-04', 'issue.pages.json'), JSON.stringify({ pages: ['01-要闻', '02-城事', null] }));
    copyFileSync(join(FIXTURES, 'front-no-tounicode', 'page.txt'), join(seeds, '日报', '2031-05-04', '02-城事.txt'));
    // A garbled PDF alone: refused by name.
    copyFileSync(join(FIXTURES, 'front-no-tounicode', 'page.pdf'), join(seeds, 'alone.pdf'));
    first = ingest();
  }, 120_000);

  it('reads the trusted page from the PDF and the garbled one from its .txt, and says so in report.json', () => {
    expect(first.status).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
    const bySeed = new Map(report.reports.map((r) => [r.seed, r]));
    expect(bySeed.get('日报/2031-05-04/01-要闻.pdf')!.pdf).toMatchObject({ text: 'pdf', trust: 'ok', file: '日报/2031-05-04/issue.pdf', page: 1, pages: 3 });
    const garbled = bySeed.get('日报/2031-05-04/02-城事.pdf')!;
    expect(garbled.ok).toBe(true);
    expect(garbled.pdf).toMatchObject({ text: 'txt', trust: 'garbled', page: 2, pages: 3 });
    expect(garbled.pdf!.untrusted.length).toBeGreaterThan(0);
    expect(garbled.pdf!.aligned).toBeGreaterThanOrEqual(0.9);
    // Both pages' articles have regions (the garbled page's from the PDF's geometry).
    for (const r of [bySeed.get('日报/2031-05-04/01-要闻.pdf')!, garbled]) {
      expect(r.confidence?.length).toBeGreaterThan(0);
      expect(r.confidence!.every((c) => (c.regions?.length ?? 0) > 0)).toBe(true);
    }
  });

  it('refuses a PDF whose text layer cannot be trusted and has no .txt, naming the file', () => {
    expect(first.stderr).toMatch(/alone\.pdf: the PDF has a text layer that cannot be trusted \(font [^)]+\).*there is no alone\.txt beside it.*refused/);
    expect(readdirSync(join(out, 'pages')).sort()).toEqual(['日报-2031-05-04-01-要闻.json', '日报-2031-05-04-02-城事.json']);
  });

  it('prints a page of the issue\'s PDF with --json --page N, its text from the .txt of the page it is mapped to', () => {
    const issue = join(seeds, '日报', '2031-05-04', 'issue.pdf');
    const second = run('--json', issue, '--page', '2');
    expect(second.status, second.stderr).toBe(0);
    const truth = truthOf('front-no-tounicode');
    expect((JSON.parse(second.stdout) as GoldPage).articles.map((a) => a.title?.replace(/\s+/gu, ''))).toEqual(truth.articles.map((a) => a.title.replace(/\s+/gu, '')));
    const third = run('--json', issue, '--page', '3');
    expect(third.status).toBe(1);
    expect(third.stderr).toMatch(/issue\.pdf.*page 3 is left out by issue\.pages\.json/);
    expect(third.stdout).toBe('');
  }, 60_000);

  it('publishes the PDF once and each page\'s images, and renders nothing again on a rebuild', () => {
    const record = JSON.parse(readFileSync(join(out, 'pages', '日报-2031-05-04-02-城事.json'), 'utf8'));
    expect(record.facsimile.pdf).toMatchObject({ name: 'issue.pdf', page: 2, pages: 3 });
    expect(readFileSync(join(out, record.facsimile.pdf.file)).equals(readFileSync(join(seeds, '日报', '2031-05-04', 'issue.pdf')))).toBe(true);
    for (const img of record.facsimile.images) expect(readFileSync(join(out, img.file)).subarray(8, 12).toString('latin1')).toBe('WEBP');
    // The refused PDF counts among the PDF pages read, not among those rendered.
    expect(first.stderr).toMatch(/3 PDF page\(s\), 2 rendered/);
    const again = ingest();
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/3 PDF page\(s\), 0 rendered/);
  }, 60_000);
});

describe('ingest --json of a PDF page', () => {
  /** Every printed character of a gold page (what conservation counts: not the authors, which repeat the credit). */
  const printed = (g: GoldPage): string =>
    [...g.articles.flatMap((a) => [a.column, a.kicker, a.title, a.subtitle, a.byline, ...a.body.map((b) => b.text)]), ...g.other.map((o) => o.text)]
      .filter((s): s is string => s !== null)
      .join('')
      .replace(/\s+/gu, '');
  const sorted = (s: string) => [...s].sort().join('');
  const inside = (a: Truth['lines'][number]['box'], b: { x: number; y: number; w: number; h: number }, tol = 0.5) =>
    a.x >= b.x - tol && a.y >= b.y - tol && a.x + a.w <= b.x + b.w + tol && a.y + a.h <= b.y + b.h + tol;
  const overlaps = (a: Truth['lines'][number]['box'], b: { x: number; y: number; w: number; h: number }, tol = 0.5) =>
    Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > tol && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > tol;

  for (const c of ['front', 'front-identity-v', 'front-no-tounicode']) {
    it(`${c}: every printed character in exactly one block, each article's regions holding its lines and photos and no one else's`, () => {
      const dir = join(tmp, `json-${c}`);
      mkdirSync(dir, { recursive: true });
      copyFileSync(join(FIXTURES, c, 'page.pdf'), join(dir, 'page.pdf'));
      if (existsSync(join(FIXTURES, c, 'page.txt'))) copyFileSync(join(FIXTURES, c, 'page.txt'), join(dir, 'page.txt'));
      const r = run('--json', join(dir, 'page.pdf'));
      expect(r.status, r.stderr).toBe(0);
      const gold = JSON.parse(r.stdout) as GoldPage;
      const truth = truthOf(c);
      expect(sorted(printed(gold))).toBe(sorted(truth.lines.map((l) => l.text).join('').replace(/\s+/gu, '')));
      // Titles as the gold schema compares them: white space aside.
      expect(gold.articles.map((a) => a.title?.replace(/\s+/gu, ''))).toEqual(truth.articles.map((a) => a.title.replace(/\s+/gu, '')));
      truth.articles.forEach((ta, k) => {
        const regions = gold.articles[k].regions!;
        expect(regions.length).toBeGreaterThan(0);
        for (const b of regions) expect(inside(b, { x: 0, y: 0, w: truth.page.width, h: truth.page.height })).toBe(true);
        for (const l of truth.lines) {
          if (l.article === ta.id) expect(regions.some((b) => inside(l.box, b)), `${ta.title}: ${l.text}`).toBe(true);
          else expect(regions.some((b) => overlaps(l.box, b)), `${ta.title} covers「${l.text}」`).toBe(false);
        }
        // The photos printed with it are its own too (a reader clicks the picture), and no one else's.
        for (const ph of truth.photos) {
          if (ph.article === ta.id) expect(regions.some((b) => inside(ph.box, b)), `${ta.title}: its photo`).toBe(true);
          else expect(regions.some((b) => overlaps(ph.box, b)), `${ta.title} covers the photo of ${ph.article}`).toBe(false);
        }
      });
    }, 60_000);
  }
});
