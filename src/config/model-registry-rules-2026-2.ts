/**
 * What openclaw@2026.2.26 resolves besides its registry, and its error for a
 * model it cannot find: `resolveModel` and `buildUnknownModelError`
 * (src/agents/pi-embedded-runner/model.ts, dist/pi-embedded-CQnl8oWA.js),
 * with `resolveForwardCompatModel` (src/agents/model-forward-compat.ts, same file).
 */
import type { ModelRegistryRules } from './catalog/model-registry.ts';

export const MODEL_REGISTRY_RULES_2026_2: ModelRegistryRules = {
  // resolveModel: an unknown openrouter id becomes an openai-completions model on https://openrouter.ai/api/v1.
  anyModelProviders: ['openrouter'],
  // resolveModel: `providers[provider]` — an entry under exactly the candidate's provider id, models or not.
  configuredProviderAcceptsAnyModel: (_entry, providerId, config) => config.models?.providers?.[providerId] !== undefined,
  forwardCompat: [
    // resolveOpenAICodexGpt53FallbackModel (CODEX_GPT53_ELIGIBLE_PROVIDERS).
    { provider: 'openai-codex', model: /^gpt-5\.3-codex$/i },
    { provider: 'github-copilot', model: /^gpt-5\.3-codex$/i },
    // resolveAnthropic46ForwardCompatModel: the id, or the id and a dash suffix, cloned from the 4.5 template.
    { provider: 'anthropic', model: /^claude-(opus|sonnet)-4[-.]6(-.*)?$/i },
    // resolveZaiGlm5ForwardCompatModel.
    { provider: 'zai', model: /^glm-5(-.*)?$/i },
    // resolveGoogleGeminiCli31ForwardCompatModel (GEMINI_3_1_PRO_PREFIX, GEMINI_3_1_FLASH_PREFIX).
    { provider: 'google-gemini-cli', model: /^gemini-3\.1-(pro|flash)/i },
  ],
  unknownModelError: ({ provider, model }) => {
    const base = `Unknown model: ${provider}/${model}`;
    const hint = LOCAL_PROVIDER_HINTS[provider.toLowerCase()];
    return hint === undefined ? base : `${base}. ${hint}`;
  },
};

/** LOCAL_PROVIDER_HINTS: local providers register only with an API key, which users forget. */
const LOCAL_PROVIDER_HINTS: Readonly<Record<string, string>> = {
  ollama:
    'Ollama requires authentication to be registered as a provider. Set OLLAMA_API_KEY="ollama-local" (any value works) or run "openclaw configure". See: https://docs.openclaw.ai/providers/ollama',
  vllm: 'vLLM requires authentication to be registered as a provider. Set VLLM_API_KEY (any value works) or run "openclaw configure". See: https://docs.openclaw.ai/providers/vllm',
};
