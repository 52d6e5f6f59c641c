/**
 * How a pinned OpenClaw version routes a turn, as data. Each field cites the
 * run that observed it (openclaw-2026-2-run.md, openclaw-run.md) or the
 * reference section it follows where the runs left it unobserved
 * (reference/openclaw.md). The golden traces of the real gateways (issue #5)
 * are the oracle these values answer to.
 */
import type { GatewayProfile } from '../../config/runtime-defaults.ts';

export type SameModelRetry =
  /**
   * 2026.2: pi-coding-agent's AgentSession auto-retry (openclaw-2026-2-run.md §4 [src]): up to
   * `maxRetries` more attempts of the same model, `baseDelayMs · 2^(n−1)` apart (2 s, 4 s, 8 s),
   * only when the error text matches `pattern`; a provider's retry hint is ignored.
   */
  | { readonly kind: 'pattern-backoff'; readonly maxRetries: number; readonly baseDelayMs: number; readonly maxDelayMs: number; readonly pattern: RegExp }
  /**
   * 2026.9: "transient same-model retry n/9" (openclaw-run.md §4 [obs]): up to `maxAttempts` attempts
   * for rate limits, waiting the provider's Retry-After as a floor; a Retry-After above
   * `maxRetryDelayMs` fails over at once. Without a hint: jittered exponential backoff
   * `minBackoffMs`→`maxBackoffMs` ([src], unobserved).
   */
  | {
      readonly kind: 'retry-after';
      readonly maxAttempts: number;
      readonly maxRetryDelayMs: number;
      readonly minBackoffMs: number;
      readonly maxBackoffMs: number;
    };

export type Behaviour = {
  readonly profile: GatewayProfile;
  /** Whether the OpenAI/Anthropic SDKs' own 2 retries run beneath the gateway. */
  readonly sdkRetries: boolean;
  readonly sameModelRetry: SameModelRetry;
  /** Successive cooldowns of an auth profile after failures; the last repeats. */
  readonly cooldownStepsMs: readonly number[];
  /** Rate-limit cooldowns apply to the failing model only (2026.9) or the whole profile (2026.2). */
  readonly rateLimitCooldownScope: 'model' | 'profile';
  /** §4.2 step 7: a transient HTTP error before any reply retries the whole chain once after this delay. */
  readonly transientChainRetryDelayMs: number;
  /** Telegram gets "↪️ Model Fallback: …" before a fallback's reply (2026.9 [obs]). */
  readonly fallbackNotices: boolean;
};

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

export const BEHAVIOURS: Readonly<Record<GatewayProfile, Behaviour>> = {
  '2026.2': {
    profile: '2026.2',
    sdkRetries: true, // [obs] 12 requests to an OpenAI fallback = 4 attempts × (1 + 2 SDK retries)
    sameModelRetry: {
      kind: 'pattern-backoff',
      maxRetries: 3,
      baseDelayMs: 2 * SECOND,
      maxDelayMs: 60 * SECOND,
      // [src] pi-coding-agent's pattern; the reference elides part of it ("…"), so only the listed terms are here.
      pattern: /overloaded|rate.?limit|too many requests|429|500|502|503|504|service.?unavailable|terminated|retry delay/i,
    },
    cooldownStepsMs: [1 * MINUTE, 5 * MINUTE, 25 * MINUTE, 60 * MINUTE], // [doc] concepts/model-failover.md of 2026.2.26
    rateLimitCooldownScope: 'profile',
    transientChainRetryDelayMs: 2_500, // reference §4.2 (v4.12); unobserved on 2026.2.26
    fallbackNotices: false, // [obs] "no fallback notice to the user"
  },
  '2026.9': {
    profile: '2026.9',
    sdkRetries: false, // [obs] "There are no SDK-level retries: 1 HTTP request per attempt"
    sameModelRetry: { kind: 'retry-after', maxAttempts: 10, maxRetryDelayMs: 60 * SECOND, minBackoffMs: 1 * SECOND, maxBackoffMs: 30 * SECOND },
    cooldownStepsMs: [30 * SECOND, 1 * MINUTE, 5 * MINUTE], // reference §4.4 (PR #49834); unobserved on 2026.9.6
    rateLimitCooldownScope: 'model',
    transientChainRetryDelayMs: 2_500,
    fallbackNotices: true,
  },
};
