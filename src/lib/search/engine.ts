/**
 * Browser search engine: turns a query into Pagefind searches over the token index, combines and
 * ranks the hits, and fetches per-article documents for display and verification. No DOM here.
 */
import { docShard, type DocLayout } from './shards.ts';
import { combineHits, parseQuery, planSearches } from './query.ts';
import { fold } from './fold.ts';
import { matchesAll, type QueryParts } from './verify.ts';
import { mayBeTraditional } from './script-detect.ts';
import type { ScriptDoc } from './record.ts';

/** The subset of the Pagefind JS API we use. */
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, o?: Record<string, unknown>): Promise<{ results: { id: string }[] } | null>;
}

/** Which script a page is in. */
export type Script = 'hans' | 'hant';

/** Active filters: filter name → selected value. */
export type Filters = Record<string, string>;

/** The ranked outcome of a query, before any document is fetched. */
export interface SearchOutcome {
  parts: QueryParts;
  /** Pagefind result ids, headline matches first, then archive order. */
  ids: string[];
  headline: Set<string>;
}

/** A result's document in the page's script, plus the other script's when the query matched only there. */
export interface VerifiedDoc {
  doc: ScriptDoc;
  other: ScriptDoc | null;
}

/** One engine per site base path. */
export class SearchEngine {
  private base: string;
  private pf: Promise<Pagefind> | null = null;
  private t2cn: Promise<(s: string) => string> | null = null;
  private docs = new Map<string, Promise<ScriptDoc>>();
  private shards = new Map<string, Promise<Record<string, ScriptDoc>>>();
  private layout: Promise<DocLayout> | null = null;
  private orders = new Map<string, Promise<string[]>>();

  constructor(base: string) {
    this.base = base.endsWith('/') ? base : base + '/';
  }

  private pagefind(): Promise<Pagefind> {
    this.pf ??= (async () => {
      const url = `${this.base}pagefind/pagefind.js`;
      const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
      await pf.options({ basePath: `${this.base}pagefind/` });
      await pf.init();
      return pf;
    })();
    // A failed load (e.g. offline) must not poison later attempts.
    this.pf.catch(() => (this.pf = null));
    return this.pf;
  }

  /** Traditional → simplified converter, fetched only for queries it could change. */
  private converter(): Promise<(s: string) => string> {
    this.t2cn ??= import('opencc-js/t2cn').then((m) => m.Converter({ from: 'tw', to: 'cn' }));
    this.t2cn.catch(() => (this.t2cn = null));
    return this.t2cn;
  }

  /** Starts loading Pagefind (e.g. when the search box gets focus). */
  warm(): void {
    void this.pagefind();
  }

  /** All article ids matching the filters, in archive order (from Pagefind's sort index). */
  private order(pf: Pagefind, filters: Filters): Promise<string[]> {
    const key = JSON.stringify(filters);
    let o = this.orders.get(key);
    if (!o) {
      o = pf.search(null, { filters, sort: { rank: 'asc' } }).then((r) => (r?.results ?? []).map((x) => x.id));
      this.orders.set(key, o);
    }
    return o;
  }

  /** Runs a query: every article containing every part (in either script) — ranked ids. */
  async search(q: string, filters: Filters = {}): Promise<SearchOutcome> {
    const pfReady = this.pagefind(); // in parallel with the converter, if one is needed
    const convert = mayBeTraditional(fold(q)) ? await this.converter() : undefined;
    const parts = parseQuery(q, convert);
    if (parts.length === 0) return { parts, ids: [], headline: new Set() };
    const pf = await pfReady;
    const plan = planSearches(parts);
    const [order, ...hits] = await Promise.all([
      this.order(pf, filters),
      ...plan.map(async (p) => {
        const r = await pf.search(p.term, { filters });
        return { part: p.part, headline: p.headline, ids: (r?.results ?? []).map((x) => x.id) };
      }),
    ]);
    return { parts, ...combineHits(parts.length, hits, order) };
  }

  /** The display/verification document of a result in one script. */
  doc(id: string, script: Script): Promise<ScriptDoc> {
    const key = `${id}.${script}`;
    let d = this.docs.get(key);
    if (!d) {
      d = this.docLayout().then(async (layout) => {
        if (layout.shards === 0) return (await this.gzJson(`${key}.sdoc`)) as ScriptDoc;
        const shardKey = `s${docShard(id, layout.shards)}.${script}`;
        let shard = this.shards.get(shardKey);
        if (!shard) this.shards.set(shardKey, (shard = this.gzJson(`${shardKey}.sdoc`) as Promise<Record<string, ScriptDoc>>));
        const doc = (await shard)[id];
        if (!doc) throw new Error(`search document ${key}: not in shard ${shardKey}`);
        return doc;
      });
      this.docs.set(key, d);
    }
    return d;
  }

  /** How result documents are laid out (search-docs/layout.json), fetched once. */
  private docLayout(): Promise<DocLayout> {
    this.layout ??= fetch(`${this.base}search-docs/layout.json`).then((r) => {
      if (!r.ok) throw new Error(`search-docs/layout.json: HTTP ${r.status}`);
      return r.json() as Promise<DocLayout>;
    });
    this.layout.catch(() => (this.layout = null));
    return this.layout;
  }

  /** A gzipped JSON file of search-docs/ (gzipped JSON under a neutral extension, see scripts/lib/search-build.ts). */
  private async gzJson(file: string): Promise<unknown> {
    const r = await fetch(`${this.base}search-docs/${file}`);
    if (!r.ok || !r.body) throw new Error(`search document ${file}: HTTP ${r.status}`);
    return new Response(r.body.pipeThrough(new DecompressionStream('gzip'))).json();
  }

  /**
   * Fetches the `script` documents for `ids` and keeps those that really contain the query (a
   * safety net: the index already answers exactly). A query matching only the other script's
   * text (e.g. a variant spelling) is checked against that script's document as well.
   */
  async verified(ids: string[], parts: QueryParts, script: Script): Promise<VerifiedDoc[]> {
    const otherScript: Script = script === 'hans' ? 'hant' : 'hans';
    const checked = await Promise.all(
      ids.map(async (id): Promise<VerifiedDoc | null> => {
        const doc = await this.doc(id, script);
        if (matchesAll([fold(doc.text)], parts)) return { doc, other: null };
        const other = await this.doc(id, otherScript);
        return matchesAll([fold(doc.text), fold(other.text)], parts) ? { doc, other } : null;
      }),
    );
    return checked.filter((d, i): d is VerifiedDoc => {
      if (!d) console.warn(`search: dropped unverified result ${ids[i]}`);
      return d !== null;
    });
  }
}
