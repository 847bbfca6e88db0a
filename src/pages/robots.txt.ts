/** robots.txt: allow all, point at the sitemap under the configured site and base. */
import type { APIRoute } from 'astro';
import { absolute } from '../lib/site.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absolute(site, null, 'sitemap.xml')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
