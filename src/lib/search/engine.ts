/**
 * Browser search engine: turns a query into Pagefind searches over the token index, combines and
 * ranks the hits, and fetches per-article documents for display and verification. No DOM here.
 */
import type { ScriptDoc, SearchLayout, SearchMeta } from '../../../core/schema.ts';
import { facetCounts, passes, rowValues, sortByDate, type FacetSource, type FilterKey, type Selection, type Sort } from '../../../core/search/facets.ts';
import { decodeRanks, docShard, SEARCH_FORMAT } from '../../../core/search/shards.ts';
import { charBucket } from '../../../core/search/tokens.ts';
import { combineHits, parseQuery, planSearches } from '../../../core/search/query.ts';
import { fold } from '../../../core/search/fold.ts';
import { decodeVariants, type Variants } from '../../../core/search/variants.ts';
import { matchesAll, type QueryParts } from '../../../core/search/verify.ts';
import { yieldToMain } from './yield-to-main.ts';
import { checkCharFile, checkDoc, checkLayout, checkMeta, checkShard, type Pagefind } from './checks.ts';
import { loadPagefind, pagefindIds } from './pagefind-load.ts';
import { workerSearch, WorkerUnavailable } from './pagefind-worker-client.ts';

/**
 * `map`'s promise for `key`, made on first use and shared after; a promise that fails is forgotten,
 * so the next call tries again (a failed download must not stick for the page's lifetime).
 */
function once<K, V>(map: Map<K, Promise<V>>, key: K, make: () => Promise<V>): Promise<V> {
  const have = map.get(key);
  if (have) return have;
  const made = make();
  made.catch(() => map.get(key) === made && map.delete(key));
  map.set(key, made);
  return made;
}

/** Which script a page is in. */
export type Script = 'hans' | 'hant';

/** Active filters: filter name → selected value. */
export type Filters = Partial<Record<FilterKey, string>>;

/**
 * Runs `work` over `items` with at most `limit` running at once, results in order (issue 12:
 * `all=1` over 10,000 results must not start 10,000 downloads at once).
 */
