/**
 * @fileoverview Permanent article ids (issue 11). Once published, an article's id never changes:
 * the registry (`seeds/ids.json`, committed with the seeds) keeps every id a page has had, with a
 * small sample of its text, and each conversion matches the page's articles to those ids by text
 * similarity, so a typo fix, a correction or a better parser keeps every URL. An article with no
 * previous id gets one from its opening text (ids.ts), as before the registry; an id whose text is
 * gone stays in the registry as gone — merged into, split into, or withdrawn — and the site keeps
 * a page at its URL saying so and linking to where the text went (never a 404). A gone id whose
 * text comes back is live again.
 *
 * Similarity: an article's text (white space removed) is cut into overlapping three-character
 * shingles; the registry keeps the count of distinct shingles (`n`) and the SKETCH_SIZE smallest
 * of their hashes (a bottom-k sketch, a uniform sample of the shingles). The share of an old
 * sketch found among a new article's shingles estimates how much of the old text the new article
 * holds (containment).
 */
import { shortHash } from '../../core/hash.ts';
import { IdRegistrySchema, TEXT_FIELDS, type Article, type GoneArticle, type IdRegistry, type OtherBlock, type RegisteredArticle, type RegistryPage } from '../../core/schema.ts';
import { squash } from './text.ts';

/** Hashes kept per article: enough to tell a page's articles apart and to see where a text went. */
export const SKETCH_SIZE = 24;
/** Share of an old article's text a new one must hold to keep its id… */
const KEEP_CONTAINED = 0.6;
/** …and share of the new article's text that old text must make up (a merge keeps the larger part's id). */
const KEEP_SHARE = 0.3;
/** A gone article whose text is in one article by this share was merged into it… */
const MERGED = 0.6;
/** …else split, when articles holding at least SPLIT_PART each hold this share together. */
const SPLIT_PART = 0.15;

/** An empty registry. */
export function emptyRegistry(): IdRegistry {
  return { format: 1, pages: {} };
}

