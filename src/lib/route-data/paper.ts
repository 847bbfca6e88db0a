/**
 * Route data of a paper's browse pages (issue 6): the paper page lists its shelves (a month of
 * issues each, undated pages in runs) by year; a shelf page lists its issues, with neighbours.
 */
import { neighbours, paperLabel, shelves, type Archive, type PaperGroup, type Shelf } from '../../../core/archive.ts';
import { localeParams, routes } from '../../../core/paths.ts';
import type { Locale } from '../../../core/script.ts';
import { href } from '../site.ts';

type Params = { locale: string | undefined; slug: string };

/** getStaticPaths of the paper route: every paper in both scripts. */
export function paperPaths(archive: Archive): { params: Params }[] {
  return localeParams().flatMap((lp) => archive.papers.map((g) => ({ params: { ...lp, slug: g.slug } })));
}

/** getStaticPaths of the shelf route: every shelf of every paper in both scripts. */
export function shelfPaths(archive: Archive): { params: Params & { shelf: string } }[] {
  return localeParams().flatMap((lp) => archive.papers.flatMap((g) => shelves(g).map((s) => ({ params: { ...lp, slug: g.slug, shelf: s.key } }))));
}

function paperGroup(archive: Archive, slug: string): PaperGroup {
  const group = archive.papers.find((g) => g.slug === slug);
  if (!group) throw new Error(`no paper ${slug}`);
  return group;
}

/** What a paper page shows. */
export interface PaperView {
  locale: Locale;
  group: PaperGroup;
  name: string;
  /** Shelves by year, newest first; `year` null holds the undated runs. */
  years: { year: string | null; shelves: (Shelf & { href: string })[] }[];
}

/** The page of paper `slug` in `locale`. */
export function paperView(archive: Archive, slug: string, locale: Locale): PaperView {
  const group = paperGroup(archive, slug);
  const list = shelves(group).map((s) => ({ ...s, href: href(locale, routes.shelf(group.slug, s.key)) }));
  const years = [...new Set(list.map((s) => s.year))].map((year) => ({ year, shelves: list.filter((s) => s.year === year) }));
  return { locale, group, name: paperLabel(group.paper), years };
}

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
