/**
 * @fileoverview The archive model the site's routes and the search indexer read: ordering, grouping,
 * neighbours, labels, reporters and columns. Pure over the content collections' records (types from
 * core/schema.ts), so it is unit-testable without Astro and shared by both sides (issue 14).
 */
import { clip } from './clip.ts';
import { shortHash } from './hash.ts';
import { UNKNOWN_PAPER_SLUG, type ArticleFrontmatter, type PageRecord } from './schema.ts';

/** A named thing with a URL-safe stable slug (reporter or column) and the articles under it. */
export interface Facet {
  name: string;
  slug: string;
  articles: string[];
}

/** An issue (期) of a paper: its date and its pages (版) in page-number order; date null holds a paper's undated pages. */
export interface IssueGroup {
  date: string | null;
  pages: string[];
}

/** One paper's pages, dated issues newest first, then undated pages. */
export interface PaperGroup {
  paper: string | null;
  /**
   * Stable URL slug of the paper (issue 12): the catalog's `slug`, else the name made URL-safe
   * (paperSlugOf), 'unknown' for pages whose paper is not printed.
   */
  slug: string;
  /** Slugs the paper's pages were published under before, each served as a redirect to `slug`. */
  formerSlugs: string[];
  /**
   * The paper's URL before issue 12, the hash of its name (slugOf): only the paper page and its
   * month and undated pages existed under it, and they redirect.
   */
  hashSlug: string | null;
  issues: IssueGroup[];
  pageCount: number;
  articleCount: number;
}

/** Where a page sits: its paper and its issue (or its paper's undated pages). */
export interface PagePlace {
  group: PaperGroup;
  issue: IssueGroup;
}

/** Everything the routes need, indexed by id. */
export interface Archive {
  pages: Map<string, PageRecord>;
  articles: Map<string, ArticleFrontmatter>;
  /** All page ids in reading order (the order of the home page and of 上一版/下一版). */
  pageOrder: string[];
  /** All article ids in archive order: pages in `pageOrder`, each page's articles in reading order (search results, feed, sitemap). */
  articleOrder: string[];
  papers: PaperGroup[];
  /** Each page's paper and issue. */
  places: Map<string, PagePlace>;
  reporters: Facet[];
  columns: Facet[];
}

/** Short stable slug for a name: first 8 hex of sha256 (Chinese path segments are fragile on some hosts). */
export function slugOf(name: string): string {
  return shortHash(name, 8);
}

/**
 * A paper's URL slug from its name when the catalog gives none: the name itself, NFKC, blanks
 * between Han characters removed, anything but letters and digits as one hyphen, ASCII lower-cased — 钱塘新区报 stays
 * 钱塘新区报, readable and stable (no dictionary, no hash). A name with nothing usable falls back to
 * its hash.
 */
export function paperSlugOf(name: string): string {
  const s = normalizeName(name.normalize('NFKC'))
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/[A-Z]/g, (c) => c.toLowerCase());
  return s && s !== UNKNOWN_PAPER_SLUG ? s : slugOf(name);
}

/** Removes the letter-spacing blanks printed inside short CJK names ("苕 溪 时 评" → "苕溪时评"). */
export function normalizeName(name: string): string {
  return name.replace(/(?<=[\p{Script=Han}])\s+(?=[\p{Script=Han}])/gu, '').trim();
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Reading order: papers by name (unknown paper last), within a paper dated issues newest first then
 * undated, within an issue by page number (unknown last), then by id for determinism.
 */
export function comparePages(a: PageRecord, b: PageRecord): number {
  if (a.paper !== b.paper) {
    if (a.paper === null) return 1;
    if (b.paper === null) return -1;
    return cmp(a.paper, b.paper);
  }
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return cmp(b.date, a.date);
  }
  if (a.pageNumber !== b.pageNumber) {
    if (a.pageNumber === null) return 1;
    if (b.pageNumber === null) return -1;
    return a.pageNumber - b.pageNumber;
  }
  return cmp(a.id, b.id);
}

