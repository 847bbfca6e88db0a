/** RSS feed of all articles in reading order (simplified); dates only where the page date is known. */
import type { APIRoute } from 'astro';
import { articleTitle } from '../lib/archive.ts';
import { loadArchive } from '../lib/content.ts';
import { routes } from '../lib/paths.ts';
import { rssXml } from '../lib/seo.ts';
import { absolute } from '../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const archive = await loadArchive();
  const items = archive.pageOrder.flatMap((pid) => {
    const page = archive.pages.get(pid)!;
    return page.articles.map((id) => {
      const a = archive.articles.get(id)!;
      return { title: articleTitle(a), link: absolute(site, 'zh-hans', routes.article(id)), description: a.excerpt, date: page.date };
    });
  });
  const xml = rssXml(
    { title: '报库 · 报纸数字档案', link: absolute(site, 'zh-hans', routes.home()), description: '报纸版面的文字档案', self: absolute(site, null, 'feed.xml') },
    items,
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
