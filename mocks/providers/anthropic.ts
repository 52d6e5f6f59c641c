/**
 * Anthropic Messages API mock on https://api.anthropic.com/v1/messages (JSON
 * and SSE events).
 *
 * Wire details follow Anthropic's API docs (https://docs.claude.com/en/api/messages,
 * /messages-streaming, /errors, /rate-limits): usage with cache fields; SSE is
 * `message_start` → `content_block_start` → `ping` → `content_block_delta`… →
 * `content_block_stop` → `message_delta` (cumulative `output_tokens`) →
 * `message_stop`; errors are `{"type":"error","error":{type,message},
 * "request_id"}`. Every answer carries `request-id` and the
 * `anthropic-ratelimit-*` headers (token `remaining` rounded to the nearest
 * thousand, `reset` in RFC 3339); a rate-limit 429 adds `retry-after` in
 * seconds. 529 `overloaded_error` is capacity, never quota, so it only comes
 * from a fault. The spend cap is a 429 without `retry-after`
 * (https://platform.claude.com/docs/api/rate-limits).
 */
import { z } from 'zod';
import type { Refusal, DimensionUsage, QuotaSnapshot } from './ledger.ts';
import type { Prng } from '../../src/clock/prng.ts';
import { type Call, type Dialect, errorAnswer, type ErrorFormat, type FaultTable, invalidBody, MALFORMED_JSON } from './dialect.ts';
import { createExchange, type ProviderMockSpec } from './exchange.ts';
import { chunkText, type Reply } from './reply.ts';
import type { MockRoute } from '../routes.ts';
import { jsonReply, type ReplyInit, resetAfterHeadersReply, sseReply, type WireReply } from '../wire-reply.ts';
import { finishReasonFor, type StreamFaultBody } from './stream-faults.ts';
import type { QuotaDimension } from './tiers.ts';
import { tokensForCharacters } from './tokens.ts';
import { randomId, randomUuid, retryAfterSeconds, rfc3339Seconds } from './wire.ts';

export const ANTHROPIC_ORIGIN = 'https://api.anthropic.com';

export function anthropicRoutes(spec: ProviderMockSpec): MockRoute[] {
  const exchange = createExchange(spec, anthropicDialect(spec));
  return [{ method: 'POST', origin: ANTHROPIC_ORIGIN, path: '/v1/messages', handle: (request) => exchange(request, { api: 'messages' }) }];
}

const TextBlock = z.looseObject({ type: z.string(), text: z.string().optional() });
const MessagesRequest = z.looseObject({
  model: z.string(),
  max_tokens: z.number().int().positive(),
  messages: z.array(z.looseObject({ role: z.string(), content: z.union([z.string(), z.array(TextBlock)]) })),
  system: z.union([z.string(), z.array(TextBlock)]).optional(),
  stream: z.boolean().optional(),
});
type MessagesRequest = z.infer<typeof MessagesRequest>;
type MessagesCall = Call<MessagesRequest>;

const RATE_LIMIT_DOCS = 'https://docs.claude.com/en/api/rate-limits';

/** How the 429 message names each dimension (real 429s, e.g. anthropics/claude-code#55132; the "requests per minute" wording is unverified). */
const LIMIT_WORDS: Readonly<Partial<Record<QuotaDimension, string>>> = {
  requestsPerMinute: 'requests per minute',
  inputTokensPerMinute: 'input tokens per minute',
  outputTokensPerMinute: 'output tokens per minute',
};

/** What differs between Anthropic's errors; the envelope adds `type: "error"` and the request id (https://docs.claude.com/en/api/errors). */
type AnthropicError = { readonly type: string; readonly message: string; readonly details?: object };

/** Every error carries `request-id`, in the header and the body, and the rate-limit headers of the state it shows. */
function anthropicErrors(requestIds: Prng): ErrorFormat<AnthropicError> {
  return {
    errorType: (error) => error.type,
    reply(status, { type, message, details }, { atMs = 0, quota = {}, headers = {} }) {
      const requestId = `req_${randomId(requestIds, 24)}`;
      return jsonReply(
        { type: 'error', error: details ? { type, message, details } : { type, message }, request_id: requestId },
        { status, headers: { 'request-id': requestId, ...rateLimitHeaders(quota, atMs), ...headers } },
      );
    },
  };
}

