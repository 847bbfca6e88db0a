// @ts-check
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { mediaIntegration } from './scripts/lib/media-fs.ts';

/** Base path and site URL come from the environment so dist/ can be served under any prefix (issue #3). */
const base = process.env.BASE_PATH || '/';
/**
 * Without SITE_URL the site claims no host (issue 12): no canonical or og:url, no sitemap, relative
 * links in the feed and open data, and citations that take the reader's own address. A made-up
 * default would send readers, crawlers and every copied citation to a host the archivist does not own.
 */
const site = process.env.SITE_URL || undefined;
if (!site && process.argv.includes('build')) {
  console.warn(
    '\n[baoku] SITE_URL is not set: pages get no canonical URL, no sitemap is written, and feed and data links are relative.\n' +
      '        Set it to where the archive will be served, e.g. SITE_URL=https://archive.example npm run build (see README "Deploying").\n',
  );
}

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Page images and PDFs of pages read from PDFs (issue #16), published as they are.
  integrations: [mdx(), mediaIntegration(fileURLToPath(new URL('./src/content/generated/', import.meta.url)))],
  vite: {
    // The search worker (src/lib/search/pagefind-worker.ts) is a module worker: it imports pagefind.js.
    worker: { format: 'es' },
    build: {
      rolldownOptions: {
        // Astro marks every MDX module with a "use astro:head-inject" directive, which the bundler warns
        // about once per file — thousands of lines for a large archive. Harmless: withastro/astro#18087.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
