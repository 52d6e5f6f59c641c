/**
 * The model router for one gateway config and OpenClaw version: the chain
 * from `agents.defaults.model`, a client per provider and auth profile, the
 * cooldown store and the decision log.
 */
import type { Clock } from '../../clock/clock.ts';
import type { Prng } from '../../clock/prng.ts';
import type { OpenClawConfig } from '../../config/schema.ts';
import type { RuntimeDefaults } from '../../config/runtime-defaults.ts';
import { type ProviderCatalog, resolveProvider } from '../../config/catalog/index.ts';
import { unknownModelError, type ModelRegistryRules } from '../../config/catalog/model-registry.ts';
import { configuredModel, modelKey, parseModelRef, resolveModelChain, type ModelRefRules } from '../../config/model-ref.ts';
import type { GatewayLog } from '../log.ts';
import { UserError } from '../../errors.ts';
import { createProviderClient, isSupportedApi } from '../providers/index.ts';
import { SUPPORTED_APIS } from '../providers/types.ts';
import type { ChatCall, ChatReply, ProviderClient } from '../providers/types.ts';
import { createCooldowns, type Cooldowns } from './cooldowns.ts';
import { createDecisionLog, type DecisionLines, type DecisionLog } from './decision-log.ts';
import { createRouter, type Router } from './router.ts';
import type { RoutingBehaviour } from './routing-behaviour.ts';

const MINUTE_MS = 60_000;
const OLLAMA_DISCOVERED_CONTEXT_WINDOW = 128_000;
const HOUR_MS = 60 * MINUTE_MS;

export type ModelRouter = Router & {
  readonly chain: readonly string[];
  readonly decisions: DecisionLog;
  readonly cooldowns: Cooldowns;
  /**
   * One call to one model, outside the failover chain: no OpenClaw retry, no
   * cooldowns, the provider's first auth profile — what pi's `completeSimple`
   * does for compaction summaries. The SDK's own retries still apply.
   */
  callModel(modelRef: string, call: Omit<ChatCall, 'modelId'>): Promise<ChatReply>;
  /**
   * Startup model discovery: each chain provider whose models come from its server (`GET /api/tags` for an
   * implicit ollama, openclaw@2026.2.26 `discoverOllamaModels`) is asked once; its candidates then resolve only
   * when listed. A failed request lists nothing, as OpenClaw logs it and registers no models.
   */
  discoverModels(): Promise<void>;
};

/** What the router takes from a version profile (src/gateway/profiles/). */
export type RouterVersion = {
  readonly routing: RoutingBehaviour;
  readonly decisionLines: DecisionLines;
  readonly runtimeDefaults: Pick<RuntimeDefaults, 'cooldownStepsMs'>;
  readonly modelRefs: ModelRefRules;
  readonly catalog: ProviderCatalog;
  readonly modelRegistry: ModelRegistryRules;
};

