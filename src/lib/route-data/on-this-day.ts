/**
 * Route data of 历史上的今天 (issue 12): for each month and day (`01-23`) the issues of every paper
 * printed on it in any year, newest first, each with its front-page story; and an index of the days
 * the archive has. Static and deterministic: which day is "today" is the reader's, so the home page
 * links the index and its enhancement script (src/lib/inline-scripts.ts) points the link at today.
 */
import { articleTitle, issuesByDay, leadArticle, paperLabel, type Archive } from '../../../core/archive.ts';
import { localeParams, routes } from '../../../core/paths.ts';
import type { Locale } from '../../../core/script.ts';
import { href } from '../site.ts';
import { dateWords, weekday } from './paper.ts';

/** `1月23日` for `01-23`. */
export function monthDayWords(monthDay: string): string {
  return `${Number(monthDay.slice(0, 2))}月${Number(monthDay.slice(3, 5))}日`;
}

/** getStaticPaths of on-this-day/<MM-DD>/: every day with an issue, in both scripts. */
export function onThisDayPaths(archive: Archive): { params: { locale: string | undefined; day: string } }[] {
  const days = [...issuesByDay(archive).keys()];
  return localeParams().flatMap((lp) => days.map((day) => ({ params: { ...lp, day } })));
}

/** One issue on a day's page. */
export interface DayIssue {
  year: string;
  paper: string;
  /** `2025年1月23日 星期四` */
  dateText: string;
  href: string;
  pages: number;
  lead: { href: string; text: string } | null;
}

/** What on-this-day/<MM-DD>/ shows. */
export interface DayView {
  locale: Locale;
  day: string;
  label: string;
  issues: DayIssue[];
  years: number;
  prev: { href: string; text: string } | null;
  next: { href: string; text: string } | null;
}

/** The day `MM-DD` in `locale`. */
export function dayView(archive: Archive, day: string, locale: Locale): DayView {
  const days = issuesByDay(archive);
  const refs = days.get(day);
  if (!refs) throw new Error(`no issue on ${day}`);
  const issues = refs.map(({ group, issue }) => {
    const lead = leadArticle(archive, issue);
    return {
      year: issue.date!.slice(0, 4),
      paper: paperLabel(group.paper),
      dateText: `${dateWords(issue.date!)} ${weekday(issue.date!)}`,
      href: href(locale, routes.issue(group.slug, issue.date!)),
      pages: issue.pages.length,
      lead: lead ? { href: href(locale, routes.article(lead.id)), text: articleTitle(lead) } : null,
    };
  });
  const keys = [...days.keys()];
  const i = keys.indexOf(day);
  const link = (k: string | undefined) => (k ? { href: href(locale, routes.onThisDayDate(k)), text: monthDayWords(k) } : null);
  return { locale, day, label: monthDayWords(day), issues, years: new Set(issues.map((x) => x.year)).size, prev: link(keys[i - 1]), next: link(keys[i + 1]) };
}

/** What the index on-this-day/ shows: the days by month, each with its issue count. */
export interface DayIndexView {
  locale: Locale;
  months: { month: number; days: { day: string; label: string; href: string; issues: number }[] }[];
  /** Space-separated `MM-DD` of every day with an issue: the home page's script picks today's from it. */
  dayList: string;
}

/** The index of 历史上的今天 in `locale`. */
export function dayIndexView(archive: Archive, locale: Locale): DayIndexView {
  const days = issuesByDay(archive);
  const months = new Map<number, DayIndexView['months'][number]['days']>();
  for (const [day, refs] of days) {
    const m = Number(day.slice(0, 2));
    const list = months.get(m) ?? [];
    list.push({ day, label: monthDayWords(day), href: href(locale, routes.onThisDayDate(day)), issues: refs.length });
    months.set(m, list);
  }
  return { locale, months: [...months].map(([month, list]) => ({ month, days: list })), dayList: [...days.keys()].join(' ') };
}
