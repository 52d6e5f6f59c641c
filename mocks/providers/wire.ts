/**
 * Response builders shared by the provider files: JSON with exact
 * content-types, and SSE bodies that tell the ledger when they are done.
 */
import type { Prng } from '../../src/clock/prng.ts';

export type ResponseInit = {
  readonly status: number;
  readonly statusText?: string;
  readonly headers?: Readonly<Record<string, string>>;
};

/** JSON with a provider-chosen content-type (Gemini sends `application/json; charset=UTF-8`, §1.4). */
export function jsonResponse(body: unknown, init: ResponseInit, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), {
    status: init.status,
    statusText: init.statusText ?? STATUS_TEXT[init.status] ?? '',
    headers: { 'content-type': contentType, ...init.headers },
  });
}

/**
 * An SSE body, one pre-rendered event per pull. `onDone` runs once, when the
 * last event is read or the reader cancels: the ledger frees the request's
 * concurrency slot then. Pull-based, with no timers, so it is deterministic.
 */
export function sseResponse(events: readonly string[], init: ResponseInit, onDone: () => void): Response {
  const encoder = new TextEncoder();
  let next = 0;
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    onDone();
  };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < events.length) {
        controller.enqueue(encoder.encode(events[next++]!));
        return;
      }
      controller.close();
      finish();
    },
    cancel: finish,
  });
  return new Response(body, {
    status: init.status,
    statusText: init.statusText ?? STATUS_TEXT[init.status] ?? '',
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...init.headers },
  });
}

/** Seconds for a `retry-after` header: whole seconds, rounded up so a client never retries early. */
export function retryAfterSeconds(retryAfterMs: number): string {
  return String(Math.max(0, Math.ceil(retryAfterMs / 1000)));
}

/** RFC 3339 at whole seconds, as Anthropic's `*-reset` headers (`2025-01-12T23:11:59Z`, §3.4). */
export function rfc3339Seconds(timeMs: number): string {
  return new Date(Math.ceil(timeMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A seeded id body, e.g. for `chatcmpl-…`, `msg_…`, `req_…`. */
export function randomId(prng: Prng, length: number, alphabet = BASE62): string {
  let id = '';
  for (let i = 0; i < length; i++) id += alphabet[prng.uint32() % alphabet.length];
  return id;
}

/** A seeded UUID-shaped string (org ids in Anthropic and xAI messages). */
export function randomUuid(prng: Prng): string {
  const hex = randomId(prng, 32, '0123456789abcdef');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  400: 'Bad Request',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  529: 'Overloaded',
};
