/**
 * Tiny static file server for browser tests and benchmarks: serves a dist/ folder mounted under a URL prefix
 * (like a CDN under BASE_PATH), 404 outside it, and applies the rules of dist/_headers so the
 * shipped Content-Security-Policy is exercised for real.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** One `_headers` rule: a path pattern (trailing * = prefix match) and its headers. */
export interface HeaderRule {
  pattern: string;
  headers: [string, string][];
}

/** Parses the Netlify/Cloudflare `_headers` format (pattern line, then indented `Name: value` lines). */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (/^\s/.test(line)) {
      const i = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    } else rules.push({ pattern: line.trim(), headers: [] });
  }
  return rules;
}

function matches(pattern: string, path: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path;
}

/** A running server and the URL of the mounted prefix. */
export interface StaticServer {
  origin: string;
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves `root` under `prefix` (e.g. "/some/prefix/") on an ephemeral port. */
export async function startStaticServer(root: string, prefix: string): Promise<StaticServer> {
  const headersPath = join(root, '_headers');
  const rules = existsSync(headersPath) ? parseHeaders(readFileSync(headersPath, 'utf8')) : [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const send = (status: number, file: string | null, body?: string) => {
      for (const rule of rules) if (matches(rule.pattern, url.pathname)) for (const [k, v] of rule.headers) res.setHeader(k, v);
      if (file) {
        res.writeHead(status, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
      } else {
        res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(body ?? '');
      }
    };
    if (!path.startsWith(prefix)) return send(404, null, 'not under prefix');
    const rel = normalize(path.slice(prefix.length));
    if (rel.startsWith('..') || rel.includes(`${sep}..`)) return send(400, null, 'bad path');
    let file = join(root, rel);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (existsSync(file) && statSync(file).isFile()) return send(200, file);
    const notFound = join(root, '404.html');
    return existsSync(notFound) ? send(404, notFound) : send(404, null, 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: origin + prefix,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
