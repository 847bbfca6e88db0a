/**
 * robots.txt: allow all, point at the sitemap under the configured site and base (a Sitemap line
 * must be absolute, so without SITE_URL there is none). Crawlers read robots.txt only at the
 * origin's root: under a sub-path this file is a template to merge there (README "Deploying").
 */
import type { APIRoute } from 'astro';
import { absolute } from '../lib/site.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n${site ? `\nSitemap: ${absolute(site, null, 'sitemap.xml')}\n` : ''}`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
