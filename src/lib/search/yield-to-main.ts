/**
 * @fileoverview Lets the browser run input, rendering and other tasks between pieces of search
 * work, so no piece is a long task (issue 12: on a slow phone a search with results blocked the
 * main thread for over a second). `scheduler.yield()` where the browser has it (its continuation
 * runs before other queued tasks); a zero-delay message otherwise.
 * https://developer.mozilla.org/docs/Web/API/Scheduler/yield
 */

interface YieldingScheduler {
  yield(): Promise<void>;
}

/** Resolves in a new task. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    // A message, not setTimeout(0), which browsers clamp to 4 ms after a few nested calls.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
