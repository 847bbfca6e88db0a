/**
 * RSS feed of the newest articles (simplified): dated pages newest first across papers, undated
 * after, at most FEED_ITEMS — a feed tells what is new, and must not grow with the archive (issue #6).
 * Dates only where the page date is known.
 */
import type { APIRoute } from 'astro';
import { articleTitle } from '../../core/archive.ts';
import { loadArchive } from '../lib/content.ts';
import { routes } from '../../core/paths.ts';
import { rssXml } from '../lib/seo.ts';
import { absolute } from '../lib/site.ts';

const FEED_ITEMS = 100;

export const GET: APIRoute = async ({ site }) => {
  const archive = await loadArchive();
  const items = archive.pageOrder.flatMap((pid) => {
    const page = archive.pages.get(pid)!;
    return page.articles.map((id) => {
      const a = archive.articles.get(id)!;
      return { title: articleTitle(a), link: absolute(site, 'zh-hans', routes.article(id)), description: a.excerpt, date: page.date };
    });
  });
  // Stable sort: within a date, reading order is kept.
  items.sort((x, y) => (x.date === y.date ? 0 : x.date === null ? 1 : y.date === null ? -1 : x.date < y.date ? 1 : -1));
  items.length = Math.min(items.length, FEED_ITEMS);
  const xml = rssXml(
    { title: '报库 · 报纸数字档案', link: absolute(site, 'zh-hans', routes.home()), description: '报纸版面的文字档案', self: absolute(site, null, 'feed.xml') },
    items,
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
