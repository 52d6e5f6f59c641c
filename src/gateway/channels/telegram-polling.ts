/**
 * Long polling, written on the clock instead of grammY's runner: getUpdates
 * with `timeout: 30`, `limit: 100` and OpenClaw's `allowed_updates`, the
 * offset moved past the last update received (which confirms it to
 * Telegram), each update handed over synchronously in order.
 *
 * 2026.9 opens with one `{timeout: 0}` call (observed on openclaw@2026.9.6).
 *
 * Errors, as the grammY runner and OpenClaw's monitor treat them (read in
 * 2026.2.26's dist): a 409 conflict logs `Telegram getUpdates conflict: <error>;
 * retrying in <delay>.` and waits OpenClaw's poll-restart backoff (2 s ×1.8^n,
 * ≤ 30 s, +≤25 % jitter); a 429 waits its retry_after; anything else is
 * retried silently after 100 ms, doubling up to 30 s. A 401 ends polling
 * with `getUpdates failed: …` (OpenClaw's monitor gives up on it; its own
 * line is not modelled). OpenClaw restarts the whole bot after a conflict,
 * which re-syncs the menu; this loop only polls again.
 *
 * Stopping aborts the poll in flight, then confirms the offset with
 * `getUpdates {offset, limit: 1}` as grammY's `Bot.stop()` does. That call
 * also ends the long poll Telegram (or the mock, which does not watch the
 * aborted request) is still holding, with a 409 to the aborted request.
 */
import { API_CONSTANTS, type Api } from 'grammy';
import type { Update } from 'grammy/types';
import type { Clock } from '../../clock/clock.ts';
import type { Prng } from '../../clock/prng.ts';
import type { GatewayLog } from '../log.ts';
import { errorText, isBotApiError, retryAfterMs, TELEGRAM_SUBSYSTEM } from './telegram-api.ts';

const POLL_TIMEOUT_S = 30;
const POLL_LIMIT = 100;

/** resolveTelegramAllowedUpdates: grammY's defaults plus reactions and channel posts. */
const ALLOWED_UPDATES: readonly string[] = (() => {
  const updates: string[] = [...API_CONSTANTS.DEFAULT_UPDATE_TYPES];
  for (const extra of ['message_reaction', 'channel_post']) if (!updates.includes(extra)) updates.push(extra);
  return updates;
})();

const RESTART_BACKOFF = { initialMs: 2_000, maxMs: 30_000, factor: 1.8, jitter: 0.25 } as const; // TELEGRAM_POLL_RESTART_POLICY
const RUNNER_RETRY_INITIAL_MS = 100;

export type PollingDeps = {
  readonly api: Api;
  readonly clock: Clock;
  readonly prng: Prng;
  readonly log: GatewayLog;
  /** Seconds for the first getUpdates, if it differs from the long poll (2026.9: 0). */
  readonly initialTimeoutS: number | undefined;
  readonly onUpdate: (update: Update) => void;
};

export type Polling = {
  /** The next offset to ask for (last update_id + 1), 0 before any update. */
  readonly offset: () => number;
  stop(): Promise<void>;
};

export function startPolling(deps: PollingDeps): Polling {
  const { api, clock, log } = deps;
  let offset = 0;
  let stopping = false;
  let inFlight: AbortController | undefined;
  let sleeping: AbortController | undefined;

  async function pause(delayMs: number): Promise<void> {
    sleeping = new AbortController();
    await clock.sleep(delayMs, sleeping.signal).catch(() => undefined);
    sleeping = undefined;
  }

  async function loop(): Promise<void> {
    let timeoutS = deps.initialTimeoutS ?? POLL_TIMEOUT_S;
    let retryMs = RUNNER_RETRY_INITIAL_MS;
    let conflicts = 0;
    while (!stopping) {
      const controller = (inFlight = new AbortController());
      let updates: Update[];
      try {
        const params =
          timeoutS === 0
            ? { timeout: 0, ...(offset > 0 ? { offset } : {}) }
            : { timeout: timeoutS, offset, limit: POLL_LIMIT, allowed_updates: ALLOWED_UPDATES as never };
        updates = await api.getUpdates(params, controller.signal as never);
      } catch (error) {
        if (stopping) return;
        if (isBotApiError(error, 401)) {
          log.write('error', TELEGRAM_SUBSYSTEM, `getUpdates failed: ${errorText(error)}`);
          return;
        }
        if (isBotApiError(error, 409)) {
          conflicts++;
          const delayMs = restartDelayMs(conflicts, deps.prng);
          log.write('error', TELEGRAM_SUBSYSTEM, `Telegram getUpdates conflict: ${errorText(error)}; retrying in ${formatDelay(delayMs)}.`);
          await pause(delayMs);
          continue;
        }
        await pause(retryAfterMs(error) ?? retryMs);
        // The runner doubles its wait and gives up after an hour, when OpenClaw restarts it (≤ 30 s backoff).
        retryMs = Math.min(retryMs * 2, RESTART_BACKOFF.maxMs);
        continue;
      } finally {
        if (inFlight === controller) inFlight = undefined;
      }
      timeoutS = POLL_TIMEOUT_S;
      retryMs = RUNNER_RETRY_INITIAL_MS;
      conflicts = 0;
      for (const update of updates) {
        offset = Math.max(offset, update.update_id + 1);
        if (!stopping) deliver(update);
      }
    }
  }

  // An update handler that throws must not end polling (grammY's bot.catch logs and moves on).
  function deliver(update: Update): void {
    try {
      deps.onUpdate(update);
    } catch (error) {
      log.write('error', TELEGRAM_SUBSYSTEM, `update ${update.update_id} handler failed: ${errorText(error)}`);
    }
  }

  const done = loop();
  return {
    offset: () => offset,
    async stop() {
      if (stopping) return done;
      stopping = true;
      const wasPolling = inFlight !== undefined;
      inFlight?.abort();
      sleeping?.abort();
      await done;
      if (wasPolling) await api.getUpdates({ offset, limit: 1 }).catch(() => undefined);
    },
  };
}

/** computeBackoff(TELEGRAM_POLL_RESTART_POLICY, attempt), with the seeded Prng for Math.random. */
function restartDelayMs(attempt: number, prng: Prng): number {
  const baseMs = RESTART_BACKOFF.initialMs * RESTART_BACKOFF.factor ** Math.max(attempt - 1, 0);
  return Math.min(RESTART_BACKOFF.maxMs, Math.round(baseMs + baseMs * RESTART_BACKOFF.jitter * prng.float()));
}

/** formatDurationPrecise: "500ms", or seconds with up to two decimals ("2.35s"). */
export function formatDelay(ms: number): string {
  if (ms < 1_000) return `${ms}ms`;
  return `${(ms / 1_000).toFixed(2).replace(/\.0+$/, '').replace(/(\.\d*[1-9])0+$/, '$1')}s`;
}
