import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/clock/index.ts';
import { createInboundQueue, type QueueSettings } from '../../src/gateway/inbound-queue.ts';

function setup(settings: Partial<QueueSettings> = {}) {
  const clock = createVirtualClock({ startMs: 0 });
  const turns: string[] = [];
  const queue = createInboundQueue<string>({
    clock,
    settings: { mode: 'collect', debounceMs: 1_000, cap: 20, drop: 'summarize', ...settings },
    runTurn: async (session, messages, dropped) => {
      turns.push(`${clock.now()} ${session}: ${messages.join('+')}${dropped ? ` (${dropped} dropped)` : ''}`);
      await clock.sleep(5_000);
    },
  });
  return { clock, queue, turns };
}

describe('inbound queue (messages.queue)', () => {
  it('starts a turn at once for an idle session', async () => {
    const s = setup();
    s.queue.push('chat', 'hello');
    await s.clock.runUntilIdle();
    expect(s.turns).toEqual(['0 chat: hello']);
  });

  it('collects messages sent during a turn into one follow-up after the debounce', async () => {
    const s = setup();
    s.queue.push('chat', 'one');
    s.clock.setTimeout(() => s.queue.push('chat', 'two'), 1_000);
    s.clock.setTimeout(() => s.queue.push('chat', 'three'), 2_000);
    await s.clock.runUntilIdle();
    expect(s.turns).toEqual(['0 chat: one', '6000 chat: two+three']);
  });

  it('gives each held message its own turn in followup mode', async () => {
    const s = setup({ mode: 'followup' });
    s.queue.push('chat', 'one');
    s.queue.push('chat', 'two');
    s.queue.push('chat', 'three');
    await s.clock.runUntilIdle();
    expect(s.turns).toEqual(['0 chat: one', '6000 chat: two', '12000 chat: three']);
  });

  it('drops the oldest held messages past the cap and says how many', async () => {
    const s = setup({ cap: 2 });
    s.queue.push('chat', 'first');
    for (const text of ['a', 'b', 'c', 'd']) s.queue.push('chat', text);
    await s.clock.runUntilIdle();
    expect(s.turns).toEqual(['0 chat: first', '6000 chat: c+d (2 dropped)']);
  });

  it('keeps sessions independent', async () => {
    const s = setup();
    s.queue.push('a', 'x');
    s.queue.push('b', 'y');
    await s.clock.runUntilIdle();
    expect(s.turns).toEqual(['0 a: x', '0 b: y']);
  });
});
