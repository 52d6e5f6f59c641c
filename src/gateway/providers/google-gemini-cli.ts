/**
 * `google-gemini-cli`: Cloud Code Assist (`{baseUrl}/v1internal:streamGenerateContent?alt=sse`),
 * the API kind of OpenClaw 2026.2.26's built-in google-gemini-cli and
 * google-antigravity providers. pi-ai calls it with plain fetch and its own
 * retries, re-implemented here on the clock from
 * openclaw@2026.2.26 node_modules/@mariozechner/pi-ai/dist/providers/google-gemini-cli.js
 * `streamGoogleGeminiCli`:
 *
 *   - the body wraps a Gemini request: `{project, model, request, userAgent, requestId}`;
 *   - a 429/500/502/503/504 (or a body saying resource exhausted, rate limit,
 *     overloaded, …) is retried up to 3 times after the server's hint
 *     (cloud-code-retry-delay.ts) or 1 s · 2^attempt; a hint over 60 s ends
 *     the call at once ("Server requested Ns retry delay (max: 60s). …");
 *     a network error is retried on the backoff alike;
 *   - a stream without any text part is asked again up to 2 times after
 *     0.5 s · 2^n, then fails "Cloud Code Assist API returned an empty response";
 *   - a stream without a finish reason keeps pi-ai's initial stop reason, `stop`.
 *
 * Those retries are pi-ai's, beneath the gateway: they run where the profile
 * lets SDK retries run (`sdkRetries.maxRetries`). The OAuth credential OpenClaw
 * stores (`{token, projectId}`) is simulated: a stand-in token per provider.
 */
import type { AdapterDeps } from './adapter-deps.ts';
import { cloudCodeRetryDelayMs } from './cloud-code-retry-delay.ts';
import { messageOf, ProviderError, StopReasonError } from './provider-error.ts';
import type { ChatCall, ChatReply, ProviderClient } from './types.ts';

const BASE_DELAY_MS = 1000;
const EMPTY_STREAM_RETRIES = 2;
const EMPTY_STREAM_BASE_DELAY_MS = 500;
const SIMULATED_PROJECT = 'quotastorm-simulation';

/** pi-ai's GEMINI_CLI_HEADERS (Antigravity's differ only in User-Agent, which no mock reads). */
const CLOUD_CODE_HEADERS = {
  'User-Agent': 'google-cloud-sdk vscode_cloudshelleditor/0.1',
  'X-Goog-Api-Client': 'gl-node/22.17.0',
  'Client-Metadata': JSON.stringify({ ideType: 'IDE_UNSPECIFIED', platform: 'PLATFORM_UNSPECIFIED', pluginType: 'GEMINI' }),
};

export function googleGeminiCliClient(deps: AdapterDeps): ProviderClient {
  const url = `${deps.baseUrl.trim().replace(/\/+$/, '')}/v1internal:streamGenerateContent?alt=sse`;
  const headers = {
    Authorization: `Bearer ${deps.apiKey ?? `quotastorm-oauth-${deps.providerId}`}`,
    'Content-Type': 'application/json',
    Accept: 'text/event-stream',
    ...CLOUD_CODE_HEADERS,
  };
  return {
    providerId: deps.providerId,
    api: 'google-gemini-cli',
    async call(call) {
      const attempt = { requests: 0 };
      const base = () => ({ providerId: deps.providerId, modelId: call.modelId, httpRequests: attempt.requests });
      const post = () => {
        attempt.requests++;
        return deps.fetch(url, { method: 'POST', headers, body: JSON.stringify(requestBody(call, deps)) });
      };
      try {
        return await streamWithEmptyRetries(deps, post, await openWithRetries(deps, post, base), attempt);
      } catch (error) {
        if (error instanceof ProviderError) throw error;
        if (error instanceof StopReasonError) throw error.toProviderError(base());
        throw new ProviderError({ ...base(), message: messageOf(error), phase: 'stream', cause: error });
      }
    },
  };
}

/** pi-ai `buildRequest`: the Gemini request inside Cloud Code Assist's envelope. */
function requestBody(call: ChatCall, deps: AdapterDeps) {
  return {
    project: SIMULATED_PROJECT,
    model: call.modelId,
    request: {
      contents: call.messages.map((message) => ({ role: message.role === 'assistant' ? 'model' : 'user', parts: [{ text: message.text }] })),
      systemInstruction: { parts: [{ text: call.system }] },
      ...(call.maxOutputTokens === undefined ? {} : { generationConfig: { maxOutputTokens: call.maxOutputTokens } }),
    },
    userAgent: 'pi-coding-agent',
    requestId: `pi-${deps.clock.now()}-${deps.rng.uint32().toString(36).slice(0, 9)}`,
  };
}

type Base = () => { providerId: string; modelId: string; httpRequests: number };

