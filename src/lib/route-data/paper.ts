/**
 * Route data of the papers (issue 6, issue 12): the list of papers; a paper's page (its years, months
 * and undated runs); under `papers/<slug>/<key>/` a month of issues (`2025-01`), an undated run
 * (`undated`), a year's calendar (`2025`, 往期回顾) or one issue (`2025-01-23`, 期) with its pages in
 * order and their articles; and redirects from the slugs a paper was published under before.
 */
import {
  articleTitle,
  datedIssues,
  issueNeighbours,
  issueOn,
  issueYears,
  leadArticle,
  neighbours,
  pageLabel,
  paperLabel,
  shelves,
  type Archive,
  type IssueGroup,
  type PaperGroup,
  type Shelf,
} from '../../../core/archive.ts';
import { localeParams, routes } from '../../../core/paths.ts';
import type { Locale } from '../../../core/script.ts';
import { href } from '../site.ts';

type Params = { locale: string | undefined; slug: string };

/** A link with its text (simplified; the view converts it). */
export interface Link {
  href: string;
  text: string;
}

/** getStaticPaths of the paper route: every paper in both scripts, and a redirect from each former slug. */
export function paperPaths(archive: Archive): { params: Params; props: { redirect: string | null } }[] {
  return localeParams().flatMap((lp) =>
    archive.papers.flatMap((g) => [
      { params: { ...lp, slug: g.slug }, props: { redirect: null } },
      ...[...g.formerSlugs, ...(g.hashSlug ? [g.hashSlug] : [])].map((old) => ({ params: { ...lp, slug: old }, props: { redirect: routes.paper(g.slug) } })),
    ]),
  );
}

/** The keys under `papers/<slug>/`: month shelves and undated runs, years (calendars) and dated issues. */
export function paperKeys(group: PaperGroup): string[] {
  return [...shelves(group).map((s) => s.key), ...issueYears(group), ...datedIssues(group).map((i) => i.date!)];
}

/** getStaticPaths of `papers/<slug>/<key>/`: every key of every paper in both scripts, and its redirect from each former slug. */
export function paperKeyPaths(archive: Archive): { params: Params & { key: string }; props: { redirect: string | null } }[] {
  return localeParams().flatMap((lp) =>
    archive.papers.flatMap((g) =>
      paperKeys(g).flatMap((key) => {
        // Under the hash slug (before issue 12) only the month and undated pages existed.
        const olds = [...g.formerSlugs, ...(g.hashSlug && !/^\d{4}(-\d{2}-\d{2})?$/.test(key) ? [g.hashSlug] : [])];
        return [
          { params: { ...lp, slug: g.slug, key }, props: { redirect: null } },
          ...olds.map((old) => ({ params: { ...lp, slug: old, key }, props: { redirect: `papers/${g.slug}/${key}/` } })),
        ];
      }),
    ),
  );
}

function paperGroup(archive: Archive, slug: string): PaperGroup {
  const group = archive.papers.find((g) => g.slug === slug);
  if (!group) throw new Error(`no paper ${slug}`);
  return group;
}

