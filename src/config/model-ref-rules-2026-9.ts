/**
 * How openclaw@2026.9.6 reads model refs. Its dist splits the work over:
 * dist/model-selection-normalize-Dij_chYC.mjs (parseModelRef),
 * dist/model-ref-shared-BgRrSHjn.mjs (normalizeModelRef, normalizeProviderModelId),
 * dist/provider-model-id-normalization-CO2R6uEC.mjs (normalizeBuiltInProviderModelId,
 * manifest policies), dist/provider-id-DCtsDflE.mjs (normalizeProviderId),
 * dist/model-key-2xbDA5NJ.mjs (modelKey), dist/model-ref-profile-BIKs-96s.mjs
 * (splitTrailingAuthProfile), dist/model-selection-shared-DG5Z5BnB.mjs
 * (aliases, resolveConfiguredModelRef, inferUniqueProviderFromConfiguredModels),
 * dist/defaults-BbU4k6fu.mjs (DEFAULT_PROVIDER, DEFAULT_MODEL).
 *
 * A model id passes three layers: the policies the bundled plugins declare in
 * their manifests (`modelIdNormalization` in dist/extensions/<id>/openclaw.plugin.json),
 * the built-in rules, then the provider plugin's own `normalizeModelId` hook.
 * The gateway runs all three; `openclaw sessions` asks for the built-in rules
 * only (sessions-display-model.ts), which MODEL_REF_RULES_2026_9_STATIC is.
 */
import type { ModelRef, ModelRefConfig, ModelRefRules } from './model-ref.ts';

type ModelIdLayers = { readonly manifest: boolean; readonly pluginHooks: boolean };

export const MODEL_REF_RULES_2026_9: ModelRefRules = rules2026_9({ manifest: true, pluginHooks: true });

/** As `openclaw sessions` parses: manifest and plugin normalization off. */
export const MODEL_REF_RULES_2026_9_STATIC: ModelRefRules = rules2026_9({ manifest: false, pluginHooks: false });

function rules2026_9(layers: ModelIdLayers): ModelRefRules {
  return {
    defaultProvider: 'openai',
    defaultModel: 'gpt-6-astra',
    compatRefs: { 'openrouter:auto': { provider: 'openrouter', model: 'auto' } },
    normalizeProviderId,
    normalizeModelRef: (provider, model) => ({ provider, model: providerModelId(provider, model, layers) }),
    configuredRouteModelId: layers.manifest ? configuredRouteModelId : null,
    modelKey,
    stripAuthProfile,
    aliasesMatchQualifiedRefs: true,
    oneAliasPerModel: true,
    barePrimaryKeepsSpelling: false,
    configuredProviderFallback: true,
    inferBareIdProvider: (model, config) => uniqueConfiguredProvider(model, config, layers),
  };
}

/** provider-id.ts normalizeProviderId: lower case only (no folded spellings, unlike 2026.2). */
function normalizeProviderId(provider: string): string {
  return provider.trim().toLowerCase();
}

/** modelKey: a model id that already starts with `provider/` is the key by itself. */
function modelKey(ref: ModelRef): string {
  const provider = ref.provider.trim();
  const model = ref.model.trim();
  if (provider === '') return model;
  if (model === '') return provider;
  return model.toLowerCase().startsWith(`${provider.toLowerCase()}/`) ? model : `${provider}/${model}`;
}

/** normalizeProviderModelId: a repeated `provider/` dropped, then manifest policy, built-in rule, plugin hook. */
function providerModelId(provider: string, model: string, layers: ModelIdLayers): string {
  const id = staticModelId(provider, stripSelfPrefix(provider, model), layers.manifest);
  if (!layers.pluginHooks) return id;
  return PLUGIN_HOOKS[provider]?.(id)?.trim() || id;
}

function staticModelId(provider: string, model: string, manifest: boolean): string {
  const policy = manifest ? MANIFEST_POLICIES[provider] : undefined;
  return builtInModelId(provider, policy === undefined ? model : applyPolicy(policy, model));
}

// normalizeConfiguredProviderCatalogModelId: manifest policy and built-in rule, no prefix stripping, no plugin hook.
function configuredRouteModelId(provider: string, model: string): string {
  const id = staticModelId(provider, model, true);
  if (id.startsWith('google/')) return `google/${googlePreviewModelId(id.slice(7))}`;
  const slash = id.indexOf('/');
  if (slash <= 0 || slash >= id.length - 1) return id;
  const inner = id.slice(slash + 1).trim();
  if (!inner.startsWith('google/')) return id;
  const normalized = googlePreviewModelId(inner);
  return normalized === inner ? id : `${normalizeProviderId(id.slice(0, slash))}/${normalized}`;
}

function stripSelfPrefix(provider: string, model: string): string {
  const trimmed = model.trim();
  return trimmed.toLowerCase().startsWith(`${provider.toLowerCase()}/`) ? trimmed.slice(provider.length + 1) : model;
}

/** A manifest's `modelIdNormalization.providers.<provider>` entry. */
type ManifestPolicy = {
  readonly stripPrefixes?: readonly string[];
  readonly aliases?: Readonly<Record<string, string>>;
  readonly prefixWhenBare?: string;
};

