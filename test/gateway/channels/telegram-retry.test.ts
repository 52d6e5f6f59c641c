import { GrammyError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { createPrng, createVirtualClock } from '../../../src/clock/index.ts';
import { retryDelayMs, withTelegramRetry } from '../../../src/gateway/channels/telegram-retry.ts';

const CONFIG = { attempts: 3, minDelayMs: 400, maxDelayMs: 30_000, jitter: 0 };

const floodError = (retryAfterS: number) =>
  new GrammyError(
    "Call to 'sendMessage' failed!",
    { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfterS}`, parameters: { retry_after: retryAfterS } },
    'sendMessage',
    {},
  );

describe('Telegram retry runner', () => {
  it('waits retry_after, never less than minDelayMs, else doubles from minDelayMs, capped at maxDelayMs', () => {
    const prng = createPrng(1);
    expect(retryDelayMs(CONFIG, 1, 5_000, prng)).toBe(5_000);
    expect(retryDelayMs(CONFIG, 1, 100, prng)).toBe(400);
    expect([1, 2, 3].map((attempt) => retryDelayMs(CONFIG, attempt, undefined, prng))).toEqual([400, 800, 1_600]);
    expect(retryDelayMs(CONFIG, 1, 90_000, prng)).toBe(30_000);
  });

  it('jitters by at most ±jitter and stays within [minDelayMs, maxDelayMs]', () => {
    const prng = createPrng(2);
    const delays = Array.from({ length: 200 }, () => retryDelayMs({ ...CONFIG, jitter: 0.1 }, 1, 10_000, prng));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(9_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(11_000);
    expect(new Set(delays).size).toBeGreaterThan(50);
  });

  it('retries a 429 on the clock and gives up after the attempts', async () => {
    const clock = createVirtualClock();
    const startMs = clock.now();
    const at: number[] = [];
    const outcome = withTelegramRetry({ clock, prng: createPrng(3), config: CONFIG }, async () => {
      at.push(clock.now() - startMs);
      throw floodError(2);
    }).catch((error: unknown) => error);
    await clock.advanceBy(10_000);
    expect(await outcome).toBeInstanceOf(GrammyError);
    expect(at).toEqual([0, 2_000, 4_000]);
  });

  it('does not retry errors outside OpenClaw’s pattern', async () => {
    const clock = createVirtualClock();
    let calls = 0;
    const error = new GrammyError("Call to 'sendMessage' failed!", { ok: false, error_code: 400, description: 'Bad Request: chat not found' }, 'sendMessage', {});
    await expect(withTelegramRetry({ clock, prng: createPrng(4), config: CONFIG }, async () => { calls++; throw error; })).rejects.toBe(error);
    expect(calls).toBe(1);
  });
});