/**
 * Error-status faults (faults.ts) as Anthropic answers them; the types and
 * statuses are the documented list (https://docs.claude.com/en/api/errors:
 * 401 authentication_error, 402 billing_error, 403 permission_error, 500
 * api_error, 504 timeout_error, 529 overloaded_error). 529 is capacity,
 * never quota: only a fault sends it.
 */
function anthropicFaults(organizationId: string): FaultTable<AnthropicError> {
  return {
    overloaded: { status: 529, error: { type: 'overloaded_error', message: 'Overloaded' } },
    'server-error': { status: 500, error: { type: 'api_error', message: 'Internal server error' } },
    // Anthropic's error list has no 502 or 503; its api_error type here is unverified.
    'bad-gateway': { status: 502, error: { type: 'api_error', message: 'Bad gateway' } },
    unavailable: { status: 503, error: { type: 'api_error', message: 'Service unavailable' } },
    // The type is documented; the wording unverified.
    timeout: { status: 504, error: { type: 'timeout_error', message: 'Request timed out' } },
    // The spend cap (2026 docs): access returns on the 1st of next month, 00:00 UTC; no retry-after.
    'budget-exhausted': {
      status: 429,
      errorFor: (call) => ({
        type: 'rate_limit_error',
        message: `You have reached your specified API usage limits. You will regain access on ${firstOfNextMonth(call.atMs)} at 00:00 UTC.`,
        details: { error_code: 'enforced_spend_limit_reached' },
      }),
    },
    // A prepaid balance at zero is a 400, not a 402 (real answers quoted in anthropics/claude-code#66314, #4684).
    billing: {
      status: 400,
      error: {
        type: 'invalid_request_error',
        message: 'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
      },
    },
    // The documented 402's type and description; the wording unverified.
    'payment-required': { status: 402, error: { type: 'billing_error', message: 'There is an issue with your billing or payment information.' } },
    auth: { status: 401, error: { type: 'authentication_error', message: 'invalid x-api-key' } },
    forbidden: { status: 403, error: { type: 'permission_error', message: 'Your API key does not have permission to use the specified resource.' } },
    'context-length': { status: 400, errorFor: (call) => ({ type: 'invalid_request_error', message: promptTooLong(call.model.contextWindowTokens + 1, call.model.contextWindowTokens) }) },
    // The quota 429's body without `retry-after`, as when a limit is hit with no reset to tell (Tier 1's 50 RPM shown).
    'rate-limit-no-retry-after': {
      status: 429,
      errorFor: (call) => ({ type: 'rate_limit_error', message: rateLimitWording(50, LIMIT_WORDS.requestsPerMinute!, organizationId, call.model.id) }),
    },
  };
}

