/**
 * The OpenAI Chat Completions wire format, shared by OpenAI, Moonshot and
 * xAI (all three speak it; providers.md §2, §4, §5). A `ChatFlavour` holds
 * what differs: usage fields, where streamed usage goes, headers, and every
 * error body.
 *
 * JSON: `chat.completion` with `usage` (§2.2). SSE: `chat.completion.chunk`
 * events, a first chunk with the role, content deltas, a final chunk with
 * `finish_reason`, then `data: [DONE]` (§2.3). Streamed usage goes either in
 * a trailing `choices: []` chunk when `stream_options.include_usage` is set
 * (OpenAI) or inside `choices[0].usage` of the final chunk (Moonshot, §4.2).
 */
import { http, type RequestHandler } from 'msw';
import { z } from 'zod';
import type { Admission, QuotaSnapshot } from './ledger.ts';
import { type Answer, bearerKey, type Call, createExchange, type Dialect, invalidBody, MALFORMED_JSON, type ProviderMockSpec } from './exchange.ts';
import type { Fault } from './faults.ts';
import { chunkText, type Reply } from './reply.ts';
import { jsonResponse, randomId, sseResponse } from './wire.ts';

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
export type ChatCall = Call<ChatRequest>;

/** Why a body was refused: not JSON at all, or JSON of the wrong shape. */
export type BodyProblem = { readonly kind: 'malformed' } | { readonly kind: 'invalid'; readonly param: string; readonly message: string };

export type ChatFlavour = {
  readonly provider: 'openai' | 'moonshot' | 'xai';
  readonly origin: string;
  readonly usage: (inputTokens: number, outputTokens: number) => object;
  readonly streamUsage: 'trailing-chunk-if-requested' | 'final-choice';
  readonly successHeaders: (call: ChatCall, quota: QuotaSnapshot) => Record<string, string>;
  readonly badRequest: (problem: BodyProblem) => Answer;
  readonly notFound: (modelId: string) => Answer;
  readonly contextTooLong: (call: ChatCall) => Answer;
  readonly rateLimited: (call: ChatCall, admission: Admission) => Answer;
  readonly fault: (call: ChatCall, fault: Fault, quota: QuotaSnapshot) => Answer;
};

export function chatCompletionsHandlers(spec: ProviderMockSpec, flavour: ChatFlavour): RequestHandler[] {
  const exchange = createExchange(spec, chatDialect(flavour));
  return [http.post(`${flavour.origin}/v1/chat/completions`, ({ request }) => exchange(request, { api: 'chat.completions' }))];
}

/** The text the estimator counts: string contents and `text` parts of every message. */
export function* chatPromptTexts(body: ChatRequest): Iterable<string> {
  for (const message of body.messages) {
    if (typeof message.content === 'string') yield message.content;
    else for (const part of message.content ?? []) if (part.text) yield part.text;
  }
}

function chatDialect(flavour: ChatFlavour): Dialect<ChatRequest, BodyProblem> {
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
    fault: flavour.fault,
    success(call, reply, quota, onSent) {
      const headers = flavour.successHeaders(call, quota);
      if (call.stream) return { response: sseResponse(streamEvents(flavour, call, reply), { status: 200, headers }, onSent), outcome: 'ok' };
      onSent();
      return { response: jsonResponse(completion(flavour, call, reply), { status: 200, headers }), outcome: 'ok' };
    },
  };
}

function completion(flavour: ChatFlavour, call: ChatCall, reply: Reply) {
  return {
    id: `chatcmpl-${randomId(call.ids, 29)}`,
    object: 'chat.completion',
    created: Math.floor(call.atMs / 1000),
    model: call.model.id,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: reply.text, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: finishReason(reply),
      },
    ],
    usage: flavour.usage(call.inputTokens, reply.outputTokens),
    service_tier: 'default',
    system_fingerprint: `fp_${randomId(call.ids, 10, '0123456789abcdef')}`,
  };
}

function streamEvents(flavour: ChatFlavour, call: ChatCall, reply: Reply): string[] {
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
    // With include_usage every chunk carries `usage: null` until the trailing one (§2.3).
    ...(trailingUsage ? { usage: usage ?? null } : {}),
  });
  const usage = flavour.usage(call.inputTokens, reply.outputTokens);
  const chunks = [
    chunk({ delta: { role: 'assistant', content: '', refusal: null }, finish_reason: null }),
    ...chunkText(reply.text).map((piece) => chunk({ delta: { content: piece }, finish_reason: null })),
    chunk({
      delta: {},
      finish_reason: finishReason(reply),
      ...(flavour.streamUsage === 'final-choice' ? { usage } : {}),
    }),
  ];
  if (trailingUsage) chunks.push(chunk(undefined, usage));
  return [...chunks.map((entry) => `data: ${JSON.stringify(entry)}\n\n`), 'data: [DONE]\n\n'];
}

function finishReason(reply: Reply): 'stop' | 'length' {
  return reply.truncated ? 'length' : 'stop';
}
