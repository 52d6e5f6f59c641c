/**
 * Telegram's flood control for messages the bot sends. Telegram publishes
 * only advice (core.telegram.org/bots/faq "My bot is hitting limits"): about
 * one message per second in a chat, 20 per minute in a group, about 30 per
 * second overall. Our reading, as data so a scenario can change it:
 * a private chat is a token bucket (a short burst, then 1 per second); a
 * group also has a 20-per-minute sliding window; the bot a 30-per-second one.
 * Past a limit the answer is 429 with `parameters.retry_after` in seconds.
 */
export type FloodLimits = {
  /** Messages a chat can take at once before the per-second rate applies (assumed; not published). */
  chatBurst: number;
  chatPerSecond: number;
  groupPerMinute: number;
  globalPerSecond: number;
};

export const DEFAULT_FLOOD_LIMITS: FloodLimits = { chatBurst: 3, chatPerSecond: 1, groupPerMinute: 20, globalPerSecond: 30 };

export type FloodState = {
  readonly buckets: Map<number, { tokens: number; atMs: number }>;
  readonly groupSends: Map<number, number[]>;
  readonly globalSends: number[];
};

export function createFloodState(): FloodState {
  return { buckets: new Map(), groupSends: new Map(), globalSends: [] };
}

/** Admits one send at `nowMs`, recording it; or returns the seconds to wait. */
export function admitSend(
  state: FloodState,
  limits: FloodLimits,
  chat: { id: number; isGroup: boolean },
  nowMs: number,
): { ok: true } | { ok: false; retryAfterS: number } {
  const waits = [
    bucketWaitMs(state, limits, chat.id, nowMs),
    windowWaitMs(state.globalSends, limits.globalPerSecond, 1_000, nowMs),
    chat.isGroup ? windowWaitMs(groupWindow(state, chat.id), limits.groupPerMinute, 60_000, nowMs) : 0,
  ];
  const waitMs = Math.max(...waits);
  if (waitMs > 0) return { ok: false, retryAfterS: Math.max(1, Math.ceil(waitMs / 1_000)) };
  const bucket = state.buckets.get(chat.id)!;
  bucket.tokens -= 1;
  state.globalSends.push(nowMs);
  if (chat.isGroup) groupWindow(state, chat.id).push(nowMs);
  return { ok: true };
}

function bucketWaitMs(state: FloodState, limits: FloodLimits, chatId: number, nowMs: number): number {
  const bucket = state.buckets.get(chatId) ?? { tokens: limits.chatBurst, atMs: nowMs };
  const refilled = Math.min(limits.chatBurst, bucket.tokens + ((nowMs - bucket.atMs) / 1_000) * limits.chatPerSecond);
  state.buckets.set(chatId, { tokens: refilled, atMs: nowMs });
  return refilled >= 1 ? 0 : ((1 - refilled) / limits.chatPerSecond) * 1_000;
}

/** Drops sends older than the window; the wait until the oldest leaves it, if the window is full. */
function windowWaitMs(sends: number[], limit: number, windowMs: number, nowMs: number): number {
  while (sends.length > 0 && sends[0]! <= nowMs - windowMs) sends.shift();
  return sends.length < limit ? 0 : sends[0]! + windowMs - nowMs;
}

function groupWindow(state: FloodState, chatId: number): number[] {
  let sends = state.groupSends.get(chatId);
  if (sends === undefined) state.groupSends.set(chatId, (sends = []));
  return sends;
}
