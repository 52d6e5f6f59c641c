import { Api, GrammyError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { createVirtualClock, type VirtualClock } from '../../src/clock/index.ts';
import { createRouteFetch } from '../../mocks/fetch.ts';
import { createRouteTable } from '../../mocks/routes.ts';
import { createMockWorld } from '../../mocks/world.ts';
import {
  createTelegramJournal,
  createTelegramState,
  injectMessage,
  telegramRoutes,
  type TelegramState,
} from '../../mocks/telegram/index.ts';

const TOKEN = '123456:quotastorm-test';
const ADA = { id: 424242, firstName: 'Ada', username: 'ada' };

type World = { clock: VirtualClock; state: TelegramState; journal: ReturnType<typeof createTelegramJournal>; api: Api };

/** grammY (the client OpenClaw uses) against the mock, through the clock-tracked injected fetch. */
function world(): World {
  const clock = createVirtualClock({ startMs: Date.UTC(2026, 1, 27, 12) });
  const state = createTelegramState({ botToken: TOKEN });
  const journal = createTelegramJournal();
  const fetch = createRouteFetch(createRouteTable(telegramRoutes({ clock, state, journal })), clock);
  return { clock, state, journal, api: new Api(TOKEN, { fetch: fetch as never }) };
}

/** Runs `call` while driving the clock, and returns its settled outcome. */
async function drive<T>(w: World, call: Promise<T>, untilMs = 60_000): Promise<T> {
  const settled = call.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  await w.clock.advanceBy(untilMs);
  const outcome = await settled;
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

async function botApiError(call: Promise<unknown>, w: World): Promise<GrammyError> {
  try {
    await drive(w, call, 0);
  } catch (error) {
    if (error instanceof GrammyError) return error;
    throw error;
  }
  throw new Error('expected a Bot API error');
}

const commands = (count: number, descriptionChars = 10) =>
  Array.from({ length: count }, (_, i) => ({ command: `cmd_${i}`, description: 'd'.repeat(descriptionChars) }));

describe('Telegram Bot API mock, driven by grammY', () => {
  it('answers getMe with the bot named by the token', async () => {
    const w = world();
    expect(await drive(w, w.api.getMe(), 0)).toMatchObject({ id: 123456, is_bot: true, username: 'quotastorm_bot' });
  });

  it('holds a long poll on the virtual clock until a user writes, then delivers the message', async () => {
    const w = world();
    const start = w.clock.now();
    w.clock.setTimeout(() => injectMessage(w.state, w.clock, { from: ADA, text: '/status now' }), 5_000);
    let answeredAtMs = 0;
    const updates = await drive(w, w.api.getUpdates({ timeout: 30 }).finally(() => (answeredAtMs = w.clock.now())));
    expect(answeredAtMs - start).toBe(5_000);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.message).toMatchObject({
      message_id: 1,
      from: { id: 424242, is_bot: false, first_name: 'Ada' },
      chat: { id: 424242, type: 'private' },
      date: Math.floor((start + 5_000) / 1000),
      text: '/status now',
      entities: [{ type: 'bot_command', offset: 0, length: 7 }],
    });
  });

  it('ends an idle long poll with no updates when its timeout passes', async () => {
    const w = world();
    const start = w.clock.now();
    let answeredAtMs = 0;
    const updates = await drive(w, w.api.getUpdates({ timeout: 30 }).finally(() => (answeredAtMs = w.clock.now())));
    expect(updates).toEqual([]);
    expect(answeredAtMs - start).toBe(30_000);
  });

  it('answers a parked long poll at once, with no timer left, when the world closes', async () => {
    const clock = createVirtualClock({ startMs: Date.UTC(2026, 1, 27, 12) });
    const mocks = createMockWorld({ clock, seed: 7 });
    const api = new Api(TOKEN, { fetch: mocks.fetch as never });
    let answeredAtMs: number | undefined;
    const poll = api.getUpdates({ timeout: 50 }).finally(() => (answeredAtMs = clock.now()));
    await clock.advanceBy(2_000);
    expect(answeredAtMs).toBeUndefined();
    expect(clock.pendingTimerCount()).toBe(1);
    mocks.close();
    expect(await poll).toEqual([]);
    expect(answeredAtMs).toBe(Date.UTC(2026, 1, 27, 12) + 2_000);
    expect(clock.pendingTimerCount()).toBe(0);
    const later = api.getUpdates({ timeout: 50 });
    await clock.runUntilIdle();
    expect(await later).toEqual([]);
    expect(clock.now()).toBe(Date.UTC(2026, 1, 27, 12) + 2_000);
  });

  it('forgets updates once a later offset confirms them', async () => {
    const w = world();
    const first = injectMessage(w.state, w.clock, { from: ADA, text: 'one' });
    injectMessage(w.state, w.clock, { from: ADA, text: 'two' });
    const updates = await drive(w, w.api.getUpdates({ offset: first.update_id + 1 }), 0);
    expect(updates.map((u) => u.message?.text)).toEqual(['two']);
    expect(w.state.pending).toHaveLength(1);
  });

  it('ends a waiting long poll with 409 when another getUpdates arrives', async () => {
    const w = world();
    const first = w.api.getUpdates({ timeout: 30 }).catch((error: unknown) => error);
    const second = w.api.getUpdates({ timeout: 1 });
    await w.clock.advanceBy(5_000);
    const error = await first;
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(409);
    expect(await second).toEqual([]);
  });

  it('accepts a menu of 100 short commands and shows it back', async () => {
    const w = world();
    expect(await drive(w, w.api.setMyCommands(commands(100)), 0)).toBe(true);
    expect(await drive(w, w.api.getMyCommands(), 0)).toHaveLength(100);
  });

  it('refuses 101 commands with BOT_COMMANDS_TOO_MUCH', async () => {
    const w = world();
    const error = await botApiError(w.api.setMyCommands(commands(101)), w);
    expect(error.error_code).toBe(400);
    expect(error.description).toBe('Bad Request: BOT_COMMANDS_TOO_MUCH');
    expect(w.journal.where((e) => e.description?.includes('BOT_COMMANDS_TOO_MUCH') ?? false)).toMatchObject([
      { method: 'setMyCommands', commandCount: 101 },
    ]);
  });

  it('refuses a menu under 100 commands whose text exceeds the budget', async () => {
    const w = world();
    const error = await botApiError(w.api.setMyCommands(commands(78, 80)), w);
    expect(error.description).toBe('Bad Request: BOT_COMMANDS_TOO_MUCH');
    expect(await drive(w, w.api.setMyCommands(commands(60, 80)), 0)).toBe(true);
  });

  it('keeps menus per scope, and deleteMyCommands empties one', async () => {
    const w = world();
    await drive(w, w.api.setMyCommands(commands(3)), 0);
    await drive(w, w.api.setMyCommands(commands(2), { scope: { type: 'all_group_chats' } }), 0);
    await drive(w, w.api.deleteMyCommands(), 0);
    expect(await drive(w, w.api.getMyCommands(), 0)).toEqual([]);
    expect(await drive(w, w.api.getMyCommands({ scope: { type: 'all_group_chats' } }), 0)).toHaveLength(2);
  });

  it('sends a reply into a known chat and records it', async () => {
    const w = world();
    injectMessage(w.state, w.clock, { from: ADA, text: 'hello' });
    const sent = await drive(w, w.api.sendMessage(424242, 'Hi Ada', { parse_mode: 'HTML' }), 0);
    expect(sent).toMatchObject({ message_id: 2, chat: { id: 424242 }, text: 'Hi Ada' });
    expect(w.state.sent).toMatchObject([{ chatId: 424242, text: 'Hi Ada', parseMode: 'HTML' }]);
  });

  it('refuses texts over 4,096 characters, empty texts and unknown chats', async () => {
    const w = world();
    injectMessage(w.state, w.clock, { from: ADA, text: 'hello' });
    expect((await botApiError(w.api.sendMessage(424242, 'x'.repeat(4_097)), w)).description).toBe('Bad Request: message is too long');
    expect((await botApiError(w.api.sendMessage(424242, '  '), w)).description).toBe('Bad Request: message text is empty');
    expect((await botApiError(w.api.sendMessage(999, 'hi'), w)).description).toBe('Bad Request: chat not found');
    expect(w.state.sent).toEqual([]);
  });

  it('answers a burst into one chat with 429 and retry_after once the chat’s burst is spent', async () => {
    const w = world();
    injectMessage(w.state, w.clock, { from: ADA, text: 'hello' });
    const outcomes = [];
    for (let i = 0; i < 5; i++) {
      outcomes.push(await drive(w, w.api.sendMessage(424242, `reply ${i}`), 0).then(() => 'ok', (error: GrammyError) => error));
    }
    expect(outcomes.slice(0, 3)).toEqual(['ok', 'ok', 'ok']);
    const refused = outcomes[3] as GrammyError;
    expect(refused.error_code).toBe(429);
    expect(refused.parameters.retry_after).toBe(1);
    await w.clock.advanceBy(1_000);
    expect(await drive(w, w.api.sendMessage(424242, 'after the wait'), 0)).toMatchObject({ text: 'after the wait' });
  });

  it('answers an unknown method with 404 and a wrong token with 401', async () => {
    const w = world();
    const unknown = await botApiError((w.api.raw as unknown as Record<string, (p: object) => Promise<unknown>>)["getChatMenuButtonNope"]!({}), w).catch((error: unknown) => error);
    expect((unknown as GrammyError).error_code).toBe(404);
    const stranger = new Api('not-a-token', { fetch: createRouteFetch(createRouteTable(telegramRoutes({ clock: w.clock, state: w.state, journal: w.journal })), w.clock) as never });
    expect((await botApiError(stranger.getMe(), w)).error_code).toBe(401);
  });
});
