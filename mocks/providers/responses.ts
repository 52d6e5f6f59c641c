/**
 * The OpenAI Responses wire format (`POST {baseUrl}/responses`), served by
 * OpenAI itself, by servers that copy it (LM Studio, a LiteLLM proxy, Azure
 * OpenAI's `/openai/v1`) and by ChatGPT's Codex backend
 * (`https://chatgpt.com/backend-api/codex/responses`). Errors, headers and
 * quota answers are the provider's `ChatFlavour` (chat-completions.ts): the
 * same envelope as its Chat Completions answers.
 *
 * JSON: a `response` object with `output[0]` a `message` whose content is
 * one `output_text`, and `usage` {input_tokens, output_tokens, total_tokens,
 * …_details}. SSE: named events, each `event: <type>` + `data: {type,
 * sequence_number, …}`: `response.created`, `response.in_progress`,
 * `response.output_item.added`, `response.content_part.added`,
 * `response.output_text.delta`…, `response.output_text.done`,
 * `response.content_part.done`, `response.output_item.done`, then
 * `response.completed` (or `response.incomplete` when the output cap cut the
 * text) carrying the whole response with its usage. Shapes are the openai
 * SDK's types (openai/resources/responses/responses.d.ts: `Response`,
 * `ResponseStreamEvent`, `ResponseUsage`); the event order is what pi-ai's
 * `processResponsesStream` (openai-responses-shared.js in openclaw@2026.2.26's
 * @mariozechner/pi-ai 0.55.1) reads.
 */
import { z } from 'zod';
import type { MockRoute } from '../routes.ts';
import { jsonReply, type ReplyInit, resetAfterHeadersReply, sseReply, type WireReply } from '../wire-reply.ts';
import type { BodyProblem, ChatFlavour } from './chat-completions.ts';
import { type Answer, type Call, type Dialect, errorAnswer, invalidBody, MALFORMED_JSON } from './dialect.ts';
import { bearerKey, createExchange, type ProviderMockSpec } from './exchange.ts';
import type { OpenAiError } from './openai-error.ts';
import { chunkText, type Reply } from './reply.ts';
import { finishReasonFor, type StreamFaultBody } from './stream-faults.ts';
import { tokensForCharacters } from './tokens.ts';
import { randomId } from './wire.ts';

const ContentPart = z.looseObject({ type: z.string(), text: z.string().optional() });
const InputItem = z.looseObject({
  role: z.string().optional(),
  type: z.string().optional(),
  content: z.union([z.string(), z.array(ContentPart)]).optional(),
  /** A tool result (`function_call_output`). */
  output: z.string().optional(),
});
const ResponsesRequest = z.looseObject({
  model: z.string(),
  input: z.union([z.string(), z.array(InputItem)]),
  instructions: z.string().nullish(),
  max_output_tokens: z.number().int().positive().nullish(),
  stream: z.boolean().nullish(),
});
type ResponsesRequest = z.infer<typeof ResponsesRequest>;
type ResponsesCall = Call<ResponsesRequest>;

/** `path` is where the server answers: `/v1/responses` on OpenAI, `<base path>/responses` elsewhere, `/backend-api/codex/responses` for Codex. */
export function responsesRoutesAt(spec: ProviderMockSpec, flavour: ChatFlavour<OpenAiError>, path: string): MockRoute[] {
  const exchange = createExchange(spec, responsesDialect(flavour));
  return [{ method: 'POST', origin: flavour.origin, path, handle: (request) => exchange(request, { api: 'responses' }) }];
}

/** Over OpenAI's envelope: the servers that speak Responses (OpenAI and the ones copying it) all use it. */
export function responsesDialect(flavour: ChatFlavour<OpenAiError>): Dialect<ResponsesRequest, BodyProblem, OpenAiError> {
  return {
    provider: flavour.provider,
    parseBody(json) {
      if (json === MALFORMED_JSON) return invalidBody({ kind: 'malformed' });
      const parsed = ResponsesRequest.safeParse(json);
      if (parsed.success) return parsed.data;
      const issue = parsed.error.issues[0]!;
      return invalidBody({ kind: 'invalid', param: issue.path.join('.'), message: issue.message });
    },
    // Azure OpenAI sends its key as `api-key` (the openai SDK's AzureOpenAI client).
    apiKey: (request) => bearerKey(request) ?? request.headers.get('api-key') ?? undefined,
    modelId: (body) => body.model,
    isStream: (body) => body.stream === true,
    promptTexts: responsesPromptTexts,
    maxOutputTokens: (body) => body.max_output_tokens ?? undefined,
    badRequest: (problem) => flavour.badRequest(problem),
    notFound: (modelId) => flavour.notFound(modelId),
    contextTooLong: (call) => (call.inputTokens > call.model.contextWindowTokens ? contextTooLong(flavour, call) : undefined),
    rateLimited: flavour.rateLimited,
    errors: flavour.errors,
    faults: flavour.faults,
    streamFault: (call, body, quota) => streamFault(call, body, { status: 200, headers: flavour.successHeaders(call, quota) }),
    success(call, reply, quota, onSent) {
      const headers = flavour.successHeaders(call, quota);
      const ending = endingOf(reply);
      if (call.stream) return { reply: sseReply(streamEvents(call, ending), { status: 200, headers }, onSent), outcome: 'ok' };
      onSent();
      return { reply: jsonReply(responseObject(call, ending, idsOf(call)), { status: 200, headers }), outcome: 'ok' };
    },
  };
}

