/** Beside every page view `pages/<id>/`: `<id>.json`, the page's metadata, articles and other blocks (issue 12). */
import type { APIRoute } from 'astro';
import { routes } from '../../../core/paths.ts';
import { loadArchive, loadOpenData } from '../../lib/content.ts';
import { jsonBody } from '../../lib/route-data/open-data.ts';
import { openPage } from '../../lib/open-data.ts';

export async function getStaticPaths() {
  return (await loadArchive()).pageOrder.map((id) => ({ params: { file: routes.pageJson(id).slice('pages/'.length) }, props: { id } }));
}

export const GET: APIRoute = async ({ props }) => {
  const data = await loadOpenData();
  return new Response(jsonBody(openPage(await loadArchive(), props.id, data.articles, data.urlOf)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
