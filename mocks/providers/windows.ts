/**
 * Rate-limit window arithmetic: how much of a limit is used at an instant,
 * how long until a charge fits, when the window is back to its initial state.
 *
 * Kinds, each one as some provider does it (which provider uses which is in
 * metering.ts):
 * - `fixed`: a counter reset at period boundaries, aligned to the Unix epoch
 *   (minutes) or to midnight Pacific (Gemini RPD).
 * - `sliding`: the sum of charges in the last `periodMs` (a rolling window;
 *   Moonshot "resets on a rolling basis").
 * - `bucket`: a token bucket, continuously refilled at `limit / periodMs` up
 *   to its capacity (Anthropic, documented; OpenAI's "continuous reset").
 *   `burstRatio` shrinks the capacity below the limit: xAI enforces RPM as
 *   RPS, "you cannot spend a full minute's requests in a single second".
 * - `gauge`: requests in flight (Moonshot concurrency); no period.
 *
 * State is plain data mutated in place by these functions; all take `nowMs`
 * from the caller's clock.
 */
import { pacificDayBounds } from './pacific-day.ts';

export type WindowSpec =
  | { readonly kind: 'fixed'; readonly periodMs: number; readonly anchor: 'epoch' | 'midnight-pacific' }
  | { readonly kind: 'sliding'; readonly periodMs: number }
  | { readonly kind: 'bucket'; readonly periodMs: number; readonly burstRatio?: number }
  | { readonly kind: 'gauge' };

export type WindowState =
  | { kind: 'fixed'; startMs: number; endMs: number; used: number }
  | { kind: 'sliding'; atMs: number[]; amounts: number[]; head: number; used: number }
  | { kind: 'bucket'; used: number; updatedAtMs: number }
  | { kind: 'gauge'; used: number };

/**
 * Moonshot answers a concurrency refusal with "please try again after 1
 * seconds" (real 429s, e.g. MoonshotAI/kimi-cli#1599); in-flight work has no computable end.
 */
const GAUGE_RETRY_AFTER_MS = 1_000;

export const MINUTE_MS = 60_000;
/** Bucket refills are fractional; a wait computed to the ms must then fit, not miss by 1e-12. */
const FLOAT_SLACK = 1e-6;
export const DAY_MS = 86_400_000;

export function createWindowState(spec: WindowSpec, nowMs: number): WindowState {
  switch (spec.kind) {
    case 'fixed': {
      const { startMs, endMs } = fixedBounds(spec, nowMs);
      return { kind: 'fixed', startMs, endMs, used: 0 };
    }
    case 'sliding':
      return { kind: 'sliding', atMs: [], amounts: [], head: 0, used: 0 };
    case 'bucket':
      return { kind: 'bucket', used: 0, updatedAtMs: nowMs };
    case 'gauge':
      return { kind: 'gauge', used: 0 };
  }
}

/** Brings `state` to `nowMs`: rolls a fixed window, expires sliding entries, refills a bucket. */
export function advanceWindow(state: WindowState, spec: WindowSpec, limit: number, nowMs: number): void {
  if (state.kind === 'fixed' && spec.kind === 'fixed') {
    if (nowMs < state.endMs && nowMs >= state.startMs) return;
    const { startMs, endMs } = fixedBounds(spec, nowMs);
    state.startMs = startMs;
    state.endMs = endMs;
    state.used = 0;
  } else if (state.kind === 'sliding' && spec.kind === 'sliding') {
    const expiredBeforeMs = nowMs - spec.periodMs;
    while (state.head < state.atMs.length && state.atMs[state.head]! <= expiredBeforeMs) {
      state.used -= state.amounts[state.head]!;
      state.head++;
    }
    compactSliding(state);
  } else if (state.kind === 'bucket' && spec.kind === 'bucket') {
    const elapsedMs = Math.max(0, nowMs - state.updatedAtMs);
    state.used = Math.max(0, state.used - elapsedMs * refillPerMs(spec, limit));
    state.updatedAtMs = nowMs;
  }
}

