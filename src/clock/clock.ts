/**
 * The one door to time. Nothing outside src/clock reads the wall clock or
 * schedules a real timer: the gateway, the mocks and the workload all take a
 * `Clock`, so the same code runs in virtual time (deterministic, as fast as
 * the CPU allows) or in real time (against a real process over loopback).
 */
export interface Clock {
  /** Milliseconds since the Unix epoch, virtual or real. */
  now(): number;
  /** Resolves after `delayMs`; rejects with the signal's reason if aborted first. */
  sleep(delayMs: number, signal?: AbortSignal): Promise<void>;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
  setInterval(callback: () => void, intervalMs: number): TimerHandle;
  clearInterval(handle: TimerHandle | undefined): void;
  /**
   * Runs `start` as tracked asynchronous work (a fetch, a handler, a file
   * write). A virtual clock does not move while tracked work is running and
   * not parked on one of its timers, and it hands results back in the order
   * the work was started, so real I/O jitter cannot reorder a simulation.
   */
  track<T>(start: () => Promise<T>, label?: string): Promise<T>;
  /** `fetch` wrapped in `track`: pass it to SDK clients and mocks. */
  wrapFetch(fetchImpl: typeof fetch): typeof fetch;
}

/** Opaque timer identity; only meaningful to the clock that issued it. */
export type TimerHandle = { readonly timerId: number };