function facets(entries: [string, string][]): Facet[] {
  const byName = new Map<string, Set<string>>();
  for (const [name, articleId] of entries) {
    if (!name) continue; // a credit or column label that was only blanks names no one
    const set = byName.get(name) ?? new Set<string>();
    set.add(articleId);
    byName.set(name, set);
  }
  const out = [...byName].map(([name, articles]) => ({ name, slug: slugOf(name), articles: [...articles] }));
  const slugs = new Set(out.map((f) => f.slug));
  if (slugs.size !== out.length) throw new Error('slug collision among facet names');
  // Most articles first, then by name, so index pages lead with the prolific.
  return out.sort((a, b) => b.articles.length - a.articles.length || cmp(a.name, b.name));
}

/** Names an index page lists before it splits them by first character (keeps every index page small). */
export const FACET_INDEX_MAX = 300;

/** The names of an index that share a first character (for reporters, mostly a surname). */
export interface FacetGroup {
  /** URL segment: the character's code point in lower-case hex (stable, ASCII). */
  key: string;
  initial: string;
  facets: Facet[];
}

/**
 * Splits an index's names by first character; groups with the most names first, then by character.
 * Each group keeps the index's order (most articles first).
 */
export function facetGroups(list: Facet[]): FacetGroup[] {
  const groups = new Map<string, FacetGroup>();
  for (const f of list) {
    const initial = Array.from(f.name)[0] ?? '';
    const key = initial.codePointAt(0)?.toString(16) ?? '0';
    const g = groups.get(key) ?? { key, initial, facets: [] };
    g.facets.push(f);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.facets.length - a.facets.length || cmp(a.initial, b.initial));
}

/** Builds the archive model; article lists follow each page's reading order. */
export function buildArchive(pageList: PageRecord[], articleList: ArticleFrontmatter[]): Archive {
  const pages = new Map(pageList.map((p) => [p.id, p]));
  const articles = new Map(articleList.map((a) => [a.id, a]));
  for (const p of pageList) {
    for (const id of p.articles) if (!articles.has(id)) throw new Error(`page ${p.id} lists missing article ${id}`);
  }
  for (const a of articleList) {
    if (!pages.get(a.page)?.articles.includes(a.id)) throw new Error(`article ${a.id} is not listed by its page ${a.page}`);
  }
  const pageOrder = [...pageList].sort(comparePages).map((p) => p.id);
  const articleOrder = pageOrder.flatMap((pid) => pages.get(pid)!.articles);

  const papers: PaperGroup[] = [];
  const places = new Map<string, PagePlace>();
  for (const pid of pageOrder) {
    const p = pages.get(pid)!;
    // Pages arrive sorted by paper then date, so the current group and issue are always the last ones.
    let group = papers[papers.length - 1];
    if (!group || group.paper !== p.paper) papers.push((group = newGroup(p)));
    let issue = group.issues[group.issues.length - 1];
    if (!issue || issue.date !== p.date) group.issues.push((issue = { date: p.date, pages: [] }));
    issue.pages.push(pid);
    places.set(pid, { group, issue });
    group.pageCount += 1;
    group.articleCount += p.articles.length;
  }
  checkSlugs(papers);

  const reporters = facets(articleOrder.flatMap((id) => articles.get(id)!.authors.map((n) => [normalizeName(n), id] as [string, string])));
  const columns = facets(
    articleOrder.flatMap((id) => {
      const c = articles.get(id)!.column;
      return c ? [[normalizeName(c), id] as [string, string]] : [];
    }),
  );
  return { pages, articles, pageOrder, articleOrder, papers, places, reporters, columns };
}

/** A paper's group for its first page: slug from the catalog or the name, and the slugs to redirect from. */
function newGroup(p: PageRecord): PaperGroup {
  if (p.paper === null) return { paper: null, slug: UNKNOWN_PAPER_SLUG, formerSlugs: [], hashSlug: null, issues: [], pageCount: 0, articleCount: 0 };
  const slug = p.paperSlug ?? paperSlugOf(p.paper);
  // A name slug replaced by a catalog slug keeps working, as do the slugs the catalog lists as former.
  const former = [paperSlugOf(p.paper), ...(p.paperFormerSlugs ?? [])].filter((s, i, all) => s !== slug && all.indexOf(s) === i);
  const hash = slugOf(p.paper);
  return { paper: p.paper, slug, formerSlugs: former, hashSlug: hash === slug || former.includes(hash) ? null : hash, issues: [], pageCount: 0, articleCount: 0 };
}

