import { describe, expect, it } from 'vitest';
import { decodeRanks, docShard, encodeRanks } from '../../core/search/shards.ts';
import { archiveVariants, charBucketCount, chunkSizeFor, CHAR_FILE_ENTRIES, docShardsFor, predictedChunks, type IndexItem } from '../../scripts/lib/search/plan.ts';

describe('docShard', () => {
  it('cuts the archive order into equal runs of consecutive ranks', () => {
    const shardOf = Array.from({ length: 1000 }, (_, rank) => docShard(rank, 1000, 7));
    expect(shardOf[0]).toBe(0);
    expect(shardOf[999]).toBe(6);
    expect(shardOf.every((k, i) => i === 0 || k === shardOf[i - 1] || k === shardOf[i - 1] + 1)).toBe(true);
    const sizes = Array.from({ length: 7 }, (_, k) => shardOf.filter((x) => x === k).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(() => docShard(1000, 1000, 7)).toThrow(/outside/);
  });
});

describe('character file ranks', () => {
  it('are stored as differences and read back', () => {
    expect(encodeRanks([3, 4, 10, 11])).toEqual([3, 1, 6, 1]);
    expect(decodeRanks([3, 1, 6, 1])).toEqual([3, 4, 10, 11]);
    expect(decodeRanks(encodeRanks([]))).toEqual([]);
    const many = Array.from({ length: 500 }, (_, i) => i * 7 + (i % 3));
    expect(decodeRanks(encodeRanks(many))).toEqual(many);
  });
});

describe('file-count cap', () => {
  it('gives result documents a quarter of the cap: one file each if that fits, else shards', () => {
    expect(docShardsFor(2000, 200)).toBe(0); // 401 files fit in 500
    expect(docShardsFor(2000, 250)).toBe(249); // 501 files would not fit in 500
    expect(2 * docShardsFor(2000, 20000) + 1).toBeLessThanOrEqual(500);
    expect(docShardsFor(2000, 20000, 40)).toBe(40); // an explicit shard count wins
    expect(docShardsFor(3, 20000)).toBe(1);
  });

  it('scales the index chunk size to the chunks allowed, with room to spare', () => {
    const size = chunkSizeFor(20000, 1752, 1300);
    expect(size).toBeGreaterThan((20000 * 1752) / 1300);
    expect((20000 * 1752) / size).toBeLessThan(1300);
    expect(() => chunkSizeFor(20000, 10, 0)).toThrow();
  });

  it('estimates Pagefind\'s index chunks from the words, erring high', () => {
    // Each record: 1,000 words, 800 of them distinct → 1,800 locations and word–page entries.
    const record = { content: Array.from({ length: 1000 }, (_, i) => `w${i % 800}`).join(' ') };
    expect(predictedChunks(Array(100).fill(record))).toBe(Math.ceil(((100 * 1800) / 20000) * 1.25));
    expect(predictedChunks([{ content: 'a b a' }])).toBe(1);
  });

  it('fits the number of character files to the archive', () => {
    expect(charBucketCount(0)).toBe(1);
    expect(charBucketCount(CHAR_FILE_ENTRIES)).toBe(1);
    expect(charBucketCount(CHAR_FILE_ENTRIES + 1)).toBe(2);
    expect(charBucketCount(100 * CHAR_FILE_ENTRIES)).toBe(100);
  });
});

describe('archive variants', () => {
  const item = (hans: string, hant: string, titles: [string, string] = ['', '']): IndexItem => {
    const doc = (text: string, title: string) => ({ id: 'x', paper: null, date: null, page: null, column: null, kicker: null, title: title || null, subtitle: null, text });
    return { url: '/x/', doc: { hans: doc(hans, titles[0]), hant: doc(hant, titles[1]) } };
  };

  it('joins the pairs of every article, body and headline, and skips texts that do not line up', () => {
    const classes = archiveVariants([
      item('头发 发展', '頭髮 發展', ['后来', '後來']),
      item('长', '長久'), // does not line up: no pairs
      item('皇后', '皇后'),
    ]);
    expect(classes).toEqual(['來来', '发發髮', '后後', '头頭']); // each in code-point order, sorted
  });
});
