/**
 * A config with several Telegram bots end to end: zai-telegram-three-accounts-bindings.json5 runs
 * accounts default, serve and wave, and binds serve and wave to their own agents. The scenario's
 * user writes to each bot in turn; each bot's message runs on its account's agent.
 */
import { describe, expect, it } from 'vitest';
import { createPrng } from '../../src/clock/prng.ts';
import { parseConfigText } from '../../src/config/load.ts';
import { runScenario } from '../../src/scenario/runner.ts';
import { scenarioUsers } from '../../src/scenario/users.ts';
import { configVariant, inlineScenario } from './support.ts';

const CONFIG = 'test/fixtures/real-configs/zai-telegram-three-accounts-bindings.json5';

const threeMessages = (users = '{ count: 1 }') =>
  inlineScenario(
    `{ name: "three-bots", host: { heartbeatHasTasks: false }, users: ${users}, steps: [{ name: "one to each bot", ` +
      `send: [{ kind: "message", at: "0s", tokens: 200 }, { kind: "message", at: "30s", tokens: 200 }, { kind: "message", at: "60s", tokens: 200 }], ` +
      `run: "3m", checks: [{ check: "rate-limit-errors", max: 0 }] }] }`,
  );

/** The bound agents on models of their own, so the journal tells the agents apart. */
const ownModels = () =>
  configVariant(CONFIG, (config) => {
    config['agents'].list[1].model = 'zai/glm-4.7';
    config['agents'].list[2].model = 'zai/glm-4.7-flash';
  });

describe('zai-telegram-three-accounts-bindings: three bots, two bound to agents', () => {
  it('sends the user’s messages to each bot in turn, each answered by its own bot', async () => {
    const { result, world } = await runScenario({ loaded: threeMessages(), configFile: await ownModels(), version: 'test' });
    expect(result.messages).toMatchObject({ sent: 3, replied: 3 });
    const replies = world.telegram.journal.entries.filter((entry) => entry.method === 'sendMessage').map((entry) => entry.bot);
    expect(replies).toEqual(['quotastorm_bot', 'quotastorm_serve_bot', 'quotastorm_wave_bot']);
  });

  it('runs each bot’s message on the agent its account is bound to: the journal shows each agent’s model', async () => {
    const { world, gateway } = await runScenario({ loaded: threeMessages(), configFile: await ownModels(), version: 'test' });
    expect(world.journal.where(() => true).map((entry) => entry.model)).toEqual(['glm-5', 'glm-4.7', 'glm-4.7-flash']);
    const keys = [...gateway.store.entries()].map(([key]) => key);
    expect(keys.filter((key) => key.includes(':telegram:direct:')).sort()).toEqual([
      'agent:main:telegram:direct:700000',
      'agent:serve-agent:telegram:direct:700000',
      'agent:wave-agent:telegram:direct:700000',
    ]);
  });

  it('sends every message to the account `users.account` names', async () => {
    const { world } = await runScenario({ loaded: threeMessages('{ count: 1, account: "wave" }'), configFile: await ownModels(), version: 'test' });
    expect(new Set(world.journal.where(() => true).map((entry) => entry.model))).toEqual(new Set(['glm-4.7-flash']));
  });

  it('refuses a `users.account` the config does not start, naming the ones it does', async () => {
    const run = runScenario({ loaded: threeMessages('{ count: 1, account: "ghost" }'), configFile: CONFIG, version: 'test' });
    await expect(run).rejects.toThrow('users.account "ghost" is not a Telegram account the config starts (started: default, serve, wave)');
  });
});

describe('users of several accounts', () => {
  const accounts = [
    { accountId: 'home', dmPolicy: 'allowlist', allowFrom: ['11', '12'] },
    { accountId: 'work', dmPolicy: 'allowlist', allowFrom: ['21'] },
  ];
  const loaded = parseConfigText('{ channels: { telegram: {} } }', 'c.json5', { env: {} });

  it('draws the users of each account from its own allowFrom, the accounts taken in turn', () => {
    expect(scenarioUsers(loaded, 4, createPrng(1), accounts).map((user) => user.id)).toEqual([11, 21, 12, 700_003]);
  });

  it('lets a user write only to the accounts that admit it', () => {
    const shared = [accounts[0]!, { ...accounts[1]!, allowFrom: ['21', '11'] }];
    expect(scenarioUsers(loaded, 2, createPrng(1), shared).map((user) => user.accountIds)).toEqual([['home', 'work'], ['work']]);
  });
});
