import { describe, expect, it } from 'vitest';
import {
  buildModelAliasIndex,
  configuredModel,
  configuredScope,
  modelKey,
  parseModelRef,
  resolveModelChain,
  resolveModelRef,
  resolvePrimaryModelRef,
  type ModelRef,
  type ModelRefConfig,
  type ModelRefRules,
} from '../../src/config/model-ref.ts';
import { MODEL_REF_RULES_2026_2 } from '../../src/config/model-ref-rules-2026-2.ts';
import { MODEL_REF_RULES_2026_9, MODEL_REF_RULES_2026_9_STATIC } from '../../src/config/model-ref-rules-2026-9.ts';

// Each expected value is what the pinned dist returns for the same input
// (2026.2.26: model-selection-BNuytbkf.js; 2026.9.6: model-selection-normalize,
// model-ref-shared, model-selection-shared, model-fallback-candidates).

const VERSIONS = [
  ['2026.2', MODEL_REF_RULES_2026_2],
  ['2026.9', MODEL_REF_RULES_2026_9],
] as const;

const ref = (provider: string, model: string): ModelRef => ({ provider, model });

describe('parseModelRef, both versions', () => {
  it.each(VERSIONS)('%s splits at the first slash only, so a bare id is never cut inside its name', (_, rules) => {
    expect(parseModelRef('openai/gpt-4o', rules)).toEqual(ref('openai', 'gpt-4o'));
    expect(parseModelRef('gpt-4o', rules, 'openai')).toEqual(ref('openai', 'gpt-4o'));
  });

  it.each(VERSIONS)('%s keeps the rest of the ref as the model id, slashes included', (_, rules) => {
    expect(parseModelRef('openrouter/anthropic/claude-sonnet-4-5', rules)).toEqual(ref('openrouter', 'anthropic/claude-sonnet-4-5'));
  });

  it.each(VERSIONS)('%s trims the ref and each half, and lower-cases the provider but not the model', (_, rules) => {
    expect(parseModelRef('  Moonshot / Kimi-K2.5 ', rules)).toEqual(ref('moonshot', 'Kimi-K2.5'));
  });

  it.each(VERSIONS)('%s answers null for an empty ref or an empty half', (_, rules) => {
    for (const raw of ['', '   ', '/gpt-4o', 'openai/', 'openai/  ']) expect(parseModelRef(raw, rules)).toBeNull();
  });

  it.each(VERSIONS)('%s prefixes a bare OpenRouter id with openrouter/, as OpenRouter names its own models', (_, rules) => {
    expect(parseModelRef('openrouter/auto', rules)).toEqual(ref('openrouter', 'openrouter/auto'));
  });
});

describe('parseModelRef, where the versions differ', () => {
  it('reads a model id under any number of google/ prefixes, aliased below them, without running out of stack', () => {
    const prefixes = 'google/'.repeat(200_000);
    expect(parseModelRef(`google/google/${prefixes}gemini-3-pro`, MODEL_REF_RULES_2026_9)?.model).toBe(`${prefixes}gemini-3.1-pro-preview`);
  });

  it('puts a bare id under anthropic in 2026.2 and under openai in 2026.9 (DEFAULT_PROVIDER)', () => {
    expect(parseModelRef('gpt-4o', MODEL_REF_RULES_2026_2)).toEqual(ref('anthropic', 'gpt-4o'));
    expect(parseModelRef('gpt-4o', MODEL_REF_RULES_2026_9)).toEqual(ref('openai', 'gpt-4o'));
  });

  it('folds provider spellings in 2026.2 only (z.ai → zai, bedrock → amazon-bedrock)', () => {
    expect(parseModelRef('Z.AI/glm-4.7', MODEL_REF_RULES_2026_2)).toEqual(ref('zai', 'glm-4.7'));
    expect(parseModelRef('bedrock/claude', MODEL_REF_RULES_2026_2)).toEqual(ref('amazon-bedrock', 'claude'));
    expect(parseModelRef('Z.AI/glm-4.7', MODEL_REF_RULES_2026_9)).toEqual(ref('z.ai', 'glm-4.7'));
  });

  it.each([
    ['2026.2', 'anthropic/OPUS-4.6', 'claude-opus-4-6', MODEL_REF_RULES_2026_2],
    ['2026.2', 'anthropic/opus', 'opus', MODEL_REF_RULES_2026_2],
    ['2026.9', 'anthropic/opus', 'claude-opus-5', MODEL_REF_RULES_2026_9],
    ['2026.9', 'anthropic/anthropic/sonnet-4.6', 'claude-sonnet-4-6', MODEL_REF_RULES_2026_9],
  ])('%s expands Anthropic shorthand: %s → %s', (_, raw, model, rules) => {
    expect(parseModelRef(raw, rules)?.model).toBe(model);
  });

  it.each([
    ['2026.2', 'google/gemini-3-pro', 'gemini-3-pro-preview', MODEL_REF_RULES_2026_2],
    ['2026.2', 'google/Gemini-3-Pro', 'Gemini-3-Pro', MODEL_REF_RULES_2026_2],
    ['2026.9', 'google/gemini-3-pro', 'gemini-3.1-pro-preview', MODEL_REF_RULES_2026_9],
    ['2026.9', 'google/Gemini-3-Pro', 'gemini-3.1-pro-preview', MODEL_REF_RULES_2026_9],
    ['2026.9 sessions', 'google/Gemini-3-Pro', 'Gemini-3-Pro', MODEL_REF_RULES_2026_9_STATIC],
  ])('%s renames retired Gemini ids: %s → %s', (_, raw, model, rules) => {
    expect(parseModelRef(raw, rules)?.model).toBe(model);
  });

  it('moves gpt-5.3-codex models to the openai-codex provider in 2026.2 only', () => {
    expect(parseModelRef('openai/gpt-5.3-codex', MODEL_REF_RULES_2026_2)).toEqual(ref('openai-codex', 'gpt-5.3-codex'));
    expect(parseModelRef('openai/gpt-5.3-codex', MODEL_REF_RULES_2026_9)).toEqual(ref('openai', 'gpt-5.3-codex'));
  });

  it('reads openrouter:auto as openrouter/auto in 2026.9 and as a bare id in 2026.2', () => {
    expect(parseModelRef('OpenRouter:Auto', MODEL_REF_RULES_2026_9)).toEqual(ref('openrouter', 'openrouter/auto'));
    expect(parseModelRef('openrouter:auto', MODEL_REF_RULES_2026_2)).toEqual(ref('anthropic', 'openrouter:auto'));
  });

  it('applies the manifest alias grok-4.7-latest in the gateway, not in `openclaw sessions` (2026.9)', () => {
    expect(parseModelRef('xai/grok-4.7-latest', MODEL_REF_RULES_2026_9)?.model).toBe('grok-4.7');
    expect(parseModelRef('xai/grok-4.7-latest', MODEL_REF_RULES_2026_9_STATIC)?.model).toBe('grok-4.7-latest');
  });
});

