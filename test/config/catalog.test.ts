/**
 * The built-in catalog a version profile carries, and how a provider id
 * resolves against a config and that catalog.
 */
import { describe, expect, it } from 'vitest';
import { resolveProvider } from '../../src/config/catalog/index.ts';
import { PROFILES } from '../../src/gateway/profiles/index.ts';

const V2 = PROFILES['2026.2'];
const V9 = PROFILES['2026.9'];
const resolve = (profile: typeof V2, config: object, providerId: string) => resolveProvider(config, providerId, profile.modelRefs, profile.catalog);

describe('the built-in catalog of each pinned version', () => {
  it('is the data read from that release', () => {
    expect([V2.catalog.openclawVersion, V9.catalog.openclawVersion]).toEqual([V2.release, V9.release]);
  });

  it('resolves google to the Gemini API in both versions', () => {
    for (const profile of [V2, V9]) {
      expect(resolve(profile, {}, 'google')).toMatchObject({ api: 'google-generative-ai', baseUrl: 'https://generativelanguage.googleapis.com/v1beta', origin: 'catalog' });
    }
  });

  it('knows groq in 2026.2.26 (pi-ai) but not in 2026.9.6, whose plugins do not ship it', () => {
    expect(resolve(V2, {}, 'groq')).toMatchObject({ api: 'openai-completions', baseUrl: 'https://api.groq.com/openai/v1' });
    expect(resolve(V9, {}, 'groq')).toBeUndefined();
  });
});

describe('a provider the config declares', () => {
  it('keeps its own baseUrl and takes the API kind from the catalog when it names none', () => {
    const config = { models: { providers: { google: { baseUrl: 'https://proxy.example/v1beta', models: [] } } } };
    expect(resolve(V2, config, 'google')).toMatchObject({ api: 'google-generative-ai', baseUrl: 'https://proxy.example/v1beta', origin: 'config' });
  });

  it('is its own when the catalog does not know it', () => {
    const config = { models: { providers: { ollama: { baseUrl: 'http://127.0.0.1:11434', api: 'ollama', models: [] } } } };
    expect(resolve(V2, config, 'ollama')).toMatchObject({ api: 'ollama', origin: 'config' });
    expect(resolve(V9, {}, 'ollama')).toBeUndefined();
  });
});