/** normalizeProviderModelIdWithPolicies: strip one listed prefix, look the id up (lower case), prefix a bare result. */
function applyPolicy(policy: ManifestPolicy, model: string): string {
  let id = model.trim();
  if (id === '') return id;
  const prefix = policy.stripPrefixes?.find((candidate) => candidate !== '' && id.toLowerCase().startsWith(candidate.toLowerCase()));
  if (prefix !== undefined) id = id.slice(prefix.length);
  id = policy.aliases?.[id.toLowerCase()] ?? id;
  if (id.includes('/') || policy.prefixWhenBare === undefined) return id;
  return `${policy.prefixWhenBare.replace(/\/+$/u, '')}/${id.replace(/^\/+/u, '')}`;
}

const GOOGLE_MANIFEST_ALIASES: Readonly<Record<string, string>> = {
  'gemini-3-pro': 'gemini-3.1-pro-preview',
  'gemini-3-pro-preview': 'gemini-3.1-pro-preview',
  'gemini-3-flash': 'gemini-3-flash-preview',
  'gemini-3.1-pro': 'gemini-3.1-pro-preview',
  'gemini-3.1-flash-lite-preview': 'gemini-3.1-flash-lite',
  'gemini-3.1-flash': 'gemini-3-flash-preview',
  'gemini-3.1-flash-preview': 'gemini-3-flash-preview',
};

const ANTHROPIC_ALIASES: Readonly<Record<string, string>> = {
  fable: 'claude-fable-5-1',
  'fable-5': 'claude-fable-5',
  'fable-5.1': 'claude-fable-5-1',
  'fable-5-1': 'claude-fable-5-1',
  haiku: 'claude-haiku-4-5',
  'opus-5.5': 'claude-opus-5-5',
  'opus-5-5': 'claude-opus-5-5',
  'opus-5': 'claude-opus-5',
  opus: 'claude-opus-5',
  'opus-4.8': 'claude-opus-4-8',
  'opus-4.7': 'claude-opus-4-7',
  'opus-4.6': 'claude-opus-4-6',
  'mythos-5': 'claude-mythos-5',
  'sonnet-5': 'claude-sonnet-5',
  sonnet: 'claude-sonnet-5',
  'sonnet-4.6': 'claude-sonnet-4-6',
};

/** The bundled plugins' manifest policies (xai, google, huggingface, anthropic, nvidia, openrouter), all enabled by default. */
const MANIFEST_POLICIES: Readonly<Record<string, ManifestPolicy>> = {
  xai: { aliases: { 'grok-4.3-latest': 'grok-4.3', 'grok-4.5-latest': 'grok-4.5', 'grok-4.7-latest': 'grok-4.7', 'grok-build-latest': 'grok-4.5' } },
  google: { aliases: GOOGLE_MANIFEST_ALIASES },
  'google-gemini-cli': { aliases: GOOGLE_MANIFEST_ALIASES },
  'google-vertex': { aliases: GOOGLE_MANIFEST_ALIASES },
  huggingface: { stripPrefixes: ['huggingface/'] },
  anthropic: { aliases: ANTHROPIC_ALIASES },
  nvidia: { prefixWhenBare: 'nvidia' },
  openrouter: { prefixWhenBare: 'openrouter' },
};

/** Provider plugins' `normalizeModelId` hooks: xai's normalizeXaiModelId (dist/model-id-BpefGMul.mjs), exact spellings. */
const PLUGIN_HOOKS: Readonly<Record<string, (model: string) => string | undefined>> = {
  xai: (model) => XAI_HOOK_ALIASES[model] ?? model,
};

const XAI_HOOK_ALIASES: Readonly<Record<string, string>> = {
  'grok-4.3-latest': 'grok-4.3',
  'grok-4.5-latest': 'grok-4.5',
  'grok-4.7-latest': 'grok-4.7',
  'grok-build-latest': 'grok-4.5',
  'grok-code-fast-1': 'grok-build-0.1',
  'grok-code-fast': 'grok-build-0.1',
  'grok-code-fast-1-0825': 'grok-build-0.1',
  'grok-4-fast-reasoning': 'grok-4-fast',
  'grok-4-1-fast-reasoning': 'grok-4-1-fast',
};

/** normalizeBuiltInProviderModelId. */
function builtInModelId(provider: string, model: string): string {
  return (BUILT_IN_RULES[provider] ?? ((id: string) => id))(model);
}

