/**
 * Broken streams as 2026.9 sees them (Behaviour.streamFaults `transient`):
 *
 * - a Gemini stream that ends without a terminal finish reason is an error,
 *   "Google stream ended before a terminal finish reason" (code
 *   STREAM_INCOMPLETE; @openclaw/ai dist/google-messages-DB7GKkDk.mjs) — with
 *   or without text — where 2026.2's pi-ai returned what it had as the reply;
 * - that error and a transport failure ("terminated", a reset; "fetch
 *   failed", …) are `timeout`s (dist/message-patterns-D0mFl7L8.mjs, the
 *   timeout patterns; the trace's `"failoverReason":"timeout"`), so the
 *   transient retry takes them.
 *
 * Observed: test/golden/openclaw-2026.9.6/empty-stream.json and reset-mid-stream.json.
 */
import { ProviderError } from '../providers/provider-error.ts';
import type { ChatReply, ClientApi } from '../providers/types.ts';
import { GOOGLE_INCOMPLETE_STREAM_MESSAGE } from './error-projection.ts';

/** INCOMPLETE_ASSISTANT_STREAM_RE and the transport entries of 2026.9.6's timeout pattern list. */
const TRANSPORT_TIMEOUT_PATTERNS: readonly RegExp[] = [
  /^(?:[\w -]*stream ended (?:before (?:message_?stop|(?:a )?terminal (?:finish reason|response event|event))|without (?:a terminal )?finish[_ ]reason)|Responses stream ended with unresolved tool calls)[.!]?$/i,
  /^terminated$/i,
  /fetch failed|socket hang up|connection error|network error|network request failed/i,
  /^stream disconnected before completion(?::[\s\S]*)?$/i,
  /\b(?:econn(?:refused|reset|aborted)|enet(?:unreach|reset)|ehost(?:unreach|down)|e(?:socket)?timedout|epipe|enotfound|eai_again)\b/i,
  /\bstream (?:was )?(?:closed|aborted)\b/i,
  /\bund_err_(?:socket|connect|headers?|body|req_content_length_mismatch|aborted|closed)\b/i,
];

/** A stream that broke in transport: 2026.9 classifies it `timeout`. */
export function isTransportTimeout(error: ProviderError): boolean {
  return error.phase !== 'http' && TRANSPORT_TIMEOUT_PATTERNS.some((pattern) => pattern.test(error.message));
}

/** The error 2026.9's Google transport throws for `reply`, if it ended without a finish reason. */
export function incompleteStreamError(api: ClientApi, reply: ChatReply, providerId: string, modelId: string): ProviderError | undefined {
  // Vertex goes through the same transport (openclaw@2026.9.6 `createGoogleTransportStreamFn("google-vertex")`).
  if ((api !== 'google-generative-ai' && api !== 'google-vertex') || reply.stopReason !== 'missing') return undefined;
  return new ProviderError({ message: GOOGLE_INCOMPLETE_STREAM_MESSAGE, providerId, modelId, phase: 'stream', httpRequests: reply.httpRequests });
}