describe('modelKey', () => {
  it('writes provider/model, and in 2026.9 does not repeat a provider the model id already starts with', () => {
    const auto = ref('openrouter', 'openrouter/auto');
    expect(modelKey(auto, MODEL_REF_RULES_2026_2)).toBe('openrouter/openrouter/auto');
    expect(modelKey(auto, MODEL_REF_RULES_2026_9)).toBe('openrouter/auto');
  });

  it.each(VERSIONS)('%s: a key parses back to the ref it was made from', (_, rules) => {
    const raws = ['google/gemini-3-pro', 'openrouter/auto', 'openrouter/anthropic/claude-sonnet-4-5', 'anthropic/opus-4.6', 'vercel-ai-gateway/sonnet-4.6', 'openai/gpt-5.3-codex', 'huggingface/huggingface/x'];
    for (const raw of raws) {
      const parsed = parseModelRef(raw, rules)!;
      expect(parseModelRef(modelKey(parsed, rules), rules)).toEqual(parsed);
    }
  });
});

const ALIASED: ModelRefConfig = {
  agents: {
    defaults: {
      model: { primary: 'flash', fallbacks: ['Pro', 'gemini-2.5-pro', 'moonshot/kimi-k2.5@work', 'big', 'openai/gpt-4o'] },
      models: {
        'google/gemini-2.5-flash': { alias: 'flash' },
        'google/gemini-2.5-pro': { alias: 'pro' },
        'openai/gpt-4o': { alias: 'big' },
        'openai/gpt-4o-mini': { alias: 'big' },
      },
    },
  },
};

describe('aliases in agents.defaults.models', () => {
  it.each(VERSIONS)('%s resolves an alias case-insensitively to its model', (_, rules) => {
    expect(resolveModelRef('PRO', configuredScope(ALIASED, rules))).toEqual(ref('google', 'gemini-2.5-pro'));
  });

  it.each(VERSIONS)('%s lets the later of two entries with the same alias win', (_, rules) => {
    expect(buildModelAliasIndex(ALIASED, rules, 'google').get('big')).toEqual(ref('openai', 'gpt-4o-mini'));
  });

  it('matches `provider/alias` in 2026.9, and reads it as a model id in 2026.2', () => {
    expect(resolveModelRef('google/pro', configuredScope(ALIASED, MODEL_REF_RULES_2026_9))).toEqual(ref('google', 'gemini-2.5-pro'));
    expect(resolveModelRef('google/pro', configuredScope(ALIASED, MODEL_REF_RULES_2026_2))).toEqual(ref('google', 'pro'));
  });

  it('lets a later entry for the same model drop its alias in 2026.9, and keeps both in 2026.2', () => {
    const config: ModelRefConfig = { agents: { defaults: { models: { 'anthropic/opus-4.6': { alias: 'old' }, 'anthropic/claude-opus-4-6': { alias: 'new' } } } } };
    expect(buildModelAliasIndex(config, MODEL_REF_RULES_2026_9, 'anthropic').has('old')).toBe(false);
    expect(buildModelAliasIndex(config, MODEL_REF_RULES_2026_2, 'anthropic').get('old')).toEqual(ref('anthropic', 'claude-opus-4-6'));
  });
});

