import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { UserError } from '../../src/errors.ts';
import { gatewayConfig, GATEWAY_TOKEN, mergeConfig, TELEGRAM_BOT_TOKEN } from '../../src/sut/openclaw-config.ts';
import { OPENCLAW_VERSIONS } from '../../src/sut/versions.ts';

const v2 = OPENCLAW_VERSIONS['2026.2.26']!;
const v9 = OPENCLAW_VERSIONS['2026.9.6']!;
const options = (version = v2) => ({ version, mockUrl: 'http://127.0.0.1:4000', logFile: '/run/openclaw.log', workspaceDir: '/run/home/ws' });

describe('gatewayConfig', () => {
  it('points every provider of the incident config at the mock mount for its host', async () => {
    const { raw } = await loadConfig('scenarios/configs/feb27-before.json5');
    const config = gatewayConfig(raw, options()) as { models: { providers: Record<string, { baseUrl: string }> } };
    const urls = Object.fromEntries(Object.entries(config.models.providers).map(([id, provider]) => [id, provider.baseUrl]));
    expect(urls).toEqual({
      google: 'http://127.0.0.1:4000/google/v1beta',
      anthropic: 'http://127.0.0.1:4000/anthropic',
      openai: 'http://127.0.0.1:4000/openai/v1',
      moonshot: 'http://127.0.0.1:4000/moonshot/v1',
      xai: 'http://127.0.0.1:4000/xai/v1',
    });
  });

  it('keeps the run offline and on loopback with a token, in keys each version accepts', async () => {
    const { raw } = await loadConfig('scenarios/trace-cases/base.openclaw.json5');
    const old = gatewayConfig(raw, options(v2)) as Record<string, Record<string, unknown>>;
    expect(old['gateway']).toMatchObject({ mode: 'local', bind: 'loopback', auth: { mode: 'token', token: GATEWAY_TOKEN } });
    expect(old['update']).toEqual({ checkOnStart: false });
    expect(old['logging']).toEqual({ file: '/run/openclaw.log' });
    expect(old['telemetry']).toBeUndefined();
    expect(old['models']!['catalogRefresh']).toBeUndefined();
    expect(old['channels']).toMatchObject({ telegram: { botToken: TELEGRAM_BOT_TOKEN } });
    expect((old['channels'] as { telegram: Record<string, unknown> }).telegram['apiRoot']).toBeUndefined();

    const current = gatewayConfig(raw, options(v9)) as Record<string, Record<string, unknown>>;
    expect(current['telemetry']).toEqual({ enabled: false });
    expect(current['models']!['catalogRefresh']).toEqual({ enabled: false });
    expect(current['channels']).toMatchObject({ telegram: { apiRoot: 'http://127.0.0.1:4000/telegram' } });
  });

  it('does not change the config it was given', async () => {
    const { raw } = await loadConfig('scenarios/trace-cases/base.openclaw.json5');
    const before = JSON.stringify(raw);
    gatewayConfig(raw, options());
    expect(JSON.stringify(raw)).toBe(before);
  });

  it('refuses a provider it has no mock for, naming it', () => {
    const config = { models: { providers: { local: { baseUrl: 'http://ollama:11434', api: 'ollama', models: [] } } } };
    expect(() => gatewayConfig(config, options())).toThrow(UserError);
    expect(() => gatewayConfig(config, options())).toThrow(/models\.providers\.local/);
  });
});

describe('mergeConfig', () => {
  it('merges objects, replaces arrays and scalars, deletes on null', () => {
    const base = { a: { b: 1, c: [1, 2] }, d: 'x', e: 1 };
    expect(mergeConfig(base, { a: { c: [3] }, d: 'y', e: null, f: { g: true } })).toEqual({ a: { b: 1, c: [3] }, d: 'y', f: { g: true } });
    expect(base).toEqual({ a: { b: 1, c: [1, 2] }, d: 'x', e: 1 });
  });
});
