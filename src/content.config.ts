/**
 * Content collections over the ingest output (src/content/generated/, written by `npm run ingest`).
 * Their schemas are the one schema's (core/schema.ts), so every entry is checked against the shape
 * the ingest wrote it in, and the site's types are the collections' types (issue 14).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articlesLoader } from './lib/articles-loader-fs.ts';
import { ArticleFrontmatterSchema, PageRecordSchema } from '../core/schema.ts';

const articles = defineCollection({
  // The ingest's MDX files read as data, not compiled as modules (src/lib/articles-loader-fs.ts, issue 15).
  loader: articlesLoader('./src/content/generated/articles'),
  schema: ArticleFrontmatterSchema,
});

const pages = defineCollection({
  loader: glob({ pattern: '*.json', base: './src/content/generated/pages' }),
  schema: PageRecordSchema,
});

export const collections = { articles, pages };
