import { describe, expect, it } from 'vitest';
import { docShard } from '../../src/lib/search/shards.ts';

describe('docShard', () => {
  it('is stable and spreads ids over all shards', () => {
    expect(docShard('abc123', 7)).toBe(docShard('abc123', 7));
    const seen = new Set(Array.from({ length: 2000 }, (_, i) => docShard(`id${i}`, 16)));
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i));
  });
});
