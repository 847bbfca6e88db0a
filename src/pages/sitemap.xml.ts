/** sitemap.xml: every reading page in both scripts, with hreflang alternates; honours base and site. */
import type { APIRoute } from 'astro';
import { loadArchive } from '../lib/content.ts';
import { routes } from '../lib/paths.ts';
import { sitemapXml } from '../lib/seo.ts';
import { absolute } from '../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const archive = await loadArchive();
  const paths = [
    routes.home(),
    ...archive.pageOrder.map(routes.page),
    ...archive.pageOrder.flatMap((pid) => archive.pages.get(pid)!.articles.map(routes.article)),
    routes.reporters(),
    ...archive.reporters.map((r) => routes.reporter(r.slug)),
    routes.columns(),
    ...archive.columns.map((c) => routes.column(c.slug)),
  ];
  const entries = paths.flatMap((p) => {
    const alternates = [
      { hreflang: 'zh-Hans', href: absolute(site, 'zh-hans', p) },
      { hreflang: 'zh-Hant', href: absolute(site, 'zh-hant', p) },
    ];
    return alternates.map((a) => ({ loc: a.href, alternates }));
  });
  return new Response(sitemapXml(entries), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