/** The first answer that is a 200, after pi-ai's retries of retryable statuses and network errors. */
async function openWithRetries(deps: AdapterDeps, post: () => Promise<Response>, base: Base): Promise<Response> {
  const { maxRetries, maxRetryAfterMs } = deps.sdkRetries;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await post();
    } catch (error) {
      if (attempt < maxRetries) {
        await deps.clock.sleep(BASE_DELAY_MS * 2 ** attempt);
        continue;
      }
      throw new ProviderError({ ...base(), message: networkMessage(error), phase: 'network', cause: error });
    }
    if (response.ok) return response;
    const text = await response.text();
    const failure = { ...base(), phase: 'http' as const, status: response.status, headers: response.headers, body: parsedJson(text) };
    if (attempt < maxRetries && isRetryable(response.status, text)) {
      const hintedMs = cloudCodeRetryDelayMs(text, response.headers, deps.clock.now());
      if (hintedMs !== undefined && hintedMs > maxRetryAfterMs) {
        const message = `Server requested ${Math.ceil(hintedMs / 1000)}s retry delay (max: ${Math.ceil(maxRetryAfterMs / 1000)}s). ${errorMessageOf(text)}`;
        throw new ProviderError({ ...failure, message });
      }
      await deps.clock.sleep(hintedMs ?? BASE_DELAY_MS * 2 ** attempt);
      continue;
    }
    throw new ProviderError({ ...failure, message: `Cloud Code Assist API error (${response.status}): ${errorMessageOf(text)}` });
  }
}

/** pi-ai `isRetryableError`. */
function isRetryable(status: number, text: string): boolean {
  if (status === 429 || status === 500 || status === 502 || status === 503 || status === 504) return true;
  return /resource.?exhausted|rate.?limit|overloaded|service.?unavailable|other.?side.?closed/i.test(text);
}

/** pi-ai `extractErrorMessage`: the JSON error's message, else the text as it came. */
function errorMessageOf(text: string): string {
  const message = (parsedJson(text) as { error?: { message?: unknown } } | undefined)?.error?.message;
  return typeof message === 'string' && message !== '' ? message : text;
}

function networkMessage(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  return error instanceof Error && error.message === 'fetch failed' && cause instanceof Error ? `Network error: ${cause.message}` : messageOf(error);
}

/** Reads the stream; one without any text part is asked for again (pi-ai's MAX_EMPTY_STREAM_RETRIES), with no status retries. */
async function streamWithEmptyRetries(deps: AdapterDeps, post: () => Promise<Response>, first: Response, attempt: { requests: number }): Promise<ChatReply> {
  const retries = deps.sdkRetries.maxRetries === 0 ? 0 : EMPTY_STREAM_RETRIES;
  let response = first;
  for (let emptyAttempt = 0; ; emptyAttempt++) {
    if (emptyAttempt > 0) {
      await deps.clock.sleep(EMPTY_STREAM_BASE_DELAY_MS * 2 ** (emptyAttempt - 1));
      response = await post();
      if (!response.ok) {
        const text = await response.text();
        throw new Error(`Cloud Code Assist API error (${response.status}): ${text}`);
      }
    }
    const read = await readStream(response);
    if (read.hasContent) return { ...read.reply, httpRequests: attempt.requests };
    if (emptyAttempt >= retries) throw new Error('Cloud Code Assist API returned an empty response');
  }
}

type CloudCodeChunk = {
  response?: {
    candidates?: { content?: { parts?: { text?: string }[] }; finishReason?: string }[];
    usageMetadata?: { promptTokenCount?: number; cachedContentTokenCount?: number; candidatesTokenCount?: number; thoughtsTokenCount?: number };
  };
};

/** pi-ai's SSE reading: `data:` lines, each unwrapped from `response`; anything else is skipped. */
async function readStream(response: Response): Promise<{ hasContent: boolean; reply: Omit<ChatReply, 'httpRequests'> }> {
  let text = '';
  let hasContent = false;
  let stop: ChatReply['stopReason'] = 'stop';
  let stopError: string | undefined;
  const usage = { inputTokens: 0, outputTokens: 0 };
  for (const line of (await response.text()).split('\n')) {
    if (!line.startsWith('data:')) continue;
    const data = (parsedJson(line.slice(5).trim()) as CloudCodeChunk | undefined)?.response;
    if (data === undefined) continue;
    const candidate = data.candidates?.[0];
    for (const part of candidate?.content?.parts ?? []) {
      if (part.text === undefined) continue;
      hasContent = true;
      text += part.text;
    }
    if (candidate?.finishReason) {
      // pi-ai google-shared `mapStopReasonString`: STOP → stop, MAX_TOKENS → length, anything else → error.
      stopError = candidate.finishReason === 'STOP' || candidate.finishReason === 'MAX_TOKENS' ? undefined : candidate.finishReason;
      stop = candidate.finishReason === 'MAX_TOKENS' ? 'length' : 'stop';
    }
    if (data.usageMetadata) {
      const meta = data.usageMetadata;
      usage.inputTokens = (meta.promptTokenCount ?? 0) - (meta.cachedContentTokenCount ?? 0);
      usage.outputTokens = (meta.candidatesTokenCount ?? 0) + (meta.thoughtsTokenCount ?? 0);
    }
  }
  if (hasContent && stopError !== undefined) throw new StopReasonError(stopError);
  return { hasContent, reply: { text, stopReason: stop, usage } };
}

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
