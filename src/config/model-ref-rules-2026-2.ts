/**
 * How openclaw@2026.2.26 reads model refs: `src/agents/model-selection.ts`
 * (dist/model-selection-BNuytbkf.js, the copy pi-embedded-CQnl8oWA.js
 * imports) and `src/agents/model-ref-profile.ts` in the same file.
 */
import type { ModelRef, ModelRefRules } from './model-ref.ts';

export const MODEL_REF_RULES_2026_2: ModelRefRules = {
  defaultProvider: 'anthropic',
  defaultModel: 'claude-opus-4-6',
  compatRefs: {},
  normalizeProviderId,
  normalizeModelRef,
  configuredRouteModelId: null,
  modelKey: (ref) => `${ref.provider}/${ref.model}`,
  stripAuthProfile,
  aliasesMatchQualifiedRefs: false,
  oneAliasPerModel: false,
  // resolveConfiguredModelRef returns `{ provider: "anthropic", model }` unnormalized; resolveFallbackCandidates normalizes it.
  barePrimaryKeepsSpelling: true,
  configuredProviderFallback: false,
  inferBareIdProvider: () => undefined,
};

/** normalizeProviderId: lower case, and the spellings OpenClaw folds into one provider. */
function normalizeProviderId(provider: string): string {
  const lower = provider.trim().toLowerCase();
  return PROVIDER_ALIASES[lower] ?? lower;
}

const PROVIDER_ALIASES: Readonly<Record<string, string>> = {
  'z.ai': 'zai',
  'z-ai': 'zai',
  'opencode-zen': 'opencode',
  qwen: 'qwen-portal',
  'kimi-code': 'kimi-coding',
  bedrock: 'amazon-bedrock',
  'aws-bedrock': 'amazon-bedrock',
  bytedance: 'volcengine',
  doubao: 'volcengine',
};

/** normalizeModelRef: normalizeProviderModelId, then the Codex models that move to `openai-codex`. */
function normalizeModelRef(provider: string, model: string): ModelRef {
  const id = (MODEL_ID_RULES[provider] ?? unchanged)(model);
  const codex = provider === 'openai' && CODEX_MODEL_PREFIXES.some((prefix) => id.toLowerCase() === prefix || id.toLowerCase().startsWith(`${prefix}-`));
  return { provider: codex ? 'openai-codex' : provider, model: id };
}

/** OPENAI_CODEX_OAUTH_MODEL_PREFIXES (shouldUseOpenAICodexProvider). */
const CODEX_MODEL_PREFIXES = ['gpt-5.3-codex'];

/** normalizeProviderModelId, one rule per provider that has one. */
const MODEL_ID_RULES: Readonly<Record<string, (model: string) => string>> = {
  anthropic: anthropicModelId,
  'vercel-ai-gateway': (model) => {
    if (model.includes('/')) return model;
    const anthropic = anthropicModelId(model);
    return anthropic.startsWith('claude-') ? `anthropic/${anthropic}` : model;
  },
  // normalizeGoogleModelId: exact spellings only.
  google: (model) => GOOGLE_MODEL_ALIASES[model] ?? model,
  openrouter: (model) => (model.includes('/') ? model : `openrouter/${model}`),
};

function unchanged(model: string): string {
  return model;
}

/** normalizeAnthropicModelId: ANTHROPIC_MODEL_ALIASES, matched case-insensitively. */
function anthropicModelId(model: string): string {
  const trimmed = model.trim();
  return ANTHROPIC_MODEL_ALIASES[trimmed.toLowerCase()] ?? trimmed;
}

const ANTHROPIC_MODEL_ALIASES: Readonly<Record<string, string>> = {
  'opus-4.6': 'claude-opus-4-6',
  'opus-4.5': 'claude-opus-4-5',
  'sonnet-4.6': 'claude-sonnet-4-6',
  'sonnet-4.5': 'claude-sonnet-4-5',
};

const GOOGLE_MODEL_ALIASES: Readonly<Record<string, string>> = {
  'gemini-3-pro': 'gemini-3-pro-preview',
  'gemini-3-flash': 'gemini-3-flash-preview',
};

/** splitTrailingAuthProfile: the last `@` after the last slash starts an auth profile id. */
function stripAuthProfile(raw: string): string {
  const trimmed = raw.trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at <= trimmed.lastIndexOf('/')) return trimmed;
  const model = trimmed.slice(0, at).trim();
  return model === '' || trimmed.slice(at + 1).trim() === '' ? trimmed : model;
}
