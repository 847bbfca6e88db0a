import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageError, decodePage } from '../../scripts/lib/decode.ts';
import { parsePage } from '../../scripts/lib/pipeline.ts';

const FIX = join(import.meta.dirname, '../fixtures/pages');
const utf8 = readFileSync(join(FIX, 'gb18030/utf8.txt'));

describe('decode', () => {
  it('reads a GB18030 page exactly as its UTF-8 twin', () => {
    const gb = readFileSync(join(FIX, 'gb18030/page.txt'));
    expect(gb.equals(utf8)).toBe(false);
    const d = decodePage(gb, 'page.txt');
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe(utf8.toString('utf8'));
  });
  it('strips a BOM and normalises CRLF, giving the same articles', () => {
    const crlf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(utf8.toString('utf8').replace(/\n/g, '\r\n'))]);
    const a = parsePage(crlf, 'x.txt');
    const b = parsePage(utf8, 'x.txt');
    expect(a.text.includes('\r')).toBe(false);
    expect(a.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(a.articles).toEqual(b.articles);
  });
  it('rejects empty, blank, binary and undecodable files with the file name', () => {
    expect(() => decodePage(new Uint8Array(), 'empty.txt')).toThrow(/empty\.txt: the file is empty/);
    expect(() => decodePage(Buffer.from(' \n\t\n'), 'blank.txt')).toThrow(/blank\.txt: .*white space/);
    expect(() => decodePage(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), 'img.txt')).toThrow(/img\.txt: .*binary/);
    expect(() => decodePage(Buffer.from([0xff, 0xff, 0xff, 0xfe, 0x81]), 'bad.txt')).toThrow(PageError);
  });
  it('never returns mojibake: a Latin-1 page is refused rather than misread', () => {
    const latin1 = Buffer.from('Caf\xe9 au lait, d\xe9j\xe0 vu.', 'latin1');
    expect(() => decodePage(latin1, 'latin1.txt')).toThrow(/latin1\.txt/);
  });
});