/** Every slug (current or former) names one paper; a clash is the archivist's to resolve in the catalog. */
function checkSlugs(papers: PaperGroup[]): void {
  const owner = new Map<string, string>();
  for (const g of papers) owner.set(g.slug, paperLabel(g.paper));
  for (const g of papers) {
    const other = [...papers].find((h) => h !== g && h.slug === g.slug);
    if (other) throw new Error(`papers "${paperLabel(g.paper)}" and "${paperLabel(other.paper)}" both have the URL slug "${g.slug}": give one a "slug" in seeds/catalog.json papers`);
  }
  for (const g of papers) {
    // A former slug now used by another paper stays that paper's; it is simply not redirected.
    const free = (s: string) => !owner.has(s) || owner.get(s) === paperLabel(g.paper);
    g.formerSlugs = g.formerSlugs.filter(free);
    if (g.hashSlug !== null && !free(g.hashSlug)) g.hashSlug = null;
    for (const s of [...g.formerSlugs, ...(g.hashSlug ? [g.hashSlug] : [])]) owner.set(s, paperLabel(g.paper));
  }
}

/** The dated issues of a known paper, newest first: the ones with an issue page (an unknown paper's pages of one date need not be one issue). */
export function datedIssues(group: PaperGroup): IssueGroup[] {
  return group.paper === null ? [] : group.issues.filter((i) => i.date !== null);
}

/** Neighbouring pages of a page within its issue (or its paper's undated pages): never across papers or issues. */
export function pageNeighbours(archive: Archive, pageId: string): { prev: string | null; next: string | null } {
  const place = archive.places.get(pageId);
  if (!place) throw new Error(`no page ${pageId}`);
  return neighbours(place.issue.pages, pageId);
}

/** The previous (older) and next (newer) issue of a paper, by date. */
export function issueNeighbours(group: PaperGroup, date: string): { prev: IssueGroup | null; next: IssueGroup | null } {
  const list = datedIssues(group);
  const i = list.findIndex((x) => x.date === date);
  if (i < 0) throw new Error(`no issue ${date} of ${paperLabel(group.paper)}`);
  // Issues are newest first: the older one comes after.
  return { prev: list[i + 1] ?? null, next: list[i - 1] ?? null };
}

/** A paper's issue on `date`, or null. */
export function issueOn(group: PaperGroup, date: string): IssueGroup | null {
  return datedIssues(group).find((i) => i.date === date) ?? null;
}

/** The years of a paper's dated issues, newest first. */
export function issueYears(group: PaperGroup): string[] {
  return [...new Set(datedIssues(group).map((i) => i.date!.slice(0, 4)))];
}

/** An issue of one paper, for lists across papers (历史上的今天). */
export interface IssueRef {
  group: PaperGroup;
  issue: IssueGroup;
}

/**
 * 历史上的今天: the dated issues of every paper grouped by month and day (`MM-DD`), each day's
 * issues newest year first, then by paper in archive order; days in calendar order.
 */
export function issuesByDay(archive: Archive): Map<string, IssueRef[]> {
  const days = new Map<string, IssueRef[]>();
  for (const group of archive.papers) {
    for (const issue of datedIssues(group)) {
      const key = issue.date!.slice(5);
      const list = days.get(key) ?? [];
      list.push({ group, issue });
      days.set(key, list);
    }
  }
  for (const list of days.values()) list.sort((a, b) => cmp(b.issue.date!, a.issue.date!));
  return new Map([...days].sort(([a], [b]) => cmp(a, b)));
}

/** The lead article of an issue: the first article of its lowest-numbered page (its front-page story), or null. */
export function leadArticle(archive: Archive, issue: IssueGroup): ArticleFrontmatter | null {
  for (const pid of issue.pages) {
    const first = archive.pages.get(pid)!.articles[0];
    if (first) return archive.articles.get(first)!;
  }
  return null;
}

/** A browse page of one paper: the issues of one month, or a run of undated pages. */
export interface Shelf {
  /** URL segment: `2024-12`, or `undated` / `undated-2` … */
  key: string;
  /** Year for grouping on the paper page (null for undated). */
  year: string | null;
  /** Human label (simplified; converted by the page). */
  label: string;
  issues: { date: string | null; pages: string[] }[];
  pageCount: number;
}

