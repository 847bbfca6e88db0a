import { describe, expect, it } from 'vitest';
import { HANT_CHAR_DELTAS } from '../../src/lib/search/hant-chars.ts';
import { mayBeTraditional } from '../../src/lib/search/script-detect.ts';
import { encodeDeltas, hantCharsFromOpencc } from '../../scripts/lib/hant-chars.ts';

describe('mayBeTraditional', () => {
  it('flags queries the converter could change and passes simplified/ASCII ones', () => {
    expect(mayBeTraditional('經濟')).toBe(true);
    expect(mayBeTraditional('干部幹')).toBe(true);
    expect(mayBeTraditional('经济发展2024abc')).toBe(false);
    expect(mayBeTraditional('')).toBe(false);
  });

  it('is generated from the installed opencc-js (run scripts/gen-hant-chars.ts after upgrading)', async () => {
    expect(HANT_CHAR_DELTAS).toBe(encodeDeltas(await hantCharsFromOpencc()));
  });
});
