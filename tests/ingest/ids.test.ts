/**
 * Stable identifiers (scripts/lib/ids.ts): a page id is its file name made URL-safe; an article id
 * is the page id plus the first six hex digits of SHA-256 of its opening (40 characters, white
 * space removed). Expected hashes were computed outside the code, e.g. printf '…' | sha256sum.
 */
import { describe, expect, it } from 'vitest';
import { articleIds, pageIdOf } from '../../scripts/lib/ids.ts';

describe('pageIdOf', () => {
  it('is the file name without folder and extension', () => {
    expect(pageIdOf('000_3f2cd97355706aaa.txt')).toBe('000_3f2cd97355706aaa');
    expect(pageIdOf('seeds/2025/余杭晨报-01.txt')).toBe('余杭晨报-01');
    expect(pageIdOf('C:\\pages\\A1.txt')).toBe('A1');
  });
  it('makes any name URL-safe: NFKC, runs of other characters as one hyphen, none at the ends', () => {
    expect(pageIdOf('ＡＢ１２.txt')).toBe('AB12');
    expect(pageIdOf('第 2 版 (要闻).txt')).toBe('第-2-版-要闻');
    expect(pageIdOf('--a b--.txt')).toBe('a-b');
  });
  it('names a page whose file name has nothing usable "page"', () => {
    expect(pageIdOf('.txt')).toBe('page');
    expect(pageIdOf('？？.txt')).toBe('page');
  });
});

describe('articleIds', () => {
  it('hashes the opening, white space removed', () => {
    // sha256('本报讯记者王小明今天上午') starts 372384.
    expect(articleIds('p', ['本报讯 记者 王小明\n今天上午'])).toEqual(['p-372384']);
    expect(articleIds('p', ['本报讯记者王小明今天上午'])).toEqual(['p-372384']);
  });
  it('reads only the first 40 characters', () => {
    const forty = '一二三四五六七八九十'.repeat(4);
    expect(articleIds('p', [forty, `${forty}此后不同`])).toEqual(['p-a9b248', 'p-a9b248-2']);
  });
  it('numbers clashes within a page in reading order, and depends on nothing else', () => {
    expect(articleIds('p', ['', '甲', ''])).toEqual(['p-e3b0c4', expect.stringMatching(/^p-[0-9a-f]{6}$/), 'p-e3b0c4-2']);
    const alone = articleIds('p', ['本报讯记者王小明今天上午']);
    expect(articleIds('p', ['别的文章', '本报讯记者王小明今天上午'])[1]).toBe(alone[0]);
    expect(articleIds('q', ['本报讯记者王小明今天上午'])).toEqual(['q-372384']);
  });
});
