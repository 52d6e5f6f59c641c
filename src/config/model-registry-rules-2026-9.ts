/**
 * What openclaw@2026.9.6 resolves besides its registry, and its error for a
 * model it cannot find: `resolveModelAsync` and `buildUnknownModelError`
 * (src/agents/embedded-agent-runner/model.ts, dist/model-BOzBCK1G.mjs), with
 * `buildConfiguredFallbackModel` (dist/prepared-model-runtime.plugin-generation-L3r6HSAi.mjs)
 * and the provider plugins' `resolveDynamicModel` / `buildUnknownModelHint`
 * (dist/extensions/<plugin>/index.js).
 *
 * Simplified: a declared provider with a `baseUrl` takes any model id
 * (buildConfiguredFallbackModel also requires the endpoint to be custom or
 * local, or the route to match a catalog model); the plugins with a
 * `resolveDynamicModel` of their own (openai, xai, github-copilot,
 * opencode-go, clawrouter) resolve their catalog's ids only.
 */
import type { ModelRegistryRules } from './catalog/model-registry.ts';
import { modelKey, type ModelRef, type ModelRefConfig } from './model-ref.ts';
import { MODEL_REF_RULES_2026_9 } from './model-ref-rules-2026-9.ts';

export const MODEL_REGISTRY_RULES_2026_9: ModelRegistryRules = {
  // The openrouter plugin's resolveDynamicModel builds a model for any id.
  anyModelProviders: ['openrouter'],
  configuredProviderAcceptsAnyModel: (entry) => (entry?.baseUrl ?? '').trim() !== '',
  forwardCompat: [],
  unknownModelError,
};

function unknownModelError(ref: ModelRef, config: ModelRefConfig): string {
  const base = `Unknown model: ${ref.provider}/${ref.model}`;
  const hint = registrationHint(ref, config) ?? PLUGIN_HINTS[ref.provider];
  return hint === undefined
    ? `${base}. Run \`openclaw models list --refresh --provider ${ref.provider}\` to inspect this provider's model choices, then retry with a model supported by your account.`
    : `${base}. ${hint}`;
}

/** buildMissingProviderModelRegistrationHint: the model has an agents.defaults.models entry but its provider's models[] lacks it. */
function registrationHint(ref: ModelRef, config: ModelRefConfig): string | undefined {
  if (ref.provider === 'openai-codex') {
    return '"openai-codex" is a legacy provider ID. Run `openclaw doctor --fix` to migrate legacy model and provider config to the current OpenAI format. If the provider has no authenticated profile, run `openclaw models status` to check provider auth and re-authenticate if needed. See https://docs.openclaw.ai/concepts/model-providers.';
  }
  const configured = config.agents?.defaults?.models;
  const key = modelKey(ref, MODEL_REF_RULES_2026_9);
  if (configured === undefined || (configured[key] === undefined && configured[`${ref.provider}/${ref.model}`] === undefined)) return undefined;
  const declared = config.models?.providers?.[ref.provider]?.models ?? [];
  if (declared.some((model) => model.id === ref.model)) return undefined;
  return (
    `Found agents.defaults.models["${key}"], but no matching models.providers["${ref.provider}"].models[] entry. ` +
    `Add { "id": "${ref.model}", "name": "${ref.model}" } to models.providers["${ref.provider}"].models[] to register this provider model. ` +
    'For custom or proxy providers, also set api and baseUrl so requests route to the intended endpoint. See https://docs.openclaw.ai/concepts/model-providers.'
  );
}

/** buildUnknownModelHint of the bundled plugins that register one (dist/extensions/ollama/index.js, dist/extensions/vllm/index.js). */
const PLUGIN_HINTS: Readonly<Record<string, string>> = {
  ollama:
    'Ollama requires authentication to be registered as a provider. Set OLLAMA_API_KEY="ollama-local" (any value works) or run "openclaw configure". See: https://docs.openclaw.ai/providers/ollama',
  'ollama-cloud': 'Ollama Cloud requires an API key. Set OLLAMA_API_KEY or run "openclaw onboard --auth-choice ollama-cloud". See: https://docs.openclaw.ai/providers/ollama',
  vllm: 'vLLM requires authentication to be registered as a provider. Set VLLM_API_KEY (any value works) or run "openclaw configure". See: https://docs.openclaw.ai/providers/vllm',
};
