/**
 * Model references as OpenClaw reads them: `provider/model`, a bare model id,
 * or an alias declared in `agents.defaults.models` (`{ "google/gemini-2.5-pro":
 * { alias: "pro" } }`). One parser for every place quotastorm reads a ref.
 *
 * The shape is the same in both pinned versions (`parseModelRef`,
 * `resolveModelRefFromString`, `resolveConfiguredModelRef`,
 * `resolveFallbackCandidates`); what differs — the default provider,
 * provider and model id normalization, where aliases apply, the auth-profile
 * suffix — is a `ModelRefRules` value, one per version
 * (model-ref-rules-2026-2.ts, model-ref-rules-2026-9.ts).
 *
 * An agent's own `agents.list[].model` is read through config/agents.ts
 * `agentConfigView`, which hands these functions the agent's chain.
 *
 * Not modelled: a bare id's provider inferred from the provider catalog (the
 * embedded gateway has none), `openrouter:free`, per-agent alias tables
 * (`agents.list[].models`), the utility model that 2026.9.6 keeps out of its
 * provider fallback.
 */
import type { OpenClawConfig } from './schema.ts';

export type ModelRef = { readonly provider: string; readonly model: string };

/** The parts of a config refs are resolved against: the model settings and `models.providers`. */
export type ModelRefConfig = { readonly agents?: OpenClawConfig['agents']; readonly models?: OpenClawConfig['models'] };

/** What one OpenClaw version does differently when it reads a model ref. */
export type ModelRefRules = {
  /** DEFAULT_PROVIDER: a bare id's provider when nothing else names one. */
  readonly defaultProvider: string;
  /** DEFAULT_MODEL: the model an agent runs when the config names none. */
  readonly defaultModel: string;
  /** Whole-ref spellings (lower case) that stand for a fixed ref, checked before the slash split. */
  readonly compatRefs: Readonly<Record<string, ModelRef>>;
  /** normalizeProviderId: provider ids compared and stored in this form. */
  readonly normalizeProviderId: (provider: string) => string;
  /** normalizeModelRef after the provider is normalized: the model id, and a provider some ids move to. */
  readonly normalizeModelRef: (provider: string, model: string) => ModelRef;
  /**
   * The model id when the config's `models.providers` declares the provider
   * with an `api` of another name: such authored routes keep their ids from
   * runtime plugin rewrites. Null where the version has no such path.
   */
  readonly configuredRouteModelId: ((provider: string, model: string) => string) | null;
  /** modelKey: the `provider/model` string refs are deduplicated and logged by. */
  readonly modelKey: (ref: ModelRef) => string;
  /** splitTrailingAuthProfile: `provider/model@profile` → the part naming the model. */
  readonly stripAuthProfile: (raw: string) => string;
  /**
   * Whether an alias also matches a spelling with a slash (the whole string,
   * or `provider/alias`); otherwise only bare spellings are looked up.
   */
  readonly aliasesMatchQualifiedRefs: boolean;
  /** Whether a later `agents.defaults.models` entry for the same model replaces its alias (else each entry adds one). */
  readonly oneAliasPerModel: boolean;
  /** Whether a bare primary id without an alias is kept as written (the chain still normalizes it). */
  readonly barePrimaryKeepsSpelling: boolean;
  /**
   * Whether a config without a usable primary runs the first model of the
   * first `models.providers` entry (when the default provider does not declare
   * the default model) instead of the built-in default.
   */
  readonly configuredProviderFallback: boolean;
  /** A bare primary id's provider when the configured models name exactly one; undefined leaves it to the default. */
  readonly inferBareIdProvider: (model: string, config: ModelRefConfig) => string | undefined;
};

/** Aliases from `agents.defaults.models`, by lower-cased alias. */
export type ModelAliasIndex = ReadonlyMap<string, ModelRef>;

/** What a ref is resolved against: the rules, the provider of bare ids, the aliases, the config's providers. */
export type ModelRefScope = {
  readonly rules: ModelRefRules;
  readonly defaultProvider: string;
  readonly aliases: ModelAliasIndex;
  readonly config: ModelRefConfig;
};

