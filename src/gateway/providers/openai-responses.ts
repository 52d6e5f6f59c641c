/**
 * The OpenAI Responses API family through the official `openai` SDK's
 * `client.responses.create`: `openai-responses` (OpenAI, LM Studio, a
 * LiteLLM proxy, …), `azure-openai-responses` (Azure OpenAI's `/openai/v1`)
 * and `openai-codex-responses` (ChatGPT's Codex backend). What each sends
 * and how each reads the stream follows pi-ai 0.55.1, the library
 * openclaw@2026.2.26 calls (node_modules/@mariozechner/pi-ai/dist/providers/
 * openai-responses.js `streamOpenAIResponses`, azure-openai-responses.js
 * `streamAzureOpenAIResponses`, openai-codex-responses.js
 * `streamOpenAICodexResponses`, and openai-responses-shared.js
 * `processResponsesStream` / `mapStopReason`). The three differ only in the
 * rows of `VARIANTS`: client, URL, headers and where the system prompt goes.
 */
import OpenAI, { AzureOpenAI } from 'openai';
import type { Response, ResponseInputItem, ResponseStreamEvent } from 'openai/resources/responses/responses';
import type { AdapterDeps } from './adapter-deps.ts';
import { openAiFailedRequest, toOpenAiProviderError } from './openai-completions.ts';
import { StopReasonError } from './provider-error.ts';
import { stainlessCall } from './sdk-retry.ts';
import type { ChatCall, ChatReply, ProviderClient } from './types.ts';

type ResponsesApi = 'openai-responses' | 'azure-openai-responses' | 'openai-codex-responses';

/** What differs between the three kinds. */
type Variant = {
  readonly client: (deps: AdapterDeps, apiKey: string) => OpenAI;
  /** pi-ai puts the system prompt first in `input` (role `system`), except for Codex: `instructions`. */
  readonly systemPrompt: 'input' | 'instructions';
  /** Per-request headers: Codex goes out through plain fetch in pi-ai, so no `x-stainless-retry-count`. */
  readonly retryCountHeader: boolean;
  /** The events that carry the final response (pi-ai reads usage and status only there). */
  readonly completedEvents: ReadonlySet<string>;
  /** How pi-ai words a `response.failed` event. */
  readonly failedMessage: (response: Response | undefined) => string;
};

const VARIANTS: Readonly<Record<ResponsesApi, Variant>> = {
  'openai-responses': {
    client: (deps, apiKey) => new OpenAI({ apiKey, baseURL: deps.baseUrl, fetch: deps.fetch, maxRetries: 0 }),
    systemPrompt: 'input',
    retryCountHeader: true,
    completedEvents: new Set(['response.completed']),
    failedMessage: () => 'Unknown error',
  },
  // AzureOpenAI with the base URL as given and api-version "v1" (pi-ai `resolveAzureConfig`, DEFAULT_AZURE_API_VERSION):
  // POST {baseUrl}/responses?api-version=v1 with an `api-key` header.
  'azure-openai-responses': {
    client: (deps, apiKey) => new AzureOpenAI({ apiKey, apiVersion: 'v1', baseURL: deps.baseUrl, fetch: deps.fetch, maxRetries: 0 }),
    systemPrompt: 'input',
    retryCountHeader: true,
    completedEvents: new Set(['response.completed']),
    failedMessage: () => 'Unknown error',
  },
  // pi-ai `resolveCodexUrl` and `buildHeaders`: {base}/codex/responses, the token as Bearer, its ChatGPT account id,
  // `OpenAI-Beta: responses=experimental`, `originator: pi`. The token is the run's own stand-in, never the user's.
  'openai-codex-responses': {
    client: (deps, apiKey) =>
      new OpenAI({
        apiKey,
        baseURL: codexBaseUrl(deps.baseUrl),
        fetch: deps.fetch,
        maxRetries: 0,
        defaultHeaders: { 'chatgpt-account-id': `quotastorm-${deps.providerId}`, 'OpenAI-Beta': 'responses=experimental', originator: 'pi' },
      }),
    systemPrompt: 'instructions',
    retryCountHeader: false,
    // pi-ai `mapCodexEvents`: `response.done` is read as `response.completed`.
    completedEvents: new Set(['response.completed', 'response.done']),
    failedMessage: (response) => response?.error?.message || 'Codex response failed',
  },
};

export function openAiResponsesClient(deps: AdapterDeps): ProviderClient {
  return responsesClient(deps, 'openai-responses');
}

export function azureOpenAiResponsesClient(deps: AdapterDeps): ProviderClient {
  return responsesClient(deps, 'azure-openai-responses');
}

