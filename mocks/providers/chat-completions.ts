/**
 * The OpenAI Chat Completions wire format, shared by OpenAI, Moonshot and
 * xAI (all three speak it). A `ChatFlavour` holds
 * what differs: usage fields, where streamed usage goes, headers, and every
 * error body.
 *
 * JSON: `chat.completion` with `usage`. SSE: `chat.completion.chunk`
 * events, a first chunk with the role, content deltas, a final chunk with
 * `finish_reason`, then `data: [DONE]` (the openai SDK's src/core/streaming.ts
 * stops there). Streamed usage goes either in
 * a trailing `choices: []` chunk when `stream_options.include_usage` is set
 * (OpenAI) or inside `choices[0].usage` of the final chunk (Moonshot).
 */
import { z } from 'zod';
import type { Refusal, QuotaSnapshot } from './ledger.ts';
import { type Answer, type Call, type Dialect, type ErrorFormat, type FaultTable, invalidBody, MALFORMED_JSON } from './dialect.ts';
import { bearerKey, createExchange, type ProviderMockSpec } from './exchange.ts';
import { chunkText, type Reply } from './reply.ts';
import type { MockRoute } from '../routes.ts';
import { jsonReply, type ReplyInit, resetAfterHeadersReply, sseReply, type WireReply } from '../wire-reply.ts';
import { finishReasonFor, type StreamFaultBody } from './stream-faults.ts';
import { tokensForCharacters } from './tokens.ts';
import { randomId } from './wire.ts';

const ContentPart = z.looseObject({ type: z.string(), text: z.string().optional() });
const Message = z.looseObject({
  role: z.string(),
  content: z.union([z.string(), z.array(ContentPart), z.null()]).optional(),
});
const ChatRequest = z.looseObject({
  model: z.string(),
  messages: z.array(Message).min(1),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
});
export type ChatRequest = z.infer<typeof ChatRequest>;
type ChatCall = Call<ChatRequest>;

/** Why a body was refused: not JSON at all, or JSON of the wrong shape. */
export type BodyProblem = { readonly kind: 'malformed' } | { readonly kind: 'invalid'; readonly param: string; readonly message: string };

/** `Fields`: what differs between the provider's errors, inside its own envelope (`errors`). */
export type ChatFlavour<Fields> = {
  readonly provider: 'openai' | 'moonshot' | 'xai' | 'compatible';
  readonly origin: string;
  readonly usage: (inputTokens: number, outputTokens: number) => object;
  readonly streamUsage: 'trailing-chunk-if-requested' | 'final-choice';
  // Calls are read only for what every OpenAI-shaped request has (model, tokens, key), so the
  // Responses dialect (responses.ts) renders its errors through the same flavour.
  readonly successHeaders: (call: Call<unknown>, quota: QuotaSnapshot) => Record<string, string>;
  readonly badRequest: (problem: BodyProblem) => Answer;
  readonly notFound: (modelId: string) => Answer;
  readonly contextTooLong: (call: Call<unknown>) => Answer;
  readonly rateLimited: (call: Call<unknown>, admission: Refusal) => Answer;
  readonly errors: ErrorFormat<Fields>;
  readonly faults: FaultTable<Fields>;
};

export function chatCompletionsRoutes<Fields>(spec: ProviderMockSpec, flavour: ChatFlavour<Fields>): MockRoute[] {
  return chatCompletionsRoutesAt(spec, flavour, '/v1/chat/completions');
}

/** The same route on another path: OpenAI-compatible servers put `/chat/completions` under their own base path. */
export function chatCompletionsRoutesAt<Fields>(spec: ProviderMockSpec, flavour: ChatFlavour<Fields>, path: string): MockRoute[] {
  const exchange = createExchange(spec, chatDialect(flavour));
  return [{ method: 'POST', origin: flavour.origin, path, handle: (request) => exchange(request, { api: 'chat.completions' }) }];
}

/** The text the estimator counts: string contents and `text` parts of every message. */
function* chatPromptTexts(body: ChatRequest): Iterable<string> {
  for (const message of body.messages) {
    if (typeof message.content === 'string') yield message.content;
    else for (const part of message.content ?? []) if (part.text) yield part.text;
  }
}

export function chatDialect<Fields>(flavour: ChatFlavour<Fields>): Dialect<ChatRequest, BodyProblem, Fields> {
  return {
    provider: flavour.provider,
    parseBody(json) {
      if (json === MALFORMED_JSON) return invalidBody({ kind: 'malformed' });
      const parsed = ChatRequest.safeParse(json);
      if (parsed.success) return parsed.data;
      const issue = parsed.error.issues[0]!;
      return invalidBody({ kind: 'invalid', param: issue.path.join('.'), message: issue.message });
    },
    apiKey: bearerKey,
    modelId: (body) => body.model,
    isStream: (body) => body.stream === true,
    promptTexts: chatPromptTexts,
    maxOutputTokens: (body) => body.max_completion_tokens ?? body.max_tokens ?? undefined,
    badRequest: (problem) => flavour.badRequest(problem),
    notFound: (modelId) => flavour.notFound(modelId),
    contextTooLong: (call) => (call.inputTokens > call.model.contextWindowTokens ? flavour.contextTooLong(call) : undefined),
    rateLimited: flavour.rateLimited,
    errors: flavour.errors,
    faults: flavour.faults,
    streamFault: (call, body, quota) => streamFault(flavour, call, body, { status: 200, headers: flavour.successHeaders(call, quota) }),
    success(call, reply, quota, onSent) {
      const headers = flavour.successHeaders(call, quota);
      const ending = endingOf(reply);
      if (call.stream) return { reply: sseReply(streamEvents(flavour, call, ending), { status: 200, headers }, onSent), outcome: 'ok' };
      onSent();
      return { reply: jsonReply(completion(flavour, call, ending), { status: 200, headers }), outcome: 'ok' };
    },
  };
}

