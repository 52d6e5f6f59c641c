import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../../src/clock/index.ts';
import { createApiThrottle } from '../../../src/gateway/channels/telegram-throttle.ts';

async function startTimes(chatIds: number[]): Promise<number[]> {
  const clock = createVirtualClock();
  const throttle = createApiThrottle(clock);
  const startMs = clock.now();
  const starts: number[] = [];
  const all = Promise.all(chatIds.map((chatId) => throttle.schedule(chatId, async () => void starts.push(clock.now() - startMs))));
  await clock.advanceBy(200_000);
  await all;
  return starts;
}

describe('API throttler', () => {
  it('spaces calls into one private chat 1 s apart and leaves other chats alone', async () => {
    expect(await startTimes([1, 1, 1, 2])).toEqual([0, 0, 1_000, 2_000]);
  });

  it('allows a group 20 calls a minute', async () => {
    const starts = await startTimes(Array.from({ length: 22 }, () => -100));
    expect(starts.slice(0, 3)).toEqual([0, 1_000, 2_000]);
    expect(starts[19]).toBe(19_000);
    expect(starts[20]).toBe(60_000);
  });

  it('allows 30 calls a second across chats', async () => {
    const starts = await startTimes(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(starts.filter((ms) => ms === 0)).toHaveLength(30);
    expect(starts[30]).toBe(1_000);
  });
});
