/**
 * 2026.9's "transient same-model retry n/N": whether, and after how long, a
 * failed attempt is tried again on the same model. A port of
 * openclaw@2026.9.6's failover retry controller (dist/embedded-agent-BaH7wGBd.mjs,
 * src/agents/embedded-agent-runner/run/failover-retry-controller.ts:
 * `maybeRetryTransient`, `resolveTransientRetryDelayMs`), one per candidate
 * run:
 *
 * - only `rate_limit`, `overloaded` and `timeout` are transient (the real list
 *   also has `server_error` and `output_limit`, which classify.ts folds into
 *   `timeout` or does not produce);
 * - a rate limit with long-window evidence is not retried; with fallbacks, a
 *   rate limit whose retry floor exceeds `maxRetryDelayMs` fails over
 *   ("rate-limit retry floor … exceeds retry.provider.maxRetryDelayMs");
 * - at most 9 retries of a rate limit, 8 of anything else;
 * - the delay is `min(30 s, round(min(30 s, 1 s·2^(n−1)) · (0.5 + U)))`, raised
 *   to the retry floor; U is Math.random in OpenClaw, the `jitter` stream here;
 * - every retry but a rate limit's must fit in 90 s from the candidate's first
 *   retry decision ("transient retry window elapsed … stopping same-model
 *   retries"). The real window runs on wall time, processing included; this
 *   one on the clock.
 *
 * Observed: test/golden/openclaw-2026.9.6/empty-stream.json, delays
 * 742/1221/4100/9010/21316/30000 ms (retries 1/8…6/8), then "window elapsed
 * after 6/8 retries"; reset-mid-stream.json likewise (1263…25745 ms).
 */
import type { Prng } from '../../clock/prng.ts';
import type { FailoverReason } from './classify.ts';
import { hasLongWindowRateLimitEvidence } from './retry-evidence.ts';

export type TransientRetryPolicy = {
  readonly kind: 'transient-retry';
  /** MAX_TRANSIENT_RETRIES: retries of a timeout or overload. */
  readonly maxRetries: number;
  /** Retries of a rate limit ("n/9"). */
  readonly rateLimitMaxRetries: number;
  /** MAX_TRANSIENT_RETRY_TIME_MS: non-rate-limit retries end within this window. */
  readonly windowMs: number;
  /** TRANSIENT_RETRY_BASE_DELAY_MS and TRANSIENT_RETRY_MAX_DELAY_MS. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** `retry.provider.maxRetryDelayMs` (default 60 s): a larger rate-limit floor fails over. */
  readonly maxRetryDelayMs: number;
  /** MAX_EMPTY_ERROR_RETRIES: unclassified errors with no output are resubmitted at once (assistant-failure.ts). */
  readonly emptyErrorRetries: number;
};

export type TransientFailure = {
  readonly reason: FailoverReason | null;
  /** The attempt's error text, as 2026.9 records it (error-projection.ts). */
  readonly message: string;
  /** The retry floor: Retry-After header or text, in ms. */
  readonly retryAfterMs: number | undefined;
  /** Whether the chain has a candidate after this one's run (`fallbackConfigured`). */
  readonly fallbackConfigured: boolean;
};

type TransientDecision =
  | { readonly retry: true; readonly delayMs: number; readonly retryNumber: number; readonly budget: number }
  | { readonly retry: false; readonly why: TransientRejection; readonly retriesDone: number; readonly budget: number; readonly retryAfterMs?: number };

type TransientRejection = 'non_transient' | 'long_window_rate_limit' | 'retry_delay_exceeds_cap' | 'retry_budget_exhausted' | 'window_elapsed';

export type TransientRetry = {
  /** Decides on one failure at `nowMs`; a `retry` decision counts as made (OpenClaw counts it once the wait ends). */
  decide(failure: TransientFailure, nowMs: number): TransientDecision;
};

const TRANSIENT_REASONS: ReadonlySet<FailoverReason> = new Set(['rate_limit', 'overloaded', 'timeout']);

export function createTransientRetry(policy: TransientRetryPolicy, jitter: Prng): TransientRetry {
  let retriesDone = 0;
  let windowStartMs: number | undefined;
  return {
    decide(failure, nowMs) {
      const rateLimit = failure.reason === 'rate_limit';
      const budget = rateLimit ? policy.rateLimitMaxRetries : policy.maxRetries;
      const reject = (why: TransientRejection, retryAfterMs?: number): TransientDecision => ({
        retry: false,
        why,
        retriesDone,
        budget,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
      if (failure.reason === null || !TRANSIENT_REASONS.has(failure.reason)) return reject('non_transient');
      if (rateLimit && hasLongWindowRateLimitEvidence(failure.message)) return reject('long_window_rate_limit');
      const floorMs = failure.retryAfterMs;
      if (rateLimit && failure.fallbackConfigured && floorMs !== undefined && floorMs > policy.maxRetryDelayMs) {
        return reject('retry_delay_exceeds_cap', floorMs);
      }
      if (retriesDone >= budget) return reject('retry_budget_exhausted');
      windowStartMs ??= nowMs;
      const delayMs = transientRetryDelayMs(policy, jitter, {
        retryNumber: retriesDone + 1,
        retryAfterMs: floorMs,
        elapsedMs: rateLimit ? undefined : nowMs - windowStartMs,
      });
      if (delayMs === undefined) return reject('window_elapsed');
      retriesDone++;
      return { retry: true, delayMs, retryNumber: retriesDone, budget };
    },
  };
}

/** `resolveTransientRetryDelayMs`: draws the jitter only when the window still has room, as OpenClaw does. */
export function transientRetryDelayMs(
  policy: TransientRetryPolicy,
  jitter: Prng,
  params: { readonly retryNumber: number; readonly retryAfterMs: number | undefined; readonly elapsedMs: number | undefined },
): number | undefined {
  const remainingMs = params.elapsedMs === undefined ? Infinity : policy.windowMs - Math.max(0, params.elapsedMs);
  if (remainingMs <= 0 || params.retryAfterMs === Infinity) return undefined;
  const exponentialMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, params.retryNumber - 1));
  const jitteredMs = Math.min(policy.maxDelayMs, Math.round(exponentialMs * (0.5 + jitter.float())));
  const floorMs = params.retryAfterMs === undefined ? 0 : Math.max(0, Math.ceil(params.retryAfterMs));
  const delayMs = Math.max(jitteredMs, floorMs);
  return delayMs <= remainingMs ? delayMs : undefined;
}
