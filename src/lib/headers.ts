/**
 * The `_headers` file (Netlify / Cloudflare Pages format): immutable caching for hashed assets and a
 * self-only Content-Security-Policy that allows exactly our inline scripts by hash.
 */
import { createHash } from 'node:crypto';
import { HOME_REDIRECT, PAGE_ENHANCE } from './inline-scripts.ts';
import { normalizeBase } from '../../core/paths.ts';

/** CSP source expression for an inline script body. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** The Content-Security-Policy every page is served with. */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval' is for the search index (Pagefind runs WebAssembly); no eval of JS is allowed.
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHash(HOME_REDIRECT)} ${scriptHash(PAGE_ENHANCE)}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** `_headers` text; paths carry the base so the rules match when the site lives under a prefix. */
export function headersFile(base: string): string {
  const b = normalizeBase(base);
  return [
    `${b}*`,
    `  Content-Security-Policy: ${contentSecurityPolicy()}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
    `${b}_astro/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    '',
  ].join('\n');
}
