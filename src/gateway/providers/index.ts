/**
 * One client per configured provider (`models.providers.<id>`), by API kind.
 * Base URLs come from the config, so the same gateway calls the in-process
 * mocks (their real hostnames) or `quotastorm mocks serve` (its prefixes).
 */
import type { Clock } from '../../clock/clock.ts';
import type { Prng } from '../../clock/prng.ts';
import type { ResolvedProvider } from '../../config/catalog/index.ts';
import type { OpenClawConfig } from '../../config/schema.ts';
import { UserError } from '../../errors.ts';
import type { AdapterDeps } from './adapter-deps.ts';
import { anthropicMessagesClient } from './anthropic-messages.ts';
import { AWS_SDK_RETRIES } from './aws-sdk-retry.ts';
import { bedrockConverseStreamClient } from './bedrock-converse-stream.ts';
import { googleGenerativeAiClient } from './google-generative-ai.ts';
import { googleGeminiCliClient } from './google-gemini-cli.ts';
import { googleVertexClient } from './google-vertex.ts';
import { ollamaClient } from './ollama.ts';
import { openAiCompletionsClient } from './openai-completions.ts';
import { azureOpenAiResponsesClient, openAiCodexResponsesClient, openAiResponsesClient } from './openai-responses.ts';
import { ANTHROPIC_SDK_RETRIES, CLOUD_CODE_RETRIES, NO_SDK_RETRIES, OPENAI_SDK_RETRIES, PI_CODEX_RETRIES, type SdkRetryPolicy } from './sdk-retry.ts';
import { SUPPORTED_APIS, type ProviderClient, type SupportedApi } from './types.ts';

export type ProviderDeps = {
  readonly fetch: typeof fetch;
  readonly clock: Clock;
  readonly rng: Prng;
  /** Whether the SDKs' own retries run beneath the gateway (OpenClaw 2026.2: yes; 2026.9: no). */
  readonly sdkRetries: boolean;
};

export function createProviderClients(config: OpenClawConfig, deps: ProviderDeps): Map<string, ProviderClient> {
  const clients = new Map<string, ProviderClient>();
  for (const [providerId, provider] of Object.entries(config.models?.providers ?? {})) {
    clients.set(providerId, createProviderClient(providerId, { ...provider, api: provider.api, origin: 'config' }, deps));
  }
  return clients;
}

export function createProviderClient(providerId: string, provider: ResolvedProvider, deps: ProviderDeps): ProviderClient {
  const api = provider.api ?? provider.models[0]?.api;
  if (!isSupportedApi(api)) {
    const where = provider.origin === 'config' ? `models.providers.${providerId}.api` : `the built-in provider "${providerId}"'s API kind`;
    throw new UserError(
      `${where} is ${api === undefined ? 'not set' : `"${api}"`}; quotastorm's gateway calls ` +
        `${SUPPORTED_APIS.join(', ')}. Set one of those for this provider.`,
    );
  }
  const adapter: AdapterDeps = {
    providerId,
    baseUrl: provider.baseUrl,
    apiKey: typeof provider.apiKey === 'string' ? provider.apiKey : undefined,
    fetch: deps.fetch,
    clock: deps.clock,
    rng: deps.rng.fork(`sdk-retries/${providerId}`),
    sdkRetries: deps.sdkRetries ? SDK_RETRIES[api] : NO_SDK_RETRIES,
  };
  return BUILDERS[api](adapter);
}

const BUILDERS: Record<SupportedApi, (deps: AdapterDeps) => ProviderClient> = {
  'google-generative-ai': googleGenerativeAiClient,
  'openai-completions': openAiCompletionsClient,
  'openai-responses': openAiResponsesClient,
  'openai-codex-responses': openAiCodexResponsesClient,
  'azure-openai-responses': azureOpenAiResponsesClient,
  'anthropic-messages': anthropicMessagesClient,
  ollama: ollamaClient,
  'google-vertex': googleVertexClient,
  'google-gemini-cli': googleGeminiCliClient,
  'bedrock-converse-stream': bedrockConverseStreamClient,
};

// The Gemini SDK retries nothing unless asked (googleapis/js-genai src/_api_client.ts: no retryOptions, no retries).
const SDK_RETRIES: Record<SupportedApi, SdkRetryPolicy> = {
  'google-generative-ai': NO_SDK_RETRIES,
  'openai-completions': OPENAI_SDK_RETRIES,
  // pi-ai calls the Responses API and Azure through the openai SDK as well (openai-responses.js, azure-openai-responses.js).
  'openai-responses': OPENAI_SDK_RETRIES,
  'azure-openai-responses': OPENAI_SDK_RETRIES,
  // Codex goes out through plain fetch in pi-ai, under pi-ai's own retry loop.
  'openai-codex-responses': PI_CODEX_RETRIES,
  'anthropic-messages': ANTHROPIC_SDK_RETRIES,
  // OpenClaw calls ollama with plain fetch: nothing retries beneath the gateway.
  ollama: NO_SDK_RETRIES,
  // The same SDK as google-generative-ai, as pi-ai configures it: no retryOptions, no retries.
  'google-vertex': NO_SDK_RETRIES,
  'google-gemini-cli': CLOUD_CODE_RETRIES,
  // pi-ai leaves the AWS SDK's defaults: 3 attempts, standard mode (aws-sdk-retry.ts).
  'bedrock-converse-stream': AWS_SDK_RETRIES,
};

export function isSupportedApi(api: string | undefined): api is SupportedApi {
  return (SUPPORTED_APIS as readonly string[]).includes(api ?? '');
}

export type { ChatCall, ProviderClient } from './types.ts';
export { ProviderError } from './provider-error.ts';
