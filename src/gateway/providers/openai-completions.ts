/**
 * `openai-completions`: OpenAI Chat Completions through the official `openai`
 * SDK, for OpenAI and the OpenAI-compatible Moonshot and xAI. Streams by
 * default, as OpenClaw does (`stream: true` in the golden traces, e.g.
 * test/golden/openclaw-2026.9.6/primary-429-cross-provider-ok.json; observed on
 * openclaw@2026.9.6 with `stream_options` and `max_completion_tokens`).
 */
import OpenAI from 'openai';
import type { ChatCompletionChunk, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { messageOf, ProviderError, StopReasonError } from './provider-error.ts';
import type { AdapterDeps } from './adapter-deps.ts';
import { stainlessCall } from './sdk-retry.ts';
import type { ChatCall, ChatReply, ProviderClient } from './types.ts';

export function openAiCompletionsClient(deps: AdapterDeps): ProviderClient {
  const client = new OpenAI({ apiKey: deps.apiKey ?? 'quotastorm-no-key', baseURL: deps.baseUrl, fetch: deps.fetch, maxRetries: 0 });
  return {
    providerId: deps.providerId,
    api: 'openai-completions',
    call: (call) =>
      stainlessCall(deps, {
        send: (retryCount) => create(client, call, retryCount),
        read: (sent, httpRequests) =>
          call.stream ? readStream(sent as AsyncIterable<ChatCompletionChunk>, httpRequests) : fromCompletion(sent as OpenAI.ChatCompletion, httpRequests),
        failed: openAiFailedRequest,
        toError: (error, httpRequests) => toOpenAiProviderError(error, deps.providerId, call.modelId, httpRequests),
      }),
  };
}

function create(client: OpenAI, call: ChatCall, retryCount: number): Promise<OpenAI.ChatCompletion | AsyncIterable<ChatCompletionChunk>> {
  const messages: ChatCompletionMessageParam[] = [
    { role: 'system', content: call.system },
    ...call.messages.map((message) => ({ role: message.role, content: message.text })),
  ];
  const options = { headers: { 'x-stainless-retry-count': String(retryCount) } };
  const body = {
    model: call.modelId,
    messages,
    ...(call.maxOutputTokens === undefined ? {} : { max_completion_tokens: call.maxOutputTokens }),
  };
  if (call.stream) return client.chat.completions.create({ ...body, stream: true, stream_options: { include_usage: true } }, options);
  return client.chat.completions.create(body, options);
}

async function readStream(stream: AsyncIterable<ChatCompletionChunk>, httpRequests: number): Promise<ChatReply> {
  let text = '';
  let finish: string | null | undefined;
  let usage = { inputTokens: 0, outputTokens: 0 };
  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    text += choice?.delta?.content ?? '';
    finish = choice?.finish_reason ?? finish;
    // Moonshot puts usage inside the final chunk's choice (unverified: what public client parsers for Moonshot
    // handle, not in its API docs); OpenAI in a trailing chunk.
    const raw = chunk.usage ?? (choice as { usage?: OpenAI.CompletionUsage } | undefined)?.usage;
    if (raw) usage = { inputTokens: raw.prompt_tokens, outputTokens: raw.completion_tokens };
  }
  return { text, stopReason: stopReason(finish), usage, httpRequests };
}

function fromCompletion(completion: OpenAI.ChatCompletion, httpRequests: number): ChatReply {
  const choice = completion.choices[0];
  return {
    text: choice?.message.content ?? '',
    stopReason: stopReason(choice?.finish_reason),
    usage: { inputTokens: completion.usage?.prompt_tokens ?? 0, outputTokens: completion.usage?.completion_tokens ?? 0 },
    httpRequests,
  };
}

// pi-ai openai-completions: stop → stop, length → length, tool calls → toolUse (a normal end here),
// anything else (content_filter, …) → error, which it throws as "An unknown error occurred".
function stopReason(finish: string | null | undefined): ChatReply['stopReason'] {
  if (finish === undefined || finish === null) return 'missing';
  if (finish === 'stop' || finish === 'tool_calls' || finish === 'function_call') return 'stop';
  if (finish === 'length') return 'length';
  throw new StopReasonError(finish);
}

/** What the retry loop needs of an `openai` SDK error (shared with openai-responses.ts). */
export function openAiFailedRequest(error: unknown) {
  if (error instanceof OpenAI.APIConnectionError) return { status: undefined, headers: undefined };
  if (error instanceof OpenAI.APIError) return { status: error.status, headers: error.headers };
  return undefined;
}

/** An `openai` SDK error, a stop reason pi-ai throws on, or a broken stream, as the router's `ProviderError`. */
export function toOpenAiProviderError(error: unknown, providerId: string, modelId: string, httpRequests: number): ProviderError {
  if (error instanceof ProviderError) return error;
  const base = { providerId, modelId, httpRequests, cause: error };
  if (error instanceof StopReasonError) return error.toProviderError(base);
  if (error instanceof OpenAI.APIConnectionError) return new ProviderError({ ...base, message: error.message, phase: 'network' });
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    return new ProviderError({ ...base, message: error.message, phase: 'http', status: error.status, headers: error.headers, body: error.error });
  }
  // Anything else came out of a started stream: a reset, an error event, malformed data.
  return new ProviderError({ ...base, message: messageOf(error), phase: 'stream' });
}
