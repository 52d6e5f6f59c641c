/**
 * `bedrock-converse-stream`: Amazon Bedrock's ConverseStream through
 * `@aws-sdk/client-bedrock-runtime`, as pi-ai's `streamBedrock` calls it in
 * openclaw@2026.2.26 (node_modules/@mariozechner/pi-ai/dist/providers/amazon-bedrock.js):
 * a `BedrockRuntimeClient` in the region of AWS_REGION / AWS_DEFAULT_REGION,
 * else us-east-1, and one `ConverseStreamCommand` per call (always streamed),
 * read as pi-ai reads it:
 *
 *   - text is the `contentBlockDelta.delta.text`s, usage the `metadata.usage`
 *     (`inputTokens`, `outputTokens`);
 *   - `messageStop.stopReason` end_turn / stop_sequence → stop, max_tokens /
 *     model_context_window_exceeded → length, tool_use → toolUse (a normal
 *     end here), anything else (guardrail_intervened, content_filtered, …) →
 *     error, thrown as "An unknown error occurred"; a stream without a
 *     `messageStop` keeps pi-ai's initial `stop` (here `missing`, which the
 *     gateway treats alike for this kind);
 *   - every failure becomes the SDK error's own message (pi-ai's `errorMessage`).
 *
 * The SDK's HTTP goes through the run's fetch (`FetchHttpHandler` with
 * `customFetch`), signed with SigV4 under stand-in credentials; the SDK's own
 * retries are off (`maxAttempts: 1`) and re-run on the clock (aws-sdk-retry.ts).
 * A simulation reads nothing of the user's AWS setup: every setting the SDK
 * would otherwise look up in the environment or ~/.aws is given here.
 */
import { BedrockRuntimeClient, type BedrockRuntimeClientConfig, ConverseStreamCommand, type ConverseStreamOutput, type Message } from '@aws-sdk/client-bedrock-runtime';
import { FetchHttpHandler } from '@smithy/fetch-http-handler';
import type { AdapterDeps } from './adapter-deps.ts';
import { withAwsSdkRetries } from './aws-sdk-retry.ts';
import { messageOf, ProviderError, StopReasonError } from './provider-error.ts';
import type { ChatCall, ChatReply, ProviderClient } from './types.ts';

/** pi-ai's region when AWS_REGION and AWS_DEFAULT_REGION are unset; the Bedrock mock serves it. */
const SIMULATED_REGION = 'us-east-1';
const SIMULATED_ACCESS_KEY_ID = 'AKIAQUOTASTORMSIMULATION';
const SIMULATED_SECRET_ACCESS_KEY = 'quotastorm-simulated-secret-access-key';

export function bedrockConverseStreamClient(deps: AdapterDeps): ProviderClient {
  const client = new BedrockRuntimeClient(clientConfig(deps));
  return {
    providerId: deps.providerId,
    api: 'bedrock-converse-stream',
    async call(call) {
      const progress = { httpRequests: 0, stage: 'send' as 'send' | 'read' };
      try {
        const sent = await withAwsSdkRetries(deps, () => {
          progress.httpRequests++;
          return client.send(new ConverseStreamCommand(commandInput(call)));
        });
        progress.stage = 'read';
        return await readStream(sent.value.stream, sent.httpRequests);
      } catch (error) {
        throw toProviderError(error, progress, deps.providerId, call.modelId);
      }
    },
  };
}

function clientConfig(deps: AdapterDeps): BedrockRuntimeClientConfig {
  const endpoint = bedrockEndpoint(deps.baseUrl);
  return {
    region: SIMULATED_REGION,
    ...(endpoint === undefined ? {} : { endpoint }),
    credentials: { accessKeyId: accessKeyIdOf(deps.apiKey), secretAccessKey: SIMULATED_SECRET_ACCESS_KEY },
    requestHandler: new FetchHttpHandler({ customFetch: deps.fetch }),
    maxAttempts: 1,
    retryMode: 'standard',
    defaultsMode: 'legacy',
    useDualstackEndpoint: false,
    useFipsEndpoint: false,
    authSchemePreference: ['sigv4'],
    userAgentAppId: () => Promise.resolve(undefined),
  };
}

/**
 * pi-ai never reads a Bedrock provider's baseUrl: the SDK derives the
 * endpoint from the region. So does quotastorm for any amazonaws.com base
 * URL (a `REGION_PLACEHOLDER` one included); a base URL elsewhere (`quotastorm
 * mocks serve`'s `/amazon-bedrock` prefix) is the endpoint, so an embedded
 * gateway can reach a served mock.
 */
