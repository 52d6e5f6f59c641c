/**
 * Which candidates a version's model registry resolves, and the text a turn
 * fails with when it does not (resolveModel / buildUnknownModelError in each
 * pinned dist).
 */
import { describe, expect, it } from 'vitest';
import { unknownChainModels, unknownModelError } from '../../src/config/catalog/model-registry.ts';
import { resolveProvider } from '../../src/config/catalog/index.ts';
import { PROFILES } from '../../src/gateway/profiles/index.ts';

const V2 = PROFILES['2026.2'];
const V9 = PROFILES['2026.9'];
const registryOf = (profile: typeof V2) => ({ rules: profile.modelRegistry, catalog: profile.catalog, modelRefs: profile.modelRefs });
const errorFor = (profile: typeof V2, config: object, provider: string, model: string) => unknownModelError(config, { provider, model }, registryOf(profile));

describe('a model the registry resolves', () => {
  it('is a catalog model of a built-in provider', () => {
    expect(errorFor(V2, {}, 'anthropic', 'claude-sonnet-4-5')).toBeUndefined();
    expect(errorFor(V2, {}, 'groq', 'llama-3.3-70b-versatile')).toBeUndefined();
  });

  it('is any id on OpenRouter', () => {
    for (const profile of [V2, V9]) expect(errorFor(profile, {}, 'openrouter', 'some/new-model:free')).toBeUndefined();
  });

  it('is a 4.6 Claude on 2026.2, cloned from the 4.5 template (resolveAnthropic46ForwardCompatModel)', () => {
    expect(errorFor(V2, {}, 'anthropic', 'claude-opus-4-6')).toBeUndefined();
  });

  it('is any id of a provider declared under exactly that id on 2026.2', () => {
    const config = { models: { providers: { acme: { baseUrl: 'http://127.0.0.1:9000/v1', api: 'openai-completions', models: [] } } } };
    expect(errorFor(V2, config, 'acme', 'whatever')).toBeUndefined();
  });

  it('is any id of a declared provider with a baseUrl on 2026.9', () => {
    const config = { models: { providers: { acme: { baseUrl: 'http://127.0.0.1:9000/v1', api: 'openai-completions', models: [] } } } };
    expect(errorFor(V9, config, 'acme', 'whatever')).toBeUndefined();
  });
});

describe('a model the registry does not resolve', () => {
  it('fails on 2026.2 with the bare Unknown model text', () => {
    expect(errorFor(V2, {}, 'anthropic', 'gpt-4o')).toBe('Unknown model: anthropic/gpt-4o');
  });

  it('fails on 2026.9 with the models-list hint', () => {
    expect(errorFor(V9, {}, 'deepseek', 'deepseek-chat')).toBe(
      "Unknown model: deepseek/deepseek-chat. Run `openclaw models list --refresh --provider deepseek` to inspect this provider's model choices, then retry with a model supported by your account.",
    );
  });

  it('names the missing models[] entry on 2026.9 when agents.defaults.models lists the model', () => {
    const config = { agents: { defaults: { models: { 'deepseek/deepseek-chat': {} } } } };
    expect(errorFor(V9, config, 'deepseek', 'deepseek-chat')).toContain('Found agents.defaults.models["deepseek/deepseek-chat"], but no matching models.providers["deepseek"].models[] entry.');
  });

  it("adds the vllm plugin's hint on 2026.9, where nothing registers vllm without a config entry", () => {
    expect(errorFor(V9, {}, 'vllm', 'qwen')).toContain('vLLM requires authentication to be registered as a provider.');
  });
});

describe('an implicit provider (2026.2 resolveImplicitProviders)', () => {
  it('resolves from the table read from the dist, with the key variable it needs', () => {
    expect(resolveProvider({}, 'moonshot', V2.modelRefs, V2.catalog)).toMatchObject({
      origin: 'implicit',
      api: 'openai-completions',
      baseUrl: 'https://api.moonshot.ai/v1',
      assumedEnvVar: 'MOONSHOT_API_KEY',
    });
  });

  it('discovers ollama models at startup, so any id the config names resolves', () => {
    expect(resolveProvider({}, 'ollama', V2.modelRefs, V2.catalog)).toMatchObject({ origin: 'implicit', api: 'ollama', discovery: 'GET {baseUrl}/api/tags' });
    expect(errorFor(V2, {}, 'ollama', 'qwen3:8b')).toBeUndefined();
  });

  it('does not include deepseek, which neither pinned version registers', () => {
    expect(resolveProvider({}, 'deepseek', V2.modelRefs, V2.catalog)).toBeUndefined();
    expect(resolveProvider({}, 'deepseek', V9.modelRefs, V9.catalog)).toBeUndefined();
  });
});

describe('chain entries no registry knows', () => {
  it('are listed with the config path that names them', () => {
    const config = { agents: { defaults: { model: { primary: 'anthropic/claude-sonnet-4-5', fallbacks: ['deepseek/deepseek-chat'] }, heartbeat: { model: 'gpt-4o' } } } };
    expect(unknownChainModels(config, registryOf(V2))).toEqual([
      { path: 'agents.defaults.model.fallbacks[0]', modelRef: 'deepseek/deepseek-chat', error: 'Unknown model: deepseek/deepseek-chat' },
      { path: 'agents.defaults.heartbeat.model', modelRef: 'anthropic/gpt-4o', error: 'Unknown model: anthropic/gpt-4o' },
    ]);
  });
});