export async function mapLimited<T, R>(items: T[], limit: number, work: (t: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Downloads of result documents at once: a browser's connections to one host (HTTP/1.1 allows six). */
export const FETCH_CONCURRENCY = 6;

/** The ranked outcome of a query, before any document is fetched. */
export interface SearchOutcome {
  parts: QueryParts;
  /** The archive's script variants the parts were folded with (for excerpts and highlighting). */
  variants: Variants;
  /** Pagefind result ids, headline matches first, then archive order. */
  ids: string[];
  headline: Set<string>;
}

/** One engine per site base path (one archive part). */
export class SearchEngine {
  readonly base: string;
  private pf: Promise<void> | null = null;
  /** Pagefind on the page, once the worker turned out unavailable. */
  private pfOnPage: Promise<Pagefind> | null = null;
  private onPage = false;
  private docs = new Map<string, Promise<ScriptDoc>>();
  private shards = new Map<string, Promise<Record<string, ScriptDoc>>>();
  private layout: Promise<SearchLayout & { variantMap: Variants }> | null = null;
  private ranks = new Map<0, Promise<Map<string, number>>>();
  private charFiles = new Map<number, Promise<Record<string, number[]>>>();
  private metaFile = new Map<0, Promise<SearchMeta>>();

  constructor(base: string) {
    this.base = base.endsWith('/') ? base : base + '/';
  }

  /**
   * Starts loading this part's Pagefind, all its index slices: in the search worker
   * (pagefind-worker.ts), so the page's main thread never evaluates pagefind.js; on the page where
   * no worker runs. It needs the search layout first (how many slices), a small file fetched anyway.
   */
  private pagefind(): Promise<void> {
    this.pf ??= (async () => {
      const { slices } = await this.searchLayout();
      if (!this.onPage) {
        try {
          await workerSearch(this.base, slices, null);
          return;
        } catch (err) {
          if (!(err instanceof WorkerUnavailable)) throw err;
          this.onPage = true;
        }
      }
      this.pfOnPage ??= loadPagefind(this.base, slices);
      this.pfOnPage.catch(() => (this.pfOnPage = null));
      await this.pfOnPage;
    })();
    // A failed load (e.g. offline) must not poison later attempts.
    this.pf.catch(() => (this.pf = null));
    return this.pf;
  }

  /** The result ids Pagefind answers for `term`, wherever this part's Pagefind runs. */
  private async pagefindSearch(term: string): Promise<string[]> {
    await this.pagefind();
    if (!this.onPage) {
      try {
        return await workerSearch(this.base, (await this.searchLayout()).slices, term);
      } catch (err) {
        if (!(err instanceof WorkerUnavailable)) throw err;
        this.onPage = true;
        this.pf = null;
        await this.pagefind();
      }
    }
    return pagefindIds(await this.pfOnPage!, this.base, term);
  }

  /** Starts loading Pagefind and the search layout (e.g. when the search box gets focus). */
  warm(): void {
    this.pagefind().catch(() => {});
    void this.searchLayout();
  }

  /** The search meta file (filters, dates, rank → result id), fetched once. */
  private meta(): Promise<SearchMeta> {
    return once(this.metaFile, 0, () => this.gzJson('meta.sdoc', checkMeta));
  }

  /**
   * Every article in archive order: position = the rank the indexer wrote (checked against the
   * layout). From meta.sdoc, so neither a one-character query nor a document lookup needs
   * Pagefind to list the whole archive (issue 12: the main thread stays free).
   */
  private async ranked(): Promise<string[]> {
    const [layout, meta] = await Promise.all([this.searchLayout(), this.meta()]);
    if (meta.ids.length !== layout.records || meta.rows.length !== layout.records) {
      throw new Error(`search: ${this.base}'s search meta lists ${meta.ids.length} articles but its layout says ${layout.records}: rebuild the search index`);
    }
    return meta.ids;
  }

  /**
   * The articles containing the (folded) character `ch`, from the character files (see tokens.ts):
   * archive ranks, mapped to result ids through Pagefind's rank sort.
   */
  private async charIds(ch: string): Promise<string[]> {
    const layout = await this.searchLayout();
    const k = charBucket(ch, layout.charBuckets);
    const file = once(this.charFiles, k, () => this.gzJson(`c${k}.sdoc`, checkCharFile));
    const [postings, all] = await Promise.all([file, this.ranked()]);
    const ids = decodeRanks(postings[ch] ?? []).map((r) => {
      const id = all[r];
      if (id === undefined) throw new Error(`search: ${this.base}search-docs/c${k}.sdoc lists rank ${r}, beyond the index`);
      return id;
    });
    return ids;
  }

  /** The filter values of results (paper, date, column), from search-docs/meta.sdoc by their archive ranks. */
  async values(ids: string[]): Promise<FacetSource[]> {
    const meta = await this.meta();
    return Promise.all(ids.map(async (id) => rowValues(meta, await this.rank(id))));
  }

  /** The archive rank of a result (its place in Pagefind's `rank` sort), for finding its document shard. */
  private async rank(id: string): Promise<number> {
    const ranks = once(this.ranks, 0, () => this.ranked().then((ids) => new Map(ids.map((x, i) => [x, i]))));
    const r = (await ranks).get(id);
    if (r === undefined) throw new Error(`search: result ${id} is not in ${this.base}'s index`);
    return r;
  }

  /**
   * Runs a query: every article containing every part (in either script, up to variants) — ranked
   * ids. Filters and order are the page's (ArchiveSearch.search, with search-docs/meta.sdoc).
   */
  async search(q: string): Promise<SearchOutcome> {
    // Pagefind starts loading as soon as the layout is in; a failure surfaces in pagefindSearch.
    this.pagefind().catch(() => {});
    const layout = await this.searchLayout();
    const variants = layout.variantMap;
    const parts = parseQuery(q, variants);
    if (parts.length === 0) return { parts, variants, ids: [], headline: new Set() };
    const plan = planSearches(parts);
    const [order, ...hits] = await Promise.all([
      this.ranked(),
      ...plan.map(async (p) => {
        if (p.char !== undefined) return { part: p.part, headline: p.headline, ids: await this.charIds(p.char) };
        return { part: p.part, headline: p.headline, ids: await this.pagefindSearch(p.term) };
      }),
    ]);
    return { parts, variants, ...combineHits(parts.length, hits, order) };
  }

  /** The display/verification document of a result in one script. */
  doc(id: string, script: Script): Promise<ScriptDoc> {
    const key = `${id}.${script}`;
    return once(this.docs, key, () =>
      this.searchLayout().then(async (layout) => {
        if (layout.shards === 0) return this.gzJson(`${key}.sdoc`, checkDoc);
        const shardKey = `s${layout.shards === 1 ? 0 : docShard(await this.rank(id), layout.records, layout.shards)}.${script}`;
        const shard = await once(this.shards, shardKey, () => this.gzJson(`${shardKey}.sdoc`, checkShard));
        const doc = shard[id];
        if (!doc) throw new Error(`search document ${key}: not in shard ${this.base}search-docs/${shardKey}`);
        return doc;
      }),
    );
  }

  /** The search layout (search-docs/layout.json: documents, character files, variants), fetched once. */
  private searchLayout(): Promise<SearchLayout & { variantMap: Variants }> {
    const file = `${this.base}search-docs/layout.json`;
    this.layout ??= fetch(file).then(async (r) => {
      if (!r.ok) throw new Error(`${file}: HTTP ${r.status}`);
      const json: unknown = await r.json();
      // Checked before its shape: format 1 had no `format` field, and an older part must be named as such.
      const format = typeof json === 'object' && json !== null && 'format' in json ? json.format : 1;
      if (format !== SEARCH_FORMAT) {
        throw new Error(`${this.base} was indexed with search format ${String(format)}, this page reads format ${SEARCH_FORMAT}: rebuild every archive part`);
      }
      const layout = checkLayout(json, file);
      return { ...layout, variantMap: decodeVariants(layout.variants) };
    });
    this.layout.catch(() => (this.layout = null));
    return this.layout;
  }

  /** A gzipped JSON file of search-docs/ (gzip under a neutral extension, see scripts/lib/search/build-fs.ts), checked by `check`. */
  private async gzJson<T>(file: string, check: (json: unknown, file: string) => T): Promise<T> {
    const url = `${this.base}search-docs/${file}`;
    const r = await fetch(url);
    if (!r.ok || !r.body) throw new Error(`search document ${url}: HTTP ${r.status}`);
    const json: unknown = await new Response(r.body.pipeThrough(new DecompressionStream('gzip'))).json();
    // Parsing and checking a file are a task each, not one long one (a character file is large).
    await yieldToMain();
    return check(json, url);
  }

  /**
   * The `script` document of result `id` if it really contains the query (a safety net: the index
   * already answers exactly), else null. The other script's document is fetched only when this one
   * does not match: its text is indexed too when the two did not fold alike.
   */
  async verified(id: string, parts: QueryParts, variants: Variants, script: Script): Promise<ScriptDoc | null> {
    const doc = await this.doc(id, script);
    if (matchesAll([fold(doc.text, variants)], parts)) return doc;
    // Texts that did not fold alike are both indexed, and a query's parts may match in either.
    const other = await this.doc(id, script === 'hans' ? 'hant' : 'hans');
    return matchesAll([fold(doc.text, variants), fold(other.text, variants)], parts) ? doc : null;
  }
}

/** One result: an article of one archive part, with the query as that part folds it. */
export interface Hit {
  engine: SearchEngine;
  id: string;
  parts: QueryParts;
  variants: Variants;
  /** Its paper, date and column (what the page filters, counts and sorts by). */
  values: FacetSource;
}

/** The outcome of a search over every part: the results the selection keeps, in the chosen order, and the counts. */
export interface ArchiveOutcome {
  hits: Hit[];
  /** Results before the selection (filters and date range). */
  total: number;
  /** Per filter, the results each value would leave (see core/search/facets.ts facetCounts). */
  counts: Record<FilterKey, Map<string, number>>;
  /** Parts that could not be searched. */
  failed: string[];
}

/** A verified result, ready to show. */
export interface ShownHit {
  hit: Hit;
  doc: ScriptDoc;
}

/**
 * Search over every part of the archive (src/lib/search/parts.ts): each part has its own Pagefind
 * index, search layout and documents under its base path. Pagefind's own mergeIndex is not used:
 * its merged results do not say which index they came from, and we need that to fetch a result's
 * document (Pagefind's fragments, which would say, are not shipped). Each part's pagefind.js is a
 * module of its own URL, so each is a separate instance.
 */
export class ArchiveSearch {
  readonly engines: SearchEngine[];

  constructor(bases: string[]) {
    if (bases.length === 0) throw new Error('no archive parts');
    this.engines = bases.map((b) => new SearchEngine(b));
  }

  warm(): void {
    for (const e of this.engines) e.warm();
  }

  /**
   * Results of every part: articles whose headline holds every part of the query first, then the
   * rest; within each group, part by part in the configured order, each in its archive order.
   * A part that cannot be searched (its files missing, say) is reported in `failed` and the others
   * still answer; only when every part fails is it an error.
   */
  async search(q: string, sel: Selection = { filters: {} }, sort: Sort = 'relevance'): Promise<ArchiveOutcome> {
    const settled = await Promise.allSettled(
      this.engines.map(async (e) => {
        const o = await e.search(q);
        return { o, values: await e.values(o.ids) };
      }),
    );
    const first: Hit[] = [];
    const rest: Hit[] = [];
    const failed: string[] = [];
    settled.forEach((s, k) => {
      const engine = this.engines[k];
      if (s.status === 'rejected') {
        console.error(`search: archive part ${engine.base} failed:`, s.reason);
        failed.push(engine.base);
        return;
      }
      const { o, values } = s.value;
      o.ids.forEach((id, i) => (o.headline.has(id) ? first : rest).push({ engine, id, parts: o.parts, variants: o.variants, values: values[i] }));
    });
    // Pagefind's answers arrive in one task; ranking, filtering and counting go in the next.
    await yieldToMain();
    const one = settled[0];
    if (failed.length === this.engines.length && one.status === 'rejected') throw one.reason;
    const all = [...first, ...rest];
    const kept = all.filter((h) => passes(h.values, sel));
    return { hits: sortByDate(kept, (h) => h.values.date, sort), total: all.length, counts: facetCounts(all.map((h) => h.values), sel), failed };
  }

  /** The verified documents of `hits` in the page's script, in order; failures are dropped and logged. */
  async verified(hits: Hit[], script: Script): Promise<ShownHit[]> {
    const docs = await mapLimited(hits, FETCH_CONCURRENCY, (h) => h.engine.verified(h.id, h.parts, h.variants, script));
    const out: ShownHit[] = [];
    docs.forEach((doc, i) => {
      if (doc) out.push({ hit: hits[i], doc });
      else console.warn(`search: dropped unverified result ${hits[i].id}`);
    });
    return out;
  }
}