/** parseModelRef: `provider/model` split at the first slash, or a bare id under `defaultProvider`; null when a half is empty. */
export function parseModelRef(raw: string, rules: ModelRefRules, defaultProvider: string = rules.defaultProvider): ModelRef | null {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  const compat = rules.compatRefs[trimmed.toLowerCase()];
  if (compat !== undefined) return normalizeModelRef(compat.provider, compat.model, rules);
  const slash = trimmed.indexOf('/');
  if (slash === -1) return normalizeModelRef(defaultProvider, trimmed, rules);
  const provider = trimmed.slice(0, slash).trim();
  const model = trimmed.slice(slash + 1).trim();
  return provider === '' || model === '' ? null : normalizeModelRef(provider, model, rules);
}

function normalizeModelRef(provider: string, model: string, rules: ModelRefRules): ModelRef {
  return rules.normalizeModelRef(rules.normalizeProviderId(provider), model.trim());
}

export function modelKey(ref: ModelRef, rules: ModelRefRules): string {
  return rules.modelKey(ref);
}

/** The provider a ref names, for grouping and messages; a ref that does not parse is its own provider. */
export function providerOf(raw: string, rules: ModelRefRules): string {
  return parseModelRef(raw, rules)?.provider ?? raw.trim();
}

/** buildModelAliasIndex: each `agents.defaults.models` key with an alias, parsed under `defaultProvider`. */
export function buildModelAliasIndex(config: ModelRefConfig, rules: ModelRefRules, defaultProvider: string): ModelAliasIndex {
  const byKey = new Map<string, { alias: string; ref: ModelRef } | null>();
  const byAlias = new Map<string, ModelRef>();
  for (const [key, entry] of Object.entries(config.agents?.defaults?.models ?? {})) {
    const ref = parseModelRef(key, rules, defaultProvider);
    if (ref === null) continue;
    const alias = typeof entry?.alias === 'string' ? entry.alias.trim() : '';
    if (!rules.oneAliasPerModel) {
      if (alias !== '') byAlias.set(alias.toLowerCase(), ref);
      continue;
    }
    // 2026.9.6 buildEffectiveModelAliases: the last entry for a model wins, and an empty alias removes it.
    const id = modelKey(ref, rules);
    byKey.delete(id);
    byKey.set(id, alias === '' ? null : { alias, ref });
  }
  for (const named of byKey.values()) if (named !== null) byAlias.set(named.alias.toLowerCase(), named.ref);
  return byAlias;
}

/** resolveModelRefFromString: an alias, else a parsed ref; the auth-profile suffix is not part of the model. */
export function resolveModelRef(raw: string, scope: ModelRefScope): ModelRef | null {
  const { rules } = scope;
  const model = rules.stripAuthProfile(raw);
  if (model === '') return null;
  const alias = aliasOf(model, scope);
  if (alias !== undefined) return alias;
  return configuredRouteRef(model, scope) ?? parseModelRef(model, rules, scope.defaultProvider);
}

/** resolveConfiguredModelRef: the agent's primary model, with aliases and the bare-id fallback. */
export function resolvePrimaryModelRef(config: ModelRefConfig, rules: ModelRefRules): ModelRef {
  const fallback = (rules.configuredProviderFallback ? configuredProviderFallback(config, rules) : undefined) ?? { provider: rules.defaultProvider, model: rules.defaultModel };
  const raw = primaryOf(config)?.trim();
  if (raw === undefined || raw === '') return fallback;
  const scope: ModelRefScope = { rules, defaultProvider: rules.defaultProvider, aliases: buildModelAliasIndex(config, rules, rules.defaultProvider), config };
  if (!raw.includes('/')) {
    // The real gateway logs `Model "x" specified without provider. Falling back to "<default>/x"` here.
    const alias = aliasOf(raw, scope);
    if (alias !== undefined) return alias;
    const provider = rules.inferBareIdProvider(raw, config) ?? rules.defaultProvider;
    return rules.barePrimaryKeepsSpelling ? { provider, model: raw } : normalizeModelRef(provider, raw, rules);
  }
  return resolveModelRef(raw, scope) ?? fallback;
}

/**
 * resolveFallbackCandidates: the primary, then each fallback resolved under
 * the primary's provider and aliases, then the primary again — each model once,
 * in that order. A ref that resolves to nothing is skipped.
 */
