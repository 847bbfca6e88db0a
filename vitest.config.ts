import { defineConfig } from 'vitest/config';

/** Unit tests: fast, no browser, no build. Browser tests live in vitest.browser.config.ts. */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**'],
  },
});
