/**
 * sitemap.xml: a sitemap index over sitemaps/<n>.xml, so a large archive stays within the protocol's
 * limits. A sitemap must list absolute URLs, so without SITE_URL none is written (issue 12); the
 * bracketed name lets getStaticPaths leave it out.
 */
import type { APIRoute } from 'astro';
import { loadArchive } from '../lib/content.ts';
import { sitemapChunks, sitemapIndexXml } from '../lib/seo.ts';
import { absolute } from '../lib/site.ts';
import { sitemapEntries } from '../lib/sitemap.ts';

export function getStaticPaths() {
  return import.meta.env.SITE ? [{ params: { sitemap: 'sitemap' } }] : [];
}

export const GET: APIRoute = async ({ site }) => {
  const chunks = sitemapChunks(sitemapEntries(await loadArchive(), site));
  const locs = chunks.map((_, n) => absolute(site, null, `sitemaps/${n}.xml`));
  return new Response(sitemapIndexXml(locs), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
