import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.ts';

const configOf = (text: string) => parseConfigText(text, 'x.json5').config;

describe('materializeDefaults (what `config get` shows)', () => {
  it('materializes lane sizes, the message default and commands on an empty file', () => {
    expect(configOf('{}')).toEqual({
      commands: { native: 'auto', nativeSkills: 'auto', restart: true, ownerDisplay: 'raw' },
      messages: { ackReactionScope: 'group-mentions' },
      agents: { defaults: { maxConcurrent: 4, subagents: { maxConcurrent: 8 } } },
    });
  });

  it('keeps values the file sets', () => {
    const config = configOf('{ agents: { defaults: { maxConcurrent: 2, subagents: { maxConcurrent: 3 } } } }');
    expect(config.agents?.defaults).toEqual({ maxConcurrent: 2, subagents: { maxConcurrent: 3 } });
  });

  it('does not materialize session.maintenance, contextPruning, compaction or heartbeat', () => {
    const defaults = configOf('{ agents: { defaults: {} } }').agents?.defaults;
    expect(defaults).not.toHaveProperty('contextPruning');
    expect(defaults).not.toHaveProperty('compaction');
    expect(defaults).not.toHaveProperty('heartbeat');
    expect(configOf('{ session: { dmScope: "main" } }').session).toEqual({ dmScope: 'main' });
  });

  it('fills every declared model like a custom provider', () => {
    const config = configOf('{ models: { providers: { p: { baseUrl: "u", api: "openai-completions", models: [{ id: "m", name: "M" }] } } } }');
    expect(config.models?.providers?.['p']?.models[0]).toEqual({
      id: 'm',
      name: 'M',
      reasoning: false,
      input: ['text'],
      cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
      contextWindow: 200_000,
      maxTokens: 8_192,
      api: 'openai-completions',
    });
  });

  it('caps maxTokens at the context window', () => {
    const config = configOf('{ models: { providers: { p: { baseUrl: "u", models: [{ id: "m", name: "M", contextWindow: 4096, maxTokens: 9999 }] } } } }');
    expect(config.models?.providers?.['p']?.models[0]?.maxTokens).toBe(4096);
  });

  it('gives a provider named anthropic the anthropic-messages API', () => {
    const config = configOf('{ models: { providers: { anthropic: { baseUrl: "u", models: [{ id: "m", name: "M" }] } } } }');
    expect(config.models?.providers?.['anthropic']?.api).toBe('anthropic-messages');
  });

  it('adds redactSensitive only to an existing logging block', () => {
    expect(configOf('{}').logging).toBeUndefined();
    expect(configOf('{ logging: { level: "info" } }').logging).toEqual({ level: 'info', redactSensitive: 'tools' });
  });

  it('applies the Telegram zod defaults when the channel is configured', () => {
    expect(configOf('{ channels: { telegram: { enabled: true } } }').channels?.telegram).toEqual({
      enabled: true,
      dmPolicy: 'pairing',
      groupPolicy: 'allowlist',
    });
  });

  it('adds default aliases to listed models that have none', () => {
    const config = configOf('{ agents: { defaults: { models: { "anthropic/claude-opus-4-6": {}, "x/y": {} } } } }');
    expect(config.agents?.defaults?.models).toEqual({ 'anthropic/claude-opus-4-6': { alias: 'opus' }, 'x/y': {} });
  });
});
