import { describe, expect, it } from 'vitest';
import { firstFallbackAtMs } from '../../src/gateway/first-fallback.ts';
import type { DecisionEvent } from '../../src/gateway/router/decision-log.ts';

const CHAIN = ['google/gemini-2.5-flash', 'moonshot/kimi-k2.5'];
const event = (atMs: number, runId: string, decision: DecisionEvent['decision'], modelRef: string, next?: string): DecisionEvent => ({
  atMs,
  runId,
  decision,
  modelRef,
  ...(next === undefined ? {} : { next }),
});

describe('first fallback of a turn', () => {
  it('is when a candidate of its runs failed with another left to try', () => {
    const events = [event(1, 'user-1', 'attempt', CHAIN[0]!), event(30_000, 'user-1', 'candidate_failed', CHAIN[0]!, CHAIN[1]), event(31_000, 'user-1', 'candidate_succeeded', CHAIN[1]!)];
    expect(firstFallbackAtMs(events, new Set(['user-1']), CHAIN)).toBe(30_000);
  });

  it('counts a cooldown skip of any candidate but the last', () => {
    expect(firstFallbackAtMs([event(5, 'user-1', 'skip_candidate', CHAIN[0]!)], new Set(['user-1']), CHAIN)).toBe(5);
    expect(firstFallbackAtMs([event(5, 'user-1', 'skip_candidate', CHAIN[1]!)], new Set(['user-1']), CHAIN)).toBeUndefined();
  });

  it('ignores other runs and failures with nowhere to go', () => {
    const events = [event(10, 'user-2', 'candidate_failed', CHAIN[0]!, CHAIN[1]), event(20, 'user-1', 'candidate_failed', CHAIN[1]!)];
    expect(firstFallbackAtMs(events, new Set(['user-1']), CHAIN)).toBeUndefined();
  });
});
