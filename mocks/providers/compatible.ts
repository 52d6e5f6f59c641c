/**
 * Any OpenAI-compatible Chat Completions server a config points a provider
 * at: ollama's `/v1`, vLLM, LM Studio, a LiteLLM proxy, OpenRouter, Groq,
 * DeepSeek, Mistral, NVIDIA NIM, DashScope, … Each is mounted on the
 * provider's own `baseUrl` (origin + path), answers any model id
 * (models.ts `ANY_MODEL`) and speaks OpenAI's wire format and error
 * envelope without OpenAI's rate-limit headers, which these servers do not
 * all send. Limits: a public API's published ones (published-limits.ts), with
 * its own 429 (compatible-rate-limits.ts); else none unless the scenario sets them (tiers.ts).
 */
import type { MockRoute } from '../routes.ts';
import { chatCompletionsRoutesAt } from './chat-completions.ts';
import type { ProviderMockSpec } from './exchange.ts';
import { openaiFlavour } from './openai.ts';
import { compatibleRateLimited } from './compatible-rate-limits.ts';

/**
 * Where one OpenAI-compatible provider is served: its `baseUrl`, e.g.
 * `http://127.0.0.1:11434/v1`, and the config's id for it (`mocks serve`
 * mounts it at `/<providerId>`).
 */
export type CompatibleMount = { readonly baseUrl: string; readonly providerId?: string };

export function compatibleRoutes(spec: ProviderMockSpec, mounts: readonly CompatibleMount[]): MockRoute[] {
  const flavour = { ...openaiFlavour(spec, { rateLimitHeaders: false }), provider: 'compatible' as const };
  const seen = new Set<string>();
  const routes: MockRoute[] = [];
  for (const { baseUrl, providerId } of mounts) {
    const url = new URL(baseUrl);
    const path = `${url.pathname.replace(/\/+$/, '')}/chat/completions`;
    if (seen.has(url.origin + path)) continue;
    seen.add(url.origin + path);
    const rateLimited: typeof flavour.rateLimited = (call, admission) => compatibleRateLimited(providerId, call, admission, spec.clock.now()) ?? flavour.rateLimited(call, admission);
    routes.push(...chatCompletionsRoutesAt(spec, { ...flavour, origin: url.origin, rateLimited }, path));
  }
  return routes;
}
