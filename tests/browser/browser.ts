/** The browser tests launch Chromium the way the benchmarks do. */
export { CHROMIUM, launch } from '../../scripts/lib/chromium.ts';
