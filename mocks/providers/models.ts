/**
 * The models each mock provider knows: anything else is the provider's 404.
 *
 * `quotaFamily` groups models that share one rate-limit bucket under the
 * per-model scope and is the name Gemini reports in
 * `QuotaFailure.quotaDimensions.model` (the base model family: real 429s for
 * `gemini-3.1-pro-preview-customtools` report `gemini-3.1-pro`). Anthropic
 * meters Sonnet 4.x together and Opus 4.x together
 * (https://docs.claude.com/en/api/rate-limits), so their dated ids and aliases
 * share a family.
 *
 * Context windows and output caps are the providers' published model-card
 * numbers (Gemini's 1,048,576 also appears in its context-length 400, "exceeds
 * the maximum number of tokens allowed (1048576)"); treat them as defaults: a `LedgerConfig`'s `models`
 * (ledger.ts) replaces the whole catalogue.
 */
import type { PublishedLimits } from './published-limits.ts';

export const PROVIDER_IDS = ['gemini', 'openai', 'anthropic', 'moonshot', 'xai', 'compatible', 'ollama', 'vertex', 'gemini-cli', 'bedrock'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export type ModelInfo = {
  /** The id a request names, e.g. `gemini-2.5-flash`, `claude-sonnet-4-5-20250929`. */
  readonly id: string;
  /** Models with the same family share a bucket under the per-model scope. */
  readonly quotaFamily: string;
  /** Prompt tokens above this get the provider's context-length 400. */
  readonly contextWindowTokens: number;
  /**
   * Output cap when the request names none: caps generated text and is the
   * reservation for providers that reserve a default (Moonshot, https://platform.moonshot.ai/docs/pricing/limits).
   */
  readonly defaultMaxOutputTokens: number;
  /** A public API's published limits for the model (published-limits.ts), where the tier table has no row for it. */
  readonly published?: PublishedLimits;
};

export type ModelCatalog = Readonly<Record<ProviderId, readonly ModelInfo[]>>;

export const DEFAULT_MODELS: ModelCatalog = {
  gemini: [
    model('gemini-2.5-flash', 'gemini-2.5-flash', 1_048_576, 65_536),
    model('gemini-2.5-pro', 'gemini-2.5-pro', 1_048_576, 65_536),
    model('gemini-2.5-flash-lite', 'gemini-2.5-flash-lite', 1_048_576, 65_536),
    // The Gemini 3 previews real configs run (OpenClaw's built-in catalog names them).
    model('gemini-3.1-pro-preview', 'gemini-3.1-pro', 1_048_576, 65_536),
    model('gemini-3-pro-preview', 'gemini-3-pro', 1_048_576, 65_536),
    model('gemini-3-flash-preview', 'gemini-3-flash', 1_048_576, 65_536),
  ],
  openai: [
    model('gpt-4o', 'gpt-4o', 128_000, 16_384),
    model('gpt-4o-mini', 'gpt-4o-mini', 128_000, 16_384),
    model('gpt-4.1', 'gpt-4.1', 1_047_576, 32_768),
    // In the Feb 27 fix's chain (scenarios/configs/feb27-after.json5).
    model('gpt-5.2', 'gpt-5', 400_000, 128_000),
    // The GPT-5 line real configs name (OpenClaw 2026.2.26 / 2026.9.6 built-in catalogs, windows as there);
    // unverified: each assumed to share gpt-5's published limits.
    model('gpt-5', 'gpt-5', 400_000, 128_000),
    model('gpt-5.1', 'gpt-5', 400_000, 128_000),
    model('gpt-5.4', 'gpt-5', 1_050_000, 128_000),
    model('gpt-5.5', 'gpt-5', 1_050_000, 128_000),
  ],
  anthropic: [
    model('claude-sonnet-4-6', 'claude-sonnet-4.x', 200_000, 64_000),
    model('claude-sonnet-4-5', 'claude-sonnet-4.x', 200_000, 64_000),
    model('claude-sonnet-4-5-20250929', 'claude-sonnet-4.x', 200_000, 64_000),
    model('claude-sonnet-4-0', 'claude-sonnet-4.x', 200_000, 64_000),
    model('claude-sonnet-4-20250514', 'claude-sonnet-4.x', 200_000, 64_000),
    model('claude-opus-4-6', 'claude-opus-4.x', 200_000, 32_000),
    model('claude-opus-4-1', 'claude-opus-4.x', 200_000, 32_000),
    model('claude-opus-4-1-20250805', 'claude-opus-4.x', 200_000, 32_000),
    model('claude-opus-4-0', 'claude-opus-4.x', 200_000, 32_000),
    model('claude-haiku-4-5', 'claude-haiku-4.5', 200_000, 64_000),
    model('claude-haiku-4-5-20251001', 'claude-haiku-4.5', 200_000, 64_000),
    model('claude-3-5-haiku-latest', 'claude-haiku-3.5', 200_000, 8_192),
  ],
  moonshot: [
    // Moonshot documents a default max_tokens reservation but not its value; 1,024 is this mock's choice.
    model('kimi-k2.5', 'kimi-k2.5', 262_144, 1_024),
    model('kimi-k2-0905-preview', 'kimi-k2-0905-preview', 262_144, 1_024),
    model('kimi-k2-turbo-preview', 'kimi-k2-turbo-preview', 262_144, 1_024),
    model('kimi-k2-thinking', 'kimi-k2-thinking', 262_144, 1_024),
  ],
  xai: [
    model('grok-4', 'grok-4', 256_000, 32_768),
    model('grok-4-0709', 'grok-4', 256_000, 32_768),
    model('grok-code-fast-1', 'grok-code-fast-1', 256_000, 32_768),
    model('grok-3', 'grok-3', 131_072, 16_384),
  ],
  // The Gemini models OpenClaw 2026.2.26's built-in google-vertex provider lists, with its windows and output caps
  // (src/config/catalog/openclaw-2026.2.26.json).
  vertex: [
    model('gemini-1.5-flash', 'gemini-1.5-flash', 1_000_000, 8_192),
    model('gemini-1.5-flash-8b', 'gemini-1.5-flash-8b', 1_000_000, 8_192),
    model('gemini-1.5-pro', 'gemini-1.5-pro', 1_000_000, 8_192),
    model('gemini-2.0-flash', 'gemini-2.0-flash', 1_048_576, 8_192),
    model('gemini-2.0-flash-lite', 'gemini-2.0-flash-lite', 1_048_576, 65_536),
    model('gemini-2.5-flash', 'gemini-2.5-flash', 1_048_576, 65_536),
    model('gemini-2.5-flash-lite', 'gemini-2.5-flash-lite', 1_048_576, 65_536),
    model('gemini-2.5-flash-lite-preview-09-2025', 'gemini-2.5-flash-lite', 1_048_576, 65_536),
    model('gemini-2.5-pro', 'gemini-2.5-pro', 1_048_576, 65_536),
    model('gemini-3-flash-preview', 'gemini-3-flash', 1_048_576, 65_536),
    model('gemini-3-pro-preview', 'gemini-3-pro', 1_000_000, 64_000),
    model('gemini-3.1-pro-preview', 'gemini-3.1-pro', 1_048_576, 65_536),
  ],
  // The models OpenClaw 2026.2.26's built-in google-gemini-cli and google-antigravity providers list (both speak
  // Cloud Code Assist), with its windows and output caps (src/config/catalog/openclaw-2026.2.26.json).
  'gemini-cli': [
    model('gemini-2.0-flash', 'gemini-2.0-flash', 1_048_576, 8_192),
    model('gemini-2.5-flash', 'gemini-2.5-flash', 1_048_576, 65_535),
    model('gemini-2.5-pro', 'gemini-2.5-pro', 1_048_576, 65_535),
    model('gemini-3-flash-preview', 'gemini-3-flash', 1_048_576, 65_535),
    model('gemini-3-pro-preview', 'gemini-3-pro', 1_048_576, 65_535),
    model('gemini-3.1-pro-preview', 'gemini-3.1-pro', 1_048_576, 65_535),
    model('claude-opus-4-5-thinking', 'claude-opus-4.x', 200_000, 64_000),
    model('claude-opus-4-6-thinking', 'claude-opus-4.x', 200_000, 128_000),
    model('claude-sonnet-4-5', 'claude-sonnet-4.x', 200_000, 64_000),
    model('claude-sonnet-4-5-thinking', 'claude-sonnet-4.x', 200_000, 64_000),
    model('gemini-3-flash', 'gemini-3-flash', 1_048_576, 65_535),
    model('gemini-3-pro-high', 'gemini-3-pro', 1_048_576, 65_535),
    model('gemini-3-pro-low', 'gemini-3-pro', 1_048_576, 65_535),
    model('gpt-oss-120b-medium', 'gpt-oss-120b', 131_072, 32_768),
  ],
  // Amazon Bedrock serves what the account has access to: the built-in amazon-bedrock catalog's models are added
  // per run (src/scenario/provider-mounts.ts); these are the defaults a scenario without a config meets, with the
  // windows and output caps OpenClaw 2026.2.26's catalog gives them.
  bedrock: [
    model('anthropic.claude-sonnet-4-5-20250929-v1:0', 'anthropic.claude-sonnet-4-5-20250929-v1:0', 200_000, 64_000),
    model('anthropic.claude-haiku-4-5-20251001-v1:0', 'anthropic.claude-haiku-4-5-20251001-v1:0', 200_000, 64_000),
    model('anthropic.claude-3-5-sonnet-20241022-v2:0', 'anthropic.claude-3-5-sonnet-20241022-v2:0', 200_000, 8_192),
    model('amazon.nova-pro-v1:0', 'amazon.nova-pro-v1:0', 300_000, 8_192),
    model('amazon.nova-lite-v1:0', 'amazon.nova-lite-v1:0', 300_000, 8_192),
    model('meta.llama3-1-70b-instruct-v1:0', 'meta.llama3-1-70b-instruct-v1:0', 128_000, 4_096),
  ],
  // Any OpenAI-compatible server (ollama, vLLM, LM Studio, OpenRouter, …) serves whatever it hosts: see `findModel`.
  compatible: [],
  ollama: [],
};

/** Providers that answer any model id: the model is whatever the user's server hosts. */
const ANY_MODEL: ReadonlySet<ProviderId> = new Set(['compatible', 'ollama']);

/** What an OpenAI-compatible server's model is assumed to take when nothing says otherwise (a common 128K window). */
const ANY_MODEL_CONTEXT_TOKENS = 131_072;
const ANY_MODEL_MAX_OUTPUT_TOKENS = 8_192;

/** The catalogue entry for `modelId`, or undefined (the handler answers 404, or `servedModel` stands in). */
export function findModel(catalog: ModelCatalog, provider: ProviderId, modelId: string): ModelInfo | undefined {
  return catalog[provider].find((entry) => entry.id === modelId);
}

/** Whether the provider serves model ids its catalogue does not list (a user's own server hosts what it hosts). */
export function acceptsAnyModel(provider: string): boolean {
  return ANY_MODEL.has(provider as ProviderId);
}

/**
 * The model a request names, as the mock serves it: the catalogue entry, or
 * for a provider that accepts any model an entry with assumed limits of its
 * own (a window nobody published, so no caller should judge against it).
 */
export function servedModel(catalog: ModelCatalog, provider: ProviderId, modelId: string): ModelInfo | undefined {
  const known = findModel(catalog, provider, modelId);
  if (known !== undefined || !ANY_MODEL.has(provider) || modelId === '') return known;
  return model(modelId, modelId, ANY_MODEL_CONTEXT_TOKENS, ANY_MODEL_MAX_OUTPUT_TOKENS);
}

function model(id: string, quotaFamily: string, contextWindowTokens: number, defaultMaxOutputTokens: number): ModelInfo {
  return { id, quotaFamily, contextWindowTokens, defaultMaxOutputTokens };
}