export function openAiCodexResponsesClient(deps: AdapterDeps): ProviderClient {
  return responsesClient(deps, 'openai-codex-responses');
}

function responsesClient(deps: AdapterDeps, api: ResponsesApi): ProviderClient {
  const variant = VARIANTS[api];
  const client = variant.client(deps, deps.apiKey ?? 'quotastorm-no-key');
  return {
    providerId: deps.providerId,
    api,
    call: (call) =>
      stainlessCall(deps, {
        send: (retryCount) => create(client, variant, call, retryCount),
        read: (sent, httpRequests) =>
          call.stream ? readStream(sent as AsyncIterable<ResponseStreamEvent>, variant, httpRequests) : fromResponse(sent as Response, httpRequests),
        failed: openAiFailedRequest,
        toError: (error, httpRequests) => toOpenAiProviderError(error, deps.providerId, call.modelId, httpRequests),
      }),
  };
}

/** pi-ai `resolveCodexUrl` without its last segment: the SDK appends `/responses`. */
function codexBaseUrl(baseUrl: string): string {
  const base = (baseUrl.trim() || 'https://chatgpt.com/backend-api').replace(/\/+$/, '');
  if (base.endsWith('/codex/responses')) return base.slice(0, -'/responses'.length);
  return base.endsWith('/codex') ? base : `${base}/codex`;
}

function create(client: OpenAI, variant: Variant, call: ChatCall, retryCount: number): Promise<Response | AsyncIterable<ResponseStreamEvent>> {
  const input: ResponseInputItem[] = call.messages.map((message, index) =>
    message.role === 'user'
      ? { role: 'user', content: [{ type: 'input_text', text: message.text }] }
      : { type: 'message', role: 'assistant', id: `msg_${index}`, status: 'completed', content: [{ type: 'output_text', text: message.text, annotations: [] }] },
  );
  if (variant.systemPrompt === 'input' && call.system) input.unshift({ role: 'system', content: call.system });
  const body = {
    model: call.modelId,
    input,
    store: false,
    ...(variant.systemPrompt === 'instructions' ? { instructions: call.system } : {}),
    ...(call.maxOutputTokens === undefined ? {} : { max_output_tokens: call.maxOutputTokens }),
  };
  const options = variant.retryCountHeader ? { headers: { 'x-stainless-retry-count': String(retryCount) } } : { headers: { 'x-stainless-retry-count': null } };
  if (call.stream) return client.responses.create({ ...body, stream: true }, options);
  return client.responses.create(body, options);
}

/**
 * pi-ai `processResponsesStream`: text from `response.output_text.delta`,
 * usage and status only from `response.completed` (Codex: `response.done`
 * too). A stream that ends without one — or with `response.incomplete`,
 * which pi-ai 0.55.1 does not read — keeps pi-ai's initial stop reason,
 * `stop`, and zero usage.
 */
async function readStream(events: AsyncIterable<ResponseStreamEvent>, variant: Variant, httpRequests: number): Promise<ChatReply> {
  let text = '';
  let completed: Response | undefined;
  for await (const event of events) {
    const type = event.type as string;
    if (event.type === 'response.output_text.delta') text += event.delta;
    else if (variant.completedEvents.has(type)) completed = (event as { response: Response }).response;
    else if (event.type === 'error') throw new Error(`Error Code ${event.code}: ${event.message}`);
    else if (event.type === 'response.failed') throw new Error(variant.failedMessage(event.response));
  }
  return { text, stopReason: stopReason(completed?.status), usage: usageOf(completed), httpRequests };
}

function fromResponse(response: Response, httpRequests: number): ChatReply {
  return { text: response.output_text ?? '', stopReason: stopReason(response.status), usage: usageOf(response), httpRequests };
}

/** pi-ai: `input_tokens` less the cached ones (it counts those as cache reads), `output_tokens`. */
function usageOf(response: Response | undefined): ChatReply['usage'] {
  const usage = response?.usage;
  if (!usage) return { inputTokens: 0, outputTokens: 0 };
  return { inputTokens: usage.input_tokens - (usage.input_tokens_details?.cached_tokens ?? 0), outputTokens: usage.output_tokens };
}

// pi-ai `mapStopReason`: completed (and the in-flight states) → stop, incomplete → length,
// failed / cancelled → error, which it throws as "An unknown error occurred".
function stopReason(status: string | undefined): ChatReply['stopReason'] {
  if (status === 'incomplete') return 'length';
  if (status === 'failed' || status === 'cancelled') throw new StopReasonError(status);
  return 'stop';
}
