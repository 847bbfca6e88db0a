/**
 * @fileoverview The page's side of the search worker (pagefind-worker.ts): one worker for every
 * archive part, started on first use. Where it cannot start or dies (no module workers, a
 * Content-Security-Policy without workers), `search` rejects with WorkerUnavailable and the engine
 * asks Pagefind on the page instead.
 */

/** A question to the worker. */
export interface WorkerQuestion {
  id: number;
  /** The archive part's base path. */
  base: string;
  /** How many index slices the part has (its search layout's `slices`). */
  slices: number;
  /** Pagefind query; null only loads the part's Pagefind. */
  term: string | null;
}

/** The worker's answer: result ids, or the message of what went wrong. */
export type WorkerAnswer = { id: number; ids: string[] } | { id: number; error: string };

/** The worker could not run: ask Pagefind on the page. */
export class WorkerUnavailable extends Error {
  constructor(why: string) {
    super(`search worker unavailable: ${why}`);
    this.name = 'WorkerUnavailable';
  }
}

let worker: Worker | null = null;
let broken = false;
let nextId = 0;
const pending = new Map<number, { resolve: (ids: string[]) => void; reject: (e: Error) => void }>();

function fail(why: string): void {
  broken = true;
  worker?.terminate();
  worker = null;
  for (const p of pending.values()) p.reject(new WorkerUnavailable(why));
  pending.clear();
}

function started(): Worker | null {
  if (worker || broken) return worker;
  try {
    worker = new Worker(new URL('./pagefind-worker.ts', import.meta.url), { type: 'module' });
  } catch (err) {
    broken = true;
    console.warn('search: no worker, Pagefind runs on the page:', err);
    return null;
  }
  worker.addEventListener('error', (e) => fail(e.message || 'the worker script failed'));
  worker.addEventListener('messageerror', () => fail('an answer could not be read'));
  worker.addEventListener('message', (e: MessageEvent<WorkerAnswer>) => {
    const a = e.data;
    const p = pending.get(a.id);
    if (!p) return;
    pending.delete(a.id);
    if ('error' in a) p.reject(new Error(a.error));
    else p.resolve(a.ids);
  });
  return worker;
}

/** Asks the worker for the result ids of `term` in the part at `base` with `slices` index slices (null term: just load it). */
export function workerSearch(base: string, slices: number, term: string | null): Promise<string[]> {
  const w = started();
  if (!w) return Promise.reject(new WorkerUnavailable(broken ? 'it failed before' : 'not supported'));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, base, slices, term } satisfies WorkerQuestion);
  });
}
