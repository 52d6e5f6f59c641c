import { describe, expect, it } from 'vitest';
import { pacificDayBounds } from '../../mocks/providers/pacific-day.ts';
import {
  advanceWindow,
  chargeWindow,
  createWindowState,
  resetInMs,
  waitForRoomMs,
  type WindowSpec,
} from '../../mocks/providers/windows.ts';

const T0 = Date.UTC(2026, 1, 27, 18, 0, 0);

function charged(spec: WindowSpec, limit: number, charges: readonly [atMs: number, amount: number][]) {
  const state = createWindowState(spec, charges[0]?.[0] ?? T0);
  for (const [atMs, amount] of charges) {
    advanceWindow(state, spec, limit, atMs);
    chargeWindow(state, amount, atMs);
  }
  return state;
}

describe('fixed window', () => {
  const minute: WindowSpec = { kind: 'fixed', periodMs: 60_000, anchor: 'epoch' };

  it('is full until the minute boundary, then empty', () => {
    const state = charged(minute, 2, [[T0 + 10_000, 1], [T0 + 20_000, 1]]);
    expect(waitForRoomMs(state, minute, 2, 1, T0 + 20_000)).toBe(40_000);
    advanceWindow(state, minute, 2, T0 + 60_000);
    expect(state.used).toBe(0);
  });

  it('reports a charge above the limit as never fitting', () => {
    const state = createWindowState(minute, T0);
    expect(waitForRoomMs(state, minute, 10, 11, T0)).toBeUndefined();
  });
});

describe('sliding window', () => {
  const minute: WindowSpec = { kind: 'sliding', periodMs: 60_000 };

  it('frees each charge a full period after it was made', () => {
    const state = charged(minute, 3, [[T0, 1], [T0 + 10_000, 1], [T0 + 20_000, 1]]);
    expect(waitForRoomMs(state, minute, 3, 1, T0 + 30_000)).toBe(30_000);
    expect(waitForRoomMs(state, minute, 3, 2, T0 + 30_000)).toBe(40_000);
    advanceWindow(state, minute, 3, T0 + 60_000);
    expect(state.used).toBe(2);
    expect(resetInMs(state, minute, 3, T0 + 60_000)).toBe(20_000);
  });
});

describe('token bucket', () => {
  const bucket: WindowSpec = { kind: 'bucket', periodMs: 60_000 };

  it('refills continuously at limit per period', () => {
    const state = charged(bucket, 60, [[T0, 60]]);
    expect(waitForRoomMs(state, bucket, 60, 1, T0)).toBe(1_000);
    advanceWindow(state, bucket, 60, T0 + 30_000);
    expect(state.used).toBe(30);
    expect(resetInMs(state, bucket, 60, T0 + 30_000)).toBe(30_000);
  });

  it('caps a burst below the limit when burstRatio is set (xAI RPS = RPM/60)', () => {
    const perSecond: WindowSpec = { kind: 'bucket', periodMs: 60_000, burstRatio: 1 / 60 };
    const state = charged(perSecond, 120, [[T0, 2]]);
    expect(waitForRoomMs(state, perSecond, 120, 1, T0)).toBe(500);
    expect(waitForRoomMs(state, perSecond, 120, 3, T0)).toBeUndefined();
  });
});

describe('pacificDayBounds', () => {
  it('runs midnight to midnight Pacific standard time (UTC-8) in February', () => {
    expect(pacificDayBounds(Date.UTC(2026, 1, 27, 18))).toEqual({
      startMs: Date.UTC(2026, 1, 27, 8),
      endMs: Date.UTC(2026, 1, 28, 8),
    });
  });

  it('puts 07:59Z on the previous Pacific day', () => {
    expect(pacificDayBounds(Date.UTC(2026, 1, 28, 7, 59)).endMs).toBe(Date.UTC(2026, 1, 28, 8));
  });

  it('has 23 hours on the day daylight saving time starts and 25 on the day it ends', () => {
    const springForward = pacificDayBounds(Date.UTC(2026, 2, 8, 12));
    expect(springForward.endMs - springForward.startMs).toBe(23 * 3_600_000);
    expect(springForward.endMs).toBe(Date.UTC(2026, 2, 9, 7));
    const fallBack = pacificDayBounds(Date.UTC(2026, 10, 1, 12));
    expect(fallBack.endMs - fallBack.startMs).toBe(25 * 3_600_000);
  });
});