export function anthropicDialect(spec: ProviderMockSpec): Dialect<MessagesRequest, string, AnthropicError> {
  const organizationId = randomUuid(spec.prng.fork('anthropic').fork('organization'));
  const requestIds = spec.prng.fork('anthropic').fork('request-ids');
  const errors = anthropicErrors(requestIds);
  return {
    provider: 'anthropic',
    parseBody(json) {
      if (json === MALFORMED_JSON) return invalidBody('There was an issue with your request body: invalid JSON');
      const parsed = MessagesRequest.safeParse(json);
      if (parsed.success) return parsed.data;
      const issue = parsed.error.issues[0]!;
      return invalidBody(`${issue.path.join('.')}: ${issue.code === 'invalid_type' && issue.input === undefined ? 'Field required' : issue.message}`);
    },
    apiKey: (request) => request.headers.get('x-api-key') ?? undefined,
    modelId: (body) => body.model,
    isStream: (body) => body.stream === true,
    promptTexts,
    maxOutputTokens: (body) => body.max_tokens,
    badRequest: (message) => errorAnswer(errors, 400, { type: 'invalid_request_error', message }, 'bad-request'),
    notFound: (modelId) => errorAnswer(errors, 404, { type: 'not_found_error', message: `model: ${modelId}` }, 'not-found'),
    contextTooLong(call) {
      const windowTokens = call.model.contextWindowTokens;
      const tooLong = (message: string) => errorAnswer(errors, 400, { type: 'invalid_request_error', message }, 'context-too-long');
      if (call.inputTokens > windowTokens) return tooLong(promptTooLong(call.inputTokens, windowTokens));
      const maxTokens = call.maxOutputTokens ?? 0;
      if (call.inputTokens + maxTokens <= windowTokens) return undefined;
      return tooLong(
        `input length and \`max_tokens\` exceed context limit: ${call.inputTokens} + ${maxTokens} > ${windowTokens}, ` +
          'decrease input length or `max_tokens` and try again',
      );
    },
    rateLimited(call, admission) {
      const retryAfterMs = admission.retryAfterMs;
      const answer = errorAnswer(
        errors,
        429,
        { type: 'rate_limit_error', message: rateLimitMessage(call, admission, organizationId) },
        retryAfterMs === undefined ? 'too-large' : 'rate-limited',
        { atMs: call.atMs, quota: admission.after, headers: retryAfterMs === undefined ? {} : { 'retry-after': retryAfterSeconds(retryAfterMs) } },
      );
      return retryAfterMs === undefined ? answer : { ...answer, retryAfterMs };
    },
    errors,
    faults: anthropicFaults(organizationId),
    streamFault: (call, body, quota) =>
      streamFault(call, body, { status: 200, headers: { 'request-id': `req_${randomId(requestIds, 24)}`, ...rateLimitHeaders(quota, call.atMs) } }),
    success(call, reply, quota, onSent) {
      const headers = { 'request-id': `req_${randomId(requestIds, 24)}`, ...rateLimitHeaders(quota, call.atMs) };
      const ending = endingOf(reply);
      if (call.stream) return { reply: sseReply(streamEvents(call, ending), { status: 200, headers }, onSent), outcome: 'ok' };
      onSent();
      return { reply: jsonReply(message(call, ending.text, ending.stopReason, ending.outputTokens), { status: 200, headers }), outcome: 'ok' };
    },
  };
}

function* promptTexts(body: MessagesRequest): Iterable<string> {
  yield* blockTexts(body.system);
  for (const message of body.messages) yield* blockTexts(message.content);
}

function* blockTexts(content: string | readonly { text?: string | undefined }[] | undefined): Iterable<string> {
  if (typeof content === 'string') yield content;
  else for (const block of content ?? []) if (block.text) yield block.text;
}

/** How an answer ends: its text, its output tokens, and the stop reason sent (null: none). */
type Ending = { readonly text: string; readonly outputTokens: number; readonly stopReason: string | null };

function endingOf(reply: Reply): Ending {
  return { text: reply.text, outputTokens: reply.outputTokens, stopReason: reply.truncated ? 'max_tokens' : 'end_turn' };
}

/** A message; without `text` it has no content block (`message_start`, an empty answer). */
function message(call: MessagesCall, text: string | undefined, stopReason: string | null, outputTokens: number) {
  return {
    id: `msg_01${randomId(call.ids, 22)}`,
    type: 'message',
    role: 'assistant',
    model: call.model.id,
    content: text === undefined ? [] : [{ type: 'text', text }],
    stop_reason: stopReason,
    stop_sequence: null,
    usage: usage(call.inputTokens, outputTokens),
  };
}

function usage(inputTokens: number, outputTokens: number) {
  return {
    input_tokens: inputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: outputTokens,
    service_tier: 'standard',
  };
}

function sseEvent(type: string, data: object): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
}

