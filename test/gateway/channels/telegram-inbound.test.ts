import { describe, expect, it } from 'vitest';
import { injectMessage } from '../../../mocks/telegram/index.ts';
import { ADA, harness, started, type Harness } from './support.ts';

const EVE = { id: 777, firstName: 'Eve', username: 'eve' };
const GROUP = { id: -1001, type: 'supergroup' as const, title: 'Ops' };

function writeAt(h: Harness, delayMs: number, inbound: Parameters<typeof injectMessage>[2]): void {
  h.clock.setTimeout(() => injectMessage(h.world.telegram.state, h.clock, inbound), delayMs);
}

describe('Telegram inbound messages', () => {
  it('hands a message injected at +5 s to onMessage at exactly +5 s virtual, then confirms it with the next offset', async () => {
    const h = harness({ profile: '2026.2' });
    await started(h);
    writeAt(h, 5_000, { from: ADA, text: 'hello there' });
    await h.clock.advanceBy(10_000);
    expect(h.inbound).toHaveLength(1);
    const [{ message, atMs }] = h.inbound as [Harness['inbound'][number]];
    expect(atMs - h.startMs).toBe(5_000);
    expect(message).toMatchObject({
      updateId: 1,
      chatId: 424242,
      chatType: 'direct',
      senderId: 424242,
      senderUsername: 'ada',
      senderName: 'Ada',
      text: 'hello there',
      from: 'telegram:424242',
      command: undefined,
      receivedAtMs: h.startMs + 5_000,
    });
    const polls = h.requests.filter((r) => r.method === 'getUpdates');
    expect(polls.at(-1)!.params).toMatchObject({ offset: 2 });
    expect(h.world.telegram.state.pending).toEqual([]);
    await h.channel.stop();
  });

  it('delivers a burst in order and parses a leading bot command', async () => {
    const h = harness({ profile: '2026.2' });
    await started(h);
    writeAt(h, 1_000, { from: ADA, text: '/status@quotastorm_bot now' });
    writeAt(h, 1_000, { from: ADA, text: 'second' });
    await h.clock.advanceBy(2_000);
    expect(h.inbound.map((i) => i.message.text)).toEqual(['/status@quotastorm_bot now', 'second']);
    expect(h.inbound[0]!.message.command).toEqual({ name: 'status', args: 'now' });
    await h.channel.stop();
  });

  it('logs `Inbound message telegram:<id> -> @<bot>` on 2026.9', async () => {
    const h = harness({ profile: '2026.9' });
    await started(h);
    writeAt(h, 1_000, { from: ADA, text: 'hi' });
    await h.clock.advanceBy(1_000);
    expect(h.log.allText()).toContain('[telegram] Inbound message telegram:424242 -> @quotastorm_bot (direct, 2 chars)');
    await h.channel.stop();
  });

  it('drops a stranger’s DM silently under dmPolicy allowlist', async () => {
    const h = harness({ profile: '2026.2' });
    await started(h);
    writeAt(h, 1_000, { from: EVE, text: 'let me in' });
    await h.clock.advanceBy(5_000);
    expect(h.inbound).toEqual([]);
    expect(h.world.telegram.state.sent).toEqual([]);
    await h.channel.stop();
  });

  it('answers a stranger once with a pairing code under dmPolicy pairing, and starts no turn', async () => {
    const h = harness({ profile: '2026.2', config: { channels: { telegram: { dmPolicy: 'pairing', allowFrom: [] } } } });
    await started(h);
    writeAt(h, 1_000, { from: EVE, text: 'hello?' });
    writeAt(h, 3_000, { from: EVE, text: 'anyone?' });
    await h.clock.advanceBy(5_000);
    expect(h.inbound).toEqual([]);
    expect(h.world.telegram.state.sent).toHaveLength(1);
    expect(h.world.telegram.state.sent[0]!.text).toMatch(
      /^OpenClaw: access not configured\.\n\nYour Telegram user id: 777\n\nPairing code: [A-HJ-NP-Z2-9]{8}\n\nAsk the bot owner to approve with:\nopenclaw pairing approve telegram [A-HJ-NP-Z2-9]{8}$/,
    );
    await h.channel.stop();
  });

  it('admits everyone under dmPolicy open, and matches allowFrom by username too', async () => {
    const open = harness({ profile: '2026.2', config: { channels: { telegram: { dmPolicy: 'open' } } } });
    await started(open);
    writeAt(open, 1_000, { from: EVE, text: 'hi' });
    await open.clock.advanceBy(1_000);
    expect(open.inbound).toHaveLength(1);
    await open.channel.stop();
    const byName = harness({ profile: '2026.2', config: { channels: { telegram: { allowFrom: ['@Eve'] } } } });
    await started(byName);
    writeAt(byName, 1_000, { from: EVE, text: 'hi' });
    await byName.clock.advanceBy(1_000);
    expect(byName.inbound).toHaveLength(1);
    await byName.channel.stop();
  });

  it('in a group, takes allowed senders who mention the bot or send a command', async () => {
    const h = harness({ profile: '2026.2' });
    await started(h);
    writeAt(h, 1_000, { from: ADA, chat: GROUP, text: 'just chatting' });
    writeAt(h, 2_000, { from: ADA, chat: GROUP, text: '@quotastorm_bot summarize please' });
    writeAt(h, 3_000, { from: EVE, chat: GROUP, text: '@quotastorm_bot me too' });
    writeAt(h, 4_000, { from: ADA, chat: GROUP, text: '/new' });
    await h.clock.advanceBy(5_000);
    expect(h.inbound.map((i) => [i.message.text, i.message.chatType, i.message.from])).toEqual([
      ['@quotastorm_bot summarize please', 'group', 'telegram:group:-1001'],
      ['/new', 'group', 'telegram:group:-1001'],
    ]);
    await h.channel.stop();
  });

  it('drops every group message under groupPolicy disabled, and takes all with groupPolicy open and requireMention off', async () => {
    const disabled = harness({ profile: '2026.2', config: { channels: { telegram: { groupPolicy: 'disabled' } } } });
    await started(disabled);
    writeAt(disabled, 1_000, { from: ADA, chat: GROUP, text: '@quotastorm_bot hi' });
    await disabled.clock.advanceBy(1_000);
    expect(disabled.inbound).toEqual([]);
    await disabled.channel.stop();
    const open = harness({ profile: '2026.2', config: { channels: { telegram: { groupPolicy: 'open', groups: { '*': { requireMention: false } } } } } });
    await started(open);
    writeAt(open, 1_000, { from: EVE, chat: GROUP, text: 'anything' });
    await open.clock.advanceBy(1_000);
    expect(open.inbound).toHaveLength(1);
    await open.channel.stop();
  });

  it('keeps polling when onMessage throws', async () => {
    const h = harness({ profile: '2026.2', overrides: { onMessage: () => { throw new Error('queue full'); } } });
    await started(h);
    writeAt(h, 1_000, { from: ADA, text: 'one' });
    await h.clock.advanceBy(1_000);
    expect(h.log.errorText()).toContain('[telegram] update 1 handler failed: queue full');
    expect(h.requests.at(-1)).toMatchObject({ method: 'getUpdates', params: { offset: 2 } });
    await h.channel.stop();
  });
});
