import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatConfigValue, getConfigPath } from '../../src/config/get.ts';
import { loadConfig, type LoadedConfig } from '../../src/config/load.ts';
import { redact } from '../../src/config/redact.ts';

const BEFORE = fileURLToPath(new URL('../../scenarios/configs/feb27-before.json5', import.meta.url));
const AFTER = fileURLToPath(new URL('../../scenarios/configs/feb27-after.json5', import.meta.url));

// What `quotastorm config get <path>` prints, or its not-found message.
function configGet(loaded: LoadedConfig, path: string): string {
  const result = getConfigPath(redact(loaded.config), path);
  return result.found ? formatConfigValue(result.value) : result.message;
}

let before: LoadedConfig;
let after: LoadedConfig;
beforeAll(async () => {
  [before, after] = await Promise.all([loadConfig(BEFORE), loadConfig(AFTER)]);
});

describe('scenarios/configs/feb27-before.json5', () => {
  it('loads with no warnings', () => {
    expect(before.warnings).toEqual([]);
  });

  it('has no session.maintenance, so config get reports the path not found', () => {
    expect(configGet(before, 'session.maintenance')).toBe('Config path not found: session.maintenance');
  });

  it('falls back to Gemini 2.5 Pro first, the same provider as the primary', () => {
    expect(configGet(before, 'agents.defaults.model.primary')).toBe('google/gemini-2.5-flash');
    expect(configGet(before, 'agents.defaults.model.fallbacks[0]')).toBe('google/gemini-2.5-pro');
  });

  it('runs the heartbeat every 30m with no heartbeat model, i.e. on the primary', () => {
    expect(JSON.parse(configGet(before, 'agents.defaults.heartbeat'))).toEqual({ every: '30m' });
  });

  it('leaves contextPruning unset and commands at their defaults', () => {
    expect(configGet(before, 'agents.defaults.contextPruning')).toBe('Config path not found: agents.defaults.contextPruning');
    expect(configGet(before, 'commands.nativeSkills')).toBe('auto');
  });

  it('enables Telegram', () => {
    expect(configGet(before, 'channels.telegram.enabled')).toBe('true');
  });
});

describe('scenarios/configs/feb27-after.json5', () => {
  it('loads with no warnings', () => {
    expect(after.warnings).toEqual([]);
  });

  it('enforces maintenance with maxEntries 15 and pruneAfter 6h', () => {
    expect(JSON.parse(configGet(after, 'session.maintenance'))).toEqual({ mode: 'enforce', maxEntries: 15, pruneAfter: '6h' });
  });

  it('lists the eight fallbacks in order', () => {
    expect(JSON.parse(configGet(after, 'agents.defaults.model.fallbacks'))).toEqual([
      'moonshot/kimi-k2.5',
      'anthropic/claude-haiku-4-5',
      'openai/gpt-5.2',
      'google/gemini-2.5-pro',
      'moonshot/kimi-k2-thinking',
      'xai/grok-3',
      'anthropic/claude-sonnet-4-6',
      'anthropic/claude-opus-4-6',
    ]);
  });

  it('prints maxConcurrent 4 although the file does not set it', () => {
    expect(after.raw).not.toHaveProperty(['agents', 'defaults', 'maxConcurrent']);
    expect(configGet(after, 'agents.defaults.maxConcurrent')).toBe('4');
  });

  it('runs the heartbeat on Kimi K2.5, prunes with cache-ttl and drops skill commands', () => {
    expect(configGet(after, 'agents.defaults.heartbeat.model')).toBe('moonshot/kimi-k2.5');
    expect(configGet(after, 'agents.defaults.contextPruning.mode')).toBe('cache-ttl');
    expect(JSON.parse(configGet(after, 'commands'))).toMatchObject({ native: 'auto', nativeSkills: false });
    expect(configGet(after, 'agents.defaults.contextTokens')).toBe('170000');
  });

  it('declares every model of the chain under models.providers with its API kind', () => {
    const providers = after.config.models?.providers ?? {};
    const declared = Object.entries(providers).flatMap(([id, provider]) => provider.models.map((model) => `${id}/${model.id}`));
    const chain = [configGet(after, 'agents.defaults.model.primary'), ...JSON.parse(configGet(after, 'agents.defaults.model.fallbacks'))];
    expect(declared.sort()).toEqual([...chain].sort());
    expect(Object.fromEntries(Object.entries(providers).map(([id, provider]) => [id, provider.api]))).toEqual({
      google: 'google-generative-ai',
      moonshot: 'openai-completions',
      anthropic: 'anthropic-messages',
      openai: 'openai-completions',
      xai: 'openai-completions',
    });
  });

  it('never prints an API key or the bot token', () => {
    const printed = [configGet(after, 'models'), configGet(after, 'channels'), formatConfigValue(redact(after.config))].join('\n');
    expect(printed).not.toMatch(/quotastorm-fake-|FAKE-TOKEN/);
    expect(configGet(after, 'models.providers.xai.apiKey')).toBe('__OPENCLAW_REDACTED__');
  });
});
