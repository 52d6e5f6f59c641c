import { AsyncLocalStorage } from 'node:async_hooks';
import { setImmediate as realSetImmediate, setTimeout as realSetTimeout } from 'node:timers';
import type { Clock, TimerHandle } from './clock.ts';
import { TimerHeap, type Timer } from './timer-heap.ts';

/**
 * A clock that only moves when told to, and only when nothing is still moving.
 *
 * `runUntil(t)` repeatedly lets the system settle, then jumps to the earliest
 * timer and fires every timer due at that instant, in registration order.
 * "Settled" (quiescent) means:
 *   1. the event loop has had a full turn, so every microtask queued by the
 *      last firing has run, and
 *   2. no tracked work (see `track`) is running: each tracked operation has
 *      either finished or is parked on one of this clock's timers.
 * A fetch intercepted by msw takes several event-loop turns; without (2) a
 * later timer could overtake work that belongs to the current instant.
 *
 * Tracked operations that finish while the clock is being driven are handed
 * back in the order they were started, once the system is quiescent, so the
 * jitter of real asynchronous I/O cannot reorder a simulation.
 *
 * Limits, on purpose: work that is neither tracked nor a microtask chain (a
 * bare socket, a real `setTimeout` outside any tracked operation) is invisible
 * to the clock. Route it through `track`, or use the real clock.
 */
export type VirtualClock = Clock & {
  /** Fires every timer due at or before `timeMs`, then sets `now()` to `timeMs`. */
  runUntil(timeMs: number): Promise<void>;
  /** `runUntil(now() + durationMs)`. */
  advanceBy(durationMs: number): Promise<void>;
  /** Fires timers until none is left. Throws after `maxEvents` (a live interval never ends). */
  runUntilIdle(options?: { maxEvents?: number }): Promise<void>;
  /** Live timers (not yet fired or cleared). */
  pendingTimerCount(): number;
  /** When the earliest live timer is due, or undefined: a coordinator with other clocks to follow moves one instant at a time. */
  nextTimerAt(): number | undefined;
  /**
   * Sets `now()` to `timeMs` without firing anything: a coordinator moves every clock to the next instant
   * before any of them fires what is due there. Throws if a live timer is due earlier (it would be skipped).
   */
  jumpTo(timeMs: number): void;
  /** Tracked operations still running or parked. */
  inFlightCount(): number;
};

export type VirtualClockOptions = {
  /** Virtual epoch milliseconds at start. Default 2026-02-27T00:00:00Z, the incident's day. */
  startMs?: number;
  /** Real milliseconds tracked work may run without parking before the clock reports a stall. */
  stallAfterRealMs?: number;
};

export const DEFAULT_START_MS = Date.UTC(2026, 1, 27);
const DEFAULT_STALL_AFTER_REAL_MS = 30_000;
const DEFAULT_MAX_EVENTS = 50_000_000;

export function createVirtualClock(options: VirtualClockOptions = {}): VirtualClock {
  return new VirtualClockImpl(options.startMs ?? DEFAULT_START_MS, options.stallAfterRealMs ?? DEFAULT_STALL_AFTER_REAL_MS);
}

/** One tracked asynchronous operation (a fetch, a handler, a write). */
type Operation = {
  readonly seq: number;
  readonly label: string;
  readonly parent: Operation | undefined;
  /** Live timers and parked waits registered inside this operation or its children. */
  parkedOn: number;
  settled: boolean;
  outcome?: { ok: true; value: unknown } | { ok: false; error: unknown };
  deliver?: () => void;
};

class VirtualClockImpl implements VirtualClock {
  private nowMs: number;
  private readonly stallAfterRealMs: number;
  private readonly heap = new TimerHeap();
  private timerSeq = 0;
  private operationSeq = 0;
  private readonly context = new AsyncLocalStorage<Operation>();
  /** Operations that are neither settled nor parked: while > 0, time stands still. */
  private running = 0;
  private readonly inFlight = new Set<Operation>();
  /** Settled top-level operations waiting to be handed back in start order. */
  private held: Operation[] = [];
  private driving = false;
  private wakeDriver: (() => void) | undefined;
  private timerError: { error: unknown } | undefined;

  constructor(startMs: number, stallAfterRealMs: number) {
    this.nowMs = startMs;
    this.stallAfterRealMs = stallAfterRealMs;
  }

  now(): number {
    return this.nowMs;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    return this.addTimer(callback, delayMs, 0);
  }

