/**
 * A real multi-agent config end to end: vllm-agents-bindings-telegram.json5 lists four agents and
 * binds Telegram to `ceo`. A scenario's message runs on `ceo`, in `ceo`'s per-channel-peer session,
 * and on `ceo`'s own model once it has one. The config's DMs are opened (its `dmPolicy: "pairing"`
 * would answer every simulated user with a pairing code instead of a turn).
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/scenario/runner.ts';
import { configVariant, doctorFix, inlineScenario } from './support.ts';

const CONFIG = 'test/fixtures/real-configs/vllm-agents-bindings-telegram.json5';
const DEFAULT_MODEL = 'mlx-community/Qwen3.5-35B-A3B-4bit';

const oneMessage = (profile: string) =>
  inlineScenario(
    `{ name: "one-message", profile: "${profile}", host: { heartbeatHasTasks: false }, users: { count: 1 }, ` +
      `steps: [{ name: "one", send: [{ kind: "message", tokens: 200 }], run: "2m", checks: [{ check: "rate-limit-errors", max: 0 }] }] }`,
  );

async function runOn(profile: string, patch: (config: Record<string, any>) => void = () => {}) {
  const config = await configVariant(CONFIG, (config) => {
    config['channels'].telegram.dmPolicy = 'open';
    config['channels'].telegram.allowFrom = ['*'];
    // As `openclaw doctor --fix` leaves it for the version (its meta, commands and gateway keys are older than 2026.9.6).
    doctorFix(config, profile === '2026.9' ? '2026.9.6' : '2026.2.26');
    patch(config);
  });
  const { result, world, gateway } = await runScenario({ loaded: oneMessage(profile), configFile: config, version: 'test' });
  return { result, gateway, models: [...new Set(world.journal.where(() => true).map((entry) => entry.model))] };
}

describe('vllm-agents-bindings-telegram: Telegram bound to agent ceo', () => {
  it.each(['2026.2', '2026.9'])('%s runs the message in ceo’s own session, on the defaults’ chain ceo inherits', async (profile) => {
    const { result, gateway, models } = await runOn(profile);
    expect(result.messages).toMatchObject({ sent: 1, replied: 1 });
    expect(models).toEqual([DEFAULT_MODEL]);
    const keys = [...gateway.store.entries()].map(([key]) => key);
    expect(keys.filter((key) => key.startsWith('agent:ceo:telegram:direct:'))).toHaveLength(1);
    expect(keys.filter((key) => key.startsWith('agent:main:'))).toEqual([]);
  });

  it('runs the message on ceo’s own model once ceo has one: the journal shows only that model', async () => {
    const { result, models } = await runOn('2026.2', (config) => {
      config['models'].providers.vllm.models.push({ id: 'Qwen3-Coder-30B', name: 'Qwen3-Coder-30B', contextWindow: 128000, maxTokens: 8192 });
      config['agents'].list.find((agent: { id: string }) => agent.id === 'ceo').model = { primary: 'vllm/Qwen3-Coder-30B', fallbacks: [] };
    });
    expect(result.messages).toMatchObject({ sent: 1, replied: 1 });
    expect(models).toEqual(['Qwen3-Coder-30B']);
  });
});
