/**
 * Wire details shared by the provider files: retry hints, timestamps and
 * seeded ids. Replies themselves are built with ../wire-reply.ts.
 */
import type { Prng } from '../../src/clock/prng.ts';

/** Seconds for a `retry-after` header: whole seconds, rounded up so a client never retries early. */
export function retryAfterSeconds(retryAfterMs: number): string {
  return String(Math.max(0, Math.ceil(retryAfterMs / 1000)));
}

/** RFC 3339 at whole seconds, as Anthropic's `*-reset` headers (`2025-01-12T23:11:59Z`, https://docs.claude.com/en/api/rate-limits). */
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
