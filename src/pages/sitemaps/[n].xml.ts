/** sitemaps/<n>.xml: one file of the sitemap, with hreflang alternates between the script twins. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive } from '../../lib/content.ts';
import { sitemapChunks, sitemapXml } from '../../lib/seo.ts';
import { sitemapEntries } from '../../lib/sitemap.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  // Absolute URLs only: without SITE_URL there is no sitemap (see ../[sitemap].xml.ts).
  if (!import.meta.env.SITE) return [];
  const chunks = sitemapChunks(sitemapEntries(await loadArchive(), import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined));
  return chunks.map((entries, n) => ({ params: { n: String(n) }, props: { entries } }));
};

export const GET: APIRoute = ({ props }) => new Response(sitemapXml(props.entries), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