export function createModelRouter(
  config: OpenClawConfig,
  version: RouterVersion,
  deps: { fetch: typeof fetch; clock: Clock; rng: Prng; log?: GatewayLog; retryJitter?: Prng },
): ModelRouter {
  const { routing, modelRefs: modelRefRules } = version;
  const decisions = createDecisionLog(deps.clock, version.decisionLines, deps.log);
  const configured = config.auth?.cooldowns;
  const cooldowns = createCooldowns({
    stepsMs: version.runtimeDefaults.cooldownStepsMs,
    rateLimitScope: routing.rateLimitCooldownScope,
    billingBaseMs: (configured?.billingBackoffHours ?? 5) * HOUR_MS,
    billingMaxMs: (configured?.billingMaxHours ?? 24) * HOUR_MS,
    authPermanentBaseMs: (configured?.authPermanentBackoffMinutes ?? 10) * MINUTE_MS,
    authPermanentMaxMs: (configured?.authPermanentMaxMinutes ?? 60) * MINUTE_MS,
  });
  const clients = new Map<string, ProviderClient>();
  const clientFor = (providerId: string, authProfileId: string | undefined): ProviderClient => {
    const key = `${providerId}|${authProfileId ?? ''}`;
    let client = clients.get(key);
    if (client === undefined) {
      const provider = resolveProvider(config, providerId, modelRefRules, version.catalog);
      if (provider === undefined) {
        throw new Error(`model chain names provider "${providerId}", which neither models.providers nor OpenClaw ${version.catalog.openclawVersion}'s built-in catalog declares`);
      }
      const api = provider.api ?? provider.models[0]?.api;
      if (!isSupportedApi(api)) {
        const models = chainOf(config, modelRefRules).filter((ref) => parseModelRef(ref, modelRefRules)?.provider === providerId);
        throw new UserError(
          `${models.length > 0 ? models.join(', ') : `provider "${providerId}"`} uses API kind ${api === undefined ? '(not set)' : `"${api}"`}, ` +
            `which quotastorm does not mock (it mocks ${SUPPORTED_APIS.join(', ')})`,
        );
      }
      // An auth profile's secret lives outside openclaw.json; each profile gets its own stand-in key,
      // so a per-key quota scope in the mocks tells profiles apart.
      const keyed = authProfileId === undefined ? provider : { ...provider, apiKey: `quotastorm-profile-${authProfileId}` };
      client = createProviderClient(providerId, keyed, { fetch: deps.fetch, clock: deps.clock, rng: deps.rng.fork(key), sdkRetries: routing.sdkRetries });
      clients.set(key, client);
    }
    return client;
  };
  const authProfiles = authProfilesByProvider(config);
  const discovered = new Map<string, string[]>();
  const unknownModel = (modelRef: string): string | undefined => {
    const ref = parseModelRef(modelRef, modelRefRules);
    return ref === null ? undefined : unknownModelError(config, ref, { rules: version.modelRegistry, catalog: version.catalog, modelRefs: modelRefRules, discovered });
  };
  // discoverOllamaModels gives every listed model OLLAMA_DEFAULT_CONTEXT_WINDOW (128000 in openclaw@2026.2.26).
  const discoveredContextWindow = (modelRef: string): number | undefined => {
    const ref = parseModelRef(modelRef, modelRefRules);
    return ref !== null && (discovered.get(ref.provider) ?? []).includes(ref.model) ? OLLAMA_DISCOVERED_CONTEXT_WINDOW : undefined;
  };
  const discoverModels = async (): Promise<void> => {
    const providerIds = new Set(resolveModelChain(config, modelRefRules).map((ref) => ref.provider));
    for (const providerId of providerIds) {
      const provider = resolveProvider(config, providerId, modelRefRules, version.catalog);
      if (provider?.discovery === undefined || provider.api !== 'ollama') continue;
      discovered.set(providerId, await ollamaTags(deps.fetch, provider.baseUrl, deps.log));
    }
  };
  const router = createRouter({
    routing,
    modelRefs: modelRefRules,
    clock: deps.clock,
    rng: deps.rng.fork('router'),
    clientFor,
    authProfiles,
    maxOutputTokens: (modelRef) => configuredModel(config, modelRef, modelRefRules)?.maxTokens,
    unknownModel,
    contextWindowTokens: (modelRef) => configuredModel(config, modelRef, modelRefRules)?.contextWindow ?? discoveredContextWindow(modelRef),
    cooldowns,
    decisions,
    ...(deps.retryJitter === undefined ? {} : { retryJitter: deps.retryJitter }),
  });
  const callModel = async (modelRef: string, call: Omit<ChatCall, 'modelId'>): Promise<ChatReply> => {
    // Compaction resolves its model through the same registry and stops without a request when it is unknown.
    const unknown = unknownModel(modelRef);
    if (unknown !== undefined) throw new Error(unknown);
    const { provider, model } = parseModelRef(modelRef, modelRefRules) ?? { provider: '', model: modelRef };
    return clientFor(provider, authProfiles.get(provider)?.[0]).call({ ...call, modelId: model });
  };
  return { ...router, chain: chainOf(config, modelRefRules), decisions, cooldowns, callModel, discoverModels };
}

/** `discoverOllamaModels` (openclaw@2026.2.26, dist/model-selection-BNuytbkf.js): the names `/api/tags` lists, [] on any failure. */
async function ollamaTags(fetchFn: typeof fetch, baseUrl: string, log: GatewayLog | undefined): Promise<string[]> {
  const url = `${baseUrl.trim().replace(/\/+$/, '').replace(/\/v1$/i, '')}/api/tags`;
  try {
    const response = await fetchFn(url);
    if (!response.ok) {
      log?.write('warn', 'ollama', `Failed to discover Ollama models: ${response.status}`);
      return [];
    }
    const names = (((await response.json()) as { models?: { name?: unknown }[] }).models ?? []).map((model) => model.name).filter((name): name is string => typeof name === 'string');
    if (names.length === 0) log?.write('warn', 'ollama', 'No Ollama models found on local instance');
    return names;
  } catch (error) {
    log?.write('warn', 'ollama', `Failed to discover Ollama models: ${String(error)}`);
    return [];
  }
}

/** The candidates as OpenClaw resolves them (aliases, bare ids, deduplicated), as `provider/model` keys. */
function chainOf(config: OpenClawConfig, rules: ModelRefRules): string[] {
  return resolveModelChain(config, rules).map((ref) => modelKey(ref, rules));
}

function authProfilesByProvider(config: OpenClawConfig): Map<string, string[]> {
  const byProvider = new Map<string, string[]>();
  const profiles = config.auth?.profiles ?? {};
  for (const [id, authProfile] of Object.entries(profiles)) {
    if (typeof authProfile.provider !== 'string') continue;
    byProvider.set(authProfile.provider, [...(byProvider.get(authProfile.provider) ?? []), id]);
  }
  for (const [provider, order] of Object.entries(config.auth?.order ?? {})) {
    const known = byProvider.get(provider) ?? [];
    byProvider.set(provider, [...order.filter((id) => known.includes(id)), ...known.filter((id) => !order.includes(id))]);
  }
  return byProvider;
}

export { classify } from './classify.ts';
export type { TurnOutcome } from './router.ts';