/**
 * The Responses API's context-length refusal: a 400 to a whole request; to a
 * streamed one a 200 whose stream opens and then carries it as an `error`
 * event (observed: `{"type":"error","sequence_number":2,"error":{"type":
 * "invalid_request_error","code":"context_length_exceeded","message":"Your
 * input exceeds the context window of this model. …","param":"input"}}`,
 * dyad-sh/dyad#1672; the same wording in onyx-dot-app/onyx#6051).
 */
function contextTooLong(flavour: ChatFlavour<OpenAiError>, call: ResponsesCall): Answer {
  const error: OpenAiError = {
    message: 'Your input exceeds the context window of this model. Please adjust your input and try again.',
    type: 'invalid_request_error',
    param: 'input',
    code: 'context_length_exceeded',
  };
  const refused = errorAnswer(flavour.errors, 400, error, 'context-too-long');
  if (!call.stream) return refused;
  const event = eventWriter();
  const ids = idsOf(call);
  const events = [
    event('response.created', { response: responseObject(call, undefined, ids) }),
    event('response.in_progress', { response: responseObject(call, undefined, ids) }),
    event('error', { error }),
  ];
  return { ...refused, reply: sseReply(events, { status: 200, headers: flavour.successHeaders(call, {}) }, () => undefined) };
}

/** The text the estimator counts: `instructions`, a string `input`, and every item's string content, text parts and tool output. */
function* responsesPromptTexts(body: ResponsesRequest): Iterable<string> {
  if (body.instructions) yield body.instructions;
  if (typeof body.input === 'string') {
    yield body.input;
    return;
  }
  for (const item of body.input) {
    if (typeof item.content === 'string') yield item.content;
    else for (const part of item.content ?? []) if (part.text) yield part.text;
    if (item.output) yield item.output;
  }
}

/**
 * How an answer ends: `completed`, or `incomplete` with the reason the
 * Responses API gives (`max_output_tokens`, `content_filter`).
 */
type Ending = { readonly text: string; readonly outputTokens: number; readonly incompleteReason: string | undefined };

function endingOf(reply: Reply): Ending {
  return { text: reply.text, outputTokens: reply.outputTokens, incompleteReason: reply.truncated ? 'max_output_tokens' : undefined };
}

/** The ids one answer uses throughout its events. */
type AnswerIds = { readonly response: string; readonly message: string };

function idsOf(call: ResponsesCall): AnswerIds {
  return { response: `resp_${randomId(call.ids, 48, '0123456789abcdef')}`, message: `msg_${randomId(call.ids, 48, '0123456789abcdef')}` };
}

function usageOf(inputTokens: number, outputTokens: number) {
  return {
    input_tokens: inputTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: outputTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: inputTokens + outputTokens,
  };
}

function outputText(text: string) {
  return { type: 'output_text', annotations: [], logprobs: [], text };
}

function messageItem(ids: AnswerIds, status: 'in_progress' | 'completed' | 'incomplete', content: readonly object[]) {
  return { id: ids.message, type: 'message', status, role: 'assistant', content };
}

