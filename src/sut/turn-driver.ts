/**
 * How a trace case waits on a gateway: until it is ready, until its startup
 * has settled, until each turn is over. One driver for both sides of a
 * conformance comparison — the recorder runs the real gateway in real time
 * (recorder.ts), the golden runner the embedded one in virtual time
 * (conformance/golden-run.ts) — so both judge "ready", "quiet" and "settled"
 * by the same rules, polled at the same instants.
 *
 * Activity is read from the outside, as the mocks saw it: Bot API calls
 * other than the long poll (telegram-spy.ts) and provider requests (the
 * mocks' journal). A gateway that is waiting out a retry still sends
 * `typing` every 3–4 s (golden traces test/golden/openclaw-2026.2.26/flash-429-pro-429-other-ok.json:
 * 3 s; test/golden/openclaw-2026.9.6/empty-stream.json: 4 s), so a
 * quiet gap longer than that means its turn has ended, reply or not.
 */
import type { Clock } from '../clock/clock.ts';
import type { TelegramCall } from './telegram-spy.ts';

/** How often the driver looks again at what the gateway did. */
export const POLL_MS = 100;
/** Startup has settled after this long with no activity… */
export const STARTUP_QUIET_MS = 5_000;
/** …or, for a gateway that never goes quiet, after this long. */
export const STARTUP_SETTLE_MAX_MS = 45_000;

export type TurnDriverOptions = {
  readonly clock: Clock;
  /**
   * Lets `durationMs` pass. A real clock sleeps through it (the default); a
   * virtual clock only moves when its driver moves it, so the golden runner
   * passes its `advanceBy`.
   */
  readonly pass?: (durationMs: number) => Promise<void>;
  /** Every Bot API call the gateway made, in order (telegram-spy.ts). */
  readonly calls: readonly TelegramCall[];
  /** The provider mocks' journal: one entry per request they answered. */
  readonly journal: { readonly entries: readonly { readonly atMs: number }[] };
  /** False once the gateway has exited: the real one is a process that can die mid-turn. */
  readonly isRunning?: () => boolean;
};

/** Ready = the Telegram channel's long poll reached the mock, at `readyAtMs`. */
type ReadyOutcome = { readonly outcome: 'ready'; readonly readyAtMs: number } | { readonly outcome: 'exited' | 'timeout' };

export type TurnDriver = {
  /** The newest activity after `sinceMs`, or `sinceMs` if there was none. */
  lastActivityMs(sinceMs: number): number;
  /** Until a long poll (`getUpdates` with a timeout) newer than `calls[fromCall]`, at most `timeoutMs`. */
  waitReady(fromCall: number, timeoutMs: number): Promise<ReadyOutcome>;
  /** Until STARTUP_QUIET_MS without activity, at most STARTUP_SETTLE_MAX_MS. */
  waitStartupQuiet(): Promise<void>;
  /** True once nothing has happened for `settleMs` since the turn began at `startMs`; false at its timeout or when the gateway exits. */
  waitTurnSettled(startMs: number, settleMs: number, timeoutMs: number): Promise<boolean>;
  /** Lets time pass until `promise` settles, at most `limitMs` (counted in polls); rethrows its error if it failed in time. */
  drive(promise: Promise<unknown>, limitMs: number): Promise<void>;
};

export function createTurnDriver(options: TurnDriverOptions): TurnDriver {
  const { clock, calls, journal } = options;
  const pass = options.pass ?? ((durationMs: number) => clock.sleep(durationMs));
  const isRunning = options.isRunning ?? (() => true);

  const lastActivityMs = (sinceMs: number): number => {
    let last = sinceMs;
    for (const call of calls) if (call.method !== 'getUpdates' && call.atMs > last) last = call.atMs;
    for (const entry of journal.entries) if (entry.atMs > last) last = entry.atMs;
    return last;
  };

  return {
    lastActivityMs,

    async waitReady(fromCall, timeoutMs) {
      const deadline = clock.now() + timeoutMs;
      for (;;) {
        const poll = calls.slice(fromCall).find(isLongPoll);
        if (poll !== undefined) return { outcome: 'ready', readyAtMs: poll.atMs };
        if (clock.now() >= deadline) return { outcome: 'timeout' };
        if (!isRunning()) return { outcome: 'exited' };
        await pass(POLL_MS);
      }
    },

    async waitStartupQuiet() {
      const deadline = clock.now() + STARTUP_SETTLE_MAX_MS;
      while (clock.now() < deadline) {
        if (clock.now() - lastActivityMs(0) >= STARTUP_QUIET_MS) return;
        await pass(POLL_MS);
      }
    },

    async waitTurnSettled(startMs, settleMs, timeoutMs) {
      const deadline = startMs + timeoutMs;
      while (clock.now() < deadline) {
        if (clock.now() - lastActivityMs(startMs) >= settleMs) return true;
        if (!isRunning()) return false;
        await pass(POLL_MS);
      }
      return false;
    },

    async drive(promise, limitMs) {
      let settled = false;
      const watched = promise.finally(() => (settled = true));
      for (let waited = 0; !settled && waited < limitMs; waited += POLL_MS) await pass(POLL_MS);
      if (settled) await watched;
    },
  };
}

function isLongPoll(call: TelegramCall): boolean {
  return call.method === 'getUpdates' && Number(call.params['timeout'] ?? 0) > 0;
}
