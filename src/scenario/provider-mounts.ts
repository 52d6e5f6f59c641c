/**
 * Which servers the mocks must answer for a config besides the fixed
 * provider origins: every provider the config declares or the version's
 * catalog knows whose API kind is `openai-completions` (ollama's
 * `http://127.0.0.1:11434/v1`, OpenRouter, Groq, a LiteLLM proxy, …), one
 * of the Responses kinds (`openai-responses` on LM Studio or a proxy,
 * `azure-openai-responses`, `openai-codex-responses` on ChatGPT's backend)
 * or `ollama` (its native `/api/chat`), on its own `baseUrl` — so the
 * gateway calls what the real one would and the mock answers there. An
 * implicit provider (one the version registers from its API key alone) is
 * served when the config's model chain names it.
 */
import { COMPATIBLE_APIS, type CompatibleMount } from '../../mocks/providers/compatible.ts';
import { DEFAULT_MODELS, type ModelCatalog, type ModelInfo } from '../../mocks/providers/models.ts';
import type { OllamaMount } from '../../mocks/providers/ollama.ts';
import { publishedLimitsOf } from '../../mocks/providers/published-limits.ts';
import { resolveProvider } from '../config/catalog/index.ts';
import { resolveModelChain, type ModelRef } from '../config/model-ref.ts';
import type { OpenClawConfig } from '../config/schema.ts';
import type { VersionProfile } from '../gateway/profiles/profile.ts';

export function providerMountsOf(
  config: OpenClawConfig,
  profile: Pick<VersionProfile, 'modelRefs' | 'catalog'>,
): { compatible: CompatibleMount[]; ollama: OllamaMount[] } {
  const providerIds = providerIdsOf(config, profile);
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
 * mocks keep their own catalogue untouched. A public API's model carries its
 * published limits (published-limits.ts); the models the chain names are
 * served even when the provider's list lacks them, as the real server would
 * answer them.
 */
export function servedModelsOf(config: OpenClawConfig, profile: Pick<VersionProfile, 'modelRefs' | 'catalog'>): ModelCatalog | undefined {
  const chain = resolveModelChain(config, profile.modelRefs);
  const providerIds = providerIdsOf(config, profile, chain);
  const added: Record<OpenCatalogueMock, ModelInfo[]> = { compatible: [], ollama: [], bedrock: [] };
  for (const providerId of providerIds) {
    const provider = resolveProvider(config, providerId, profile.modelRefs, profile.catalog);
    const api = provider?.api ?? provider?.models[0]?.api;
    const mock = isCompatibleApi(api) ? 'compatible' : api !== undefined && Object.hasOwn(OPEN_CATALOGUE_MOCKS, api) ? OPEN_CATALOGUE_MOCKS[api as keyof typeof OPEN_CATALOGUE_MOCKS] : undefined;
    if (provider === undefined || mock === undefined) continue;
    for (const model of [...provider.models, ...chainModelsOf(chain, profile, providerId)]) {
      if (added[mock].some((known) => known.id === model.id) || DEFAULT_MODELS[mock].some((known) => known.id === model.id)) continue;
      const contextWindowTokens = model.contextWindow ?? ASSUMED_CONTEXT_TOKENS;
      const published = mock === 'compatible' ? publishedLimitsOf(profile.modelRefs.normalizeProviderId(providerId), model.id) : undefined;
      added[mock].push({
        id: model.id,
        quotaFamily: published?.quotaFamily ?? model.id,
        contextWindowTokens,
        defaultMaxOutputTokens: model.maxTokens ?? ASSUMED_MAX_OUTPUT_TOKENS,
        ...(published === undefined ? {} : { published }),
      });
    }
  }
  if (Object.values(added).every((models) => models.length === 0)) return undefined;
  return { ...DEFAULT_MODELS, compatible: added.compatible, ollama: added.ollama, bedrock: [...DEFAULT_MODELS.bedrock, ...added.bedrock] };
}

function isCompatibleApi(api: string | undefined): api is (typeof COMPATIBLE_APIS)[number] {
  return (COMPATIBLE_APIS as readonly string[]).includes(api ?? '');
}

/** The config's providers, the catalog's, and the implicit ones its chain names. */
function providerIdsOf(config: OpenClawConfig, profile: Pick<VersionProfile, 'modelRefs' | 'catalog'>, chain = resolveModelChain(config, profile.modelRefs)): string[] {
  const named = chain.map((ref) => ref.provider);
  const implicit = Object.keys(profile.catalog.implicitProviders).filter((id) => named.includes(profile.modelRefs.normalizeProviderId(id)));
  return [...new Set([...Object.keys(config.models?.providers ?? {}), ...Object.keys(profile.catalog.providers), ...implicit])];
}

/** The model ids the config's chain names on a provider, without a declared window. */
function chainModelsOf(chain: readonly ModelRef[], profile: Pick<VersionProfile, 'modelRefs'>, providerId: string): { id: string; contextWindow?: number; maxTokens?: number }[] {
  const wanted = profile.modelRefs.normalizeProviderId(providerId);
  return chain
    .filter((ref) => ref.provider === wanted)
    .map((ref) => ({ id: ref.model }));
}
