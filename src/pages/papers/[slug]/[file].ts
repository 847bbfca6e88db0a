/** Beside every issue page `papers/<slug>/<date>/`: `<date>.json`, the issue's pages in order with their articles (issue 12). */
import type { APIRoute } from 'astro';
import { loadOpenData } from '../../../lib/content.ts';
import { jsonBody } from '../../../lib/route-data/open-data.ts';

export async function getStaticPaths() {
  const { issues } = await loadOpenData();
  return [...issues.keys()].map((path) => {
    const [, slug, file] = path.split('/');
    return { params: { slug, file }, props: { path } };
  });
}

export const GET: APIRoute = async ({ props }) => new Response(jsonBody((await loadOpenData()).issues.get(props.path)!), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