/** The SSE events of an answer; `cut` stops after one delta carrying `ending.text` (no block stop, no message_stop). */
function streamEvents(call: MessagesCall, ending: Ending, cut = false): string[] {
  const events = [
    // message_start reports output_tokens as 1 before any text (https://docs.claude.com/en/api/messages-streaming).
    sseEvent('message_start', { message: message(call, undefined, null, 1) }),
    sseEvent('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
    sseEvent('ping', {}),
    ...(cut ? [ending.text] : chunkText(ending.text)).map((text) => sseEvent('content_block_delta', { index: 0, delta: { type: 'text_delta', text } })),
  ];
  if (cut) return events;
  return [
    ...events,
    sseEvent('content_block_stop', { index: 0 }),
    sseEvent('message_delta', {
      delta: { stop_reason: ending.stopReason, stop_sequence: null },
      usage: { input_tokens: call.inputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: ending.outputTokens },
    }),
    sseEvent('message_stop', {}),
  ];
}

/**
 * Stream faults (stream-faults.ts) in Messages format: the stop reason in
 * `message_delta` (Gemini names mapped: SAFETY, OTHER, … → `refusal`); the
 * in-stream error is what the real API sends, `event: error` with
 * overloaded_error (https://docs.claude.com/en/api/errors) — the SDK ignores data-only events, and throws an
 * APIError with that type on this one.
 */
function streamFault(call: MessagesCall, body: StreamFaultBody, init: ReplyInit): WireReply {
  const unmetered = () => undefined;
  const answer = (ending: Ending, cut = false) =>
    call.stream
      ? sseReply(streamEvents(call, ending, cut), init, unmetered)
      : jsonReply(message(call, ending.text, ending.stopReason, ending.outputTokens), init);
  switch (body.kind) {
    case 'finish-reason':
      return answer({ text: '', outputTokens: 0, stopReason: finishReasonFor('anthropic', body.finishReason) });
    case 'truncated':
      return answer({ text: body.text, outputTokens: tokensForCharacters(body.text.length), stopReason: null }, true);
    case 'empty-stream':
      return call.stream ? sseReply([], init, unmetered) : jsonReply(message(call, undefined, 'end_turn', 0), init);
    case 'error-in-stream': {
      const error = { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } };
      return call.stream ? sseReply([`event: error\ndata: ${JSON.stringify(error)}\n\n`], init, unmetered) : jsonReply(error, init);
    }
    case 'reset-after-headers':
      return resetAfterHeadersReply(init, call.stream ? 'text/event-stream' : 'application/json');
  }
}

/** The 2026 wording (quoted in anthropics/claude-code#55132), naming the first violated dimension. */
function rateLimitMessage(call: MessagesCall, admission: Refusal, organizationId: string): string {
  const violation = admission.violations.find((entry) => LIMIT_WORDS[entry.dimension]) ?? admission.violations[0]!;
  return rateLimitWording(violation.limit, LIMIT_WORDS[violation.dimension] ?? violation.dimension, organizationId, call.model.id);
}

function rateLimitWording(limit: number, words: string, organizationId: string, modelId: string): string {
  return (
    `This request would exceed your organization's rate limit of ${limit.toLocaleString('en-US')} ${words} ` +
    `(org: ${organizationId}, model: ${modelId}). For details, refer to: ${RATE_LIMIT_DOCS}. ` +
    'You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, ' +
    'or try again later. You may also contact sales at https://claude.com/contact-sales to discuss your options for a rate limit increase.'
  );
}

/** The context-window 400 for a prompt alone over the window. */
function promptTooLong(inputTokens: number, windowTokens: number): string {
  return `prompt is too long: ${inputTokens} tokens > ${windowTokens} maximum`;
}

/**
 * `anthropic-ratelimit-{requests,input-tokens,output-tokens,tokens}-{limit,remaining,reset}`.
 * `tokens-*` shows the most restrictive of the token limits in effect (https://docs.claude.com/en/api/rate-limits).
 */
function rateLimitHeaders(quota: QuotaSnapshot, atMs: number): Record<string, string> {
  const headers: Record<string, string> = {};
  const put = (name: string, usage: DimensionUsage | undefined, roundRemaining: boolean) => {
    if (!usage) return;
    headers[`anthropic-ratelimit-${name}-limit`] = String(usage.limit);
    headers[`anthropic-ratelimit-${name}-remaining`] = String(roundRemaining ? Math.round(usage.remaining / 1000) * 1000 : usage.remaining);
    // A zero limit never refills: there is no reset instant to send (and no valid date to print).
    if (Number.isFinite(usage.resetInMs)) headers[`anthropic-ratelimit-${name}-reset`] = rfc3339Seconds(atMs + usage.resetInMs);
  };
  put('requests', quota.requestsPerMinute, false);
  put('input-tokens', quota.inputTokensPerMinute, true);
  put('output-tokens', quota.outputTokensPerMinute, true);
  put('tokens', mostRestrictive(quota.inputTokensPerMinute, quota.outputTokensPerMinute), true);
  return headers;
}

function mostRestrictive(input: DimensionUsage | undefined, output: DimensionUsage | undefined): DimensionUsage | undefined {
  if (!input || !output) return input ?? output;
  return input.remaining / input.limit <= output.remaining / output.limit ? input : output;
}

/** The spend cap's date of regained access: the first day of the next UTC month, `YYYY-MM-DD`. */
function firstOfNextMonth(atMs: number): string {
  const now = new Date(atMs);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}
