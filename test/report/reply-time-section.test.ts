import { describe, expect, it } from 'vitest';
import { formatWaitMs, replyTimeLines, replyTimeSection } from '../../src/report/reply-time-section.ts';
import type { RunResult } from '../../src/scenario/result.ts';

const withReplyTime = (replyTime: RunResult['replyTime']) => ({ replyTime }) as RunResult;

describe('time to reply in the report', () => {
  it('says no message was answered and counts dropped and pending apart, with no percentile row', () => {
    const section = replyTimeSection(withReplyTime({ answered: 0, dropped: 3, pending: 1, failedOver: 0 }));
    expect(section).toEqual([
      '## Time to reply',
      '',
      'No message was answered: 3 dropped and 1 pending messages have no reply time and are not counted in. Virtual time, percentiles from an HDR histogram.',
      '',
    ]);
  });

  it('leaves the section out when no message was sent', () => {
    expect(replyTimeSection(withReplyTime({ answered: 0, dropped: 0, pending: 0, failedOver: 0 }))).toEqual([]);
  });

  it('keeps the terminal line short, with the first fallback on its own line only when a turn failed over', () => {
    const reply = { p50Ms: 2_100, p95Ms: 14_800, p99Ms: 31_000, maxMs: 33_200 };
    expect(replyTimeLines({ answered: 4, dropped: 0, pending: 0, reply, failedOver: 0 })).toEqual([
      'reply time: p50 2.1 s · p95 14.8 s · p99 31.0 s · max 33.2 s (4 answered, 0 dropped, 0 pending)',
    ]);
    expect(replyTimeLines({ answered: 0, dropped: 1, pending: 1, failedOver: 0 })).toEqual(['reply time: none, no message was answered (0 answered, 1 dropped, 1 pending)']);
  });

  it('writes waits under a minute in seconds, longer ones as a duration', () => {
    expect([formatWaitMs(850), formatWaitMs(59_949), formatWaitMs(125_000)]).toEqual(['0.9 s', '59.9 s', '2m 5s']);
  });
});