export function bedrockEndpoint(baseUrl: string): string | undefined {
  if (!URL.canParse(baseUrl)) return undefined;
  const host = new URL(baseUrl).hostname;
  return host === 'amazonaws.com' || host.endsWith('.amazonaws.com') ? undefined : baseUrl.replace(/\/+$/, '');
}

/** A configured key (an auth profile's stand-in) names the access key, so per-key quota scopes tell them apart. */
function accessKeyIdOf(apiKey: string | undefined): string {
  return apiKey === undefined ? SIMULATED_ACCESS_KEY_ID : apiKey.replace(/[^\w.-]/g, '_');
}

/** pi-ai `convertMessages` / `buildSystemPrompt` for text-only turns, cache points included. */
function commandInput(call: ChatCall) {
  const caching = supportsPromptCaching(call.modelId);
  const messages: Message[] = call.messages
    .filter((message) => message.role === 'user' || message.text.trim().length > 0)
    .map((message) => ({ role: message.role, content: [{ text: message.text }] }));
  const last = messages.at(-1);
  if (caching && last?.role === 'user') last.content = [...(last.content ?? []), { cachePoint: { type: 'default' } }];
  const system = call.system === '' ? undefined : [{ text: call.system }, ...(caching ? [{ cachePoint: { type: 'default' as const } }] : [])];
  return {
    modelId: call.modelId,
    messages,
    system,
    inferenceConfig: { maxTokens: call.maxOutputTokens },
  };
}

/**
 * pi-ai `supportsPromptCaching` by model id (Claude 4.x, 3.7 Sonnet, 3.5 Haiku); its other rule, a model
 * whose catalog entry prices cache reads or writes, is not modelled.
 */
function supportsPromptCaching(modelId: string): boolean {
  const id = modelId.toLowerCase();
  return (id.includes('claude') && (id.includes('-4-') || id.includes('-4.'))) || id.includes('claude-3-7-sonnet') || id.includes('claude-3-5-haiku');
}

async function readStream(stream: AsyncIterable<ConverseStreamOutput> | undefined, httpRequests: number): Promise<ChatReply> {
  let text = '';
  let stopReason: ChatReply['stopReason'] = 'missing';
  const usage = { inputTokens: 0, outputTokens: 0 };
  for await (const item of stream ?? []) {
    if (item.contentBlockDelta?.delta?.text !== undefined) text += item.contentBlockDelta.delta.text;
    else if (item.messageStop) stopReason = stopReasonOf(item.messageStop.stopReason);
    else if (item.metadata?.usage) {
      usage.inputTokens = item.metadata.usage.inputTokens ?? 0;
      usage.outputTokens = item.metadata.usage.outputTokens ?? 0;
    }
  }
  return { text, stopReason, usage, httpRequests };
}

// pi-ai `mapStopReason`.
function stopReasonOf(reason: string | undefined): ChatReply['stopReason'] {
  if (reason === 'end_turn' || reason === 'stop_sequence' || reason === 'tool_use') return 'stop';
  if (reason === 'max_tokens' || reason === 'model_context_window_exceeded') return 'length';
  throw new StopReasonError(reason ?? 'undefined');
}

type SdkError = Error & {
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly $response?: { readonly headers?: Readonly<Record<string, string>> };
};

/**
 * A non-2xx answer is an `http` error with its status, headers and Bedrock's
 * JSON body (`{"message"}`; the error type travels in `x-amzn-errortype`);
 * a failure after a 200 (an exception event, a reset) is a `stream` error;
 * no answer at all is a `network` one.
 */
function toProviderError(error: unknown, progress: { httpRequests: number; stage: 'send' | 'read' }, providerId: string, modelId: string): ProviderError {
  if (error instanceof ProviderError) return error;
  const base = { providerId, modelId, httpRequests: progress.httpRequests, cause: error };
  if (error instanceof StopReasonError) return error.toProviderError(base);
  const message = messageOf(error);
  const status = (error as SdkError).$metadata?.httpStatusCode;
  if (status !== undefined && status >= 300) {
    const headers = new Headers({ ...(error as SdkError).$response?.headers });
    return new ProviderError({ ...base, message, phase: 'http', status, headers, body: { message } });
  }
  const phase = progress.stage === 'read' || status !== undefined ? 'stream' : 'network';
  return new ProviderError({ ...base, message, phase });
}
