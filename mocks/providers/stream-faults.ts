/**
 * Stream faults: a 200 whose body goes wrong. These are the answers the real
 * OpenClaw 2026.2.26 mishandles, as its golden traces show
 * (test/golden/openclaw-2026.2.26/): a Gemini finishReason other than
 * STOP/MAX_TOKENS becomes "An unknown error occurred" with no retry and no
 * failover (flash-429-pro-malformed-function-call.json); an empty stream sends
 * the user nothing (empty-stream.json), and so does an error inside the stream
 * (observed on openclaw@2026.2.26 against a fake Gemini, no trace); a reset
 * after the headers reads "terminated" (reset-mid-stream.json). Each kind
 * sends what that fake sent:
 *
 * | kind                | stream request                                      | non-stream request                              |
 * |---------------------|-----------------------------------------------------|-------------------------------------------------|
 * | finish-reason:R     | one chunk, empty text, that finish reason           | the same answer as JSON                         |
 * | empty-stream        | 200, no events at all                               | 200, no candidates / choices / content          |
 * | error-in-stream     | the provider's forced-429 JSON as a data event      | that JSON as the 200 body                       |
 * |                     | (Anthropic: `event: error` overloaded_error)        | (Anthropic: the overloaded_error JSON)          |
 * | reset-after-headers | 200 headers, then the body read fails               | the same                                        |
 * | truncated           | one text chunk, then the end: no finish reason,     | the text with a null finish reason              |
 * |                     | no `[DONE]`, no `message_stop`                      |                                                 |
 *
 * A reset is a reply body of its own (wire-reply.ts `resetAfterHeadersReply`).
 * Served over HTTP (mocks/server.ts) the server destroys the socket after the
 * headers. In-process there is no socket, so the body stream errors with a
 * `StreamResetError`: a `TypeError: terminated` caused by `other side closed`
 * (`UND_ERR_SOCKET`), exactly what undici's fetch rejects with when a server
 * destroys the socket, so in-process clients see the same message as
 * OpenClaw did.
 */

/** What a dialect renders for a stream fault; the exchange fills in the parts that need the pipeline. */
export type StreamFaultBody =
  | { readonly kind: 'finish-reason'; readonly finishReason: string }
  | { readonly kind: 'empty-stream' }
  /** `rateLimitJson` is the body of the provider's own forced 429 for this call. */
  | { readonly kind: 'error-in-stream'; readonly rateLimitJson: string }
  | { readonly kind: 'reset-after-headers' }
  /** `text` is the one chunk sent before the stream stops. */
  | { readonly kind: 'truncated'; readonly text: string };

const STREAM_RESET_CODE = 'QUOTASTORM_STREAM_RESET';

/** The body error of a `reset-after-headers` answer; see the header comment. */
export class StreamResetError extends TypeError {
  /** Marker for mocks/server.ts: destroy the socket rather than end the response. */
  readonly code = STREAM_RESET_CODE;

  constructor() {
    super('terminated', { cause: Object.assign(new Error('other side closed'), { name: 'SocketError', code: 'UND_ERR_SOCKET' }) });
  }
}

/** True for the error a `reset-after-headers` body fails with (also across realms, by its code). */
export function isStreamReset(error: unknown): boolean {
  return error instanceof StreamResetError || (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === STREAM_RESET_CODE);
}

export type FinishVocabulary = 'gemini' | 'chat' | 'anthropic' | 'bedrock';

/**
 * The finish reason to send for a scheduled `finish-reason:R` in `vocabulary`.
 * A reason the format itself uses is sent as written. Otherwise equivalents
 * are mapped: every Gemini reason other than STOP / MAX_TOKENS (SAFETY, OTHER,
 * MALFORMED_FUNCTION_CALL, …: all "error" to pi-ai's google-shared.js `mapStopReason`)
 * becomes the one abnormal finish the other formats have, `content_filter`
 * (pi-ai maps it to "error" too: pi-mono packages/ai/src/providers/openai-completions.ts
 * `mapStopReason`) and `refusal`. A lowercase reason no format knows is sent
 * as written, to test a client's handling of an unknown value.
 */
export function finishReasonFor(vocabulary: FinishVocabulary, reason: string): string {
  if (VOCABULARIES[vocabulary].has(reason)) return reason;
  if (vocabulary === 'gemini' && isGeminiName(reason)) return reason;
  const row = EQUIVALENTS.find((entry) => Object.values(entry).includes(reason));
  if (row) return row[vocabulary];
  return isGeminiName(reason) ? ABNORMAL[vocabulary] : reason;
}

const EQUIVALENTS: readonly Readonly<Record<FinishVocabulary, string>>[] = [
  { gemini: 'STOP', chat: 'stop', anthropic: 'end_turn', bedrock: 'end_turn' },
  { gemini: 'MAX_TOKENS', chat: 'length', anthropic: 'max_tokens', bedrock: 'max_tokens' },
  { gemini: 'SAFETY', chat: 'content_filter', anthropic: 'refusal', bedrock: 'content_filtered' },
];
const ABNORMAL: Readonly<Record<FinishVocabulary, string>> = EQUIVALENTS[2]!;

const VOCABULARIES: Readonly<Record<FinishVocabulary, ReadonlySet<string>>> = {
  gemini: new Set(),
  // The openai SDK's `ChatCompletion.Choice.finish_reason` type; `function_call` is the legacy spelling.
  chat: new Set(['stop', 'length', 'tool_calls', 'content_filter', 'function_call']),
  anthropic: new Set(['end_turn', 'max_tokens', 'stop_sequence', 'tool_use', 'pause_turn', 'refusal', 'model_context_window_exceeded']),
  // Converse's StopReason (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_MessageStopEvent.html).
  bedrock: new Set(['end_turn', 'tool_use', 'max_tokens', 'stop_sequence', 'guardrail_intervened', 'content_filtered', 'model_context_window_exceeded']),
};

/** Gemini's FinishReason enum is SCREAMING_SNAKE_CASE (SAFETY, MALFORMED_FUNCTION_CALL, IMAGE_SAFETY, …). */
function isGeminiName(reason: string): boolean {
  return /^[A-Z][A-Z0-9_]*$/.test(reason);
}
