/**
 * @fileoverview Short stable hashes for ids and slugs: the first hex digits of SHA-256, so a name or
 * a text always gives the same URL segment. Build time only (Node's crypto).
 */
import { createHash } from 'node:crypto';

/** The first `length` hex digits of the SHA-256 of `text` (UTF-8). */
export function shortHash(text: string, length = 8): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, length);
}
