/**
 * A config without a Telegram channel gets the workload through the direct
 * entry to the main session, as `openclaw agent --agent main --message` sends
 * it: every message becomes a turn of agent:main:main, nothing goes through
 * the Telegram mock, and each message's fate is accounted as usual.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/scenario/runner.ts';
import { AFTER, configVariant, inlineScenario } from './support.ts';

const burstOfThree = inlineScenario(
  '{ name: "direct", host: { heartbeatHasTasks: false }, steps: [{ name: "burst", send: [{ kind: "burst", count: 3, every: "30s", tokens: 200 }], run: "5m", checks: [{ check: "replies-delivered" }] }] }',
);

describe('the direct entry for a config without channels.telegram', () => {
  it('turns every message into a turn of the main session and answers each, with no Telegram traffic', async () => {
    const configFile = await configVariant(AFTER, (config) => delete config['channels']);
    const { result, gateway, world } = await runScenario({ loaded: burstOfThree, configFile, version: 'test' });
    expect(gateway.stats.userTurns).toBe(3);
    expect(result.messages).toMatchObject({ sent: 3, replied: 3, errorReplies: 0, dropped: 0, pending: 0 });
    expect(gateway.store.get('agent:main:main')).toMatchObject({ chatType: 'direct' });
    expect(world.telegram.journal.entries.filter((entry) => entry.method === 'sendMessage')).toEqual([]);
    expect(result.checks.map((check) => check.status)).toEqual(['pass']);
  });

  it('starts no Telegram bot: not one Bot API call, not one [telegram] log line', async () => {
    const configFile = await configVariant(AFTER, (config) => delete config['channels']);
    const { gateway, world } = await runScenario({ loaded: burstOfThree, configFile, version: 'test' });
    expect(world.telegram.journal.entries).toEqual([]);
    expect(gateway.log.records.filter((record) => record.subsystem === 'telegram')).toEqual([]);
  });

  it('starts no Telegram bot for a channels.telegram with enabled: false, and sends the workload directly', async () => {
    const configFile = await configVariant(AFTER, (config) => {
      (config['channels'] as { telegram: Record<string, unknown> }).telegram['enabled'] = false;
    });
    const { result, world } = await runScenario({ loaded: burstOfThree, configFile, version: 'test' });
    expect(world.telegram.journal.entries).toEqual([]);
    expect(result.messages).toMatchObject({ sent: 3, replied: 3 });
  });
});
