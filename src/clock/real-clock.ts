import { setTimeout as sleepReal } from 'node:timers/promises';
import type { Clock, TimerHandle } from './clock.ts';

/**
 * Wall-clock time, for `--real-time` runs against a real process over
 * loopback. Tracking is a no-op: real I/O orders itself, and nothing here
 * claims to be deterministic.
 */
export function createRealClock(): Clock {
  return {
    now: () => Date.now(),
    sleep: (delayMs, signal) => sleepReal(Math.max(0, delayMs), undefined, signal === undefined ? undefined : { signal }),
    setTimeout: (callback, delayMs) => wrap(setTimeout(callback, delayMs)),
    clearTimeout: (handle) => clearTimeout(unwrap(handle)),
    setInterval: (callback, intervalMs) => wrap(setInterval(callback, intervalMs)),
    clearInterval: (handle) => clearInterval(unwrap(handle)),
    track: (start) => start(),
    wrapFetch: (fetchImpl) => fetchImpl,
  };
}

type RealTimer = TimerHandle & { readonly native: NodeJS.Timeout };

let nextTimerId = 0;

function wrap(native: NodeJS.Timeout): RealTimer {
  return { timerId: nextTimerId++, native };
}

function unwrap(handle: TimerHandle | undefined): NodeJS.Timeout | undefined {
  return (handle as RealTimer | undefined)?.native;
}
