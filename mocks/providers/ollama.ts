/**
 * Ollama's native chat API (`api: "ollama"`), on each base URL a config
 * names: `POST /api/chat`, answered as newline-delimited JSON when `stream`
 * is true (https://github.com/ollama/ollama/blob/main/docs/api.md, "Generate
 * a chat completion"). Chunks carry `message.content` deltas; the last has
 * `done: true`, `done_reason` and the token counts `prompt_eval_count` /
 * `eval_count` that OpenClaw reads as usage (openclaw@2026.2.26
 * `createOllamaStreamFn`). Errors are `{"error": "<text>"}` with the status.
 * `GET /api/tags` lists the served models, as OpenClaw's startup discovery asks.
 *
 * A local server has no quota: unlimited unless the scenario sets limits
 * (tiers.ts). Ollama answers any model it has pulled; the mock answers any id.
 */
import { z } from 'zod';
import type { MockRoute } from '../routes.ts';
import { jsonReply, type ReplyInit, resetAfterHeadersReply, sseReply, type WireReply } from '../wire-reply.ts';
import { type Call, type Dialect, errorAnswer, type ErrorFormat, type FaultTable, invalidBody, MALFORMED_JSON } from './dialect.ts';
import { createExchange, type ProviderMockSpec } from './exchange.ts';
import { chunkText } from './reply.ts';
import { finishReasonFor, type StreamFaultBody } from './stream-faults.ts';
import { tokensForCharacters } from './tokens.ts';

/** Where one ollama server is: its `baseUrl`; a trailing `/v1` is dropped, as OpenClaw's `resolveOllamaChatUrl` does. */
export type OllamaMount = { readonly baseUrl: string; readonly providerId?: string };

const OllamaRequest = z.looseObject({
  model: z.string(),
  messages: z.array(z.looseObject({ role: z.string(), content: z.string().nullish() })),
  stream: z.boolean().nullish(),
  options: z.looseObject({ num_predict: z.number().int().nullish(), num_ctx: z.number().int().nullish() }).nullish(),
});
type OllamaRequest = z.infer<typeof OllamaRequest>;
type OllamaCall = Call<OllamaRequest>;

export function ollamaRoutes(spec: ProviderMockSpec, mounts: readonly OllamaMount[]): MockRoute[] {
  const exchange = createExchange(spec, OLLAMA_DIALECT);
  const origins = [...new Set(mounts.map(({ baseUrl }) => chatUrlOf(baseUrl)))];
  return origins.flatMap((url): MockRoute[] => {
    const { origin, pathname } = new URL(url);
    return [
      { method: 'POST', origin, path: pathname, handle: (request) => exchange(request, { api: 'chat' }) },
      { method: 'GET', origin, path: pathname.replace(/\/chat$/, '/tags'), handle: async () => tagsReply(spec) },
    ];
  });
}

/**
 * `GET /api/tags`: the models the server has pulled — here, the ollama models the run serves (the ones the
 * config declares or names), which OpenClaw lists at startup to build its model registry
 * (openclaw@2026.2.26 `discoverOllamaModels`; https://github.com/ollama/ollama/blob/main/docs/api.md "List Local Models").
 */
function tagsReply(spec: ProviderMockSpec): WireReply {
  const models = spec.ledger.models.ollama.map((model) => ({
    name: model.id,
    model: model.id,
    modified_at: '2026-01-01T00:00:00Z',
    size: 0,
    digest: '',
    details: { format: 'gguf', family: '', families: null, parameter_size: '', quantization_level: '' },
  }));
  return jsonReply({ models }, { status: 200 });
}

/** openclaw@2026.2.26 `resolveOllamaChatUrl`: the base URL without trailing slashes or `/v1`, then `/api/chat`. */
function chatUrlOf(baseUrl: string): string {
  return `${baseUrl.trim().replace(/\/+$/, '').replace(/\/v1$/i, '')}/api/chat`;
}

type OllamaError = { readonly error: string };

const OLLAMA_ERRORS: ErrorFormat<OllamaError> = {
  errorType: (fields) => fields.error,
  reply: (status, fields, context) => jsonReply(fields, { status, ...(context.headers === undefined ? {} : { headers: context.headers }) }),
};

// A local server has no quota or billing; these are the texts ollama's server uses where it has one
// (server/routes.go: "server busy, please try again.  maximum pending requests exceeded"), else unverified.
const OLLAMA_FAULTS: FaultTable<OllamaError> = {
  overloaded: { status: 503, error: { error: 'server busy, please try again.  maximum pending requests exceeded' } },
  unavailable: { status: 503, error: { error: 'server busy, please try again.  maximum pending requests exceeded' } },
  'server-error': { status: 500, error: { error: 'llama runner process has terminated: exit status 2' } },
  'budget-exhausted': { status: 429, error: { error: 'you have reached your usage limit' } },
  billing: { status: 429, error: { error: 'you have reached your usage limit' } },
  'payment-required': { status: 402, error: { error: 'payment required' } },
  auth: { status: 401, error: { error: 'unauthorized' } },
  forbidden: { status: 403, error: { error: 'forbidden' } },
  'bad-gateway': { status: 502, error: { error: 'bad gateway' } },
  timeout: { status: 504, error: { error: 'gateway timeout' } },
  // A local server cuts a long prompt to its context rather than refuse it; the refusal only comes from a fault.
  'context-length': { status: 400, error: { error: 'the input length exceeds the context length' } },
  'rate-limit-no-retry-after': { status: 429, error: { error: 'too many requests' } },
};

