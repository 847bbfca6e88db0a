import { defineConfig } from 'vitest/config';

/**
 * Two projects, by what a test needs (issue 14):
 * - `unit`: no browser. Pure logic (tests/core, ingest, site, search) and static checks over one
 *   prefixed build of the site (tests/dist), which tests/build/global-setup.ts makes (seconds).
 * - `browser`: what needs Chromium — crawling under the CSP, journeys, layout, search in the page.
 * Both use the same build; the second setup finds it stamped and keeps it. `npm test` runs both
 * with coverage, and fails under the thresholds below.
 */
export default defineConfig({
  test: {
    coverage: {
      provider: 'v8',
      // The code the Node side runs; the browser's search code runs in Chromium, where v8 coverage
      // of this process does not reach (its logic is unit-tested through core/search and engine.test.ts).
      include: ['core/**/*.ts', 'scripts/lib/**/*.ts', 'src/lib/**/*.ts'],
      exclude: ['src/lib/search/client.ts', 'src/lib/search/mark-page.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'tests/.artifacts/coverage',
      // What npm test (both projects) honestly reaches now, rounded down (issue 14): raise them as tests grow.
      thresholds: { statements: 83, branches: 81, functions: 83, lines: 86 },
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**', 'tests/.artifacts/**', '**/node_modules/**'],
          globalSetup: ['tests/build/global-setup.ts'],
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/build/global-setup.ts', 'tests/browser/chromium-check.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
