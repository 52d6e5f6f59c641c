/**
 * `anthropic-messages`: the Messages API through `@anthropic-ai/sdk`, streamed
 * by default. A provider configured with this API is what OpenClaw treats as
 * Anthropic-style (cache-ttl pruning applies to it: `isCacheTtlEligibleProvider` in OpenClaw 2026.4.12).
 */
import Anthropic from '@anthropic-ai/sdk';
import type { AdapterDeps } from './adapter-deps.ts';
import { messageOf, ProviderError, StopReasonError } from './provider-error.ts';
import { stainlessCall } from './sdk-retry.ts';
import type { ChatCall, ChatReply, ProviderClient } from './types.ts';

/** OpenClaw's default output cap for a custom model (custom-provider defaults, https://docs.openclaw.ai/concepts/model-providers). */
const DEFAULT_MAX_TOKENS = 8_192;

type MessageEvent = Anthropic.Messages.RawMessageStreamEvent;

export function anthropicMessagesClient(deps: AdapterDeps): ProviderClient {
  const client = new Anthropic({ apiKey: deps.apiKey ?? 'quotastorm-no-key', baseURL: deps.baseUrl, fetch: deps.fetch, maxRetries: 0 });
  return {
    providerId: deps.providerId,
    api: 'anthropic-messages',
    call: (call) =>
      stainlessCall(deps, {
        send: (retryCount) => create(client, call, retryCount),
        read: (sent, httpRequests) =>
          call.stream ? readStream(sent as AsyncIterable<MessageEvent>, httpRequests) : fromMessage(sent as Anthropic.Message, httpRequests),
        failed: failedRequest,
        toError: (error, httpRequests) => toProviderError(error, deps.providerId, call.modelId, httpRequests),
      }),
  };
}

function create(client: Anthropic, call: ChatCall, retryCount: number): Promise<Anthropic.Message | AsyncIterable<MessageEvent>> {
  const body = {
    model: call.modelId,
    max_tokens: call.maxOutputTokens ?? DEFAULT_MAX_TOKENS,
    system: call.system,
    messages: call.messages.map((message) => ({ role: message.role, content: message.text })),
  };
  const options = { headers: { 'x-stainless-retry-count': String(retryCount) } };
  if (call.stream) return client.messages.create({ ...body, stream: true }, options);
  return client.messages.create(body, options);
}

async function readStream(stream: AsyncIterable<MessageEvent>, httpRequests: number): Promise<ChatReply> {
  let text = '';
  let stop: string | null | undefined;
  const usage = { inputTokens: 0, outputTokens: 0 };
  for await (const event of stream) {
    if (event.type === 'message_start') usage.inputTokens = event.message.usage.input_tokens;
    else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
    else if (event.type === 'message_delta') {
      stop = event.delta.stop_reason ?? stop;
      usage.outputTokens = event.usage.output_tokens;
    }
  }
  return { text, stopReason: stopReason(stop), usage, httpRequests };
}

function fromMessage(message: Anthropic.Message, httpRequests: number): ChatReply {
  const text = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
  return {
    text,
    stopReason: stopReason(message.stop_reason),
    usage: { inputTokens: message.usage.input_tokens, outputTokens: message.usage.output_tokens },
    httpRequests,
  };
}

// pi-ai anthropic: end_turn / stop_sequence / pause_turn → stop, tool_use → toolUse, max_tokens → length;
// anything else (refusal, …) → error.
function stopReason(stop: string | null | undefined): ChatReply['stopReason'] {
  if (stop === undefined || stop === null) return 'missing';
  if (stop === 'end_turn' || stop === 'stop_sequence' || stop === 'pause_turn' || stop === 'tool_use') return 'stop';
  if (stop === 'max_tokens') return 'length';
  throw new StopReasonError(stop);
}

function failedRequest(error: unknown) {
  if (error instanceof Anthropic.APIConnectionError) return { status: undefined, headers: undefined };
  if (error instanceof Anthropic.APIError && error.status !== undefined) return { status: error.status, headers: error.headers };
  return undefined;
}

function toProviderError(error: unknown, providerId: string, modelId: string, httpRequests: number): ProviderError {
  if (error instanceof ProviderError) return error;
  const base = { providerId, modelId, httpRequests, cause: error };
  if (error instanceof StopReasonError) return error.toProviderError(base);
  if (error instanceof Anthropic.APIConnectionError) return new ProviderError({ ...base, message: error.message, phase: 'network' });
  if (error instanceof Anthropic.APIError && error.status !== undefined) {
    return new ProviderError({ ...base, message: error.message, phase: 'http', status: error.status, headers: error.headers, body: error.error });
  }
  // An `event: error` inside a 200 stream arrives as an APIError without a status; a reset as a plain error.
  const body = error instanceof Anthropic.APIError ? error.error : undefined;
  return new ProviderError({ ...base, message: messageOf(error), phase: 'stream', body });
}
