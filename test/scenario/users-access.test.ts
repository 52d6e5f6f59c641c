/**
 * The scenario's users as the config admits them: allowFrom names who writes, and under
 * dmPolicy "pairing" (OpenClaw's default) the users the owner approved in the pairing store
 * (`users.paired`) are admitted too; a user nobody approved gets a pairing code and no turn.
 */
import { describe, expect, it } from 'vitest';
import { renderRunReport } from '../../src/report/markdown.ts';
import { runScenario } from '../../src/scenario/runner.ts';
import { AFTER, configVariant, inlineScenario } from './support.ts';

/** One message from each of `count` users, 20 s apart. */
function eachUserWrites(count: number, users = `users: { count: ${count} },`) {
  const sends = Array.from({ length: count }, (_, user) => `{ kind: "message", at: "${user * 20}s", user: ${user}, tokens: 200 }`).join(', ');
  return inlineScenario(`{ name: "users", host: { heartbeatHasTasks: false }, ${users} steps: [{ name: "each", send: [${sends}], run: "3m", checks: [{ check: "session-count", max: 20 }] }] }`);
}

const telegramWith = (settings: Record<string, unknown>) => configVariant(AFTER, (config) => Object.assign(config['channels'].telegram, settings));

async function runWith(scenario: ReturnType<typeof eachUserWrites>, settings: Record<string, unknown>) {
  return runScenario({ loaded: scenario, configFile: await telegramWith(settings), version: 'test' });
}

describe('allowFrom limited to two users', () => {
  const twoUsers = { dmPolicy: 'allowlist', allowFrom: ['111111', 'tg:222222'] };

  it('sends the scenario messages from those two users, and all are answered', async () => {
    const { result, gateway, world } = await runWith(eachUserWrites(2), twoUsers);
    expect(result.messages).toMatchObject({ sent: 2, replied: 2, dropped: 0, pending: 0 });
    expect(gateway.messageFates.map((fate) => fate.senderId)).toEqual([111111, 222222]);
    expect(world.telegram.state.sent.map((message) => message.chatId)).toEqual([111111, 222222]);
  });

  it('drops a third user the scenario asks for, and the report says how many and why', async () => {
    const { result } = await runWith(eachUserWrites(3), twoUsers);
    expect(result.messages).toMatchObject({ sent: 3, replied: 2, dropped: 1, pending: 0 });
    const line = '1 of 3 messages dropped: sender 700002 is not in channels.telegram.allowFrom (dmPolicy "allowlist")';
    // A list item's wrapped continuation is indented two spaces; read it as the one line it is.
    expect(renderRunReport(result).replaceAll('\n  ', ' ')).toContain(line);
  });

  it('keeps the third user out under "allowlist" even though the pairing store approved every user', async () => {
    const { result } = await runWith(eachUserWrites(3, 'users: { count: 3, paired: true },'), twoUsers);
    expect(result.messages.dropReasons.map(({ reason, count }) => ({ reason, count }))).toEqual([{ reason: 'dm-not-allowed', count: 1 }]);
    expect(result.pairing).toBeUndefined();
  });
});

describe('dmPolicy "pairing" with an empty allowFrom', () => {
  const pairing = { dmPolicy: 'pairing', allowFrom: [] };

  it('answers every user by default: they are pre-approved in the pairing store, and the report header says so', async () => {
    const { result } = await runWith(eachUserWrites(3), pairing);
    expect(result.messages).toMatchObject({ sent: 3, replied: 3, dropped: 0 });
    expect(result.pairing).toEqual({ preApproved: 3, unpaired: 0, store: '~/.openclaw/credentials/telegram-default-allowFrom.json' });
    expect(renderRunReport(result)).toContain('3 users not in allowFrom, pre-approved in the pairing store');
  });

  it('sends unpaired users a pairing code instead of a turn, and accounts each as "pairing code sent, not approved"', async () => {
    const { result, world } = await runWith(eachUserWrites(2, 'users: { count: 2, paired: false },'), pairing);
    expect(result.messages).toMatchObject({ sent: 2, replied: 0, dropped: 2 });
    expect(result.messages.dropReasons).toEqual([
      {
        reason: 'pairing',
        count: 2,
        why: 'pairing code sent, not approved: senders 700000, 700001 are neither in channels.telegram.allowFrom nor approved in the pairing store (dmPolicy "pairing")',
      },
    ]);
    expect(world.telegram.state.sent.map((message) => message.text.split('\n')[0])).toEqual(['OpenClaw: access not configured.', 'OpenClaw: access not configured.']);
    expect(renderRunReport(result)).toContain('2 unpaired');
  });

  it('admits only the users the scenario lists as paired', async () => {
    const { result } = await runWith(eachUserWrites(2, 'users: { count: 2, paired: [1] },'), pairing);
    expect(result.messages).toMatchObject({ sent: 2, replied: 1, dropped: 1 });
    expect(result.messages.dropReasons.map(({ reason }) => reason)).toEqual(['pairing']);
    expect(result.pairing).toMatchObject({ preApproved: 1, unpaired: 1 });
  });
});

describe('group messages', () => {
  /** One group message from user 0. */
  const groupMessage = inlineScenario(
    '{ name: "group", host: { heartbeatHasTasks: false }, steps: [{ name: "one", send: [{ kind: "message", user: 0, tokens: 200, chat: "group" }], run: "2m", checks: [{ check: "session-count", max: 20 }] }] }',
  );

  it('go to a group the config admits and mention the bot, since requireMention is on by default', async () => {
    const { result, gateway, world } = await runWith(groupMessage, {});
    expect(result.messages).toMatchObject({ sent: 1, replied: 1, dropped: 0 });
    const [fate] = gateway.messageFates;
    expect(fate!.chatId).toBeLessThan(0);
    expect(gateway.store.get(`agent:main:telegram:group:${fate!.chatId}`)).toBeDefined();
    expect(world.telegram.state.sent.map((message) => message.chatId)).toEqual([fate!.chatId]);
  });

  it('use the chat id channels.telegram.groups names, without a mention when that chat turns requireMention off', async () => {
    const { result, gateway } = await runWith(groupMessage, { groups: { '-100777': { requireMention: false } } });
    expect(result.messages).toMatchObject({ sent: 1, replied: 1 });
    expect(gateway.messageFates[0]!.chatId).toBe(-100777);
  });

  it('come from a sender groupAllowFrom admits', async () => {
    const { result, gateway } = await runWith(groupMessage, { groupAllowFrom: ['555555'] });
    expect(result.messages).toMatchObject({ sent: 1, replied: 1 });
    expect(gateway.messageFates[0]!.senderId).toBe(555555);
  });

  it('are dropped with the reason when the config disables groups', async () => {
    const { result } = await runWith(groupMessage, { groupPolicy: 'disabled' });
    expect(result.messages.dropReasons.map(({ reason, count }) => ({ reason, count }))).toEqual([{ reason: 'group-disabled', count: 1 }]);
  });
});
