/**
 * Which OpenAI-compatible servers the mocks must answer for a config: every
 * provider the config declares or the version's catalog knows whose API
 * kind is `openai-completions`, on its own `baseUrl` — ollama's
 * `http://127.0.0.1:11434/v1`, OpenRouter, Groq, a LiteLLM proxy, … — so the
 * gateway calls what the real one would and the mock answers there.
 */
import type { CompatibleMount } from '../../mocks/providers/compatible.ts';
import { resolveProvider } from '../config/catalog/index.ts';
import type { OpenClawConfig } from '../config/schema.ts';
import type { VersionProfile } from '../gateway/profiles/profile.ts';

export function compatibleMountsOf(config: OpenClawConfig, profile: Pick<VersionProfile, 'modelRefs' | 'catalog'>): CompatibleMount[] {
  const providerIds = [...Object.keys(config.models?.providers ?? {}), ...Object.keys(profile.catalog.providers)];
  const mounts: CompatibleMount[] = [];
  for (const providerId of providerIds) {
    const provider = resolveProvider(config, providerId, profile.modelRefs, profile.catalog);
    if (provider === undefined || (provider.api ?? provider.models[0]?.api) !== 'openai-completions' || !URL.canParse(provider.baseUrl)) continue;
    mounts.push({ baseUrl: provider.baseUrl });
  }
  return mounts;
}
