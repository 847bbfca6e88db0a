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
  vite: {
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
