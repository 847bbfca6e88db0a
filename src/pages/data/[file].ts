/** data/: the whole-archive downloads (JSON Lines and CSV, gzipped, per year) and their manifest index.json (issue 12). */
import type { APIRoute } from 'astro';
import { loadOpenData } from '../../lib/content.ts';
import { jsonBody } from '../../lib/route-data/open-data.ts';

export async function getStaticPaths() {
  const { downloads } = await loadOpenData();
  return ['index.json', ...downloads.files.keys()].map((file) => ({ params: { file } }));
}

export const GET: APIRoute = async ({ params }) => {
  const { downloads } = await loadOpenData();
  if (params.file === 'index.json') return new Response(jsonBody(downloads.manifest), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  return new Response(downloads.files.get(params.file!)!.slice(), { headers: { 'Content-Type': 'application/gzip' } });
};
