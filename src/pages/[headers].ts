/**
 * Emits dist/_headers. It is an endpoint (not public/_headers) so its paths honour BASE_PATH and the
 * script hashes always match the inline scripts; Astro skips `_`-prefixed files in src/pages, hence the param.
 */
import type { APIRoute } from 'astro';
import { headersFile } from '../lib/headers.ts';

export function getStaticPaths() {
  return [{ params: { headers: '_headers' } }];
}

export const GET: APIRoute = () => new Response(headersFile(import.meta.env.BASE_URL), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
