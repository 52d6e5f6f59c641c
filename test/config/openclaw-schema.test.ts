/**
 * What a pinned OpenClaw refuses to start with, checked against its own schema
 * (src/config/openclaw-schema/): legacy keys first, then keys and values the schema does not accept.
 */
import { describe, expect, it, vi } from 'vitest';
import { runConfigValidate } from '../../src/commands/config.ts';
import { parseConfigText } from '../../src/config/load.ts';
import { openclawRefusal, openclawSchemaIssues } from '../../src/config/openclaw-schema/index.ts';
import { LEGACY_REFUSAL_2026_2, LEGACY_REFUSAL_2026_9 } from '../../src/config/legacy-keys.ts';

const V2 = { release: '2026.2.26', legacyConfigRefusal: LEGACY_REFUSAL_2026_2 };
const V9 = { release: '2026.9.6', legacyConfigRefusal: LEGACY_REFUSAL_2026_9 };

describe('the schema check', () => {
  it('refuses a key OpenClaw does not know with its own message', () => {
    expect(openclawSchemaIssues({ models: { default: 'nvidia/x' } }, '2026.2.26')).toEqual([{ path: 'models', message: 'Unrecognized key: "default"' }]);
  });

  it('refuses a wrong type where the key is', () => {
    expect(openclawSchemaIssues({ agents: { defaults: { maxConcurrent: 'four' } } }, '2026.9.6').map((issue) => issue.path)).toEqual(['agents.defaults.maxConcurrent']);
  });

  it('accepts a key OpenClaw knows that quotastorm does not model', () => {
    expect(openclawSchemaIssues({ agents: { defaults: { verboseDefault: 'on' } } }, '2026.2.26')).toEqual([]);
  });

  it("does not make the schema's refinements, which JSON Schema cannot carry (2026.2.26 requireOpenAllowFrom)", () => {
    expect(openclawSchemaIssues({ channels: { telegram: { dmPolicy: 'open', allowFrom: ['123'] } } }, '2026.2.26')).toEqual([]);
  });

  it('accepts $schema at the top level', () => {
    expect(openclawSchemaIssues({ $schema: 'https://example.com/openclaw.json' }, '2026.2.26')).toEqual([]);
    expect(openclawSchemaIssues({ $schema: 'https://example.com/openclaw.json' }, '2026.9.6')).toEqual([]);
  });

  it('reads agents.defaults.contextTokens where 2026.9.6 moves it before validating (migrateLegacyContextBudgetConfig)', () => {
    expect(openclawSchemaIssues({ agents: { defaults: { contextTokens: 100000 } } }, '2026.9.6')).toEqual([]);
  });

  it('reads agents.list as the agents.entries 2026.9.6 turns it into (migratePersistedImplicitMainRoster)', () => {
    expect(openclawSchemaIssues({ agents: { list: [{ id: 'main', colour: 'red' }] } }, '2026.9.6')).toEqual([{ path: 'agents.entries.main', message: 'Unrecognized key: "colour"' }]);
  });
});

describe('the refusal', () => {
  it('quotes the legacy keys first, as 2026.2.26 stops at them before its schema', () => {
    const refusal = openclawRefusal({ file: 'c.json5', raw: { agent: {}, models: { default: 'x' } } }, V2);
    expect(refusal?.message).toMatch(/older OpenClaw layout \(agent\)/);
    expect(refusal?.message).not.toMatch(/Unrecognized key: "default"/);
  });

  it('is one paragraph naming the file, each path and OpenClaw\'s message', () => {
    const message = openclawRefusal({ file: 'c.json5', raw: { models: { default: 'x' }, agents: { defaults: { maxConcurent: 4 } } } }, V9)?.message ?? '';
    expect(message).not.toContain('\n');
    expect(message).toContain('Config c.json5 is refused by OpenClaw 2026.9.6');
    expect(message).toContain('models: Unrecognized key: "default"');
    expect(message).toContain('agents.defaults: Unrecognized key: "maxConcurent"');
  });

  it('is undefined for a config the version starts with', () => {
    expect(openclawRefusal({ file: 'c.json5', raw: { agents: { defaults: { model: { primary: 'google/gemini-2.5-flash' } } } } }, V2)).toBeUndefined();
  });
});

describe('loading a config for a version', () => {
  it('refuses a typo as bad input', () => {
    expect(() => parseConfigText('{ agents: { defaults: { maxConcurent: 4 } } }', 'c.json5', { openclaw: V2 })).toThrow(/Unrecognized key: "maxConcurent"/);
  });

  it('says a key it does not model is one OpenClaw accepts', () => {
    expect(parseConfigText('{ agents: { defaults: { verboseDefault: "on" } } }', 'c.json5', { openclaw: V2 }).warnings).toEqual([
      'unknown key agents.defaults.verboseDefault (OpenClaw 2026.2.26 accepts it; quotastorm does not model it; passed through)',
    ]);
  });
});

describe('config validate', () => {
  it('refuses a real config with a key OpenClaw does not know, on both versions', async () => {
    for (const profile of ['2026.2', '2026.9'] as const) {
      await expect(runConfigValidate('test/fixtures/real-configs/nvidia-nim-telegram-open.json5', profile)).rejects.toThrow(
        /nvidia-nim-telegram-open\.json5 is refused by OpenClaw 2026\.[29]\.\d+: .*models: Unrecognized key: "default"/,
      );
    }
  });

  it('accepts the bundled configs on both versions', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    for (const file of ['scenarios/configs/feb27-before.json5', 'scenarios/configs/feb27-after.json5']) {
      for (const profile of ['2026.2', '2026.9'] as const) expect(await runConfigValidate(file, profile)).toBe(0);
    }
    write.mockRestore();
  });
});