export function resolveModelChain(config: ModelRefConfig, rules: ModelRefRules): ModelRef[] {
  const primary = resolvePrimaryModelRef(config, rules);
  const scope = scopeOf(config, rules, primary.provider);
  const chain = new Map<string, ModelRef>();
  const add = (ref: ModelRef | null) => {
    if (ref === null || ref.provider === '' || ref.model === '') return;
    const key = modelKey(ref, rules);
    if (!chain.has(key)) chain.set(key, ref);
  };
  add(rules.barePrimaryKeepsSpelling ? normalizeModelRef(primary.provider, primary.model, rules) : primary);
  for (const raw of fallbacksOf(config)) add(resolveModelRef(raw, scope));
  add(primary);
  return [...chain.values()];
}

/** The scope other refs of a config (fallbacks, the heartbeat model) resolve in: the primary's provider and aliases. */
export function configuredScope(config: ModelRefConfig, rules: ModelRefRules): ModelRefScope {
  return scopeOf(config, rules, resolvePrimaryModelRef(config, rules).provider);
}

/** findNormalizedProviderValue: the `models.providers` entry whose key normalizes to the ref's provider. */
export function configuredProvider(config: ModelRefConfig, provider: string, rules: ModelRefRules) {
  const wanted = rules.normalizeProviderId(provider);
  const providers = config.models?.providers ?? {};
  const key = Object.keys(providers).find((name) => rules.normalizeProviderId(name) === wanted);
  return key === undefined ? undefined : providers[key];
}

/** The `models.providers.<provider>.models[]` entry a ref names, if the config has one. */
export function configuredModel(config: ModelRefConfig, modelRef: string, rules: ModelRefRules) {
  const ref = parseModelRef(modelRef, rules);
  if (ref === null) return undefined;
  return configuredProvider(config, ref.provider, rules)?.models?.find((model) => model.id === ref.model);
}

function scopeOf(config: ModelRefConfig, rules: ModelRefRules, defaultProvider: string): ModelRefScope {
  return { rules, defaultProvider, aliases: buildModelAliasIndex(config, rules, defaultProvider), config };
}

function aliasOf(model: string, scope: ModelRefScope): ModelRef | undefined {
  const slash = model.indexOf('/');
  if (slash !== -1 && !scope.rules.aliasesMatchQualifiedRefs) return undefined;
  const whole = scope.aliases.get(model.toLowerCase());
  if (whole !== undefined || slash <= 0) return whole;
  // 2026.9.6 byProviderAlias: `google/pro` names the alias `pro` when that alias is on a google model.
  const provider = scope.rules.normalizeProviderId(model.slice(0, slash));
  const scoped = scope.aliases.get(model.slice(slash + 1).toLowerCase());
  return scoped !== undefined && scope.rules.normalizeProviderId(scoped.provider) === provider ? scoped : undefined;
}

// 2026.9.6 findExactConfiguredProviderRefParts: a declared provider routed through another API keeps its own ids.
function configuredRouteRef(model: string, scope: ModelRefScope): ModelRef | null {
  const routeModelId = scope.rules.configuredRouteModelId;
  const slash = model.indexOf('/');
  if (routeModelId === null || slash <= 0) return null;
  const provider = model.slice(0, slash).trim().toLowerCase();
  const id = model.slice(slash + 1).trim();
  const entry = Object.entries(scope.config.models?.providers ?? {}).find(([name]) => name.trim().toLowerCase() === provider);
  if (provider === '' || id === '' || entry === undefined) return null;
  const api = typeof entry[1].api === 'string' ? scope.rules.normalizeProviderId(entry[1].api) : '';
  if (api === '' || api === scope.rules.normalizeProviderId(entry[0])) return null;
  return { provider, model: routeModelId(provider, id) };
}

// 2026.9.6 resolveConfiguredProviderFallback, less the utility-model exclusion.
function configuredProviderFallback(config: ModelRefConfig, rules: ModelRefRules): ModelRef | undefined {
  const providers = config.models?.providers ?? {};
  const declared = configuredProvider(config, rules.defaultProvider, rules)?.models ?? [];
  if (declared.some((model) => model.id === rules.defaultModel)) return undefined;
  const first = Object.entries(providers).find(([, provider]) => (provider.models?.[0]?.id ?? '') !== '');
  return first === undefined ? undefined : { provider: rules.normalizeProviderId(first[0]), model: first[1].models![0]!.id };
}

function primaryOf(config: ModelRefConfig): string | undefined {
  const model = config.agents?.defaults?.model;
  return typeof model === 'string' ? model : model?.primary;
}

function fallbacksOf(config: ModelRefConfig): readonly string[] {
  const model = config.agents?.defaults?.model;
  return typeof model === 'object' ? (model.fallbacks ?? []) : [];
}
