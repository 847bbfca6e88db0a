/**
 * Gone article ids (issue 11) from the ingest's `gone.json`, checked against the schema. Read
 * from the file rather than a content collection: most archives have none, and an empty
 * collection makes Astro warn on every build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { GoneArticleSchema, type GoneArticle } from '../../core/schema.ts';

/** Where the ingest writes it (the build runs in the project folder). */
const GONE = join(process.cwd(), 'src', 'content', 'generated', 'gone.json');

let cached: GoneArticle[] | null = null;

/** Every gone id, in id order (none when the ingest wrote no file). */
export function loadGone(file = GONE): GoneArticle[] {
  if (file === GONE && cached) return cached;
  const all = existsSync(file) ? z.array(GoneArticleSchema).parse(JSON.parse(readFileSync(file, 'utf8'))) : [];
  const sorted = all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (file === GONE) cached = sorted;
  return sorted;
}
