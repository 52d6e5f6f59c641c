/**
 * grammY's `apiThrottler()` (@grammyjs/transformer-throttler 1.2.1), which
 * OpenClaw installs on its bot (`createTelegramBot`, extensions/telegram/src/bot.ts;
 * read in 2026.2.26's dist), on the clock. Every call that names a `chat_id` waits its turn:
 *
 * - per private chat: one call at a time, starts at least 1 s apart
 *   (`out`: maxConcurrent 1, minTime 1000);
 * - per group (negative chat id): the same, and at most 20 starts per minute
 *   (`group`: reservoir 20, refreshed every 60 s from the group's first call);
 * - all chats together: at most 30 starts per second (`global`: reservoir 30,
 *   refreshed every second from the throttler's creation).
 *
 * Bottleneck refills a reservoir on a timer from its creation; here a
 * reservoir's windows are counted from the same instant, so the starts land
 * where Bottleneck would put them without a live interval on the clock.
 */
import type { Clock } from '../../clock/clock.ts';

export type ApiThrottle = {
  /** Runs `call` when the chat's lane and the global reservoir allow it. */
  schedule<T>(chatId: number, call: () => Promise<T>): Promise<T>;
};

const THROTTLE_LIMITS = {
  chatMinTimeMs: 1_000,
  groupReservoir: 20,
  groupRefreshMs: 60_000,
  globalReservoir: 30,
  globalRefreshMs: 1_000,
} as const;

type Reservoir = { readonly size: number; readonly refreshMs: number; readonly originMs: number; windowIndex: number; used: number };
type Lane = { tail: Promise<unknown>; lastStartMs: number | undefined; readonly reservoir: Reservoir | undefined };

export function createApiThrottle(clock: Clock): ApiThrottle {
  const global = reservoir(THROTTLE_LIMITS.globalReservoir, THROTTLE_LIMITS.globalRefreshMs, clock.now());
  const lanes = new Map<number, Lane>();

  async function start(lane: Lane): Promise<void> {
    for (;;) {
      const nowMs = clock.now();
      const waitMs = Math.max(
        lane.lastStartMs === undefined ? 0 : lane.lastStartMs + THROTTLE_LIMITS.chatMinTimeMs - nowMs,
        lane.reservoir === undefined ? 0 : reservoirWaitMs(lane.reservoir, nowMs),
        reservoirWaitMs(global, nowMs),
      );
      if (waitMs <= 0) break;
      await clock.sleep(waitMs);
    }
    lane.lastStartMs = clock.now();
    if (lane.reservoir !== undefined) lane.reservoir.used++;
    global.used++;
  }

  return {
    schedule(chatId, call) {
      let lane = lanes.get(chatId);
      if (lane === undefined) {
        const isGroup = chatId < 0;
        const groupReservoir = isGroup ? reservoir(THROTTLE_LIMITS.groupReservoir, THROTTLE_LIMITS.groupRefreshMs, clock.now()) : undefined;
        lane = { tail: Promise.resolve(), lastStartMs: undefined, reservoir: groupReservoir };
        lanes.set(chatId, lane);
      }
      const current = lane;
      const run = current.tail.then(async () => {
        await start(current);
        return call();
      });
      current.tail = run.catch(() => undefined);
      return run;
    },
  };
}

function reservoir(size: number, refreshMs: number, originMs: number): Reservoir {
  return { size, refreshMs, originMs, windowIndex: 0, used: 0 };
}

/** 0 if a start is left in the current window; else the wait until the next refill. */
function reservoirWaitMs(pool: Reservoir, nowMs: number): number {
  const windowIndex = Math.floor((nowMs - pool.originMs) / pool.refreshMs);
  if (windowIndex !== pool.windowIndex) {
    pool.windowIndex = windowIndex;
    pool.used = 0;
  }
  return pool.used < pool.size ? 0 : pool.originMs + (windowIndex + 1) * pool.refreshMs - nowMs;
}
