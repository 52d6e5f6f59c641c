/**
 * Which servers the mocks must answer for a config besides the fixed
 * provider origins: every provider the config declares or the version's
 * catalog knows whose API kind is `openai-completions` (ollama's
 * `http://127.0.0.1:11434/v1`, OpenRouter, Groq, a LiteLLM proxy, …), one
 * of the Responses kinds (`openai-responses` on LM Studio or a proxy,
 * `azure-openai-responses`, `openai-codex-responses` on ChatGPT's backend)
 * or `ollama` (its native `/api/chat`), on its own `baseUrl` — so the
 * gateway calls what the real one would and the mock answers there.
 */
import { COMPATIBLE_APIS, type CompatibleMount } from '../../mocks/providers/compatible.ts';
import { DEFAULT_MODELS, type ModelCatalog, type ModelInfo } from '../../mocks/providers/models.ts';
import type { OllamaMount } from '../../mocks/providers/ollama.ts';
import { resolveProvider } from '../config/catalog/index.ts';
import type { OpenClawConfig } from '../config/schema.ts';
import type { VersionProfile } from '../gateway/profiles/profile.ts';

export function providerMountsOf(
  config: OpenClawConfig,
  profile: Pick<VersionProfile, 'modelRefs' | 'catalog'>,
): { compatible: CompatibleMount[]; ollama: OllamaMount[] } {
  const providerIds = [...Object.keys(config.models?.providers ?? {}), ...Object.keys(profile.catalog.providers)];
  const mounts = { compatible: [] as CompatibleMount[], ollama: [] as OllamaMount[] };
  for (const providerId of providerIds) {
    const provider = resolveProvider(config, providerId, profile.modelRefs, profile.catalog);
    if (provider === undefined || !URL.canParse(provider.baseUrl)) continue;
    const api = provider.api ?? provider.models[0]?.api;
    if (isCompatibleApi(api)) mounts.compatible.push({ baseUrl: provider.baseUrl, api, providerId });
    if (api === 'ollama') mounts.ollama.push({ baseUrl: provider.baseUrl, providerId });
  }
  return mounts;
}

/** What the mocks assume of a model whose provider publishes nothing and whose config declares no window. */
const ASSUMED_CONTEXT_TOKENS = 131_072;
const ASSUMED_MAX_OUTPUT_TOKENS = 8_192;

/** The mock that serves an API kind whose models are whatever the user's server or account has. */
const OPEN_CATALOGUE_MOCKS = { 'openai-completions': 'compatible', ollama: 'ollama', 'bedrock-converse-stream': 'bedrock' } as const;
type OpenCatalogueMock = (typeof OPEN_CATALOGUE_MOCKS)[keyof typeof OPEN_CATALOGUE_MOCKS];

/**
 * The mocks' model catalogue with the models of those servers added: each
 * with the context window and output cap the config declares for it (else
 * the version's catalog), as the user's server would hold the request to
 * them; Bedrock's (an account serves the models it was granted) join the
 * mock's defaults. Undefined when the config names no such model, so the
 * mocks keep their own catalogue untouched.
 */
export function servedModelsOf(config: OpenClawConfig, profile: Pick<VersionProfile, 'modelRefs' | 'catalog'>): ModelCatalog | undefined {
  const providerIds = [...Object.keys(config.models?.providers ?? {}), ...Object.keys(profile.catalog.providers)];
  const added: Record<OpenCatalogueMock, ModelInfo[]> = { compatible: [], ollama: [], bedrock: [] };
  for (const providerId of providerIds) {
    const provider = resolveProvider(config, providerId, profile.modelRefs, profile.catalog);
    const api = provider?.api ?? provider?.models[0]?.api;
    const mock = isCompatibleApi(api) ? 'compatible' : api !== undefined && Object.hasOwn(OPEN_CATALOGUE_MOCKS, api) ? OPEN_CATALOGUE_MOCKS[api as keyof typeof OPEN_CATALOGUE_MOCKS] : undefined;
    if (provider === undefined || mock === undefined) continue;
    for (const model of provider.models) {
      if (added[mock].some((known) => known.id === model.id) || DEFAULT_MODELS[mock].some((known) => known.id === model.id)) continue;
      const contextWindowTokens = model.contextWindow ?? ASSUMED_CONTEXT_TOKENS;
      added[mock].push({ id: model.id, quotaFamily: model.id, contextWindowTokens, defaultMaxOutputTokens: model.maxTokens ?? ASSUMED_MAX_OUTPUT_TOKENS });
    }
  }
  if (Object.values(added).every((models) => models.length === 0)) return undefined;
  return { ...DEFAULT_MODELS, compatible: added.compatible, ollama: added.ollama, bedrock: [...DEFAULT_MODELS.bedrock, ...added.bedrock] };
}

function isCompatibleApi(api: string | undefined): api is (typeof COMPATIBLE_APIS)[number] {
  return (COMPATIBLE_APIS as readonly string[]).includes(api ?? '');
}
