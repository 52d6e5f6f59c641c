import { describe, expect, it } from 'vitest';
import type { MessageFate } from '../../src/gateway/message-fates.ts';
import { replyTimes } from '../../src/scenario/reply-times.ts';

const fate = (updateId: number, receivedAtMs: number, atMs: number, kind: MessageFate['fate'], firstFallbackAtMs?: number): MessageFate => ({
  updateId,
  senderId: 1,
  chatId: 1,
  receivedAtMs,
  atMs,
  fate: kind,
  ...(kind === 'dropped' ? { reason: 'turn-failed' as const } : {}),
  ...(firstFallbackAtMs === undefined ? {} : { firstFallbackAtMs }),
});

describe('reply times', () => {
  it('measure replies and error replies from arrival to answer', () => {
    const times = replyTimes([fate(1, 0, 2_000, 'replied'), fate(2, 1_000, 31_000, 'error-reply')], 2);
    expect(times).toMatchObject({ answered: 2, dropped: 0, pending: 0, reply: { p50Ms: 2_000, maxMs: 30_000 }, failedOver: 0 });
    expect(times.firstFallback).toBeUndefined();
  });

  it('count dropped and pending messages apart, never as a reply time', () => {
    const times = replyTimes([fate(1, 0, 4_000, 'replied'), fate(2, 0, 1, 'dropped')], 4);
    expect(times).toMatchObject({ answered: 1, dropped: 1, pending: 2, reply: { p50Ms: 4_000, p99Ms: 4_000, maxMs: 4_000 } });
  });

  it('have no percentiles when no message was answered', () => {
    expect(replyTimes([fate(1, 0, 5, 'dropped')], 2)).toEqual({ answered: 0, dropped: 1, pending: 1, failedOver: 0 });
  });

  it('measure the first fallback of turns that failed over', () => {
    const times = replyTimes([fate(1, 0, 50_000, 'replied', 45_000), fate(2, 0, 3_000, 'replied')], 2);
    expect(times).toMatchObject({ failedOver: 1, firstFallback: { p50Ms: 45_000, maxMs: 45_000 } });
  });
});
