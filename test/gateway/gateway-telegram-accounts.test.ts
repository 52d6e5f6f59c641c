/**
 * A config with `channels.telegram.accounts` in the embedded gateway: one bot per started account,
 * each polling its own mock bot with its own access settings, and each bot's messages routed by
 * the account's bindings.
 */
import { describe, expect, it } from 'vitest';
import { createPrng, createVirtualClock, type VirtualClock } from '../../src/clock/index.ts';
import { loadConfig, parseConfigText } from '../../src/config/index.ts';
import { createGateway, type Gateway } from '../../src/gateway/gateway.ts';
import { PROFILES, type ProfileName } from '../../src/gateway/profiles/index.ts';
import { addTelegramBot } from '../../mocks/telegram/bots.ts';
import { injectMessage, type TelegramState } from '../../mocks/telegram/state.ts';
import { createMockWorld, type MockWorld } from '../../mocks/world.ts';

type Rig = { clock: VirtualClock; world: MockWorld; gateway: Gateway; bots: Map<string, TelegramState> };

/** feb27-after.json5 with its Telegram settings moved under `accounts`, plus agents and bindings. */
async function rig(telegram: object, extra: { agents?: unknown[]; bindings?: unknown[]; dmScope?: string } = {}, profile: ProfileName = '2026.2'): Promise<Rig> {
  const clock = createVirtualClock();
  const world = createMockWorld({ clock, seed: 7 });
  const raw = structuredClone((await loadConfig('scenarios/configs/feb27-after.json5')).raw) as any;
  raw.channels.telegram = telegram;
  if (extra.agents !== undefined) raw.agents.list = extra.agents;
  if (extra.bindings !== undefined) raw.bindings = extra.bindings;
  if (extra.dmScope !== undefined) raw.session = { ...raw.session, dmScope: extra.dmScope };
  const config = parseConfigText(JSON.stringify(raw), 'accounts.json5').config;
  const gateway = createGateway({ config, profile: PROFILES[profile], clock, fetch: world.fetch, rng: createPrng(7), host: { heartbeatHasTasks: false } });
  const bots = new Map(gateway.telegramBots.map((bot) => [bot.accountId, addTelegramBot(world.telegram, bot.botToken, bot.accountId)]));
  const started = gateway.start();
  await clock.advanceBy(1_000);
  await started;
  return { clock, world, gateway, bots };
}

const TWO_BOTS = {
  dmPolicy: 'allowlist',
  allowFrom: ['424242'],
  accounts: { default: { botToken: '111:home' }, work: { botToken: '222:work' } },
};
const write = (r: Rig, accountId: string, text: string, userId = 424242) => injectMessage(r.bots.get(accountId)!, r.clock, { from: { id: userId, firstName: `User ${userId}` }, text });
const callsOf = (r: Rig, method: string) => r.world.telegram.journal.entries.filter((entry) => entry.method === method).map((entry) => entry.bot);
const modelsCalled = (r: Rig) => [...new Set(r.world.journal.where(() => true).map((entry) => entry.model))];

describe('a gateway with several Telegram accounts', () => {
  it('starts one bot per account: each bot gets its own getMe and its own command menu', async () => {
    const r = await rig(TWO_BOTS);
    expect(callsOf(r, 'getMe').slice(0, 2)).toEqual(['quotastorm_bot', 'quotastorm_work_bot']);
    expect(new Set(callsOf(r, 'setMyCommands'))).toEqual(new Set(['quotastorm_bot', 'quotastorm_work_bot']));
    expect(r.gateway.log.records.filter((record) => record.message.includes('starting provider')).map((record) => record.message)).toEqual([
      '[default] starting provider (@quotastorm_bot)',
      '[work] starting provider (@quotastorm_work_bot)',
    ]);
    await r.gateway.stop();
  });

  it('does not start a disabled account', async () => {
    const r = await rig({ ...TWO_BOTS, accounts: { ...TWO_BOTS.accounts, work: { botToken: '222:work', enabled: false } } });
    expect(r.gateway.telegramBots.map((bot) => bot.accountId)).toEqual(['default']);
    expect(new Set(callsOf(r, 'getMe'))).toEqual(new Set([undefined]));
    await r.gateway.stop();
  });

  it('runs a bot’s messages on the agent bound to its account, in that account’s session, and answers from that bot', async () => {
    const coder = { id: 'coder', model: { primary: 'openai/gpt-5.2', fallbacks: [] } };
    const r = await rig(TWO_BOTS, {
      agents: [{ id: 'main', default: true }, coder],
      bindings: [{ agentId: 'coder', match: { channel: 'telegram', accountId: 'work' } }],
      dmScope: 'per-account-channel-peer',
    });
    write(r, 'work', 'Review this diff, please.');
    await r.clock.advanceBy(30_000);
    expect(modelsCalled(r)).toEqual(['gpt-5.2']);
    expect(r.gateway.store.get('agent:coder:telegram:work:direct:424242')).toMatchObject({ model: 'gpt-5.2' });
    expect(callsOf(r, 'sendMessage')).toEqual(['quotastorm_work_bot']);
    await r.gateway.stop();
  });

  it('keeps the unbound account’s messages on the default agent', async () => {
    const coder = { id: 'coder', model: { primary: 'openai/gpt-5.2', fallbacks: [] } };
    const r = await rig(TWO_BOTS, { agents: [{ id: 'main', default: true }, coder], bindings: [{ agentId: 'coder', match: { channel: 'telegram', accountId: 'work' } }] });
    write(r, 'default', 'Hello');
    await r.clock.advanceBy(30_000);
    expect(modelsCalled(r)).toEqual(['gemini-2.5-flash']);
    await r.gateway.stop();
  });

  it('judges each bot’s messages by its account’s allowFrom: one admits the sender, the other drops it', async () => {
    const r = await rig({ ...TWO_BOTS, accounts: { default: { botToken: '111:home' }, work: { botToken: '222:work', allowFrom: ['777'] } } });
    const home = write(r, 'default', 'Hello');
    const work = write(r, 'work', 'Hello');
    await r.clock.advanceBy(30_000);
    const fateOf = (updateId: number) => r.gateway.messageFates.find((fate) => fate.updateId === updateId);
    expect(fateOf(home.update_id)).toMatchObject({ fate: 'replied' });
    expect(fateOf(work.update_id)).toMatchObject({ fate: 'dropped', reason: 'dm-not-allowed' });
    await r.gateway.stop();
  });
});
