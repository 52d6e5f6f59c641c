/**
 * Which servers the mocks must answer for a config besides the fixed
 * provider origins: every provider the config declares or the version's
 * catalog knows whose API kind is `openai-completions` (ollama's
 * `http://127.0.0.1:11434/v1`, OpenRouter, Groq, a LiteLLM proxy, …) or
 * `ollama` (its native `/api/chat`), on its own `baseUrl` — so the gateway
 * calls what the real one would and the mock answers there.
 */
import type { CompatibleMount } from '../../mocks/providers/compatible.ts';
import type { OllamaMount } from '../../mocks/providers/ollama.ts';
import { resolveProvider } from '../config/catalog/index.ts';
import type { OpenClawConfig } from '../config/schema.ts';
import type { VersionProfile } from '../gateway/profiles/profile.ts';

export function providerMountsOf(
  config: OpenClawConfig,
  profile: Pick<VersionProfile, 'modelRefs' | 'catalog'>,
): { compatible: CompatibleMount[]; ollama: OllamaMount[] } {
  const providerIds = [...Object.keys(config.models?.providers ?? {}), ...Object.keys(profile.catalog.providers)];
  const mounts = { compatible: [] as CompatibleMount[], ollama: [] as OllamaMount[] };
  for (const providerId of providerIds) {
    const provider = resolveProvider(config, providerId, profile.modelRefs, profile.catalog);
    if (provider === undefined || !URL.canParse(provider.baseUrl)) continue;
    const api = provider.api ?? provider.models[0]?.api;
    if (api === 'openai-completions') mounts.compatible.push({ baseUrl: provider.baseUrl, providerId });
    if (api === 'ollama') mounts.ollama.push({ baseUrl: provider.baseUrl, providerId });
  }
  return mounts;
}
