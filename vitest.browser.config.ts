import { defineConfig } from 'vitest/config';

/** Browser tests: build the site under a base prefix, serve it, drive Debian chromium. Slow; run via `npm run test:browser`. */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
