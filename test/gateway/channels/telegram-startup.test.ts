import { describe, expect, it } from 'vitest';
import { harness, started } from './support.ts';

const OBSERVED_39 =
  'help commands skill status approve context export_session tts whoami session subagents acp focus unfocus agents kill steer ' +
  'usage stop restart activation send reset new compact think verbose reasoning elevated exec model models queue dock_telegram ' +
  'dock_discord dock_slack pair phone voice';

describe('Telegram channel startup', () => {
  it('2026.2 makes the calls openclaw@2026.2.26 made, in its order, with one default-scope setMyCommands of 44', async () => {
    const h = harness({ profile: '2026.2' });
    await started(h);
    expect(h.methods().filter((method) => method !== 'getUpdates')).toEqual([
      'getMe', 'getWebhookInfo', 'deleteMyCommands', 'deleteWebhook', 'getMe', 'setMyCommands',
    ]);
    const set = h.requests.find((r) => r.method === 'setMyCommands')!;
    expect(set.params['scope']).toBeUndefined();
    expect(set.params['commands']).toHaveLength(44);
    expect(h.requests.find((r) => r.method === 'deleteWebhook')!.params).toEqual({ drop_pending_updates: false });
    expect(h.channel.menu).toHaveLength(44);
    expect(h.log.allText()).toContain('[telegram] [default] starting provider (@quotastorm_bot)');
    await h.channel.stop();
  });

  it('2026.2 long-polls with timeout 30, limit 100 and OpenClaw’s allowed_updates', async () => {
    const h = harness({ profile: '2026.2' });
    await started(h);
    const poll = h.requests.find((r) => r.method === 'getUpdates')!;
    expect(poll.params).toMatchObject({ timeout: 30, offset: 0, limit: 100 });
    expect(poll.params['allowed_updates']).toEqual(expect.arrayContaining(['message', 'callback_query', 'message_reaction', 'channel_post']));
    await h.clock.advanceBy(90_000);
    expect(h.requests.filter((r) => r.method === 'getUpdates').map((r) => r.atMs - h.startMs)).toEqual([0, 30_000, 60_000, 90_000]);
    await h.channel.stop();
  });

  it('2026.2 repeats getMe and getWebhookInfo every 60 s', async () => {
    const h = harness({ profile: '2026.2' });
    await started(h);
    await h.clock.advanceBy(125_000);
    const probes = h.requests.filter((r) => r.method === 'getWebhookInfo').map((r) => r.atMs - h.startMs);
    expect(probes).toEqual([0, 60_000, 120_000]);
    expect(h.requests.filter((r) => r.method === 'getMe' && r.atMs - h.startMs === 60_000)).toHaveLength(1);
    await h.channel.stop();
  });

  it('2026.9 makes the calls openclaw@2026.9.6 made: both menu scopes, then getUpdates {timeout: 0}, then long polls', async () => {
    const h = harness({ profile: '2026.9' });
    await started(h);
    expect(h.requests.map((r) => r.method)).toEqual([
      'getMe', 'deleteWebhook', 'deleteMyCommands', 'deleteMyCommands', 'setMyCommands', 'setMyCommands', 'getUpdates', 'getUpdates',
    ]);
    const scopes = (method: string) => h.requests.filter((r) => r.method === method).map((r) => r.params['scope']);
    expect(scopes('deleteMyCommands')).toEqual([undefined, { type: 'all_group_chats' }]);
    expect(scopes('setMyCommands')).toEqual([undefined, { type: 'all_group_chats' }]);
    const [probe, poll] = h.requests.filter((r) => r.method === 'getUpdates');
    expect(probe!.params).toEqual({ timeout: 0 });
    expect(poll!.params).toMatchObject({ timeout: 30, limit: 100 });
    expect(h.requests.some((r) => r.method === 'getWebhookInfo')).toBe(false);
    // As the 2026.9.6 golden trace logs it: the provider line, then the plugin command that lost to a built-in.
    expect(h.log.allText()).toContain('[telegram] [default] starting provider (@quotastorm_bot)\n');
    expect(h.log.errorText()).toContain('[telegram] Plugin command "/dashboard" conflicts with an existing Telegram command.');
    await h.channel.stop();
  });

  it('registers the 39 built-in commands with nativeSkills false, and no BOT_COMMANDS_TOO_MUCH', async () => {
    const h = harness({ profile: '2026.2', config: { commands: { nativeSkills: false } } });
    await started(h);
    expect(h.channel.menu.map((c) => c.command).join(' ')).toBe(OBSERVED_39);
    expect(h.world.telegram.journal.where((e) => e.method === 'setMyCommands')).toMatchObject([{ status: 200, commandCount: 39 }]);
    expect(h.log.allText()).not.toContain('BOT_COMMANDS_TOO_MUCH');
    await h.channel.stop();
  });

  it('honours the per-channel override channels.telegram.commands.nativeSkills', async () => {
    const h = harness({ profile: '2026.2', config: { channels: { telegram: { commands: { nativeSkills: false } } } } });
    await started(h);
    expect(h.channel.menu).toHaveLength(39);
    await h.channel.stop();
  });

  it('clears the menu and sends an empty setMyCommands when commands.native is false (2026.2)', async () => {
    const h = harness({ profile: '2026.2', config: { commands: { native: false } } });
    await started(h);
    expect(h.world.telegram.journal.where((e) => e.method.endsWith('MyCommands'))).toMatchObject([
      { method: 'deleteMyCommands', status: 200 },
      { method: 'setMyCommands', status: 200, commandCount: 0 },
    ]);
    expect(h.channel.menu).toEqual([]);
    await h.channel.stop();
  });

  it('stops cleanly: no clock timers, no tracked work, no calls afterwards', async () => {
    for (const profile of ['2026.2', '2026.9'] as const) {
      const h = harness({ profile });
      const timersBefore = h.clock.pendingTimerCount();
      await started(h);
      await h.clock.advanceBy(45_000);
      const stopping = h.channel.stop();
      await h.clock.advanceBy(0);
      await stopping;
      expect(h.clock.pendingTimerCount()).toBe(timersBefore);
      expect(h.clock.inFlightCount()).toBe(0);
      const calls = h.requests.length;
      await h.clock.advanceBy(300_000);
      expect(h.requests.length).toBe(calls);
      // grammY's Bot.stop confirms the offset; that ends the long poll the mock was still holding.
      expect(h.requests.at(-1)).toMatchObject({ method: 'getUpdates', params: { offset: 0, limit: 1 } });
    }
  });
});