/** The `Response` object; `ending` undefined = still in progress (the `response.created` snapshot). */
function responseObject(call: ResponsesCall, ending: Ending | undefined, ids: AnswerIds, output?: readonly object[]) {
  const status = ending === undefined ? 'in_progress' : ending.incompleteReason === undefined ? 'completed' : 'incomplete';
  const finished = ending === undefined ? [] : [messageItem(ids, status === 'completed' ? 'completed' : 'incomplete', [outputText(ending.text)])];
  return {
    id: ids.response,
    object: 'response',
    created_at: Math.floor(call.atMs / 1000),
    status,
    background: false,
    error: null,
    incomplete_details: ending?.incompleteReason === undefined ? null : { reason: ending.incompleteReason },
    instructions: call.body.instructions ?? null,
    max_output_tokens: call.body.max_output_tokens ?? null,
    model: call.model.id,
    output: output ?? finished,
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    service_tier: 'default',
    store: call.body['store'] !== false,
    temperature: 1,
    text: { format: { type: 'text' } },
    tool_choice: 'auto',
    tools: [],
    top_p: 1,
    truncation: 'disabled',
    usage: ending === undefined ? null : usageOf(call.inputTokens, ending.outputTokens),
    user: null,
    metadata: {},
  };
}

/** Named SSE events with a running `sequence_number`. */
function eventWriter() {
  let sequence = 0;
  return (type: string, fields: object) => `event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence++, ...fields })}\n\n`;
}

/**
 * The events of an answer. `cut` stops after the first text delta (the
 * `truncated` fault): no `.done` events, no `response.completed`.
 */
function streamEvents(call: ResponsesCall, ending: Ending, cut = false): string[] {
  const ids = idsOf(call);
  const event = eventWriter();
  const at = { item_id: ids.message, output_index: 0, content_index: 0 };
  const events = [
    event('response.created', { response: responseObject(call, undefined, ids) }),
    event('response.in_progress', { response: responseObject(call, undefined, ids) }),
    event('response.output_item.added', { output_index: 0, item: messageItem(ids, 'in_progress', []) }),
    event('response.content_part.added', { ...at, part: outputText('') }),
    ...(cut ? [ending.text] : chunkText(ending.text)).map((delta) => event('response.output_text.delta', { ...at, delta, logprobs: [] })),
  ];
  if (cut) return events;
  const status = ending.incompleteReason === undefined ? 'completed' : 'incomplete';
  events.push(
    event('response.output_text.done', { ...at, text: ending.text, logprobs: [] }),
    event('response.content_part.done', { ...at, part: outputText(ending.text) }),
    event('response.output_item.done', { output_index: 0, item: messageItem(ids, status, [outputText(ending.text)]) }),
    event(`response.${status}`, { response: responseObject(call, ending, ids) }),
  );
  return events;
}

/**
 * Stream faults (stream-faults.ts) in this format. `finish-reason:R` ends
 * with no text: `stop` as `response.completed`, anything else as
 * `response.incomplete` whose `incomplete_details.reason` is R in the Chat
 * Completions vocabulary (`length` → `max_output_tokens`, SAFETY, … →
 * `content_filter`); `error-in-stream` is an `event: error` carrying the
 * forced 429's error object after `response.created` (the openai SDK
 * throws it as an APIError, src/core/streaming.ts); `truncated` stops after
 * one text delta.
 */
function streamFault(call: ResponsesCall, body: StreamFaultBody, init: ReplyInit): WireReply {
  const unmetered = () => undefined;
  const answer = (ending: Ending, cut = false) =>
    call.stream ? sseReply(streamEvents(call, ending, cut), init, unmetered) : jsonReply(responseObject(call, ending, idsOf(call)), init);
  switch (body.kind) {
    case 'finish-reason': {
      const reason = finishReasonFor('chat', body.finishReason);
      return answer({ text: '', outputTokens: 0, incompleteReason: reason === 'stop' ? undefined : reason === 'length' ? 'max_output_tokens' : reason });
    }
    case 'truncated':
      return answer({ text: body.text, outputTokens: tokensForCharacters(body.text.length), incompleteReason: undefined }, true);
    case 'empty-stream':
      return call.stream ? sseReply([], init, unmetered) : jsonReply(responseObject(call, { text: '', outputTokens: 0, incompleteReason: undefined }, idsOf(call), []), init);
    case 'error-in-stream': {
      if (!call.stream) return jsonReply(JSON.parse(body.rateLimitJson), init);
      const event = eventWriter();
      const ids = idsOf(call);
      const events = [event('response.created', { response: responseObject(call, undefined, ids) }), event('error', { error: errorOf(body.rateLimitJson) })];
      return sseReply(events, init, unmetered);
    }
    case 'reset-after-headers':
      return resetAfterHeadersReply(init, call.stream ? 'text/event-stream' : 'application/json');
  }
}

/** The `error` object of the forced 429's body, as a stream's `error` event nests it (the shape above `contextTooLong`). */
function errorOf(json: string): unknown {
  return (JSON.parse(json) as { error?: unknown }).error;
}