describe('resolveModelRef', () => {
  it.each(VERSIONS)('%s drops a trailing @auth-profile', (_, rules) => {
    expect(resolveModelRef('moonshot/kimi-k2.5@work', configuredScope(ALIASED, rules))).toEqual(ref('moonshot', 'kimi-k2.5'));
  });

  it('keeps an 8-digit date after @ as part of the model id in 2026.9, and takes it for a profile in 2026.2', () => {
    expect(resolveModelRef('anthropic/claude@20250514', configuredScope({}, MODEL_REF_RULES_2026_9))).toEqual(ref('anthropic', 'claude@20250514'));
    expect(resolveModelRef('anthropic/claude@20250514', configuredScope({}, MODEL_REF_RULES_2026_2))).toEqual(ref('anthropic', 'claude'));
  });

  it.each(VERSIONS)('%s puts a bare fallback under the primary provider', (_, rules) => {
    expect(resolveModelRef('gemini-2.5-pro', configuredScope({ agents: { defaults: { model: 'google/gemini-2.5-flash' } } }, rules))).toEqual(ref('google', 'gemini-2.5-pro'));
  });
});

describe('resolvePrimaryModelRef', () => {
  it.each(VERSIONS)('%s resolves an aliased primary', (_, rules) => {
    expect(resolvePrimaryModelRef(ALIASED, rules)).toEqual(ref('google', 'gemini-2.5-flash'));
  });

  it.each([
    ['2026.2', ref('anthropic', 'claude-opus-4-6'), MODEL_REF_RULES_2026_2],
    ['2026.9', ref('openai', 'gpt-6-astra'), MODEL_REF_RULES_2026_9],
  ])('%s runs the built-in default model when the config names none', (_, expected, rules) => {
    expect(resolvePrimaryModelRef({}, rules)).toEqual(expected);
  });

  it('keeps a bare unaliased primary as written under anthropic in 2026.2', () => {
    expect(resolvePrimaryModelRef({ agents: { defaults: { model: 'opus-4.6' } } }, MODEL_REF_RULES_2026_2)).toEqual(ref('anthropic', 'opus-4.6'));
  });

  it('finds a bare primary the one provider that declares it in 2026.9', () => {
    const config: ModelRefConfig = { agents: { defaults: { model: 'kimi-k2.5' } }, models: { providers: { moonshot: { baseUrl: 'http://127.0.0.1', api: 'openai-completions', models: [{ id: 'kimi-k2.5', name: 'Kimi' }] } } } } as ModelRefConfig;
    expect(resolvePrimaryModelRef(config, MODEL_REF_RULES_2026_9)).toEqual(ref('moonshot', 'kimi-k2.5'));
    expect(resolvePrimaryModelRef(config, MODEL_REF_RULES_2026_2)).toEqual(ref('anthropic', 'kimi-k2.5'));
  });

  it('runs the first declared model when no primary is set and the default is not declared, in 2026.9 only', () => {
    const config = { models: { providers: { google: { baseUrl: 'http://127.0.0.1', api: 'google-generative-ai', models: [{ id: 'gemini-2.5-flash', name: 'Flash' }] } } } } as ModelRefConfig;
    expect(resolvePrimaryModelRef(config, MODEL_REF_RULES_2026_9)).toEqual(ref('google', 'gemini-2.5-flash'));
    expect(resolvePrimaryModelRef(config, MODEL_REF_RULES_2026_2)).toEqual(ref('anthropic', 'claude-opus-4-6'));
  });
});

describe('resolveModelChain', () => {
  it.each(VERSIONS)('%s: primary, then fallbacks resolved and each model once', (_, rules) => {
    const keys = resolveModelChain(ALIASED, rules).map((entry) => modelKey(entry, rules));
    expect(keys).toEqual(['google/gemini-2.5-flash', 'google/gemini-2.5-pro', 'moonshot/kimi-k2.5', 'openai/gpt-4o-mini', 'openai/gpt-4o']);
  });

  it('leads the 2026.2 chain with a bare primary normalized, and ends it with the primary as written', () => {
    const chain = resolveModelChain({ agents: { defaults: { model: 'opus-4.6' } } }, MODEL_REF_RULES_2026_2);
    expect(chain).toEqual([ref('anthropic', 'claude-opus-4-6'), ref('anthropic', 'opus-4.6')]);
  });
});

describe('configuredModel', () => {
  it('finds a model under a provider key of any case', () => {
    const config = { models: { providers: { Google: { baseUrl: 'http://127.0.0.1', api: 'google-generative-ai', models: [{ id: 'gemini-2.5-flash', name: 'Flash', contextWindow: 1_048_576 }] } } } } as ModelRefConfig;
    expect(configuredModel(config as never, 'google/gemini-2.5-flash', MODEL_REF_RULES_2026_2)?.contextWindow).toBe(1_048_576);
  });
});

describe('ModelRefRules', () => {
  it('does not compile without every field', () => {
    const { inferBareIdProvider: _, ...partial } = MODEL_REF_RULES_2026_9;
    // @ts-expect-error a version's rules must say how it infers a bare id's provider
    const incomplete: ModelRefRules = partial;
    expect(incomplete).toBeDefined();
  });
});
