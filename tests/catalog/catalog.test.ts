/**
 * The catalog at scale (issue 12): the folder convention, a CSV catalog beside the JSON one, paper
 * slugs, and one clear error per bad row. Expected values are written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { CatalogError, csvRecords, parseCatalog, parseCatalogCsv, pathCatalog, resolveCatalog } from '../../scripts/lib/catalog.ts';
import { pageIdOf } from '../../scripts/lib/ids.ts';
import { parseSeedPath } from '../../scripts/lib/seed-path.ts';

const problems = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof CatalogError) return e.problems;
    throw e;
  }
  throw new Error('no error');
};

describe('the folder convention seeds/<paper>/<YYYY-MM-DD>/<NN>-<版名>.txt', () => {
  it('gives paper, date, page number and page name, and an id that names the issue', () => {
    expect(parseSeedPath('余杭晨报/2025-01-23/01-要闻.txt')).toEqual({ meta: { paper: '余杭晨报', date: '2025-01-23', pageNumber: 1, pageName: '要闻' }, idSource: '余杭晨报-2025-01-23-01-要闻' });
    expect(pageIdOf('余杭晨报/2025-01-23/01-要闻.txt')).toBe('余杭晨报-2025-01-23-01-要闻');
    expect(pageIdOf('余杭晨报/2025-01-24/01-要闻.txt')).toBe('余杭晨报-2025-01-24-01-要闻');
    expect(parseSeedPath('甲报/2025-01-23/12.txt')?.meta).toEqual({ paper: '甲报', date: '2025-01-23', pageNumber: 12, pageName: null });
    expect(parseSeedPath('甲报/2025-01-23/副刊.txt')?.meta).toEqual({ paper: '甲报', date: '2025-01-23', pageNumber: null, pageName: null });
  });
  it('leaves other paths to the catalog, and names a date folder that is no date', () => {
    expect(parseSeedPath('000_3f2cd97355706aaa.txt')).toBeNull();
    expect(parseSeedPath('2025/余杭晨报-01.txt')).toBeNull();
    expect(parseSeedPath('甲报/2025-1-23/01.txt')).toBeNull();
    expect(problems(() => pathCatalog(['甲报/2025-02-30/01.txt', '甲报/2025-13-01/02.txt', 'ok.txt']))).toEqual([
      'seeds/甲报/2025-02-30/01.txt: folder "2025-02-30" is not a calendar date (seeds/<paper>/<YYYY-MM-DD>/<NN>-<版名>.txt)',
      'seeds/甲报/2025-13-01/02.txt: folder "2025-13-01" is not a calendar date (seeds/<paper>/<YYYY-MM-DD>/<NN>-<版名>.txt)',
    ]);
  });
});

describe('the CSV catalog', () => {
  it('reads RFC 4180: quotes, doubled quotes, commas and newlines inside quotes, CRLF, a BOM', () => {
    expect(csvRecords('\uFEFFa,b\r\n"x, ""y""","1\n2"\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, "y"', '1\n2'] },
    ]);
  });
  it('gives each row its page metadata; empty cells are unknown', () => {
    const c = parseCatalogCsv('page,paper,date,pageNumber,pageName,note\np1,甲报,2025-01-23,2,要闻,\np2,,,,,只知道页\n', 'catalog.csv');
    expect(c.pages).toEqual({ p1: { paper: '甲报', date: '2025-01-23', pageNumber: 2, pageName: '要闻' }, p2: { paper: null, date: null, pageNumber: null, pageName: null } });
  });
  it('names every bad row with its line, not only the first', () => {
    const text = ['page,date,pageNumber', 'a,2025-02-30,1', 'b,2025-01-01,0', 'c,2025-01-01,二', 'a,,', ',2025-01-01,1', 'd,2025-01-01'].join('\n');
    expect(problems(() => parseCatalogCsv(text, 'seeds/catalog.csv'))).toEqual([
      'seeds/catalog.csv:2: page "a": date "2025-02-30" is not a calendar date in YYYY-MM-DD form',
      'seeds/catalog.csv:3: page "b": pageNumber must be a positive whole number',
      'seeds/catalog.csv:4: page "c": pageNumber must be a positive whole number',
      'seeds/catalog.csv:5: page "a" is already listed on line 2',
      'seeds/catalog.csv:6: "page" is empty',
      'seeds/catalog.csv:7: 2 fields, the header has 3',
    ]);
  });
  it('refuses an unknown column or a missing page column', () => {
    expect(problems(() => parseCatalogCsv('page,papr\nx,甲报\n', 'c.csv'))).toEqual(['c.csv:1: unknown column "papr" (known: page, paper, date, pageNumber, pageName, note)']);
    expect(problems(() => parseCatalogCsv('paper\n甲报\n', 'c.csv'))).toEqual(['c.csv:1: no "page" column (the page id: the file name without .txt)']);
  });
});

describe('the resolved catalog', () => {
  const json = parseCatalog(JSON.stringify({ papers: { 甲报: { slug: 'jiabao', formerSlugs: ['jb'] } }, pages: { 'x-1': { pageName: '评论' } } }), 'catalog.json');
  it('lets the JSON or CSV override the path field by field, and gives every page of a paper its slug', () => {
    const paths = pathCatalog(['甲报/2025-01-23/01-要闻.txt']);
    const csv = parseCatalogCsv('page,paper\nx-2,甲报\n', 'catalog.csv');
    const c = resolveCatalog({ json: { ...json, pages: { '甲报-2025-01-23-01-要闻': { paper: null, date: null, pageNumber: 3, pageName: null } } }, csv, paths });
    expect(c.pages['甲报-2025-01-23-01-要闻']).toEqual({ paper: '甲报', date: '2025-01-23', pageNumber: 3, pageName: '要闻', paperSlug: 'jiabao', paperFormerSlugs: ['jb'] });
    expect(c.pages['x-2']).toEqual({ paper: '甲报', date: null, pageNumber: null, pageName: null, paperSlug: 'jiabao', paperFormerSlugs: ['jb'] });
  });
  it('refuses a page listed in both the JSON and the CSV', () => {
    const csv = parseCatalogCsv('page,paper\nx-1,甲报\n', 'catalog.csv');
    expect(problems(() => resolveCatalog({ json, csv }))).toEqual(['page "x-1" is listed in both catalog.json and catalog.csv: keep one entry']);
  });
  it('refuses a slug that is not lower-case ASCII, or the reserved "unknown"', () => {
    expect(problems(() => parseCatalog('{"papers":{"甲报":{"slug":"Jia Bao"}}}', 'c.json'))[0]).toMatch(/^c\.json: papers\["甲报"\]\.slug must be lower-case letters/);
    expect(problems(() => parseCatalog('{"papers":{"甲报":{"slug":"unknown"}}}', 'c.json'))[0]).toMatch(/reserved/);
    expect(problems(() => parseCatalog('{"papers":{"甲报":{"slg":"x"}}}', 'c.json'))).toEqual(['c.json: papers["甲报"]: unknown field "slg" (known: slug, formerSlugs, note)']);
  });
});
