/**
 * Plausible `openclaw.json` files, built from the pieces real ones are made of: providers from
 * OpenClaw's built-in catalogs (src/config/catalog/*.json) and custom `models.providers` with any
 * id, base URL and API kind; a chain of 1–4 models written as `provider/model`, bare ids or
 * aliases; Telegram on or off with its DM policy, allowlist and groups; a heartbeat; session
 * maintenance; sometimes agents.list and bindings. Every API key is a canary: no output may
 * print it.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';

export type GeneratedConfig = {
  readonly config: Record<string, unknown>;
  /** The API keys and bot token it holds. */
  readonly canaries: readonly string[];
};

type CatalogFile = { readonly providers: Readonly<Record<string, { readonly models: readonly { readonly id: string }[] }>> };

const CATALOG_MODELS: readonly { provider: string; model: string }[] = ['2026.2.26', '2026.9.6'].flatMap((release) => {
  const catalog = JSON.parse(readFileSync(new URL(`../../src/config/catalog/openclaw-${release}.json`, import.meta.url), 'utf8')) as CatalogFile;
  // The first few models of each provider: enough variety without weighting the draw to OpenRouter's hundreds.
  return Object.entries(catalog.providers).flatMap(([provider, { models }]) => models.slice(0, 3).map((model) => ({ provider, model: model.id })));
});

// The kinds OpenClaw's schema accepts (src/config/schema-providers.ts MODEL_APIS), and none.
const API_KINDS = [
  'openai-completions', 'openai-responses', 'openai-codex-responses', 'anthropic-messages', 'google-generative-ai',
  'google-vertex', 'bedrock-converse-stream', 'ollama', undefined,
] as const;
const BASE_URLS = ['http://127.0.0.1:11434/v1', 'http://localhost:1234/v1', 'https://api.example.com/v1', 'https://openrouter.ai/api/v1', 'http://vllm:8000/v1', 'http://127.0.0.1:11434'];
const CUSTOM_IDS = ['ollama', 'lmstudio', 'vllm', 'local', 'my-proxy', 'litellm', 'openrouter', 'deepseek'];

const apiKey = fc.stringMatching(/^[A-Za-z0-9]{12,20}$/).map((tail) => `sk-gen-${tail}`);

const customProvider = fc.record({
  id: fc.oneof(fc.constantFrom(...CUSTOM_IDS), fc.stringMatching(/^[a-z][a-z0-9-]{1,10}$/)),
  baseUrl: fc.constantFrom(...BASE_URLS),
  api: fc.constantFrom(...API_KINDS),
  apiKey: fc.option(apiKey, { nil: undefined }),
  models: fc.uniqueArray(fc.constantFrom('llama3.1:8b', 'qwen2.5-coder', 'gpt-4o-mini', 'deepseek-chat', 'mistral-small'), { minLength: 1, maxLength: 3 }),
});

type Ref = { provider: string; model: string };

const telegram = fc.record({
  enabled: fc.constantFrom(true, true, false),
  dmPolicy: fc.constantFrom('pairing', 'allowlist', 'open', 'disabled', undefined),
  allowFrom: fc.option(fc.constantFrom(['*'], ['123456789'], ['tg:987654321', '@someone'], [] as string[]), { nil: undefined }),
  groups: fc.option(fc.constantFrom({ '*': { requireMention: true } }, { '-1001234567890': { requireMention: false } }), { nil: undefined }),
  botToken: fc.stringMatching(/^[A-Za-z0-9_-]{30}$/).map((tail) => `123456789:${tail}`),
});

export const generatedConfig: fc.Arbitrary<GeneratedConfig> = fc
  .record({
    catalogRefs: fc.array(fc.constantFrom(...CATALOG_MODELS), { maxLength: 3 }),
    custom: fc.array(customProvider, { maxLength: 2 }),
    chainPicks: fc.array(fc.record({ index: fc.nat(), form: fc.constantFrom('ref', 'ref', 'bare', 'alias') }), { minLength: 1, maxLength: 4 }),
    telegram: fc.option(telegram, { nil: undefined }),
    heartbeat: fc.option(fc.record({ every: fc.constantFrom('30m', '1h', '0m'), useLastModel: fc.boolean() }), { nil: undefined }),
    maintenance: fc.option(fc.record({ mode: fc.constantFrom('warn', 'enforce'), pruneAfter: fc.constantFrom('7d', '30d', '2h'), maxEntries: fc.integer({ min: 1, max: 500 }) }), { nil: undefined }),
    agents: fc.option(fc.record({ second: fc.constantFrom('work', 'family', 'coder'), bind: fc.boolean() }), { nil: undefined }),
  })
  .map((draw) => {
    const canaries: string[] = [];
    const providers: Record<string, unknown> = {};
    const refs: Ref[] = [...draw.catalogRefs];
    for (const provider of draw.custom) {
      if (provider.apiKey !== undefined) canaries.push(provider.apiKey);
      providers[provider.id] = {
        baseUrl: provider.baseUrl,
        ...(provider.apiKey === undefined ? {} : { apiKey: provider.apiKey }),
        ...(provider.api === undefined ? {} : { api: provider.api }),
        models: provider.models.map((id) => ({ id, name: id })),
      };
      refs.push(...provider.models.map((model) => ({ provider: provider.id, model })));
    }
    if (refs.length === 0) refs.push({ provider: 'anthropic', model: 'claude-opus-4-6' });
    const aliases: Record<string, { alias: string }> = {};
    const chain = draw.chainPicks.map(({ index, form }, position) => {
      const ref = refs[index % refs.length]!;
      if (form === 'bare') return ref.model;
      if (form === 'alias') {
        const alias = `m${position}`;
        aliases[`${ref.provider}/${ref.model}`] = { alias };
        return alias;
      }
      return `${ref.provider}/${ref.model}`;
    });
    const defaults: Record<string, unknown> = { model: { primary: chain[0], ...(chain.length > 1 ? { fallbacks: chain.slice(1) } : {}) } };
    if (Object.keys(aliases).length > 0) defaults['models'] = aliases;
    if (draw.heartbeat !== undefined) defaults['heartbeat'] = { every: draw.heartbeat.every, ...(draw.heartbeat.useLastModel ? { model: chain.at(-1) } : {}) };
    const config: Record<string, unknown> = { agents: { defaults } };
    if (Object.keys(providers).length > 0) config['models'] = { mode: 'merge', providers };
    if (draw.telegram !== undefined) {
      const { allowFrom, groups, dmPolicy, ...rest } = draw.telegram;
      canaries.push(rest.botToken);
      config['channels'] = { telegram: { ...rest, ...(dmPolicy === undefined ? {} : { dmPolicy }), ...(allowFrom === undefined ? {} : { allowFrom }), ...(groups === undefined ? {} : { groups }) } };
    }
    if (draw.maintenance !== undefined) config['session'] = { maintenance: draw.maintenance };
    if (draw.agents !== undefined) {
      (config['agents'] as Record<string, unknown>)['list'] = [{ id: 'main', default: true }, { id: draw.agents.second, model: chain.at(-1) }];
      if (draw.agents.bind) config['bindings'] = [{ agentId: draw.agents.second, match: { channel: 'telegram' } }];
    }
    return { config, canaries };
  });
