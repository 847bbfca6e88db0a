/**
 * Decoding hostile and legacy inputs (issue 13): every fixture folder of tests/fixtures/hostile/
 * holding a page.txt and a case.json is either decoded to exactly its expected.txt in the named
 * encoding, or refused with a message naming the file and matching the case's patterns. The
 * fixtures' bytes were made with Python's codecs (iconv for the legacy encodings), and the offsets in
 * their messages are where the bad bytes were put — not what the decoder said.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePage, PageError, scanUtf8 } from '../../scripts/lib/decode.ts';

const HOSTILE = join(import.meta.dirname, '../fixtures/hostile');

interface Case {
  why: string;
  outcome: 'accepted' | 'refused';
  encoding?: string;
  message?: string[];
}

const cases = readdirSync(HOSTILE)
  .filter((d) => existsSync(join(HOSTILE, d, 'case.json')) && existsSync(join(HOSTILE, d, 'page.txt')))
  .map((d) => ({ name: d, spec: JSON.parse(readFileSync(join(HOSTILE, d, 'case.json'), 'utf8')) as Case, bytes: readFileSync(join(HOSTILE, d, 'page.txt')) }));

describe('hostile page files: decoded exactly or refused by name', () => {
  it('has the fixture folders', () => expect(cases.length).toBeGreaterThanOrEqual(10));
  for (const c of cases) {
    it(`${c.name}: ${c.spec.why}`, () => {
      const file = `${c.name}.txt`;
      if (c.spec.outcome === 'accepted') {
        const d = decodePage(c.bytes, file);
        expect(d.encoding).toBe(c.spec.encoding);
        expect(d.text).toBe(readFileSync(join(HOSTILE, c.name, 'expected.txt'), 'utf8'));
        expect(d.text).not.toContain('\uFFFD');
      } else {
        let error: unknown;
        try {
          decodePage(c.bytes, file);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(PageError);
        const message = (error as Error).message;
        expect(message.startsWith(`${file}: `)).toBe(true);
        for (const pattern of c.spec.message ?? []) expect(message).toMatch(new RegExp(pattern));
      }
    });
  }
});

describe('decodePage options and edge cases', () => {
  const utf8 = Buffer.from('第一行文字\n第二行文字，有标点。\n', 'utf8');

  it('decodes invalid UTF-8 sequences as U+FFFD only when asked, and reports their offsets', () => {
    const bad = Buffer.concat([utf8.subarray(0, 6), Buffer.from([0xff]), utf8.subarray(6)]);
    expect(() => decodePage(bad, 'bad.txt')).toThrow(/bad\.txt: .*byte 6 \(line 1\)/);
    const d = decodePage(bad, 'bad.txt', { invalidUtf8: 'replace' });
    expect(d.replaced).toEqual([6]);
    expect(d.text).toBe('第一\uFFFD行文字\n第二行文字，有标点。\n');
  });
  it('refuses UTF-16 with a BOM whose text holds an unpaired surrogate or an odd byte count', () => {
    const lone = Buffer.from([0xff, 0xfe, 0x2c, 0x7b, 0x00, 0xd8, 0x41, 0x00]);
    expect(() => decodePage(lone, 'lone.txt')).toThrow(/lone\.txt: .*UTF-16LE.*unpaired surrogate at byte 4/);
    const odd = Buffer.from([0xfe, 0xff, 0x7b, 0x2c, 0x4e]);
    expect(() => decodePage(odd, 'odd.txt')).toThrow(/odd\.txt: .*odd number of bytes/);
  });
  it('a UTF-8 BOM declares UTF-8: invalid bytes after it are refused with offsets, never read as GB18030', () => {
    const gbAfterBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xd6, 0xd0, 0xce, 0xc4])]);
    expect(() => decodePage(gbAfterBom, 'bom.txt')).toThrow(/bom\.txt: the file is UTF-8 but for 4 invalid byte sequences, at byte 3 \(line 1\), byte 4 \(line 1\), byte 5/);
  });
  it('scanUtf8 finds each maximal invalid subpart once, as TextDecoder replaces them', () => {
    // A lone continuation byte, an overlong 0xC0, a surrogate half (ED A0 80), a cut 3-byte sequence.
    const bytes = Buffer.from([0x41, 0x80, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xe4, 0xb8, 0x41]);
    const replaced = [...new TextDecoder().decode(bytes)].filter((c) => c === '\uFFFD').length;
    const { invalid } = scanUtf8(bytes);
    expect(invalid.length).toBe(replaced);
    expect(invalid[0]).toBe(1);
    expect(invalid.at(-1)).toBe(7);
  });
});
