/**
 * The code points opencc-js's 'tw' → 'cn' conversion can change: every character converted on its
 * own, plus every character that differs inside a phrase entry of the conversion dictionaries.
 */
import { Converter, Locale } from 'opencc-js/t2cn';

/** Sorted code points (NFKC-stable ones only: queries are NFKC-folded before the check). */
export async function hantCharsFromOpencc(): Promise<number[]> {
  const convert = Converter({ from: 'tw', to: 'cn' });
  const set = new Set<number>();
  for (let cp = 0x2e80; cp < 0x30000; cp++) {
    if (cp >= 0xd800 && cp < 0xe000) continue;
    const c = String.fromCodePoint(cp);
    if (convert(c) !== c) set.add(cp);
  }
  const dicts = (Locale.from as Record<string, unknown[]>).tw.flat(Infinity as 1) as unknown[];
  for (const d of dicts) {
    const entries = typeof d === 'string' ? d.split('|').map((e) => e.split(' ')) : (d as [string, string][]);
    for (const [k, v] of entries) {
      if (!k || !v || k === v) continue;
      const ks = Array.from(k);
      const vs = Array.from(v);
      ks.forEach((c, i) => {
        if (ks.length !== vs.length || vs[i] !== c) set.add(c.codePointAt(0)!);
      });
    }
  }
  return [...set].filter((cp) => String.fromCodePoint(cp).normalize('NFKC') === String.fromCodePoint(cp)).sort((a, b) => a - b);
}

/** Base-36 deltas between sorted code points, comma-separated (decoded by src/lib/search/script-detect.ts). */
export function encodeDeltas(cps: number[]): string {
  let prev = 0;
  return cps
    .map((cp) => {
      const d = (cp - prev).toString(36);
      prev = cp;
      return d;
    })
    .join(',');
}
