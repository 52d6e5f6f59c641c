/**
 * `provider/model` references as openclaw@2026.9.6 parses them for display
 * (`parseModelRef` with manifest and plugin normalization off, as
 * `sessions-display-model.ts` asks): the provider lowercased, a repeated
 * `provider/` prefix stripped, and the built-in aliases
 * (`normalizeBuiltInProviderModelId`, `normalizeGooglePreviewModelId`).
 */
export type ModelRef = { readonly provider: string; readonly model: string };

/** The model every agent runs when the config names none (sessions-display-model.ts). */
export const BUILT_IN_DEFAULT_MODEL: ModelRef = { provider: 'openai', model: 'gpt-6-astra' };

/**
 * Providers that are CLI backends rather than APIs (`prepareCliProviderClassifier`):
 * the bundled plugins enabled by default declare these two (`cliBackends` in
 * the anthropic and google plugin manifests).
 */
const CLI_PROVIDERS: ReadonlySet<string> = new Set(['claude-cli', 'google-gemini-cli']);

export function isCliProvider(provider: string | undefined): boolean {
  return provider !== undefined && CLI_PROVIDERS.has(normalizeProviderId(provider));
}

export function normalizeProviderId(provider: string): string {
  return provider.trim().toLowerCase();
}

/** `provider/model`, or a bare model under `defaultProvider`; null when either half is empty. */
export function parseModelRef(raw: string, defaultProvider: string): ModelRef | null {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  if (trimmed.toLowerCase() === 'openrouter:auto') return normalizeModelRef('openrouter', 'auto');
  const slash = trimmed.indexOf('/');
  if (slash === -1) return normalizeModelRef(defaultProvider, trimmed);
  const provider = trimmed.slice(0, slash).trim();
  const model = trimmed.slice(slash + 1).trim();
  return provider === '' || model === '' ? null : normalizeModelRef(provider, model);
}

function normalizeModelRef(provider: string, model: string): ModelRef {
  const normalizedProvider = normalizeProviderId(provider);
  return { provider: normalizedProvider, model: builtInModelId(normalizedProvider, stripSelfPrefix(normalizedProvider, model.trim())) };
}

function stripSelfPrefix(provider: string, model: string): string {
  const trimmed = model.trim();
  return trimmed.toLowerCase().startsWith(`${provider.toLowerCase()}/`) ? trimmed.slice(provider.length + 1) : model;
}

function builtInModelId(provider: string, model: string): string {
  if (provider === 'google' || provider === 'google-gemini-cli' || provider === 'google-vertex') return googlePreviewModelId(model);
  if (provider === 'openrouter' || provider === 'nvidia') return model.trim() !== '' && !model.trim().includes('/') ? `${provider}/${model.trim()}` : model;
  if (provider === 'anthropic') {
    const bare = stripSelfPrefix(provider, model);
    return ANTHROPIC_ALIASES[bare.trim().toLowerCase()] ?? bare;
  }
  if (provider === 'vercel-ai-gateway') {
    const aliased = VERCEL_ALIASES[model.trim().toLowerCase()] ?? model;
    return aliased.trim().toLowerCase().startsWith('claude-') ? `anthropic/${aliased}` : aliased;
  }
  if (provider === 'huggingface') return model.trim().toLowerCase().startsWith('huggingface/') ? model.slice(12) : model;
  if (provider === 'xai') return XAI_ALIASES[model.trim().toLowerCase()] ?? model;
  if (provider === 'together') return model === 'moonshotai/Kimi-K2.5' ? 'moonshotai/Kimi-K2.6' : model;
  return model;
}

function googlePreviewModelId(id: string): string {
  if (id.startsWith('google/')) {
    const inner = googlePreviewModelId(id.slice(7));
    return inner === id.slice(7) ? id : `google/${inner}`;
  }
  return GOOGLE_ALIASES[id] ?? id;
}

const GOOGLE_ALIASES: Readonly<Record<string, string>> = {
  'gemini-3-pro': 'gemini-3.1-pro-preview',
  'gemini-3-pro-preview': 'gemini-3.1-pro-preview',
  'gemini-3-flash': 'gemini-3-flash-preview',
  'gemini-3.1-pro': 'gemini-3.1-pro-preview',
  'gemini-3.1-flash-lite-preview': 'gemini-3.1-flash-lite',
  'gemini-3.1-flash': 'gemini-3-flash-preview',
  'gemini-3.1-flash-preview': 'gemini-3-flash-preview',
  'gemma-4-26b': 'gemma-4-26b-a4b-it',
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

const VERCEL_ALIASES: Readonly<Record<string, string>> = {
  'opus-4.6': 'claude-opus-4-6',
  'sonnet-5': 'claude-sonnet-5',
  sonnet: 'claude-sonnet-4-6',
  'sonnet-4.6': 'claude-sonnet-4-6',
};

const XAI_ALIASES: Readonly<Record<string, string>> = {
  'grok-4.3-latest': 'grok-4.3',
  'grok-4.5-latest': 'grok-4.5',
  'grok-build-latest': 'grok-4.5',
  'grok-4-fast-reasoning': 'grok-4-fast',
  'grok-4-1-fast-reasoning': 'grok-4-1-fast',
};
