/**
 * `ollama`: Ollama's native chat API as openclaw@2026.2.26 calls it
 * (`createOllamaStreamFn`, read in its dist): plain fetch, no SDK and no
 * retries, `POST <baseUrl without /v1>/api/chat` with `stream: true`,
 * `options.num_ctx` and `num_predict`, a bearer key when one is set; the
 * answer is newline-delimited JSON whose `done` chunk carries the usage.
 * A non-2xx answer is "Ollama API error <status>: <body>"; a stream that ends
 * without a `done` chunk is "Ollama API stream ended without a final response".
 */
import { chatUrlOf } from './ollama-url.ts';
import { messageOf, ProviderError } from './provider-error.ts';
import type { AdapterDeps } from './adapter-deps.ts';
import type { ChatCall, ChatReply, ProviderClient } from './types.ts';

// OpenClaw's num_ctx when the model declares no context window.
const DEFAULT_NUM_CTX = 65_536;

type OllamaChunk = {
  readonly message?: { readonly content?: string; readonly reasoning?: string };
  readonly done?: boolean;
  readonly done_reason?: string;
  readonly prompt_eval_count?: number;
  readonly eval_count?: number;
};

export function ollamaClient(deps: AdapterDeps): ProviderClient {
  const url = chatUrlOf(deps.baseUrl);
  return { providerId: deps.providerId, api: 'ollama', call: (call) => send(deps, url, call) };
}

async function send(deps: AdapterDeps, url: string, call: ChatCall): Promise<ChatReply> {
  const base = { providerId: deps.providerId, modelId: call.modelId, httpRequests: 1 };
  const body = {
    model: call.modelId,
    messages: [{ role: 'system', content: call.system }, ...call.messages.map((message) => ({ role: message.role, content: message.text }))],
    stream: true,
    // createOllamaStreamFn: `num_ctx: model.contextWindow ?? 65536`.
    options: { num_ctx: call.contextWindowTokens ?? DEFAULT_NUM_CTX, ...(call.maxOutputTokens === undefined ? {} : { num_predict: call.maxOutputTokens }) },
  };
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(deps.apiKey === undefined ? {} : { authorization: `Bearer ${deps.apiKey}` }) };
  let response: Response;
  try {
    response = await deps.fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  } catch (error) {
    throw new ProviderError({ ...base, message: messageOf(error), phase: 'network', cause: error });
  }
  if (!response.ok) {
    const text = await response.text().catch(() => 'unknown error');
    throw new ProviderError({ ...base, message: `Ollama API error ${response.status}: ${text}`, phase: 'http', status: response.status, headers: response.headers, body: parsed(text) });
  }
  try {
    return await readChunks(await response.text(), base);
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    throw new ProviderError({ ...base, message: messageOf(error), phase: 'stream', cause: error });
  }
}

/** The NDJSON body, line by line, up to the `done` chunk; malformed lines are skipped, as OpenClaw skips them. */
async function readChunks(text: string, base: { providerId: string; modelId: string; httpRequests: number }): Promise<ChatReply> {
  let content = '';
  for (const line of text.split('\n')) {
    const chunk = parsed(line.trim()) as OllamaChunk | undefined;
    if (chunk === undefined) continue;
    content += chunk.message?.content || chunk.message?.reasoning || '';
    if (chunk.done === true) {
      return {
        text: content,
        // OpenClaw ends every completed ollama turn with "stop" (buildAssistantMessage), whatever done_reason says.
        stopReason: 'stop',
        usage: { inputTokens: chunk.prompt_eval_count ?? 0, outputTokens: chunk.eval_count ?? 0 },
        httpRequests: base.httpRequests,
      };
    }
  }
  throw new ProviderError({ ...base, message: 'Ollama API stream ended without a final response', phase: 'stream' });
}

function parsed(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
