/**
 * What the served mock accepts from a socket, so no client — a buggy
 * gateway, a load tool, an attacker on the machine — can grow its memory or
 * hold its sockets without end:
 *
 *   - bodies up to `maxBodyBytes`; a larger Content-Length is refused with a
 *     413 before a byte of the body is read, and a body that grows past the
 *     limit while streaming is refused at that point (the connection closes);
 *   - the headers within `headersTimeoutMs` and the whole request within
 *     `requestTimeoutMs` (node:http answers 408 and closes): a slowloris
 *     socket, or a Content-Length larger than the body sent, ends there.
 *
 * The 32 MiB default is Anthropic's documented request limit ("32 MB for
 * standard API endpoints", 413 `request_too_large`,
 * https://docs.claude.com/en/api/errors). Gemini documents 20 MB for a
 * request with inline data (https://ai.google.dev/gemini-api/docs/files);
 * OpenAI, Moonshot and xAI publish no byte limit for chat requests, and the
 * Bot API documents 50 MB uploads (https://core.telegram.org/bots/api#sending-files).
 * The 413 bodies are in each provider's error envelope; only Anthropic's
 * and Telegram's wording is documented, the others' is unverified.
 *
 * Content types and HTTP/1.0 are accepted as the mocks always did: no
 * provider documents refusing a `text/plain` body or an HTTP/1.0 request,
 * so the mock reads the body as JSON whatever its label (a body that is not
 * JSON gets the provider's 400) — what the real APIs do here is unverified.
 */
import type { Mount } from './world.ts';
import { jsonReply, type WireReply } from './wire-reply.ts';

export type RequestLimits = {
  readonly maxBodyBytes: number;
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
};

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  maxBodyBytes: 32 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  // Long enough for the largest body on a slow link; answers are not bounded by it (a latency fault may hold one longer).
  requestTimeoutMs: 60_000,
};

/** The 413 a mount answers for a body over `maxBodyBytes`, in its provider's error envelope. */
export function tooLargeReply(mount: Mount | 'control', maxBodyBytes: number): WireReply {
  const message = `Request body exceeds the mock's limit of ${maxBodyBytes} bytes (--max-body-bytes).`;
  const status = 413;
  const close = { connection: 'close' };
  const bodies: Record<Mount | 'control', unknown> = {
    openai: { error: { message, type: 'invalid_request_error', param: null, code: null } },
    moonshot: { error: { message, type: 'invalid_request_error' } },
    xai: { code: 'Client specified an invalid argument.', error: message },
    anthropic: { type: 'error', error: { type: 'request_too_large', message } },
    google: { error: { code: status, message, status: 'INVALID_ARGUMENT' } },
    'google-vertex': { error: { code: status, message, status: 'INVALID_ARGUMENT' } },
    'google-gemini-cli': { error: { code: status, message, status: 'INVALID_ARGUMENT' } },
    'amazon-bedrock': { message },
    telegram: { ok: false, error_code: status, description: 'Request Entity Too Large' },
    control: { error: message },
  };
  return jsonReply(bodies[mount], { status, statusText: 'Payload Too Large', headers: close });
}
