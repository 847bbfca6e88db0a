/** RSS feed of the newest articles (src/lib/route-data/feed.ts). */
import type { APIRoute } from 'astro';
import { routes } from '../../core/paths.ts';
import { loadArchive } from '../lib/content.ts';
import { feedItems } from '../lib/route-data/feed.ts';
import { rssXml } from '../lib/seo.ts';
import { absolute } from '../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const channel = { title: '报库 · 报纸数字档案', link: absolute(site, 'zh-hans', routes.home()), description: '报纸版面的文字档案', self: absolute(site, null, 'feed.xml') };
  return new Response(rssXml(channel, feedItems(await loadArchive(), site)), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
