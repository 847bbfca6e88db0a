/** Shared constants of the browser tests: where the prefixed build lives and under which base. */
import { join } from 'node:path';

/** The base path the test build is made with, to catch any link that ignores it. */
export const PREFIX = '/some/prefix/';
/** Output folder of the test build (global-setup writes it). */
export const DIST = join(import.meta.dirname, '..', '.artifacts', 'dist-prefix');
/** Screenshot folder. */
export const ARTIFACTS = join(import.meta.dirname, '..', '.artifacts');