/** Adds `amount` (negative to refund) at `nowMs`. Call `advanceWindow` first. */
export function chargeWindow(state: WindowState, amount: number, nowMs: number): void {
  if (state.kind === 'sliding') {
    state.atMs.push(nowMs);
    state.amounts.push(amount);
  }
  state.used = Math.max(0, state.used + amount);
}

/** The largest single charge the window can ever accept. */
export function windowCapacity(spec: WindowSpec, limit: number): number {
  if (spec.kind === 'bucket' && spec.burstRatio !== undefined) return Math.max(1, limit * spec.burstRatio);
  return limit;
}

/**
 * Milliseconds until `amount` more fits (0 if it fits now), or undefined if it
 * never can (larger than the capacity). Call `advanceWindow` first.
 */
export function waitForRoomMs(
  state: WindowState,
  spec: WindowSpec,
  limit: number,
  amount: number,
  nowMs: number,
): number | undefined {
  const capacity = windowCapacity(spec, limit);
  if (amount > capacity) return undefined;
  if (state.used + amount <= capacity + FLOAT_SLACK) return 0;
  switch (state.kind) {
    case 'fixed':
      return state.endMs - nowMs;
    case 'sliding':
      return slidingWaitMs(state, spec, capacity - amount, nowMs);
    case 'bucket':
      return Math.ceil((state.used + amount - capacity) / refillPerMs(spec, limit));
    case 'gauge':
      return GAUGE_RETRY_AFTER_MS;
  }
}

/**
 * Milliseconds until the window is back to its initial, unused state: what
 * OpenAI's `x-ratelimit-reset-*` and Anthropic's `*-reset` report.
 */
export function resetInMs(state: WindowState, spec: WindowSpec, limit: number, nowMs: number): number {
  switch (state.kind) {
    case 'fixed':
      return state.used === 0 ? 0 : state.endMs - nowMs;
    case 'sliding': {
      if (state.used <= 0 || state.head >= state.atMs.length) return 0;
      const periodMs = spec.kind === 'sliding' ? spec.periodMs : 0;
      return Math.max(0, state.atMs[state.atMs.length - 1]! + periodMs - nowMs);
    }
    case 'bucket':
      return Math.ceil(state.used / refillPerMs(spec, limit));
    case 'gauge':
      return 0;
  }
}

function fixedBounds(spec: { periodMs: number; anchor: 'epoch' | 'midnight-pacific' }, nowMs: number) {
  if (spec.anchor === 'midnight-pacific') return pacificDayBounds(nowMs);
  const startMs = Math.floor(nowMs / spec.periodMs) * spec.periodMs;
  return { startMs, endMs: startMs + spec.periodMs };
}

function refillPerMs(spec: WindowSpec, limit: number): number {
  return spec.kind === 'bucket' ? limit / spec.periodMs : 0;
}

/** Oldest-first: wait until enough old charges expire that `used` drops to `targetUsed`. */
function slidingWaitMs(
  state: Extract<WindowState, { kind: 'sliding' }>,
  spec: WindowSpec,
  targetUsed: number,
  nowMs: number,
): number {
  const periodMs = spec.kind === 'sliding' ? spec.periodMs : 0;
  let used = state.used;
  for (let i = state.head; i < state.atMs.length; i++) {
    used -= state.amounts[i]!;
    if (used <= targetUsed) return Math.max(0, state.atMs[i]! + periodMs - nowMs);
  }
  return periodMs;
}

/** Drops expired entries once they are the larger half, so memory stays O(live entries). */
function compactSliding(state: Extract<WindowState, { kind: 'sliding' }>): void {
  if (state.head < 1_024 || state.head * 2 < state.atMs.length) return;
  state.atMs = state.atMs.slice(state.head);
  state.amounts = state.amounts.slice(state.head);
  state.head = 0;
}
