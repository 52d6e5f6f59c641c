/**
 * How a pinned OpenClaw version routes a turn, as data: the `routing` field of
 * its version profile (src/gateway/profiles/), where each value cites what it
 * rests on. The golden traces of the real gateways are the oracle.
 */
import type { TransientRetryPolicy } from './transient-retry.ts';

type SameModelRetry =
  /**
   * 2026.2: pi-coding-agent's AgentSession auto-retry (read in openclaw@2026.2.26's bundled
   * @mariozechner/pi-coding-agent): up to
   * `maxRetries` more attempts of the same model, `baseDelayMs · 2^(n−1)` apart (2 s, 4 s, 8 s),
   * only when the error text matches `pattern`; a provider's retry hint is ignored.
   */
  | { readonly kind: 'pattern-backoff'; readonly maxRetries: number; readonly baseDelayMs: number; readonly maxDelayMs: number; readonly pattern: RegExp }
  /** 2026.9: OpenClaw's own transient same-model retry and empty-error resubmits (transient-retry.ts). */
  | TransientRetryPolicy;

export type RoutingBehaviour = {
  /** Whether the OpenAI/Anthropic SDKs' own 2 retries run beneath the gateway. */
  readonly sdkRetries: boolean;
  readonly sameModelRetry: SameModelRetry;
  /** Rate-limit cooldowns apply to the failing model only (2026.9) or the whole auth profile (2026.2). */
  readonly rateLimitCooldownScope: 'model' | 'auth-profile';
  /**
   * A transient HTTP error before any reply retries the whole chain once after this delay
   * (`TRANSIENT_HTTP_RETRY_DELAY_MS`, src/auto-reply/reply/agent-runner-execution.ts in OpenClaw 2026.4.12).
   */
  readonly transientChainRetryDelayMs: number;
  /** Telegram gets "↪️ Model Fallback: …" before a fallback's reply (golden trace test/golden/openclaw-2026.9.6/primary-429-cross-provider-ok.json). */
  readonly fallbackNotices: boolean;
  /**
   * What a broken stream is. `reply-or-surface` (2026.2, pi-ai; golden traces
   * test/golden/openclaw-2026.2.26/{empty-stream,reset-mid-stream,flash-429-pro-malformed-function-call}.json): a
   * stream without a finish reason is an empty reply, a reset surfaces "terminated", an error
   * finish reason surfaces "An unknown error occurred". `transient` (2026.9, the same golden traces
   * under test/golden/openclaw-2026.9.6/): a Gemini stream without a finish
   * reason and a reset are timeouts (retried, then failed over); an error finish reason is
   * unclassified, resubmitted at once, then failed over as `unknown`.
   */
  readonly streamFaults: 'reply-or-surface' | 'transient';
  /**
   * What a failed attempt's failover reason is read from: `error-text` (2026.2: its raw error text alone,
   * assistant-error-text.ts `textFailoverReason`; golden trace test/golden/openclaw-2026.2.26/flash-503-pro-ok.json,
   * where a Gemini 503 is not failed over) or `status-then-text` (its HTTP status first, classify.ts).
   */
  readonly failoverReasonFrom: 'error-text' | 'status-then-text';
  /**
   * How a failed attempt's error reads in the all-failed summary and the log: `assistant-error-copy`
   * (2026.2: `formatAssistantErrorText`, assistant-error-text.ts — a rate limit, an overload, a billing
   * error become OpenClaw's own sentences, an error without a known shape stays as it came; golden traces
   * test/golden/openclaw-2026.2.26/all-models-429.json, anthropic-529-gpt-ok.json) or
   * `transport-projection` (2026.9: as its transport records it, error-projection.ts).
   */
  readonly attemptErrorText: 'assistant-error-copy' | 'transport-projection';
  /**
   * What the user reads for an unclassified error: the same assistant error copy, redelivered (2026.2,
   * golden trace test/golden/openclaw-2026.2.26/flash-429-pro-malformed-function-call.json: "An unknown
   * error occurred" as it came) or the classified copy (2026.9, failure-reply.ts `unclassifiedFailureReply`).
   */
  readonly unclassifiedReply: 'assistant-error-copy' | 'classified-copy';
  /**
   * The reply when every candidate failed: `agent-failed-summary` ("⚠️ Agent failed before reply:
   * <summary>.", 2026.2, golden trace test/golden/openclaw-2026.2.26/all-models-429.json; with no
   * fallback configured, the attempt's error copy: anthropic-only-529.json) or
   * `classified-copy` (2026.9: the overload copy for one candidate,
   * failure-reply.ts's classification of the attempts for several).
   */
  readonly allFailedReply: 'agent-failed-summary' | 'classified-copy';
};

