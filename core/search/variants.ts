/**
 * Script variants (简繁通检): characters that the archive's simplified and traditional pages spell
 * differently at the same place are one character for search.
 *
 * The traditional twin of every page is opencc's cn → tw conversion of the simplified one, and opencc
 * converts character for character, so the two folded texts of an article line up code point by
 * code point. The indexer collects every pair that differs (say 发/發, 发/髮, 后/後) from the whole
 * archive and joins them into classes (发 發 髮 becomes one class); each character of a class is
 * searched as the class's first member. Then an article's two texts fold to the same string — one
 * index stream instead of two — and a query in either script folds to that string too.
 *
 * Only pairs that actually occur in the archive are joined, so the classes are as small as the
 * conversion allows. The price is that a search matches variant spellings: a traditional query with
 * 後 also finds an article whose 后 stays 后 on both pages (皇后). Both pages still contain the
 * query up to script variants, which is the rule the search promises (docs/search.md).
 */

/** Character → the representative of its variant class (characters not in a class are absent). */
export type Variants = ReadonlyMap<string, string>;

/** No variants: folding is plain folding. */
export const NO_VARIANTS: Variants = new Map();

/**
 * The code-point pairs (a[i], b[i]) that differ between two texts of the same length in code
 * points; null when the lengths differ (the texts do not line up).
 */
export function differingPairs(a: string, b: string): [string, string][] | null {
  const ca = Array.from(a);
  const cb = Array.from(b);
  if (ca.length !== cb.length) return null;
  const out: [string, string][] = [];
  for (let i = 0; i < ca.length; i++) if (ca[i] !== cb[i]) out.push([ca[i], cb[i]]);
  return out;
}

/**
 * Joins pairs into classes (union–find). Each class is a string of its characters in code-point
 * order, so its first character — the representative — does not depend on the order of the pairs;
 * classes are sorted. Deterministic for the same set of pairs.
 */
export function variantClasses(pairs: Iterable<[string, string]>): string[] {
  const parent = new Map<string, string>();
  const find = (c: string): string => {
    let root = c;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    for (let x = c; x !== root; ) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  for (const [a, b] of pairs) {
    if (a === b) continue;
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  }
  const classes = new Map<string, string[]>();
  for (const c of parent.keys()) {
    const r = find(c);
    const members = classes.get(r);
    if (members) members.push(c);
    else classes.set(r, [c]);
  }
  const byCodePoint = (x: string, y: string) => x.codePointAt(0)! - y.codePointAt(0)!;
  return [...classes.values()].map((m) => m.sort(byCodePoint).join('')).sort((x, y) => byCodePoint(x, y));
}

/** The classes as stored in the search layout: space-separated. */
export function encodeVariants(classes: string[]): string {
  return classes.join(' ');
}

/** Reads stored classes back into a character → representative map. */
export function decodeVariants(encoded: string): Variants {
  const map = new Map<string, string>();
  for (const cls of encoded.split(' ')) {
    const chars = Array.from(cls);
    for (const c of chars.slice(1)) map.set(c, chars[0]);
  }
  return map;
}
