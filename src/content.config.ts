/**
 * Content collections over the ingest output (src/content/generated/, written by `npm run ingest`).
 * The schemas mirror scripts/lib/mdx.ts (ArticleFrontmatter) and scripts/lib/archive.ts (PageRecord).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { OTHER_BLOCK_TYPES } from '../scripts/lib/assemble.ts';

const nullableString = z.string().nullable();

const articles = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/generated/articles' }),
  schema: z.object({
    id: z.string(),
    page: z.string(),
    order: z.number().int().positive(),
    column: nullableString,
    kicker: nullableString,
    title: nullableString,
    subtitle: nullableString,
    byline: nullableString,
    authors: z.array(z.string()),
    continuedFrom: nullableString,
    continuedTo: nullableString,
    truncatedStart: z.boolean(),
    truncatedEnd: z.boolean(),
    lines: z.tuple([z.number().int(), z.number().int()]),
    source: z.string(),
    excerpt: z.string(),
  }),
});

const pages = defineCollection({
  loader: glob({ pattern: '*.json', base: './src/content/generated/pages' }),
  schema: z.object({
    id: z.string(),
    seed: z.string(),
    paper: nullableString,
    date: nullableString,
    pageNumber: z.number().int().positive().nullable(),
    pageName: nullableString,
    layout: z.string(),
    encoding: z.string(),
    articles: z.array(z.string()),
    other: z.array(z.object({ type: z.enum(OTHER_BLOCK_TYPES), text: z.string() })),
  }),
});

export const collections = { articles, pages };