const OLLAMA_DIALECT: Dialect<OllamaRequest, string, OllamaError> = {
  provider: 'ollama',
  parseBody(json) {
    if (json === MALFORMED_JSON) return invalidBody('invalid character in request body');
    const parsed = OllamaRequest.safeParse(json);
    return parsed.success ? parsed.data : invalidBody(`${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
  },
  apiKey: (request) => request.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? undefined,
  modelId: (body) => body.model,
  // Ollama streams unless told not to.
  isStream: (body) => body.stream !== false,
  *promptTexts(body) {
    for (const message of body.messages) if (message.content) yield message.content;
  },
  maxOutputTokens: (body) => body.options?.num_predict ?? undefined,
  badRequest: (problem) => errorAnswer(OLLAMA_ERRORS, 400, { error: problem }, 'bad-request'),
  notFound: (modelId) => errorAnswer(OLLAMA_ERRORS, 404, { error: `model "${modelId}" not found, try pulling it first` }, 'not-found'),
  // Ollama truncates a prompt longer than num_ctx rather than refusing it.
  contextTooLong: () => undefined,
  rateLimited(call, admission) {
    const retryAfterMs = admission.retryAfterMs;
    const answer = errorAnswer(OLLAMA_ERRORS, 429, { error: 'too many requests' }, retryAfterMs === undefined ? 'too-large' : 'rate-limited');
    return retryAfterMs === undefined ? answer : { ...answer, retryAfterMs };
  },
  errors: OLLAMA_ERRORS,
  faults: OLLAMA_FAULTS,
  streamFault: (call, body) => streamFault(call, body, { status: 200 }),
  success(call, reply, _quota, onSent) {
    const ending = { text: reply.text, outputTokens: reply.outputTokens, doneReason: reply.truncated ? 'length' : 'stop' };
    if (call.stream) return { reply: ndjsonReply(chunks(call, ending), { status: 200 }, onSent), outcome: 'ok' };
    onSent();
    return { reply: jsonReply(finalChunk(call, ending, ending.text), { status: 200 }), outcome: 'ok' };
  },
};

type Ending = { readonly text: string; readonly outputTokens: number; readonly doneReason: string | null };

function ndjsonReply(lines: readonly object[], init: ReplyInit, onDone: () => void): WireReply {
  return sseReply(lines.map((line) => `${JSON.stringify(line)}\n`), { ...init, headers: { 'content-type': 'application/x-ndjson' } }, onDone);
}

function chunks(call: OllamaCall, ending: Ending, cut = false): object[] {
  const createdAt = new Date(call.atMs).toISOString();
  const deltas = (cut ? [ending.text] : chunkText(ending.text)).map((content) => ({ model: call.model.id, created_at: createdAt, message: { role: 'assistant', content }, done: false }));
  return cut ? deltas : [...deltas, finalChunk(call, ending, '')];
}

function finalChunk(call: OllamaCall, ending: Ending, content: string) {
  return {
    model: call.model.id,
    created_at: new Date(call.atMs).toISOString(),
    message: { role: 'assistant', content },
    done: true,
    ...(ending.doneReason === null ? {} : { done_reason: ending.doneReason }),
    prompt_eval_count: call.inputTokens,
    eval_count: ending.outputTokens,
  };
}

/** Stream faults in NDJSON: a finish reason rides in `done_reason`; `truncated` ends before the `done` chunk. */
function streamFault(call: OllamaCall, body: StreamFaultBody, init: ReplyInit): WireReply {
  const unmetered = () => undefined;
  const answer = (ending: Ending, cut = false) => (call.stream ? ndjsonReply(chunks(call, ending, cut), init, unmetered) : jsonReply(finalChunk(call, ending, ending.text), init));
  switch (body.kind) {
    case 'finish-reason':
      return answer({ text: '', outputTokens: 0, doneReason: finishReasonFor('chat', body.finishReason) });
    case 'truncated':
      return answer({ text: body.text, outputTokens: tokensForCharacters(body.text.length), doneReason: null }, true);
    case 'empty-stream':
      return call.stream ? ndjsonReply([], init, unmetered) : jsonReply({}, init);
    case 'error-in-stream':
      return call.stream ? sseReply([`${body.rateLimitJson}\n`], { ...init, headers: { 'content-type': 'application/x-ndjson' } }, unmetered) : jsonReply(JSON.parse(body.rateLimitJson), init);
    case 'reset-after-headers':
      return resetAfterHeadersReply(init, call.stream ? 'application/x-ndjson' : 'application/json');
  }
}
