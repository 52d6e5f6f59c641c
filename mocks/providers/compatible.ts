/**
 * Any OpenAI-compatible server a config points a provider at: ollama's
 * `/v1`, vLLM, LM Studio, a LiteLLM proxy, OpenRouter, Groq, DeepSeek,
 * Mistral, NVIDIA NIM, DashScope, … Each is mounted on the provider's own
 * `baseUrl` (origin + path), answers any model id (models.ts `ANY_MODEL`)
 * and speaks OpenAI's wire format and error envelope without OpenAI's
 * rate-limit headers, which these servers do not all send. Limits: a public
 * API's published ones (published-limits.ts), with its own 429
 * (compatible-rate-limits.ts); else none unless the scenario sets them (tiers.ts).
 *
 * The API kind the config names picks the route: Chat Completions at
 * `<base>/chat/completions`, Responses (responses.ts) at `<base>/responses`
 * (`openai-responses`; `azure-openai-responses`, whose base is the resource's
 * `/openai/v1`), and for `openai-codex-responses` the Codex URL pi-ai
 * derives from the base (`resolveCodexUrl` in openclaw@2026.2.26's
 * @mariozechner/pi-ai/dist/providers/openai-codex-responses.js:
 * `<base>/codex/responses`).
 */
import type { MockRoute } from '../routes.ts';
import { chatCompletionsRoutesAt } from './chat-completions.ts';
import type { ProviderMockSpec } from './exchange.ts';
import { openaiFlavour } from './openai.ts';
import { responsesRoutesAt } from './responses.ts';
import { compatibleRateLimited } from './compatible-rate-limits.ts';

/**
 * Where one OpenAI-compatible provider is served: its `baseUrl`, e.g.
 * `http://127.0.0.1:11434/v1`, the API kind the config names for it
 * (default `openai-completions`) and the config's id for it (`mocks serve`
 * mounts it at `/<providerId>`).
 */
export type CompatibleMount = { readonly baseUrl: string; readonly api?: CompatibleApi; readonly providerId?: string };

/** The API kinds a compatible mount answers. */
export const COMPATIBLE_APIS = ['openai-completions', 'openai-responses', 'azure-openai-responses', 'openai-codex-responses'] as const;
type CompatibleApi = (typeof COMPATIBLE_APIS)[number];

export function compatibleRoutes(spec: ProviderMockSpec, mounts: readonly CompatibleMount[]): MockRoute[] {
  const flavour = { ...openaiFlavour(spec, { rateLimitHeaders: false }), provider: 'compatible' as const };
  const seen = new Set<string>();
  const routes: MockRoute[] = [];
  for (const { baseUrl, api = 'openai-completions', providerId } of mounts) {
    const url = new URL(baseUrl);
    const path = PATHS[api](url.pathname.replace(/\/+$/, ''));
    if (seen.has(url.origin + path)) continue;
    seen.add(url.origin + path);
    const rateLimited: typeof flavour.rateLimited = (call, admission) => compatibleRateLimited(providerId, call, admission, spec.clock.now()) ?? flavour.rateLimited(call, admission);
    const routesAt = api === 'openai-completions' ? chatCompletionsRoutesAt : responsesRoutesAt;
    routes.push(...routesAt(spec, { ...flavour, origin: url.origin, rateLimited }, path));
  }
  return routes;
}

const PATHS: Readonly<Record<CompatibleApi, (basePath: string) => string>> = {
  'openai-completions': (base) => `${base}/chat/completions`,
  'openai-responses': (base) => `${base}/responses`,
  'azure-openai-responses': (base) => `${base}/responses`,
  'openai-codex-responses': (base) => (base.endsWith('/codex/responses') ? base : base.endsWith('/codex') ? `${base}/responses` : `${base}/codex/responses`),
};
