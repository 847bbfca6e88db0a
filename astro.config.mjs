// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

/** Base path and site URL come from the environment so dist/ can be served under any prefix (issue #3). */
const base = process.env.BASE_PATH || '/';
const site = process.env.SITE_URL || 'https://example.org';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [mdx()],
});
