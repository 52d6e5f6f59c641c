/**
 * `google-generative-ai`: Gemini through `@google/genai`, streamed by default
 * (`streamGenerateContent?alt=sse`, as OpenClaw calls it). The config's base
 * URL ends in the API version (`…/v1beta`), as OpenClaw's does, so the SDK's
 * own version segment is emptied (pi-ai sets `apiVersion: ""`). The Gemini
 * SDK retries nothing unless `httpOptions.retryOptions` is set (googleapis/js-genai
 * v2.18.0, src/_api_client.ts), and neither does this.
 */
import { ApiError, GoogleGenAI, type GenerateContentResponse } from '@google/genai';
import type { AdapterDeps } from './adapter-deps.ts';
import { messageOf, ProviderError, StopReasonError } from './provider-error.ts';
import type { ChatCall, ChatReply, ClientApi, ProviderClient } from './types.ts';

export function googleGenerativeAiClient(deps: AdapterDeps): ProviderClient {
  const client = new GoogleGenAI({
    apiKey: deps.apiKey ?? 'quotastorm-no-key',
    httpOptions: { baseUrl: deps.baseUrl, apiVersion: '', fetch: deps.fetch } as never,
  });
  return genAiClient(deps, 'google-generative-ai', client);
}

/** One chat call through a configured `@google/genai` client, whichever backend it is set up for (Gemini API, Vertex AI). */
export function genAiClient(deps: Pick<AdapterDeps, 'providerId'>, api: ClientApi, client: GoogleGenAI): ProviderClient {
  return {
    providerId: deps.providerId,
    api,
    async call(call) {
      try {
        return call.stream ? await streamed(client, call) : await whole(client, call);
      } catch (error) {
        throw toProviderError(error, deps.providerId, call.modelId);
      }
    },
  };
}

function params(call: ChatCall) {
  return {
    model: call.modelId,
    contents: call.messages.map((message) => ({ role: message.role === 'assistant' ? 'model' : 'user', parts: [{ text: message.text }] })),
    config: {
      systemInstruction: call.system,
      ...(call.maxOutputTokens === undefined ? {} : { maxOutputTokens: call.maxOutputTokens }),
    },
  };
}

async function streamed(client: GoogleGenAI, call: ChatCall): Promise<ChatReply> {
  let text = '';
  let finish: string | undefined;
  const usage = { inputTokens: 0, outputTokens: 0 };
  for await (const chunk of await client.models.generateContentStream(params(call))) {
    text += textOf(chunk);
    finish = chunk.candidates?.[0]?.finishReason ?? finish;
    if (chunk.usageMetadata) {
      usage.inputTokens = chunk.usageMetadata.promptTokenCount ?? usage.inputTokens;
      usage.outputTokens = chunk.usageMetadata.candidatesTokenCount ?? usage.outputTokens;
    }
  }
  return { text, stopReason: stopReason(finish), usage, httpRequests: 1 };
}

async function whole(client: GoogleGenAI, call: ChatCall): Promise<ChatReply> {
  const response = await client.models.generateContent(params(call));
  return {
    text: textOf(response),
    stopReason: stopReason(response.candidates?.[0]?.finishReason),
    usage: { inputTokens: response.usageMetadata?.promptTokenCount ?? 0, outputTokens: response.usageMetadata?.candidatesTokenCount ?? 0 },
    httpRequests: 1,
  };
}

function textOf(response: GenerateContentResponse): string {
  return (response.candidates?.[0]?.content?.parts ?? []).map((part) => part.text ?? '').join('');
}

// pi-ai google-shared mapStopReason: STOP → stop, MAX_TOKENS → length, every other finishReason → error
// (SAFETY, RECITATION, OTHER, MALFORMED_FUNCTION_CALL, …; read in openclaw@2026.2.26's
// node_modules/@mariozechner/pi-ai/dist/providers/google-shared.js).
function stopReason(finish: string | undefined): ChatReply['stopReason'] {
  if (finish === undefined) return 'missing';
  if (finish === 'STOP') return 'stop';
  if (finish === 'MAX_TOKENS') return 'length';
  throw new StopReasonError(finish);
}

function toProviderError(error: unknown, providerId: string, modelId: string): ProviderError {
  if (error instanceof ProviderError) return error;
  const base = { providerId, modelId, httpRequests: 1, cause: error };
  if (error instanceof StopReasonError) return error.toProviderError(base);
  if (error instanceof ApiError) {
    return new ProviderError({ ...base, message: error.message, phase: 'http', status: error.status, body: parseJson(error.message) });
  }
  if (error instanceof TypeError && error.message === 'fetch failed') return new ProviderError({ ...base, message: error.message, phase: 'network' });
  return new ProviderError({ ...base, message: messageOf(error), phase: 'stream' });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
