/**
 * Whether a version's model registry knows a `provider/model` before any
 * request is sent. OpenClaw resolves each candidate through its registry
 * first; a model it cannot find fails the candidate with `Unknown model: …`
 * (a FailoverError, reason `model_not_found`) and the chain goes on to the
 * next one — no request reaches the provider.
 *
 * The registry is the version's built-in catalog, its implicit providers
 * (catalog/index.ts) and the config's `models.providers` models; what else
 * resolves — any id of a declared provider, of OpenRouter, of a provider
 * whose models are discovered at startup, forward-compat ids — and the error
 * text are the version's `ModelRegistryRules`
 * (model-registry-rules-2026-2.ts, model-registry-rules-2026-9.ts).
 */
import { configuredProvider, configuredScope, modelKey, resolveModelRef, resolvePrimaryModelRef, type ModelRef, type ModelRefConfig, type ModelRefRules } from '../model-ref.ts';
import { resolveProvider, type ProviderCatalog } from './index.ts';

/** What one OpenClaw version resolves beyond the registry's own models, and what it says when it cannot. */
export type ModelRegistryRules = {
  /** Providers any model id of which resolves (OpenRouter's pass-through ids). */
  readonly anyModelProviders: readonly string[];
  /** Whether a `models.providers` entry lets any model id of its provider resolve (without the entry's `models` naming it). */
  readonly configuredProviderAcceptsAnyModel: (entry: ConfiguredEntry | undefined, providerId: string, config: ModelRefConfig) => boolean;
  /** Model ids a provider resolves ahead of its catalog (forward-compat templates). */
  readonly forwardCompat: readonly { readonly provider: string; readonly model: RegExp }[];
  /** The error text for a model nothing resolves. */
  readonly unknownModelError: (ref: ModelRef, config: ModelRefConfig) => string;
};

type ConfiguredEntry = NonNullable<ReturnType<typeof configuredProvider>>;

/**
 * The registry a version resolves candidates against. `discovered`: the models a discovering provider's server
 * listed at startup, by provider id; without it (a static reading) such a provider is taken to list every model
 * the config names, as the simulated server does.
 */
export type ModelRegistry = {
  readonly rules: ModelRegistryRules;
  readonly catalog: ProviderCatalog;
  readonly modelRefs: ModelRefRules;
  readonly discovered?: ReadonlyMap<string, readonly string[]>;
};

/** Undefined when the version resolves the model; else the text its turn fails with. */
export function unknownModelError(config: ModelRefConfig, ref: ModelRef, registry: ModelRegistry): string | undefined {
  return resolvesModel(config, ref, registry) ? undefined : registry.rules.unknownModelError(ref, config);
}

function resolvesModel(config: ModelRefConfig, ref: ModelRef, registry: ModelRegistry): boolean {
  const { rules, catalog, modelRefs } = registry;
  const provider = modelRefs.normalizeProviderId(ref.provider);
  const resolved = resolveProvider(config, ref.provider, modelRefs, catalog);
  const builtIn = resolveProvider({}, ref.provider, modelRefs, catalog);
  const registered = [...(resolved?.models ?? []), ...(builtIn?.models ?? [])];
  if (registered.some((model) => model.id === ref.model)) return true;
  if (resolved?.discovery !== undefined) {
    const listed = registry.discovered?.get(provider);
    if (listed === undefined || listed.includes(ref.model)) return true;
  }
  if (rules.configuredProviderAcceptsAnyModel(configuredProvider(config, ref.provider, modelRefs), ref.provider, config)) return true;
  if (rules.anyModelProviders.includes(provider)) return true;
  return rules.forwardCompat.some((row) => row.provider === provider && row.model.test(ref.model));
}

/** A model the config names that the version's registry cannot resolve, with where the config names it. */
export type UnknownChainModel = { readonly path: string; readonly modelRef: string; readonly error: string };

/** The primary, each fallback and the heartbeat model, where the registry does not resolve them. */
export function unknownChainModels(config: ModelRefConfig & { agents?: { defaults?: { heartbeat?: { model?: string | undefined } } } }, registry: ModelRegistry): UnknownChainModel[] {
  const model = config.agents?.defaults?.model;
  const scope = configuredScope(config, registry.modelRefs);
  const named: { path: string; ref: ModelRef | null }[] = [
    { path: typeof model === 'object' ? 'agents.defaults.model.primary' : 'agents.defaults.model', ref: resolvePrimaryModelRef(config, registry.modelRefs) },
    ...(typeof model === 'object' ? (model.fallbacks ?? []) : []).map((raw, index) => ({ path: `agents.defaults.model.fallbacks[${index}]`, ref: resolveModelRef(raw, scope) })),
  ];
  const heartbeatModel = config.agents?.defaults?.heartbeat?.model;
  if (typeof heartbeatModel === 'string' && heartbeatModel.trim() !== '') named.push({ path: 'agents.defaults.heartbeat.model', ref: resolveModelRef(heartbeatModel, scope) });
  return named.flatMap(({ path, ref }) => {
    const error = ref === null ? undefined : unknownModelError(config, ref, registry);
    return ref === null || error === undefined ? [] : [{ path, modelRef: modelKey(ref, registry.modelRefs), error }];
  });
}
