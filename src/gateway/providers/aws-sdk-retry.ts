/**
 * The AWS SDK's standard retry strategy, re-implemented on the clock so a
 * throttled Bedrock call waits virtual time; the SDK client itself runs with
 * `maxAttempts: 1`.
 *
 * pi-ai's `streamBedrock` (openclaw@2026.2.26 node_modules/@mariozechner/pi-ai/dist/providers/amazon-bedrock.js)
 * builds `new BedrockRuntimeClient({ region })` without `maxAttempts` or
 * `retryMode`, so the SDK's defaults hold: 3 attempts, standard mode. From
 * @smithy/core 3.41.0 in that install (dist-cjs/submodules/retry/index.js:
 * `StandardRetryStrategy`, `DefaultRetryBackoffStrategy`, `getRetryErrorType`,
 * `parseRetryAfterHeader`):
 *
 *   - a THROTTLING error (status 429 or a throttling error name) or a
 *     TRANSIENT one (status 500/502/503/504, a timeout or network error
 *     code, a `$retryable` trait, anywhere along `cause`) is retried;
 *     everything else (400 ValidationException, …) is not;
 *   - the wait is `floor(random · min(base · 2^retry, 20 s))`, base 1 s for
 *     throttling and 50 ms otherwise; a `retry-after` (seconds or HTTP date)
 *     or `x-amz-retry-after` (ms) hint raises it to the hint, at most 5 s
 *     beyond the backoff;
 *   - the retry quota (500 tokens, 5–14 a retry) is per client, and pi-ai
 *     makes a new client for every call: it never runs out, so it is not modelled.
 */
import type { Clock } from '../../clock/clock.ts';
import type { Prng } from '../../clock/prng.ts';
import type { SdkRetryPolicy } from './sdk-retry.ts';

/** 3 attempts; `maxRetryAfterMs` here is how far a server hint may stretch the wait beyond the backoff. */
export const AWS_SDK_RETRIES: SdkRetryPolicy = { maxRetries: 2, maxRetryAfterMs: 5_000 };

const THROTTLING_BASE_MS = 1_000;
const TRANSIENT_BASE_MS = 50;
const MAXIMUM_RETRY_DELAY_MS = 20_000;

const THROTTLING_ERROR_NAMES: ReadonlySet<string> = new Set([
  'BandwidthLimitExceeded', 'EC2ThrottledException', 'LimitExceededException', 'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'RequestThrottled', 'RequestThrottledException',
  'SlowDown', 'ThrottledException', 'Throttling', 'ThrottlingException', 'TooManyRequestsException', 'TransactionInProgressException',
]);
const TRANSIENT_ERROR_NAMES: ReadonlySet<string> = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const TRANSIENT_ERROR_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([500, 502, 503, 504]);
const CAUSE_DEPTH = 10;

/** What the SDK's exceptions carry that the strategy reads. */
type SdkErrorShape = {
  readonly name?: string;
  readonly code?: string;
  readonly cause?: unknown;
  readonly $retryable?: { readonly throttling?: boolean };
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly $response?: { readonly headers?: Readonly<Record<string, string>> };
};

/**
 * Runs `send()` until it succeeds, the error is not retryable, or the
 * retries are spent; returns the value and the HTTP requests made.
 */
export async function withAwsSdkRetries<T>(
  deps: { readonly clock: Clock; readonly rng: Prng; readonly sdkRetries: SdkRetryPolicy },
  send: () => Promise<T>,
): Promise<{ value: T; httpRequests: number }> {
  for (let retryCount = 0; ; retryCount++) {
    try {
      return { value: await send(), httpRequests: retryCount + 1 };
    } catch (error) {
      const kind = retryErrorKind(error);
      if (kind === undefined || retryCount >= deps.sdkRetries.maxRetries) throw Object.assign(error as object, { httpRequests: retryCount + 1 });
      await deps.clock.sleep(retryDelayMs(kind, error as SdkErrorShape, retryCount, deps));
    }
  }
}

/** `getRetryErrorType`, reduced to the kinds the standard strategy retries. */
function retryErrorKind(error: unknown): 'throttling' | 'transient' | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const shape = error as SdkErrorShape;
  if (shape.$metadata?.httpStatusCode === 429 || THROTTLING_ERROR_NAMES.has(shape.name ?? '') || shape.$retryable?.throttling === true) return 'throttling';
  return isTransient(shape, 0) ? 'transient' : undefined;
}

function isTransient(error: SdkErrorShape | undefined, depth: number): boolean {
  if (typeof error !== 'object' || error === null || error.name === 'AbortError') return false;
  return (
    error.$retryable !== undefined ||
    TRANSIENT_ERROR_NAMES.has(error.name ?? '') ||
    TRANSIENT_ERROR_CODES.has(error.code ?? '') ||
    TRANSIENT_STATUSES.has(error.$metadata?.httpStatusCode ?? 0) ||
    (error.cause !== undefined && depth <= CAUSE_DEPTH && isTransient(error.cause as SdkErrorShape, depth + 1))
  );
}

function retryDelayMs(kind: 'throttling' | 'transient', error: SdkErrorShape, retryCount: number, deps: { clock: Clock; rng: Prng; sdkRetries: SdkRetryPolicy }): number {
  const base = kind === 'throttling' ? THROTTLING_BASE_MS : TRANSIENT_BASE_MS;
  const backoffMs = Math.floor(deps.rng.float() * Math.min(base * 2 ** retryCount, MAXIMUM_RETRY_DELAY_MS));
  const hintMs = hintedDelayMs(error.$response?.headers, deps.clock.now());
  return hintMs === undefined ? backoffMs : Math.max(backoffMs, Math.min(hintMs, backoffMs + deps.sdkRetries.maxRetryAfterMs));
}

/** `parseRetryAfterHeader`: the first of `retry-after` (seconds or an HTTP date) and `x-amz-retry-after` (ms). */
function hintedDelayMs(headers: Readonly<Record<string, string>> | undefined, nowMs: number): number | undefined {
  for (const [name, value] of Object.entries(headers ?? {})) {
    const header = name.toLowerCase();
    if (header === 'retry-after') {
      if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
      const atMs = Date.parse(value);
      return Number.isFinite(atMs) && atMs >= nowMs ? atMs - nowMs : undefined;
    }
    if (header === 'x-amz-retry-after') {
      const ms = Number(value);
      return Number.isNaN(ms) ? undefined : ms;
    }
  }
  return undefined;
}