/** How an answer ends: its text, its output tokens, and the finish reason sent (null: none). */
type Ending = { readonly text: string; readonly outputTokens: number; readonly finishReason: string | null };

function endingOf(reply: Reply): Ending {
  return { text: reply.text, outputTokens: reply.outputTokens, finishReason: reply.truncated ? 'length' : 'stop' };
}

/**
 * Stream faults (stream-faults.ts) in this format: the finish reason rides in
 * the final chunk's `finish_reason` (Gemini names mapped: SAFETY, OTHER, … →
 * `content_filter`); the forced 429 JSON is a `data:` event, which
 * openai-node throws as an APIError (src/core/streaming.ts); `truncated` stops after one
 * content delta, with no final chunk and no `[DONE]`.
 */
function streamFault(flavour: ChatFlavour<unknown>, call: ChatCall, body: StreamFaultBody, init: ReplyInit): WireReply {
  const unmetered = () => undefined;
  const answer = (ending: Ending, cut = false) =>
    call.stream ? sseReply(streamEvents(flavour, call, ending, cut), init, unmetered) : jsonReply(completion(flavour, call, ending), init);
  switch (body.kind) {
    case 'finish-reason':
      return answer({ text: '', outputTokens: 0, finishReason: finishReasonFor('chat', body.finishReason) });
    case 'truncated':
      return answer({ text: body.text, outputTokens: tokensForCharacters(body.text.length), finishReason: null }, true);
    case 'empty-stream':
      return call.stream
        ? sseReply([], init, unmetered)
        : jsonReply({ ...completion(flavour, call, { text: '', outputTokens: 0, finishReason: null }), choices: [] }, init);
    case 'error-in-stream':
      return call.stream ? sseReply([`data: ${body.rateLimitJson}\n\n`], init, unmetered) : jsonReply(JSON.parse(body.rateLimitJson), init);
    case 'reset-after-headers':
      return resetAfterHeadersReply(init, call.stream ? 'text/event-stream' : 'application/json');
  }
}

function completion(flavour: ChatFlavour<unknown>, call: ChatCall, ending: Ending) {
  return {
    id: `chatcmpl-${randomId(call.ids, 29)}`,
    object: 'chat.completion',
    created: Math.floor(call.atMs / 1000),
    model: call.model.id,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: ending.text, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: ending.finishReason,
      },
    ],
    usage: flavour.usage(call.inputTokens, ending.outputTokens),
    service_tier: 'default',
    system_fingerprint: `fp_${randomId(call.ids, 10, '0123456789abcdef')}`,
  };
}

/** The SSE events of an answer; `cut` sends the role chunk and `ending.text` as one delta, then stops. */
function streamEvents(flavour: ChatFlavour<unknown>, call: ChatCall, ending: Ending, cut = false): string[] {
  const trailingUsage = flavour.streamUsage === 'trailing-chunk-if-requested' && call.body.stream_options?.include_usage === true;
  const base = {
    id: `chatcmpl-${randomId(call.ids, 29)}`,
    object: 'chat.completion.chunk',
    created: Math.floor(call.atMs / 1000),
    model: call.model.id,
    service_tier: 'default',
    system_fingerprint: `fp_${randomId(call.ids, 10, '0123456789abcdef')}`,
  };
  const chunk = (choice: object | undefined, usage?: object) => ({
    ...base,
    choices: choice ? [{ index: 0, logprobs: null, ...choice }] : [],
    // With include_usage every chunk carries `usage: null` until the trailing one.
    ...(trailingUsage ? { usage: usage ?? null } : {}),
  });
  const usage = flavour.usage(call.inputTokens, ending.outputTokens);
  const event = (entry: object) => `data: ${JSON.stringify(entry)}\n\n`;
  const chunks = [
    chunk({ delta: { role: 'assistant', content: '', refusal: null }, finish_reason: null }),
    ...(cut ? [ending.text] : chunkText(ending.text)).map((piece) => chunk({ delta: { content: piece }, finish_reason: null })),
  ];
  if (cut) return chunks.map(event);
  chunks.push(chunk({ delta: {}, finish_reason: ending.finishReason, ...(flavour.streamUsage === 'final-choice' ? { usage } : {}) }));
  if (trailingUsage) chunks.push(chunk(undefined, usage));
  return [...chunks.map(event), 'data: [DONE]\n\n'];
}
