/**
 * Beside every article page `articles/<id>/` (issue 12): `<id>.json` (open data: gold fields, page
 * metadata, URL, both scripts' text), `<id>.txt` (plain text), `<id>.ris` and `<id>.bib` (citations).
 */
import type { APIRoute } from 'astro';
import { loadArchive, loadOpenData } from '../../lib/content.ts';
import { articleFile, articleFileNames } from '../../lib/route-data/open-data.ts';

export async function getStaticPaths() {
  return articleFileNames(await loadArchive()).map((file) => ({ params: { file } }));
}

export const GET: APIRoute = async ({ params, site }) => {
  const { body, type } = articleFile(await loadArchive(), await loadOpenData(), params.file!, site);
  return new Response(body, { headers: { 'Content-Type': type } });
};
