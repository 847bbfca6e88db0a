/**
 * @fileoverview Who may talk to the review tool (issue 11). It writes files, so it answers only
 * its own page: a request must name the tool's own host (no DNS rebinding), come from its own
 * origin when it says where it comes from (and always when it writes: no cross-site forms), and
 * carry the token printed when the tool started — in the page's URL, then in a header the page's
 * script sends. Pure: headers in, a verdict out.
 */
import { timingSafeEqual } from 'node:crypto';

/** The tool's address and its per-run token. */
export interface Guard {
  /** `127.0.0.1:PORT`, as the Host header must say. */
  host: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  token: string;
}

/** A request as the guard sees it. */
export interface GuardRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

/** The verdict: allowed, or refused with a status and why. */
export type Verdict = { ok: true } | { ok: false; status: number; reason: string };

function header(r: GuardRequest, name: string): string | undefined {
  const v = r.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function same(a: string | undefined | null, b: string): boolean {
  if (typeof a !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The routes and the methods they answer. */
const ROUTES: Record<string, string> = { '/': 'GET', '/api/pages': 'GET', '/api/page': 'GET', '/api/correct': 'POST', '/api/remove': 'POST' };

/** Whether the tool answers a request. */
export function check(g: Guard, r: GuardRequest): Verdict {
  if ((header(r, 'host') ?? '').toLowerCase() !== g.host) return { ok: false, status: 421, reason: 'not this server (Host)' };
  const origin = header(r, 'origin');
  if (origin !== undefined && origin !== g.origin) return { ok: false, status: 403, reason: 'another origin' };
  const site = header(r, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { ok: false, status: 403, reason: 'a cross-site request' };
  const url = new URL(r.url, g.origin);
  const method = ROUTES[url.pathname];
  if (!method) return { ok: false, status: 404, reason: 'no such page' };
  if (r.method !== method) return { ok: false, status: 405, reason: `${url.pathname} answers ${method} only` };
  if (url.pathname === '/') return same(url.searchParams.get('token'), g.token) ? { ok: true } : { ok: false, status: 403, reason: 'no token: open the address the tool printed' };
  if (!same(header(r, 'x-review-token'), g.token)) return { ok: false, status: 403, reason: 'no token' };
  if (method === 'POST') {
    if (origin === undefined) return { ok: false, status: 403, reason: 'a write without its origin' };
    if (!/^application\/json(;|$)/.test(header(r, 'content-type') ?? '')) return { ok: false, status: 415, reason: 'JSON only' };
  }
  return { ok: true };
}