const BUILT_IN_RULES: Readonly<Record<string, (model: string) => string>> = {
  google: googlePreviewModelId,
  'google-gemini-cli': googlePreviewModelId,
  'google-vertex': googlePreviewModelId,
  openrouter: (model) => prefixWhenBare('openrouter', model),
  nvidia: (model) => prefixWhenBare('nvidia', model),
  anthropic: (model) => {
    const bare = stripSelfPrefix('anthropic', model);
    return ANTHROPIC_ALIASES[bare.trim().toLowerCase()] ?? bare;
  },
  'vercel-ai-gateway': (model) => {
    const aliased = VERCEL_ALIASES[model.trim().toLowerCase()] ?? model;
    return aliased.trim().toLowerCase().startsWith('claude-') ? `anthropic/${aliased}` : aliased;
  },
  huggingface: (model) => (model.trim().toLowerCase().startsWith('huggingface/') ? model.slice(12) : model),
  xai: (model) => XAI_BUILT_IN_ALIASES[model.trim().toLowerCase()] ?? model,
  together: (model) => (model === 'moonshotai/Kimi-K2.5' ? 'moonshotai/Kimi-K2.6' : model),
};

function prefixWhenBare(provider: string, model: string): string {
  const trimmed = model.trim();
  return trimmed !== '' && !trimmed.includes('/') ? `${provider}/${trimmed}` : model;
}

/**
 * normalizeGooglePreviewModelId (dist/provider-model-id-normalize-DODOj1rv.mjs): exact spellings, also under `google/`.
 * Any number of `google/` prefixes are kept and the id below them aliased; a loop, because the id is user text of any length.
 */
function googlePreviewModelId(id: string): string {
  let prefixes = 0;
  while (id.startsWith('google/', prefixes * 7)) prefixes++;
  const base = id.slice(prefixes * 7);
  const alias = GOOGLE_PREVIEW_ALIASES[base];
  return alias === undefined ? id : `${'google/'.repeat(prefixes)}${alias}`;
}

const GOOGLE_PREVIEW_ALIASES: Readonly<Record<string, string>> = { ...GOOGLE_MANIFEST_ALIASES, 'gemma-4-26b': 'gemma-4-26b-a4b-it' };

const VERCEL_ALIASES: Readonly<Record<string, string>> = {
  'opus-4.6': 'claude-opus-4-6',
  'sonnet-5': 'claude-sonnet-5',
  sonnet: 'claude-sonnet-4-6',
  'sonnet-4.6': 'claude-sonnet-4-6',
};

const XAI_BUILT_IN_ALIASES: Readonly<Record<string, string>> = {
  'grok-4.3-latest': 'grok-4.3',
  'grok-4.5-latest': 'grok-4.5',
  'grok-build-latest': 'grok-4.5',
  'grok-4-fast-reasoning': 'grok-4-fast',
  'grok-4-1-fast-reasoning': 'grok-4-1-fast',
};

/**
 * splitTrailingAuthProfile: the first `@` after the last slash starts an auth
 * profile, unless what follows is an 8-digit date (`claude-x@20250514`) or a
 * quantization (`q4_k_m`, `8bit`), which belong to the model id.
 */
function stripAuthProfile(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed === '') return '';
  let at = trimmed.indexOf('@', trimmed.lastIndexOf('/') + 1);
  if (at <= 0) return trimmed;
  if (/^\d{8}(?:@|$)/.test(trimmed.slice(at + 1))) {
    at = trimmed.indexOf('@', at + 9);
    if (at < 0) return trimmed;
  }
  if (/^(?:i?q\d+(?:_[a-z0-9]+)*|\d+bit)(?:@|$)/i.test(trimmed.slice(at + 1))) {
    at = trimmed.indexOf('@', at + 1);
    if (at < 0) return trimmed;
  }
  const model = trimmed.slice(0, at).trim();
  return model === '' || trimmed.slice(at + 1).trim() === '' ? trimmed : model;
}

/**
 * inferUniqueProviderFromConfiguredModels: the one provider whose configured
 * models (`agents.defaults.models` keys, `models.providers.*.models[].id`) has
 * this id — exact matches first, then case-insensitive ones.
 */
function uniqueConfiguredProvider(model: string, config: ModelRefConfig, layers: ModelIdLayers): string | undefined {
  const wanted = model.trim();
  if (wanted === '') return undefined;
  const exact = new Set<string>();
  const folded = new Set<string>();
  const add = (provider: string, ids: readonly string[]) => {
    const id = normalizeProviderId(provider);
    if (id === '') return;
    if (ids.some((candidate) => candidate.trim() === wanted)) exact.add(id);
    else if (ids.some((candidate) => candidate.trim().toLowerCase() === wanted.toLowerCase())) folded.add(id);
  };
  for (const key of Object.keys(config.agents?.defaults?.models ?? {})) {
    const ref = key.trim();
    const slash = ref.indexOf('/');
    if (slash <= 0 || slash === ref.length - 1 || ref.endsWith('/*')) continue;
    const provider = normalizeProviderId(ref.slice(0, slash));
    add(provider, [staticModelId(provider, stripSelfPrefix(provider, ref.slice(slash + 1).trim()), layers.manifest)]);
  }
  for (const [provider, entry] of Object.entries(config.models?.providers ?? {})) {
    for (const row of entry.models ?? []) {
      const id = row.id.trim();
      if (id !== '') add(provider, [id, configuredRouteModelId(normalizeProviderId(provider), id)]);
    }
  }
  const matches = exact.size > 0 ? exact : folded;
  return matches.size === 1 ? [...matches][0] : undefined;
}
