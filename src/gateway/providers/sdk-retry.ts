/**
 * The Stainless SDKs' retry policy (`openai`, `@anthropic-ai/sdk`),
 * re-implemented on the clock so a `retry-after: 20` costs 20 virtual
 * seconds. The SDK clients themselves run with `maxRetries: 0`.
 *
 * From the SDKs' `shouldRetry` and `calculateDefaultRetryTimeoutMillis`
 * (src/client.ts of openai/openai-node v7.5.0 and of
 * anthropics/anthropic-sdk-typescript v0.120.0): retry connection errors, 408, 409,
 * 429 and ≥ 500, unless `x-should-retry` says otherwise; wait `retry-after-ms`,
 * else `retry-after` (seconds or an HTTP date) when it is within bounds
 * (OpenAI: 0–60 s; Anthropic: any non-negative value), else
 * `min(0.5 · 2^n, 8)` s scaled by a jitter of 1 − [0, 0.25).
 */
import type { Clock } from '../../clock/clock.ts';
import type { Prng } from '../../clock/prng.ts';
import type { ProviderError } from './provider-error.ts';
import type { ChatReply } from './types.ts';

export type SdkRetryPolicy = {
  readonly maxRetries: number;
  /** Longest `retry-after` honoured; longer ones fall back to exponential backoff (negative: none is). */
  readonly maxRetryAfterMs: number;
  /** The backoff `min(firstMs · 2^n, maxMs)` scaled by 1 − jitter · [0, 1); default the Stainless SDKs' 0.5 s, 8 s, 0.25. */
  readonly backoff?: { readonly firstMs: number; readonly maxMs: number; readonly jitter: number };
};

export const OPENAI_SDK_RETRIES: SdkRetryPolicy = { maxRetries: 2, maxRetryAfterMs: 60_000 };
export const ANTHROPIC_SDK_RETRIES: SdkRetryPolicy = { maxRetries: 2, maxRetryAfterMs: Number.POSITIVE_INFINITY };
export const NO_SDK_RETRIES: SdkRetryPolicy = { maxRetries: 0, maxRetryAfterMs: 0 };
/** pi-ai's own loop for Cloud Code Assist: MAX_RETRIES 3, a longer server hint than 60 s ends the call (google-gemini-cli.ts). */
export const CLOUD_CODE_RETRIES: SdkRetryPolicy = { maxRetries: 3, maxRetryAfterMs: 60_000 };
/**
 * pi-ai's own loop around its Codex fetch (openclaw@2026.2.26, @mariozechner/pi-ai 0.55.1
 * openai-codex-responses.js: MAX_RETRIES 3, BASE_DELAY_MS 1000 · 2^attempt, no jitter, `retry-after` unread).
 * It retries 429, 500, 502, 503, 504 and network errors; the loop here also 408, 409 and other 5xx (unverified difference).
 */
export const PI_CODEX_RETRIES: SdkRetryPolicy = {
  maxRetries: 3,
  maxRetryAfterMs: -1,
  backoff: { firstMs: 1000, maxMs: Number.POSITIVE_INFINITY, jitter: 0 },
};

const STAINLESS_BACKOFF = { firstMs: 500, maxMs: 8000, jitter: 0.25 };

/** What the SDK knows about a failed request. `status` undefined = no response (connection error). */
export type FailedRequest = { readonly status: number | undefined; readonly headers: Headers | undefined };

/**
 * Runs `send(retryCount)` until it succeeds, the error is not retryable, or
 * the retries are spent; `retryCount` is what the SDK sends as
 * `x-stainless-retry-count`.
 */
async function withSdkRetries<T>(
  policy: SdkRetryPolicy,
  deps: { clock: Clock; rng: Prng },
  send: (retryCount: number) => Promise<T>,
  failure: (error: unknown) => FailedRequest | undefined,
): Promise<{ value: T; httpRequests: number }> {
  for (let retryCount = 0; ; retryCount++) {
    try {
      return { value: await send(retryCount), httpRequests: retryCount + 1 };
    } catch (error) {
      const failed = failure(error);
      if (failed === undefined || retryCount >= policy.maxRetries || !shouldRetry(failed)) {
        throw Object.assign(error as object, { httpRequests: retryCount + 1 });
      }
      await deps.clock.sleep(retryDelayMs(policy, failed.headers, retryCount, deps.rng, deps.clock.now()));
    }
  }
}

function shouldRetry(failed: FailedRequest): boolean {
  const hint = failed.headers?.get('x-should-retry');
  if (hint === 'true') return true;
  if (hint === 'false') return false;
  const status = failed.status;
  return status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
}

function retryDelayMs(policy: SdkRetryPolicy, headers: Headers | undefined, retryCount: number, rng: Prng, nowMs: number): number {
  const hinted = hintedDelayMs(headers, nowMs);
  if (hinted !== undefined && hinted >= 0 && hinted <= policy.maxRetryAfterMs) return hinted;
  const { firstMs, maxMs, jitter } = policy.backoff ?? STAINLESS_BACKOFF;
  const backoffMs = Math.min(firstMs * 2 ** retryCount, maxMs);
  return backoffMs * (1 - rng.float() * jitter);
}

function hintedDelayMs(headers: Headers | undefined, nowMs: number): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms)) return ms;
  const retryAfter = headers?.get('retry-after');
  if (retryAfter === null || retryAfter === undefined) return undefined;
  const seconds = Number.parseFloat(retryAfter);
  if (Number.isFinite(seconds)) return seconds * 1000;
  // An HTTP date: the SDK subtracts the wall clock; here, the run's clock.
  const atMs = Date.parse(retryAfter);
  return Number.isFinite(atMs) ? atMs - nowMs : undefined;
}

/**
 * One chat call through a Stainless SDK (OpenAI, Anthropic): send with the
 * retry policy above, read the answer, and turn any failure into a
 * `ProviderError` that knows how many HTTP requests it took.
 */
export async function stainlessCall<Sent>(
  deps: { clock: Clock; rng: Prng; sdkRetries: SdkRetryPolicy },
  io: {
    send(retryCount: number): Promise<Sent>;
    read(sent: Sent, httpRequests: number): Promise<ChatReply> | ChatReply;
    failed(error: unknown): FailedRequest | undefined;
    toError(error: unknown, httpRequests: number): ProviderError;
  },
): Promise<ChatReply> {
  let requests = 0;
  try {
    const sent = await withSdkRetries(
      deps.sdkRetries,
      deps,
      (retryCount) => {
        requests = retryCount + 1;
        return io.send(retryCount);
      },
      io.failed,
    );
    requests = sent.httpRequests;
    return await io.read(sent.value, requests);
  } catch (error) {
    throw io.toError(error, requests);
  }
}