/** Reads `ids.json`; throws naming the file and the problem. */
export function parseRegistry(text: string, name: string): IdRegistry {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${name}: not JSON (${(e as Error).message})`);
  }
  const r = IdRegistrySchema.safeParse(json);
  if (!r.success) throw new Error(`${name}: not an id registry (${r.error.issues[0].path.join('.')}: ${r.error.issues[0].message})`);
  return r.data;
}

/** The registry as committed: pages by id, one article a line, so a change reads as a small diff. */
export function serializeRegistry(r: IdRegistry): string {
  const ids = Object.keys(r.pages).sort();
  const pages = ids.map((id) => {
    const p = r.pages[id];
    const arts = p.articles.map((a) => `        ${JSON.stringify(a)}`).join(',\n');
    return `    ${JSON.stringify(id)}: {\n      "seed": ${JSON.stringify(p.seed)},\n      "articles": [${arts ? `\n${arts}\n      ` : ''}]\n    }`;
  });
  return `{\n  "format": 1,\n  "pages": {${pages.length ? `\n${pages.join(',\n')}\n  ` : ''}}\n}\n`;
}

/** FNV-1a's step for one code point (its UTF-16 code units, as {@link fnv} hashes a string). */
function fnvStep(h: number, cp: number): number {
  if (cp > 0xffff) {
    h = Math.imul(h ^ (0xd800 + ((cp - 0x10000) >> 10)), 0x01000193) >>> 0;
    return Math.imul(h ^ (0xdc00 + ((cp - 0x10000) & 0x3ff)), 0x01000193) >>> 0;
  }
  return Math.imul(h ^ cp, 0x01000193) >>> 0;
}

/** Hashes of the distinct three-character shingles of a text (white space removed); a shorter text is one shingle. */
export function shingles(text: string): Set<number> {
  // Code points hashed in place (no strings built): the same values as fnv() of each three-character string.
  const cps: number[] = [];
  for (const ch of squash(text)) cps.push(ch.codePointAt(0)!);
  const out = new Set<number>();
  if (cps.length === 0) return out;
  if (cps.length < 3) out.add(cps.reduce(fnvStep, 0x811c9dc5));
  for (let i = 0; i + 3 <= cps.length; i++) out.add(fnvStep(fnvStep(fnvStep(0x811c9dc5, cps[i]), cps[i + 1]), cps[i + 2]));
  return out;
}

/** The text an article is matched by: its headline parts and body. */
export function articleText(a: Article): string {
  return [...TEXT_FIELDS.map((f) => a[f] ?? ''), ...a.body.map((b) => b.text)].join('');
}

function sketch(hashes: Set<number>): string {
  // A typed array sorts numerically without a comparator.
  return Array.from(Uint32Array.from(hashes).sort().subarray(0, SKETCH_SIZE), (h) => h.toString(36)).join(' ');
}

function sample(e: RegisteredArticle): number[] {
  return e.sketch ? e.sketch.split(' ').map((h) => parseInt(h, 36)) : [];
}

/** Share of an old article's sampled text found in a set of shingles. */
function contained(e: RegisteredArticle, set: Set<number>): number {
  const s = sample(e);
  if (s.length === 0) return set.size === 0 ? 1 : 0;
  return s.filter((h) => set.has(h)).length / s.length;
}

/** The id an article gets from its opening when it has none (ids.ts: page id + hash of the first 40 characters of its body). */
function openingId(pageId: string, a: Article): string {
  return `${pageId}-${shortHash(squash(a.body.map((b) => b.text).join('')).slice(0, 40), 6)}`;
}

/** What one page's conversion gives the registry. */
export interface IdAssignment {
  /** Ids of the page's articles, in reading order. */
  ids: string[];
  /** The page's registry entry after this conversion. */
  page: RegistryPage;
  /** The page's gone ids, each with the live ids its text went to. */
  gone: GoneArticle[];
}

const REASON = {
  merged: '整理时发现它与同版另一篇原是一篇文章，已经合并。',
  split: '整理时发现它原是同版的几篇文章，已经拆开。',
  other: '整理时确认它不是一篇文章（如导读、栏目介绍或版面装饰），文字仍在本版版面中。',
  removed: '它的文字已不在本版的文本中。',
};

/**
 * Ids for a page's articles (reading order) against the page's previous registry entry: each
 * article keeps the id of the previous article whose text it holds most of (greedy on the shared
 * text; see KEEP_*), an unmatched one takes a previous id with the same title, then a gone id whose
 * text it holds (revived), else a new id from its opening (ids.ts: page id + hash of the first 40
 * characters, `-2`… when taken). Previous ids left over are gone; where their text went decides how.
 */
export function assignIds(pageId: string, seed: string, articles: Article[], other: OtherBlock[], prev: RegistryPage | undefined): IdAssignment {
  const sets = articles.map((a) => shingles(articleText(a)));
  const bases = articles.map((a) => openingId(pageId, a));
  const old = prev?.articles ?? [];
  const ids: (string | null)[] = articles.map(() => null);
  const taken = new Set<number>();
  const match = (pool: number[]): void => {
    const pairs: { o: number; j: number; shared: number; opening: boolean }[] = [];
    for (const o of pool) {
      for (let j = 0; j < articles.length; j++) {
        if (ids[j] !== null) continue;
        const c = contained(old[o], sets[j]);
        const shared = c * old[o].n;
        // The same opening (the text its id was made from) is the same article, whatever the parse did to the rest.
        const opening = (old[o].id === bases[j] || (old[o].id.startsWith(`${bases[j]}-`) && /^\d+$/u.test(old[o].id.slice(bases[j].length + 1)))) && c > 0;
        if (opening || (c >= KEEP_CONTAINED && shared >= KEEP_SHARE * sets[j].size)) pairs.push({ o, j, shared, opening });
      }
    }
    pairs.sort((x, y) => Number(y.opening) - Number(x.opening) || y.shared - x.shared || x.o - y.o || x.j - y.j);
    for (const p of pairs) {
      if (taken.has(p.o) || ids[p.j] !== null) continue;
      ids[p.j] = old[p.o].id;
      taken.add(p.o);
    }
  };
  const live = old.flatMap((e, o) => (e.gone ? [] : [o]));
  match(live);
  // A short article whose text changed past recognition keeps its id by its title, when that is unambiguous.
  for (const o of live) {
    if (taken.has(o) || !old[o].title) continue;
    const t = squash(old[o].title!);
    const js = articles.flatMap((a, j) => (ids[j] === null && a.title && squash(a.title) === t ? [j] : []));
    const others = live.filter((x) => x !== o && !taken.has(x) && old[x].title && squash(old[x].title!) === t);
    if (js.length === 1 && others.length === 0) {
      ids[js[0]] = old[o].id;
      taken.add(o);
    }
  }
  match(old.flatMap((e, o) => (e.gone ? [o] : [])));

  const used = new Set([...old.map((e) => e.id), ...ids.filter((x): x is string => x !== null)]);
  articles.forEach((_, j) => {
    if (ids[j] !== null) return;
    const base = bases[j];
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    ids[j] = id;
  });
  const final = ids as string[];

  const entries: RegisteredArticle[] = articles.map((a, j) => ({ id: final[j], title: a.title, n: sets[j].size, sketch: sketch(sets[j]) }));
  const otherSet = new Set(other.flatMap((o) => [...shingles(o.text)]));
  const goneEntries: RegisteredArticle[] = [];
  old.forEach((e, o) => {
    if (taken.has(o)) return;
    if (e.gone) {
      goneEntries.push(e);
      return;
    }
    const cs = sets.map((set) => contained(e, set));
    const best = cs.reduce((b, c, j) => (c > cs[b] ? j : b), 0);
    const parts = cs.flatMap((c, j) => (c >= SPLIT_PART ? [j] : []));
    const base = { id: e.id, title: e.title, n: e.n, sketch: e.sketch };
    if (cs.length && cs[best] >= MERGED) goneEntries.push({ ...base, gone: 'merged', to: [final[best]], reason: REASON.merged });
    else if (parts.length >= 2 && parts.reduce((s, j) => s + cs[j], 0) >= MERGED) goneEntries.push({ ...base, gone: 'split', to: parts.map((j) => final[j]), reason: REASON.split });
    else if (contained(e, otherSet) >= 0.5) goneEntries.push({ ...base, gone: 'withdrawn', to: [], reason: REASON.other });
    else goneEntries.push({ ...base, gone: 'withdrawn', to: [], reason: REASON.removed });
  });
  goneEntries.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

  // A gone id points at the live ids its text went to, following ids that have gone since.
  const liveIds = new Set(final);
  const byId = new Map(goneEntries.map((e) => [e.id, e]));
  const resolve = (id: string, seen: Set<string>): string[] => {
    if (liveIds.has(id)) return [id];
    const e = byId.get(id);
    if (!e || seen.has(id)) return [];
    seen.add(id);
    return (e.to ?? []).flatMap((t) => resolve(t, seen));
  };
  const gone: GoneArticle[] = goneEntries.map((e) => {
    const to = [...new Set((e.to ?? []).flatMap((t) => resolve(t, new Set([e.id]))))];
    const status = to.length === 0 ? 'withdrawn' : to.length > 1 && e.gone === 'merged' ? 'split' : e.gone!;
    return { id: e.id, page: pageId, title: e.title, status, to, reason: to.length === 0 && e.gone !== 'withdrawn' ? REASON.removed : e.reason ?? REASON.removed };
  });
  return { ids: final, page: { seed, articles: [...entries, ...goneEntries] }, gone };
}