/** `2025年1月23日` for `2025-01-23`. */
export function dateWords(date: string): string {
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** `星期四` for a date (the proleptic Gregorian calendar, UTC, so the build's time zone never matters). */
export function weekday(date: string): string {
  return `星期${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}`;
}

// ── /papers/ ─────────────────────────────────────────────────────────────────────────────────

/** One paper in the list of papers. */
export interface PaperItem {
  href: string;
  name: string;
  pageCount: number;
  articleCount: number;
  issueCount: number;
  /** First and last issue date, when any issue is dated. */
  span: [string, string] | null;
  undatedPages: number;
}

/** What /papers/ shows: every paper, unknown last. */
export function papersView(archive: Archive, locale: Locale): { locale: Locale; papers: PaperItem[] } {
  return {
    locale,
    papers: archive.papers.map((g) => {
      const dated = datedIssues(g);
      return {
        href: href(locale, routes.paper(g.slug)),
        name: g.paper ?? '报名未知的版面',
        pageCount: g.pageCount,
        articleCount: g.articleCount,
        issueCount: dated.length,
        span: dated.length ? [dated[dated.length - 1].date!, dated[0].date!] : null,
        undatedPages: g.issues.filter((i) => i.date === null || g.paper === null).reduce((n, i) => n + i.pages.length, 0),
      };
    }),
  };
}

// ── papers/<slug>/ ───────────────────────────────────────────────────────────────────────────

/** What a paper page shows. */
export interface PaperView {
  locale: Locale;
  group: PaperGroup;
  name: string;
  /** Shelves by year, newest first; `year` null holds the undated runs; `calendar` links a dated year's calendar. */
  years: { year: string | null; calendar: string | null; shelves: (Shelf & { href: string })[] }[];
}

/** The page of paper `slug` in `locale`. */
export function paperView(archive: Archive, slug: string, locale: Locale): PaperView {
  const group = paperGroup(archive, slug);
  const list = shelves(group).map((s) => ({ ...s, href: href(locale, routes.shelf(group.slug, s.key)) }));
  const withCalendar = new Set(issueYears(group));
  const years = [...new Set(list.map((s) => s.year))].map((year) => ({
    year,
    calendar: year !== null && withCalendar.has(year) ? href(locale, routes.year(group.slug, year)) : null,
    shelves: list.filter((s) => s.year === year),
  }));
  return { locale, group, name: paperLabel(group.paper), years };
}

// ── papers/<slug>/<YYYY-MM> and undated runs ────────────────────────────────────────────────

/** What a shelf page shows. */
export interface ShelfView {
  locale: Locale;
  group: PaperGroup;
  name: string;
  shelf: Shelf;
  prev: { href: string; label: string } | null;
  next: { href: string; label: string } | null;
}

/** The shelf `key` of paper `slug` in `locale`. */
export function shelfView(archive: Archive, slug: string, key: string, locale: Locale): ShelfView {
  const group = paperGroup(archive, slug);
  const list = shelves(group);
  const shelf = list.find((s) => s.key === key);
  if (!shelf) throw new Error(`no shelf ${key} of paper ${slug}`);
  const { prev, next } = neighbours(list.map((s) => s.key), shelf.key);
  const link = (k: string | null) => (k === null ? null : { href: href(locale, routes.shelf(group.slug, k)), label: list.find((s) => s.key === k)!.label });
  return { locale, group, name: paperLabel(group.paper), shelf, prev: link(prev), next: link(next) };
}

// ── papers/<slug>/<YYYY>: the calendar ──────────────────────────────────────────────────────

/** One day cell of a month's calendar: null before the 1st; `href` when the paper has that day's issue. */
export interface CalendarDay {
  day: number;
  date: string;
  href: string | null;
  /** The issue's page count, for the cell's accessible label. */
  pages: number;
}

/** One month of a calendar: weeks Monday to Sunday (as Chinese calendars print them). */
export interface CalendarMonth {
  month: number;
  label: string;
  /** The month's issues, and a link to its shelf page when it has any. */
  issues: number;
  href: string | null;
  weeks: (CalendarDay | null)[][];
}

/** What a year's calendar shows. */
export interface YearView {
  locale: Locale;
  group: PaperGroup;
  name: string;
  year: string;
  issueCount: number;
  months: CalendarMonth[];
  prev: Link | null;
  next: Link | null;
}

/** Days in a month (UTC arithmetic: no time zone can move a day). */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The calendar of paper `slug` in `year`: every month, the days with an issue linked to it. */
export function yearView(archive: Archive, slug: string, year: string, locale: Locale): YearView {
  const group = paperGroup(archive, slug);
  const years = issueYears(group);
  if (!years.includes(year)) throw new Error(`no issue of ${slug} in ${year}`);
  const byDate = new Map(datedIssues(group).filter((i) => i.date!.startsWith(year)).map((i) => [i.date!, i]));
  const y = Number(year);
  const months: CalendarMonth[] = Array.from({ length: 12 }, (_, m) => {
    const key = `${year}-${String(m + 1).padStart(2, '0')}`;
    const lead = (new Date(Date.UTC(y, m, 1)).getUTCDay() + 6) % 7; // Monday first
    const cells: (CalendarDay | null)[] = Array.from({ length: lead }, () => null);
    let issues = 0;
    for (let d = 1; d <= daysIn(y, m + 1); d++) {
      const date = `${key}-${String(d).padStart(2, '0')}`;
      const issue = byDate.get(date);
      if (issue) issues++;
      cells.push({ day: d, date, href: issue ? href(locale, routes.issue(group.slug, date)) : null, pages: issue?.pages.length ?? 0 });
    }
    while (cells.length % 7) cells.push(null);
    const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
    return { month: m + 1, label: `${year}年${m + 1}月`, issues, href: issues ? href(locale, routes.shelf(group.slug, key)) : null, weeks };
  });
  const i = years.indexOf(year);
  const link = (other: string | undefined): Link | null => (other ? { href: href(locale, routes.year(group.slug, other)), text: `${other}年` } : null);
  return { locale, group, name: paperLabel(group.paper), year, issueCount: byDate.size, months, prev: link(years[i + 1]), next: link(years[i - 1]) };
}

// ── papers/<slug>/<YYYY-MM-DD>: an issue ─────────────────────────────────────────────────────

/** One page of an issue as the issue page lists it (版面导航). */
export interface IssuePage {
  id: string;
  href: string;
  label: string;
  articles: Link[];
}

/** What an issue page shows. */
export interface IssueView {
  locale: Locale;
  group: PaperGroup;
  name: string;
  date: string;
  /** `2025年1月23日 星期四` */
  dateText: string;
  path: string;
  pages: IssuePage[];
  articleCount: number;
  /** The front-page story (first article of the lowest-numbered page), for the description. */
  lead: string | null;
  calendar: Link;
  month: Link;
  /** 上一期 (older) and 下一期 (newer) of the same paper. */
  prev: Link | null;
  next: Link | null;
  json: string;
}

/** The issue of paper `slug` on `date` in `locale`. */
export function issueView(archive: Archive, slug: string, date: string, locale: Locale): IssueView {
  const group = paperGroup(archive, slug);
  const issue = issueOn(group, date);
  if (!issue) throw new Error(`no issue ${date} of ${slug}`);
  const { prev, next } = issueNeighbours(group, date);
  const link = (i: IssueGroup | null): Link | null => (i ? { href: href(locale, routes.issue(group.slug, i.date!)), text: `${dateWords(i.date!)}` } : null);
  const pages = issue.pages.map((pid) => {
    const p = archive.pages.get(pid)!;
    return {
      id: pid,
      href: href(locale, routes.page(pid)),
      label: pageLabel(p, archive),
      articles: p.articles.map((aid) => ({ href: href(locale, routes.article(aid)), text: articleTitle(archive.articles.get(aid)!) })),
    };
  });
  const lead = leadArticle(archive, issue);
  return {
    locale,
    group,
    name: paperLabel(group.paper),
    date,
    dateText: `${dateWords(date)} ${weekday(date)}`,
    path: routes.issue(group.slug, date),
    pages,
    articleCount: pages.reduce((n, p) => n + p.articles.length, 0),
    lead: lead ? articleTitle(lead) : null,
    calendar: { href: href(locale, routes.year(group.slug, date.slice(0, 4))), text: `${date.slice(0, 4)}年` },
    month: { href: href(locale, routes.shelf(group.slug, date.slice(0, 7))), text: `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月` },
    prev: link(prev),
    next: link(next),
    json: href(null, routes.issueJson(group.slug, date)),
  };
}

/** What `papers/<slug>/<key>/` is: a shelf, a year's calendar or an issue. */
export type PaperKeyView = { kind: 'shelf'; view: ShelfView } | { kind: 'year'; view: YearView } | { kind: 'issue'; view: IssueView };

/** The view of `papers/<slug>/<key>/`. */
export function paperKeyView(archive: Archive, slug: string, key: string, locale: Locale): PaperKeyView {
  if (/^\d{4}$/.test(key)) return { kind: 'year', view: yearView(archive, slug, key, locale) };
  if (/^\d{4}-\d{2}-\d{2}$/.test(key)) return { kind: 'issue', view: issueView(archive, slug, key, locale) };
  return { kind: 'shelf', view: shelfView(archive, slug, key, locale) };
}
