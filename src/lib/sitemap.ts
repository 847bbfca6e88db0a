/** The sitemap's entries: every reading page in both scripts, with hreflang alternates (issue #3, split for scale in #6). */
import { FACET_INDEX_MAX, facetGroups, issuesByDay, type Archive, type Facet } from '../../core/archive.ts';
import { paperKeys } from './route-data/paper.ts';
import { routes } from '../../core/paths.ts';
import type { SitemapEntry } from './seo.ts';
import { absolute } from './site.ts';

/** The first-character pages of an index that is split (see FacetIndex.astro). */
function groupPaths(list: Facet[], route: (key: string) => string): string[] {
  return list.length > FACET_INDEX_MAX ? facetGroups(list).map((g) => route(g.key)) : [];
}

/** All sitemap entries of the archive, in a stable order. */
export function sitemapEntries(archive: Archive, site: URL | undefined): SitemapEntry[] {
  const paths = [
    routes.home(),
    ...archive.pageOrder.map(routes.page),
    ...archive.articleOrder.map(routes.article),
    routes.papers(),
    ...archive.papers.flatMap((g) => [routes.paper(g.slug), ...paperKeys(g).map((key) => routes.shelf(g.slug, key))]),
    routes.onThisDay(),
    ...[...issuesByDay(archive).keys()].map(routes.onThisDayDate),
    routes.data(),
    routes.reporters(),
    ...groupPaths(archive.reporters, routes.reporterGroup),
    ...archive.reporters.map((r) => routes.reporter(r.slug)),
    routes.columns(),
    ...groupPaths(archive.columns, routes.columnGroup),
    ...archive.columns.map((c) => routes.column(c.slug)),
  ];
  return paths.flatMap((p) => {
    const alternates = [
      { hreflang: 'zh-Hans', href: absolute(site, 'zh-hans', p) },
      { hreflang: 'zh-Hant', href: absolute(site, 'zh-hant', p) },
    ];
    return alternates.map((a) => ({ loc: a.href, alternates }));
  });
}
