import { describe, expect, it } from 'vitest';
import { injectMessage } from '../../../mocks/telegram/index.ts';
import { ADA, harness, started, type Harness, type HarnessOptions } from './support.ts';

const SLOW_CHAT = { chatBurst: 1, chatPerSecond: 0.2, groupPerMinute: 20, globalPerSecond: 30 };

/** A started channel whose mock knows Ada's chat (Telegram refuses sends into unknown chats). */
async function chatting(options: HarnessOptions): Promise<Harness> {
  const h = harness(options);
  await started(h);
  injectMessage(h.world.telegram.state, h.clock, { from: ADA, text: 'hi' });
  await h.clock.advanceBy(0);
  return h;
}

/** Runs `work` while the clock advances `ms`, and returns its settled outcome. */
async function during<T>(h: Harness, ms: number, work: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  const settled = work.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));
  await h.clock.advanceBy(ms);
  return settled;
}

const sends = (h: Harness) => h.requests.filter((r) => r.method === 'sendMessage');

describe('Telegram replies', () => {
  it('sends 9,000 characters as 3 sendMessage calls with parse_mode HTML, 1 s apart per the API throttler', async () => {
    const h = await chatting({ profile: '2026.2' });
    const text = Array.from({ length: 900 }, (_, i) => `word${String(i).padStart(4, '0')}`).join(' ').slice(0, 9_000);
    const t0 = h.clock.now();
    expect(await during(h, 5_000, h.channel.send(424242, text))).toEqual({ ok: true, value: undefined });
    expect(sends(h).map((r) => r.atMs - t0)).toEqual([0, 1_000, 2_000]);
    expect(sends(h).every((r) => r.params['parse_mode'] === 'HTML' && (r.params['text'] as string).length <= 4_000)).toBe(true);
    expect(sends(h).map((r) => r.params['text']).join(' ')).toBe(text);
    expect(h.log.allText()).toContain('[telegram] sendMessage ok chat=424242 message=2\n');
    expect(h.log.allText().match(/sendMessage ok chat=424242/g)).toHaveLength(3);
    await h.channel.stop();
  });

  it('escapes HTML and logs one `outbound send ok` line per reply on 2026.9', async () => {
    const h = await chatting({ profile: '2026.9' });
    await during(h, 3_000, h.channel.send(424242, 'a < b && c > d'));
    expect(sends(h)[0]!.params['text']).toBe('a &lt; b &amp;&amp; c &gt; d');
    expect(h.log.allText()).toContain(
      '[telegram] outbound send ok accountId=default chatId=424242 messageId=2 operation=sendMessage deliveryKind=text chunkCount=1',
    );
    await h.channel.stop();
  });

  it('follows channels.telegram.textChunkLimit', async () => {
    const h = await chatting({ profile: '2026.2', config: { channels: { telegram: { textChunkLimit: 1_000 } } } });
    await during(h, 10_000, h.channel.send(424242, 'x'.repeat(2_500)));
    expect(sends(h).map((r) => (r.params['text'] as string).length)).toEqual([1_000, 1_000, 500]);
    await h.channel.stop();
  });

  it('retries an outbound send refused by flood control after retry_after (jitter 0: exactly then)', async () => {
    const h = await chatting({ profile: '2026.2', telegram: { floodLimits: SLOW_CHAT }, config: { channels: { telegram: { retry: { jitter: 0 } } } } });
    await during(h, 0, h.channel.send(424242, 'first', { via: 'outbound' }));
    const t0 = h.clock.now();
    expect(await during(h, 10_000, h.channel.send(424242, 'second', { via: 'outbound' }))).toMatchObject({ ok: true });
    const attempts = h.world.telegram.journal.where((e) => e.method === 'sendMessage').slice(1);
    expect(attempts.map((e) => [e.atMs - t0, e.status, e.retryAfterS])).toEqual([[0, 429, 5], [5_000, 200, undefined]]);
    expect(h.log.errorText()).toBe('');
    await h.channel.stop();
  });

  it('jitters the outbound retry by up to 10 % around retry_after, from the seeded stream', async () => {
    const delays: number[][] = [];
    for (let run = 0; run < 2; run++) {
      const h = await chatting({ profile: '2026.2', telegram: { floodLimits: SLOW_CHAT } });
      await during(h, 0, h.channel.send(424242, 'first', { via: 'outbound' }));
      const t0 = h.clock.now();
      await during(h, 30_000, h.channel.send(424242, 'second', { via: 'outbound' }));
      delays.push(h.world.telegram.journal.where((e) => e.method === 'sendMessage').slice(1).map((e) => e.atMs - t0));
      await h.channel.stop();
    }
    expect(delays[0]).toEqual(delays[1]);
    expect(delays[0]![1]).toBeGreaterThanOrEqual(4_500);
    expect(delays[0]![1]).toBeLessThanOrEqual(5_500);
  });

  it('gives up after channels.telegram.retry.attempts and logs the last refusal', async () => {
    const stingy = { ...SLOW_CHAT, chatPerSecond: 0.01 };
    const h = await chatting({ profile: '2026.2', telegram: { floodLimits: stingy }, config: { channels: { telegram: { retry: { maxDelayMs: 1_000 } } } } });
    await during(h, 0, h.channel.send(424242, 'first', { via: 'outbound' }));
    const outcome = await during(h, 10_000, h.channel.send(424242, 'second', { via: 'outbound' }));
    expect(outcome.ok).toBe(false);
    expect(h.world.telegram.journal.where((e) => e.method === 'sendMessage' && e.status === 429)).toHaveLength(3);
    expect(h.log.errorText()).toMatch(/\[telegram\] sendMessage failed: Call to 'sendMessage' failed! \(429: Too Many Requests: retry after \d+\)/);
    await h.channel.stop();
  });

  it('2026.2 does not retry a refused reply (its replies go through the throttler, without the retry runner)', async () => {
    const h = await chatting({ profile: '2026.2', telegram: { floodLimits: { ...SLOW_CHAT, chatPerSecond: 0.5 } } });
    const first = h.channel.send(424242, 'first');
    const outcome = await during(h, 5_000, h.channel.send(424242, 'second'));
    await first;
    expect(outcome.ok).toBe(false);
    expect(h.world.telegram.journal.where((e) => e.method === 'sendMessage').map((e) => e.status)).toEqual([200, 429]);
    expect(h.log.errorText()).toContain("[telegram] sendMessage failed: Call to 'sendMessage' failed! (429: Too Many Requests: retry after 1)");
    await h.channel.stop();
  });

  it('2026.9 retries a refused reply after retry_after (its replies go through the retrying sender)', async () => {
    const h = await chatting({ profile: '2026.9', telegram: { floodLimits: SLOW_CHAT }, config: { channels: { telegram: { retry: { jitter: 0 } } } } });
    await during(h, 0, h.channel.send(424242, 'first'));
    const t0 = h.clock.now();
    expect(await during(h, 10_000, h.channel.send(424242, 'second'))).toMatchObject({ ok: true });
    const attempts = h.world.telegram.journal.where((e) => e.method === 'sendMessage').slice(1);
    // The throttler holds the second send 1 s; Telegram then wants 4 s more.
    expect(attempts.map((e) => [e.atMs - t0, e.status, e.retryAfterS])).toEqual([[1_000, 429, 4], [5_000, 200, undefined]]);
    await h.channel.stop();
  });

  it('sends a reply that follows typing 1 s later on 2026.2 (golden: 1,000 ms) and at once on 2026.9 (golden: 921 ms)', async () => {
    for (const [profile, gapMs] of [['2026.2', 1_000], ['2026.9', 0]] as const) {
      const h = await chatting({ profile });
      const typing = h.channel.keepTyping(424242);
      await during(h, 2_000, h.channel.send(424242, 'the answer'));
      typing.stop();
      const [action, message] = h.requests.filter((r) => r.method === 'sendChatAction' || r.method === 'sendMessage');
      expect([action!.method, message!.method, message!.atMs - action!.atMs]).toEqual(['sendChatAction', 'sendMessage', gapMs]);
      await h.channel.stop();
    }
  });

  it('sends typing, and keeps it up every 3 s (2026.2) or 4 s (2026.9) until stopped', async () => {
    for (const [profile, everyMs] of [['2026.2', 3_000], ['2026.9', 4_000]] as const) {
      const h = await chatting({ profile });
      const t0 = h.clock.now();
      const typing = h.channel.keepTyping(424242);
      await h.clock.advanceBy(10_000);
      typing.stop();
      await h.clock.advanceBy(10_000);
      const actions = h.requests.filter((r) => r.method === 'sendChatAction');
      expect(actions.map((r) => r.atMs - t0)).toEqual([0, everyMs, 2 * everyMs, 3 * everyMs].filter((ms) => ms <= 10_000));
      expect(actions[0]!.params).toEqual({ chat_id: 424242, action: 'typing' });
      await h.channel.stop();
    }
  });

  it('stop() ends typing loops and leaves no timers behind', async () => {
    const h = await chatting({ profile: '2026.2' });
    h.channel.keepTyping(424242);
    await h.clock.advanceBy(4_000);
    const stopping = h.channel.stop();
    await h.clock.advanceBy(0);
    await stopping;
    expect(h.clock.pendingTimerCount()).toBe(0);
    expect(h.clock.inFlightCount()).toBe(0);
  });
});
