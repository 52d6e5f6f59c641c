/**
 * A failed provider call, with the context the router classifies on.
 *
 * `phase` says where it failed: `http` (a non-2xx answer, after any SDK
 * retries), `stream` (the answer started and then failed, or ended with a
 * stop reason pi-ai treats as an error), `network` (no answer at all).
 */
export type ProviderErrorPhase = 'http' | 'stream' | 'network';

export class ProviderError extends Error {
  readonly providerId: string;
  readonly modelId: string;
  readonly phase: ProviderErrorPhase;
  readonly status: number | undefined;
  readonly headers: Headers | undefined;
  /** The provider's error body, parsed when it was JSON. */
  readonly body: unknown;
  /** HTTP requests the failed call made, SDK retries included. */
  readonly httpRequests: number;

  constructor(init: {
    message: string;
    providerId: string;
    modelId: string;
    phase: ProviderErrorPhase;
    status?: number;
    headers?: Headers;
    body?: unknown;
    httpRequests: number;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ProviderError';
    this.providerId = init.providerId;
    this.modelId = init.modelId;
    this.phase = init.phase;
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.httpRequests = init.httpRequests;
  }
}

/**
 * pi-ai throws exactly this when a stream ends with stopReason `error` or `aborted` (read in openclaw@2026.2.26's
 * node_modules/@mariozechner/pi-ai/dist/providers/google.js; golden trace
 * test/golden/openclaw-2026.2.26/flash-429-pro-malformed-function-call.json).
 */
const UNKNOWN_ERROR_MESSAGE = 'An unknown error occurred';

/**
 * A stream that ended with a stop reason pi-ai maps to `error` (Gemini SAFETY,
 * MALFORMED_FUNCTION_CALL, OpenAI content_filter, …): pi-ai throws "An
 * unknown error occurred" for it, so the adapters do too.
 */
export class StopReasonError extends Error {
  readonly stopReason: string;

  constructor(stopReason: string) {
    super(UNKNOWN_ERROR_MESSAGE);
    this.name = 'StopReasonError';
    this.stopReason = stopReason;
  }

  toProviderError(base: { providerId: string; modelId: string; httpRequests: number }): ProviderError {
    return new ProviderError({ ...base, message: UNKNOWN_ERROR_MESSAGE, phase: 'stream', body: { stopReason: this.stopReason }, cause: this });
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
