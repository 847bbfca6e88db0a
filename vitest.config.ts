import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The search browser test builds the site and drives Chromium; unit tests are fast.
    testTimeout: 30_000,
    hookTimeout: 300_000,
  },
});