/** Undated pages per browse page: keeps a shelf page small however many undated pages there are. */
export const UNDATED_SHELF = 200;

/**
 * Splits a paper's issues into browse pages (issue #6): one per month for dated issues, newest
 * first, and runs of {@link UNDATED_SHELF} for undated pages, so no list page grows with the archive.
 */
export function shelves(group: PaperGroup): Shelf[] {
  const out: Shelf[] = [];
  for (const issue of group.issues) {
    if (issue.date !== null) {
      const key = issue.date.slice(0, 7);
      let shelf = out[out.length - 1];
      if (!shelf || shelf.key !== key) out.push((shelf = { key, year: key.slice(0, 4), label: `${key.slice(0, 4)}年${Number(key.slice(5, 7))}月`, issues: [], pageCount: 0 }));
      shelf.issues.push(issue);
      shelf.pageCount += issue.pages.length;
      continue;
    }
    const runs = Math.max(1, Math.ceil(issue.pages.length / UNDATED_SHELF));
    for (let r = 0; r < runs; r++) {
      const pages = issue.pages.slice(r * UNDATED_SHELF, (r + 1) * UNDATED_SHELF);
      out.push({ key: r === 0 ? 'undated' : `undated-${r + 1}`, year: null, label: runs === 1 ? '日期未知' : `日期未知（${r + 1}/${runs}）`, issues: [{ date: null, pages }], pageCount: pages.length });
    }
  }
  return out;
}

/** Previous and next item of `id` in `list` (null at the ends). */
export function neighbours(list: readonly string[], id: string): { prev: string | null; next: string | null } {
  const i = list.indexOf(id);
  if (i < 0) throw new Error(`${id} not in list`);
  return { prev: i > 0 ? list[i - 1] : null, next: i < list.length - 1 ? list[i + 1] : null };
}

/** Human label of a page: its number and name when printed, else honest "未标版次" plus its lead headline. */
export function pageLabel(page: PageRecord, archive: Archive): string {
  if (page.pageNumber !== null) return `第${page.pageNumber}版${page.pageName ? `·${page.pageName}` : ''}`;
  const lead = page.articles.length ? archive.articles.get(page.articles[0])!.title : null;
  return lead ? `未标版次 ·「${lead}」版` : `未标版次 · ${page.id}`;
}

/** Paper name or an honest placeholder. */
export function paperLabel(paper: string | null): string {
  return paper ?? '报名未知';
}

/** Date or an honest placeholder. */
export function dateLabel(date: string | null): string {
  return date ?? '日期未知';
}

/** Headline of an article for lists and <title>; untitled pieces say so. */
export function articleTitle(a: ArticleFrontmatter): string {
  return a.title ?? '（无标题）';
}

/** Body length in characters (whitespace ignored), used to size the page schematic. */
export function articleLength(a: ArticleFrontmatter): number {
  return a.source.replace(/\s+/g, '').length;
}

/** First sentence-ish opening line of an article, at most `max` characters. */
export function openingLine(a: ArticleFrontmatter, max = 60): string {
  return clip(a.excerpt.trim(), max);
}

/**
 * Resolves "第N版" to a page of the same paper and issue, if the archive holds it.
 * Unknown paper or date never match: we do not guess which issue a note refers to.
 */
export function findPageByNumber(archive: Archive, from: PageRecord, pageNumber: number): PageRecord | null {
  if (from.paper === null || from.date === null) return null;
  let index = byIssueAndNumber.get(archive);
  if (!index) {
    index = new Map();
    for (const p of archive.pages.values()) if (p.paper !== null && p.date !== null && p.pageNumber !== null) index.set(`${p.paper}\0${p.date}\0${p.pageNumber}`, p);
    byIssueAndNumber.set(archive, index);
  }
  return index.get(`${from.paper}\0${from.date}\0${pageNumber}`) ?? null;
}

/** Page lookup by (paper, date, number), built once per archive: keeps linking linear in archive size. */
const byIssueAndNumber = new WeakMap<Archive, Map<string, PageRecord>>();
