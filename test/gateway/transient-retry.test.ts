import { describe, expect, it } from 'vitest';
import type { Prng } from '../../src/clock/prng.ts';
import { createTransientRetry, transientRetryDelayMs, type TransientFailure, type TransientRetryPolicy } from '../../src/gateway/router/transient-retry.ts';
import { mathRandomStream } from '../../src/sut/seeded-random.ts';
import { OPENCLAW_VERSIONS } from '../../src/sut/versions.ts';
import { PROFILES } from '../../src/gateway/profiles/index.ts';

const POLICY = PROFILES['2026.9'].routing.sameModelRetry as TransientRetryPolicy;
const GEMINI_QUOTA =
  '429: Google Generative AI API error (429): You exceeded your current quota, please check your plan and billing details. [code=RESOURCE_EXHAUSTED]';
const OPENAI_RPM =
  '429 Rate limit reached for gpt-4o-mini in organization org-quotastorm on requests per min (RPM): Limit 500, Used 500, Requested 1. ' +
  'Please try again in 2m0s.; Retry-After: 120 seconds';

/** A jitter stream that returns the given draws. */
function draws(...values: number[]): Prng {
  let index = 0;
  return { float: () => values[index++ % values.length]! } as unknown as Prng;
}

const timeout: TransientFailure = { reason: 'timeout', message: 'Google stream ended before a terminal finish reason', retryAfterMs: undefined, fallbackConfigured: true };

/** Failures one after another, each at the time the previous retry's wait ended; the delays, then how it stopped. */
function run(failure: TransientFailure, jitter: Prng, attempts = 12): { delaysMs: number[]; stopped: unknown } {
  const retry = createTransientRetry(POLICY, jitter);
  const delaysMs: number[] = [];
  let nowMs = 5_000;
  for (let n = 0; n < attempts; n++) {
    const decision = retry.decide(failure, nowMs);
    if (!decision.retry) return { delaysMs, stopped: decision };
    delaysMs.push(decision.delayMs);
    nowMs += decision.delayMs;
  }
  return { delaysMs, stopped: undefined };
}

describe('2026.9 transient same-model retry (failover-retry-controller.ts)', () => {
  it("draws empty-stream's delays from the stream the recorder seeded, and stops when the 90 s window is spent", () => {
    const jitter = mathRandomStream('20260227/empty-stream', OPENCLAW_VERSIONS['2026.9.6']!.transientRetryJitterCaller!);
    const { delaysMs, stopped } = run(timeout, jitter);
    // test/golden/openclaw-2026.9.6/empty-stream.json: "transient same-model retry 1/8 … delayMs=742" … "6/8 … delayMs=30000",
    // then "transient retry window elapsed … after 6/8 retries".
    expect(delaysMs).toEqual([742, 1221, 4100, 9010, 21316, 30000]);
    expect(stopped).toMatchObject({ retry: false, why: 'window_elapsed', retriesDone: 6, budget: 8 });
  });

  it('waits 1 s·2^(n−1)·(0.5 + U), rounded, capped at 30 s', () => {
    expect(transientRetryDelayMs(POLICY, draws(0), { retryNumber: 1, retryAfterMs: undefined, elapsedMs: 0 })).toBe(500);
    expect(transientRetryDelayMs(POLICY, draws(0.25), { retryNumber: 3, retryAfterMs: undefined, elapsedMs: 0 })).toBe(3000);
    expect(transientRetryDelayMs(POLICY, draws(0.99), { retryNumber: 6, retryAfterMs: undefined, elapsedMs: 0 })).toBe(30_000);
    // A retry floor raises the delay; no room left in the window is no retry (and no draw).
    expect(transientRetryDelayMs(POLICY, draws(0), { retryNumber: 1, retryAfterMs: 20_000, elapsedMs: undefined })).toBe(20_000);
    expect(transientRetryDelayMs(POLICY, draws(0.5), { retryNumber: 5, retryAfterMs: undefined, elapsedMs: 80_000 })).toBeUndefined();
  });

  it('retries a timeout at most 8 times when the window does not end it first', () => {
    const { delaysMs, stopped } = run(timeout, draws(0), 20);
    expect(delaysMs).toEqual([500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000]);
    expect(stopped).toMatchObject({ why: 'retry_budget_exhausted', retriesDone: 8, budget: 8 });
  });

  it('fails over at once from a rate limit whose floor is above 60 s when there is a fallback', () => {
    const { delaysMs, stopped } = run({ reason: 'rate_limit', message: OPENAI_RPM, retryAfterMs: 120_000, fallbackConfigured: true }, draws(0.5));
    expect(delaysMs).toEqual([]);
    expect(stopped).toMatchObject({ why: 'retry_delay_exceeds_cap', retryAfterMs: 120_000 });
  });

  it('without a fallback waits out the floor, up to 9 times, outside any window', () => {
    // Observed on openclaw@2026.9.6 against the mocks, a one-model chain (GPT-4o mini, 429 with Retry-After 120):
    // "transient same-model retry 1/9 … delayMs=120000".
    const { delaysMs, stopped } = run({ reason: 'rate_limit', message: OPENAI_RPM, retryAfterMs: 120_000, fallbackConfigured: false }, draws(0.5), 20);
    expect(delaysMs).toEqual(Array(9).fill(120_000));
    expect(stopped).toMatchObject({ why: 'retry_budget_exhausted', budget: 9 });
  });

  it("does not retry Gemini's quota 429: its text is long-window evidence", () => {
    const { delaysMs, stopped } = run({ reason: 'rate_limit', message: GEMINI_QUOTA, retryAfterMs: undefined, fallbackConfigured: true }, draws(0.5));
    expect(delaysMs).toEqual([]);
    expect(stopped).toMatchObject({ why: 'long_window_rate_limit' });
  });

  it('leaves reasons that are not transient to failover', () => {
    expect(run({ ...timeout, reason: 'format' }, draws(0.5)).stopped).toMatchObject({ why: 'non_transient' });
    expect(run({ ...timeout, reason: null }, draws(0.5)).stopped).toMatchObject({ why: 'non_transient' });
  });
});