  setInterval(callback: () => void, intervalMs: number): TimerHandle {
    // A zero interval would fire forever at one instant; Node clamps to 1 ms too.
    return this.addTimer(callback, intervalMs, Math.max(1, toDelayMs(intervalMs)));
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    const timer = handle as Timer | undefined;
    if (timer === undefined || timer.clock !== this || timer.done) return;
    this.retire(timer);
    this.heap.noteCancelled();
  }

  clearInterval(handle: TimerHandle | undefined): void {
    this.clearTimeout(handle);
  }

  sleep(delayMs: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      if (signal === undefined) {
        this.addTimer(resolve, delayMs, 0);
        return;
      }
      const onAbort = () => {
        this.clearTimeout(timer);
        reject(signal.reason);
      };
      const timer = this.addTimer(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, delayMs, 0);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  track<T>(start: () => Promise<T>, label = 'operation'): Promise<T> {
    const operation: Operation = {
      seq: this.operationSeq++,
      label,
      parent: this.context.getStore(),
      parkedOn: 0,
      settled: false,
    };
    this.inFlight.add(operation);
    this.running++;
    const result = new Promise<T>((resolve, reject) => {
      operation.deliver = () => {
        const outcome = operation.outcome!;
        if (outcome.ok) resolve(outcome.value as T);
        else reject(outcome.error);
      };
    });
    let started: Promise<T>;
    try {
      started = this.context.run(operation, start);
    } catch (error) {
      started = Promise.reject(error);
    }
    started.then(
      (value) => this.settle(operation, { ok: true, value }),
      (error: unknown) => this.settle(operation, { ok: false, error }),
    );
    return result;
  }

  wrapFetch(fetchImpl: typeof fetch): typeof fetch {
    const tracked = (input: string | URL | Request, init?: RequestInit) =>
      this.track(() => fetchImpl(input, init), `fetch ${describeRequest(input, init)}`);
    return tracked as typeof fetch;
  }

  pendingTimerCount(): number {
    return this.heap.liveCount();
  }

  inFlightCount(): number {
    return this.inFlight.size;
  }

  nextTimerAt(): number | undefined {
    return this.heap.peekLive()?.dueMs;
  }

  jumpTo(timeMs: number): void {
    const next = this.nextTimerAt();
    if (next !== undefined && next < timeMs) throw new RangeError(`jumpTo(${timeMs}) would skip a timer due at ${next}`);
    if (timeMs > this.nowMs) this.nowMs = timeMs;
  }

  advanceBy(durationMs: number): Promise<void> {
    return this.runUntil(this.nowMs + durationMs);
  }

  runUntilIdle(options: { maxEvents?: number } = {}): Promise<void> {
    return this.drive(Number.POSITIVE_INFINITY, options.maxEvents ?? DEFAULT_MAX_EVENTS);
  }

  runUntil(timeMs: number): Promise<void> {
    if (!Number.isFinite(timeMs)) throw new RangeError(`runUntil needs a finite time, got ${timeMs}`);
    return this.drive(timeMs, DEFAULT_MAX_EVENTS);
  }

  private async drive(targetMs: number, maxEvents: number): Promise<void> {
    if (this.driving) throw new Error('VirtualClock is already being driven (runUntil/runUntilIdle are not reentrant)');
    this.driving = true;
    try {
      let events = 0;
      await this.settleTurn();
      for (let next = this.heap.peekLive(); next !== undefined && next.dueMs <= targetMs; next = this.heap.peekLive()) {
        this.nowMs = Math.max(this.nowMs, next.dueMs);
        events += this.fireDueNow();
        if (events > maxEvents) {
          throw new Error(
            `VirtualClock fired more than ${maxEvents} timer events without going idle ` +
              `(${this.heap.liveCount()} timers still live: an interval never ends; use runUntil(t))`,
          );
        }
        await this.settleTurn();
      }
      if (targetMs !== Number.POSITIVE_INFINITY && targetMs > this.nowMs) this.nowMs = targetMs;
    } finally {
      this.driving = false;
    }
  }

  /** Fires, in registration order, every timer due at the current instant and registered before now. */
  private fireDueNow(): number {
    const lastSeq = this.timerSeq;
    let fired = 0;
    for (let timer = this.heap.peekLive(); timer !== undefined; timer = this.heap.peekLive()) {
      if (timer.dueMs !== this.nowMs || timer.seq >= lastSeq) break;
      this.heap.pop();
      fired++;
      if (timer.intervalMs > 0) {
        timer.dueMs = this.nowMs + timer.intervalMs;
        timer.seq = this.timerSeq++;
        this.heap.push(timer);
      } else {
        this.retire(timer);
      }
      this.runCallback(timer);
    }
    return fired;
  }

  private runCallback(timer: Timer): void {
    try {
      if (timer.owner === undefined) timer.callback();
      else this.context.run(timer.owner as Operation, timer.callback);
    } catch (error) {
      this.timerError ??= { error };
    }
  }

  /**
   * One event-loop turn, then — only if tracked work is still running or
   * finished work is waiting to be handed back — the slow path. The fast path
   * is what a timer event costs, so it stays a single await.
   */
  private async settleTurn(): Promise<void> {
    await nextTurn();
    if (this.running > 0 || this.held.length > 0 || this.timerError !== undefined) await this.quiesce();
  }

  /** Waits until no tracked operation is running, hands back settled ones in start order, repeats. */
  private async quiesce(): Promise<void> {
    for (;;) {
      if (this.timerError !== undefined) {
        const { error } = this.timerError;
        this.timerError = undefined;
        throw error;
      }
      if (this.running > 0) await this.waitForChange();
      else if (this.held.length > 0) this.deliverHeld();
      else return;
      await nextTurn();
    }
  }

  private deliverHeld(): void {
    const ready = this.held.sort((a, b) => a.seq - b.seq);
    this.held = [];
    for (const operation of ready) operation.deliver!();
  }

  private waitForChange(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const stall = realSetTimeout(() => {
        this.wakeDriver = undefined;
        reject(new Error(this.describeStall()));
      }, this.stallAfterRealMs);
      this.wakeDriver = () => {
        clearTimeout(stall);
        this.wakeDriver = undefined;
        resolve();
      };
    });
  }

  private describeStall(): string {
    const running = [...this.inFlight].filter((op) => !op.settled && op.parkedOn === 0).map((op) => op.label);
    return (
      `VirtualClock stalled at ${new Date(this.nowMs).toISOString()}: tracked work ran for ` +
      `${this.stallAfterRealMs} ms of real time without finishing or parking on the clock: ${running.join('; ')}. ` +
      `Work that waits on something other than this clock's timers must use clock.track or the real clock.`
    );
  }

  private settle(operation: Operation, outcome: NonNullable<Operation['outcome']>): void {
    operation.settled = true;
    operation.outcome = outcome;
    this.inFlight.delete(operation);
    if (operation.parkedOn === 0) this.running--;
    // Nested work (a handler's own fetch) goes straight back to its parent, which
    // may be waiting for it; only top-level results are ordered by start.
    if (this.driving && operation.parent === undefined) this.held.push(operation);
    else operation.deliver!();
    this.wakeDriver?.();
  }

  private addTimer(callback: () => void, delayMs: number, intervalMs: number): Timer {
    const owner = this.context.getStore();
    const timer: Timer = {
      timerId: this.timerSeq,
      clock: this,
      seq: this.timerSeq++,
      dueMs: this.nowMs + (intervalMs > 0 ? intervalMs : toDelayMs(delayMs)),
      intervalMs,
      callback,
      owner,
      done: false,
    };
    this.heap.push(timer);
    if (owner !== undefined) this.park(owner, +1);
    return timer;
  }

  private retire(timer: Timer): void {
    timer.done = true;
    if (timer.owner !== undefined) this.park(timer.owner as Operation, -1);
  }

  /** Adds `delta` parked waits to an operation and its ancestors, keeping `running` exact. */
  private park(owner: unknown, delta: 1 | -1): void {
    for (let op = owner as Operation | undefined; op !== undefined; op = op.parent) {
      const wasParked = op.parkedOn > 0;
      op.parkedOn += delta;
      if (op.settled) continue;
      const isParked = op.parkedOn > 0;
      if (wasParked && !isParked) this.running++;
      else if (!wasParked && isParked) {
        this.running--;
        this.wakeDriver?.();
      }
    }
  }
}

function toDelayMs(delayMs: number): number {
  return Number.isFinite(delayMs) && delayMs > 0 ? delayMs : 0;
}

/** One full event-loop turn: every queued microtask runs before it resolves. */
function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => realSetImmediate(resolve));
}

function describeRequest(input: string | URL | Request, init?: RequestInit): string {
  if (input instanceof Request) return `${input.method} ${input.url}`;
  return `${init?.method ?? 'GET'} ${String(input)}`;
}
