/**
 * Route data of the home page: what the archive holds (papers → issues → pages, undated grouped
 * honestly), counts, and the ways in. The home page shows each paper's latest pages only; the rest
 * are a click away on the paper's browse pages (issue 6), so it does not grow with the archive.
 */
import { issuesByDay, paperLabel, type Archive, type Facet, type PaperGroup } from '../../../core/archive.ts';
import { routes } from '../../../core/paths.ts';
import type { Locale } from '../../../core/script.ts';
import { href } from '../site.ts';

/** Pages listed per paper on the home page. */
export const HOME_PAGES = 12;

/** Reporters listed on the home page (the most prolific). */
export const HOME_REPORTERS = 12;

/** An issue as a list shows it: its date and page ids. */
export interface IssueItem {
  date: string | null;
  pages: string[];
}

/** One paper on the home page. */
export interface HomePaper {
  group: PaperGroup;
  /** Its latest issues, at most HOME_PAGES pages in all. */
  issues: IssueItem[];
  /** The link to the paper's browse pages and its text (simplified). */
  more: { href: string; text: string };
}

/** What the home page shows. */
export interface HomeView {
  locale: Locale;
  /** One sentence of counts: pages, articles, reporters, columns. */
  summary: string;
  undatedPages: number;
  papers: HomePaper[];
  columns: Facet[];
  reporters: Facet[];
  reporterCount: number;
  /**
   * 历史上的今天: the index link, and for the enhancement script the days with issues as
   * `MM-DD:count` and where a day's page is (base + `on-this-day/`).
   */
  onThisDay: { index: string; base: string; days: string; count: number };
}

/** A paper's latest issues holding at most `max` pages (the last issue cut to fit). */
export function latestIssues(g: PaperGroup, max = HOME_PAGES): IssueItem[] {
  const out: IssueItem[] = [];
  let left = max;
  for (const issue of g.issues) {
    if (left <= 0) break;
    out.push({ date: issue.date, pages: issue.pages.slice(0, left) });
    left -= issue.pages.length;
  }
  return out;
}

/** The home page in `locale`. */
export function homeView(archive: Archive, locale: Locale): HomeView {
  const undatedPages = archive.papers.reduce((n, g) => n + g.issues.filter((i) => i.date === null).reduce((m, i) => m + i.pages.length, 0), 0);
  const summary = `收录${archive.pageOrder.length}个版面、${archive.articles.size}篇文章，涉及${archive.reporters.length}位记者与作者、${archive.columns.length}个专栏。`;
  const papers = archive.papers.map((group) => {
    const issues = latestIssues(group);
    const shown = issues.reduce((n, i) => n + i.pages.length, 0);
    const name = paperLabel(group.paper);
    const text = group.pageCount > shown ? `浏览${name}全部${group.pageCount}个版面` : `${name}：${group.issues.some((i) => i.date !== null) ? '按月浏览' : '全部版面'}`;
    return { group, issues, more: { href: href(locale, routes.paper(group.slug)), text } };
  });
  const days = issuesByDay(archive);
  const onThisDay = {
    index: href(locale, routes.onThisDay()),
    base: href(locale, routes.onThisDay()),
    days: [...days].map(([d, refs]) => `${d}:${refs.length}`).join(' '),
    count: days.size,
  };
  return { locale, summary, undatedPages, papers, columns: archive.columns, reporters: archive.reporters.slice(0, HOME_REPORTERS), reporterCount: archive.reporters.length, onThisDay };
}
