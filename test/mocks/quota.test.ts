/**
 * The quota behaviours a provider mock must reproduce, driven through the official SDKs on
 * the virtual clock: requests are scheduled as clock timers and the clock is
 * run, as the gateway will drive them.
 */
import { ApiError, GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { createPrng } from '../../src/clock/prng.ts';
import { geminiRoutes } from '../../mocks/providers/gemini.ts';
import type { LedgerConfig } from '../../mocks/providers/ledger.ts';
import { openaiRoutes } from '../../mocks/providers/openai.ts';
import { estimateTokens } from '../../mocks/providers/tokens.ts';
import { createWorld, promptOfTokens, type World } from './support/world.ts';

const MINUTE_START_MS = Date.UTC(2026, 1, 27, 18, 0, 0);

function gemini(world: World) {
  return new GoogleGenAI({ apiKey: 'gemini-key', httpOptions: { fetch: world.fetch } });
}

/** Sends `send()` at each virtual time, runs the clock, returns statuses in schedule order. */
async function statusesAt(world: World, timesMs: readonly number[], send: (index: number) => Promise<unknown>): Promise<number[]> {
  const statuses: number[] = [];
  timesMs.forEach((atMs, index) => {
    world.clock.setTimeout(() => {
      send(index).then(
        () => (statuses[index] = 200),
        (error: unknown) => (statuses[index] = (error as { status: number }).status),
      );
    }, atMs - world.clock.now());
  });
  await world.clock.runUntilIdle();
  return statuses;
}

describe('requests per minute', () => {
  it('refuses the 61st Gemini request inside a minute at RPM 60 and accepts the next window', async () => {
    const world = createWorld(geminiRoutes, {
      startMs: MINUTE_START_MS,
      ledger: { providers: { gemini: { limits: { 'gemini-2.5-flash': { requestsPerMinute: 60 } } } } },
    });
    const client = gemini(world);
    const everyHalfSecond = Array.from({ length: 61 }, (_, i) => MINUTE_START_MS + i * 500);
    const statuses = await statusesAt(world, [...everyHalfSecond, MINUTE_START_MS + 60_000], () =>
      client.models.generateContent({ model: 'gemini-2.5-flash', contents: 'ping' }),
    );
    expect(statuses.slice(0, 60)).toEqual(Array(60).fill(200));
    expect(statuses[60]).toBe(429);
    expect(statuses[61]).toBe(200);
    expect(world.journal.entries[60]).toMatchObject({ atMs: MINUTE_START_MS + 30_000, retryAfterMs: 30_000 });
  });

  it('refuses the 61st OpenAI request of a burst at RPM 60 and accepts one more a second later (token bucket)', async () => {
    const world = createWorld(openaiRoutes, {
      startMs: MINUTE_START_MS,
      ledger: { providers: { openai: { limits: { 'gpt-4o': { requestsPerMinute: 60 } } } } },
    });
    const client = new OpenAI({ apiKey: 'sk-test', fetch: world.fetch, maxRetries: 0 });
    const burst = Array<number>(61).fill(MINUTE_START_MS);
    const statuses = await statusesAt(world, [...burst, MINUTE_START_MS + 1_000, MINUTE_START_MS + 1_000], () =>
      client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'ping' }] }),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(61);
    expect(statuses[60]).toBe(429);
    expect(statuses.slice(61)).toEqual([200, 429]);
  });
});

describe('tokens per minute', () => {
  it('counts exactly the prompt tokens that were sent, by the one estimator', async () => {
    const world = createWorld(geminiRoutes, { startMs: MINUTE_START_MS });
    const client = gemini(world);
    const rng = createPrng('tpm-counts-what-was-sent');
    const prompts = Array.from({ length: 8 }, () => 'x'.repeat(rng.int(1, 5_000)));
    const statuses = await statusesAt(world, prompts.map((_, i) => MINUTE_START_MS + i * 1_000), (index) =>
      client.models.generateContent({ model: 'gemini-2.5-flash', contents: prompts[index]! }),
    );
    expect(statuses).toEqual(Array(8).fill(200));
    const sentTokens = prompts.reduce((sum, prompt) => sum + estimateTokens([prompt]), 0);
    expect(world.journal.entries.at(-1)!.quotaAfter?.tokensPerMinute?.used).toBe(sentTokens);
    expect(world.journal.entries.reduce((sum, entry) => sum + entry.inputTokens, 0)).toBe(sentTokens);
  });
});

describe('scope', () => {
  // Tier 1 as published: Flash 1M TPM, Pro 2M TPM (tiers.ts). Flash spends 1M in four big prompts.
  async function proAfterFlashSpentItsBudget(ledger: LedgerConfig) {
    const world = createWorld(geminiRoutes, { startMs: MINUTE_START_MS, ledger });
    const client = gemini(world);
    for (let i = 0; i < 4; i++) {
      await client.models.generateContent({ model: 'gemini-2.5-flash', contents: promptOfTokens(250_000) });
    }
    return client.models.generateContent({ model: 'gemini-2.5-pro', contents: promptOfTokens(1_000) }).then(
      () => ({ status: 200, world }),
      (error: ApiError) => ({ status: error.status, world, body: JSON.parse(error.message) }),
    );
  }

  it('makes Gemini Pro fail after Flash spent the budget when the scope is shared across models', async () => {
    const result = await proAfterFlashSpentItsBudget({ providers: { gemini: { scope: { models: 'shared' } } } });
    expect(result.status).toBe(429);
    expect(result.world.journal.entries.at(-1)).toMatchObject({ model: 'gemini-2.5-pro', scopeKey: 'gemini/account:default/*' });
  });

  it('lets Gemini Pro through after Flash spent its budget when the scope is per model (the real behaviour)', async () => {
    const result = await proAfterFlashSpentItsBudget({});
    expect(result.status).toBe(200);
    expect(result.world.journal.entries.at(-1)).toMatchObject({ scopeKey: 'gemini/account:default/gemini-2.5-pro' });
  });

  it('shares a project bucket across API keys, or splits it per key when configured', async () => {
    const limits = { 'gemini-2.5-flash': { requestsPerMinute: 1 } };
    for (const [keys, expected] of [['per-account', 429], ['per-key', 200]] as const) {
      const world = createWorld(geminiRoutes, { startMs: MINUTE_START_MS, ledger: { providers: { gemini: { limits, scope: { keys } } } } });
      const send = (apiKey: string) =>
        new GoogleGenAI({ apiKey, httpOptions: { fetch: world.fetch } }).models.generateContent({ model: 'gemini-2.5-flash', contents: 'x' });
      await send('key-one');
      const status = await send('key-two').then(() => 200, (error: ApiError) => error.status);
      expect(status, keys).toBe(expected);
    }
  });
});

describe('requests per day', () => {
  // 2026-02-27 23:00 PST is 2026-02-28 07:00Z; midnight Pacific is 08:00Z (UTC-8 in February).
  const LATE_EVENING_MS = Date.UTC(2026, 1, 28, 7, 0, 0);
  const PACIFIC_MIDNIGHT_MS = Date.UTC(2026, 1, 28, 8, 0, 0);

  it('resets Gemini RPD at midnight Pacific, not at midnight UTC', async () => {
    const world = createWorld(geminiRoutes, {
      startMs: LATE_EVENING_MS,
      ledger: { providers: { gemini: { limits: { 'gemini-2.5-flash': { requestsPerDay: 3 } } } } },
    });
    const client = gemini(world);
    const times = [0, 1_000, 2_000, 3_000, 3_599_999, 3_600_000].map((offsetMs) => LATE_EVENING_MS + offsetMs);
    const statuses = await statusesAt(world, times, () => client.models.generateContent({ model: 'gemini-2.5-flash', contents: 'x' }));
    expect(statuses).toEqual([200, 200, 200, 429, 429, 200]);
    expect(world.journal.entries[3]).toMatchObject({ violations: ['requestsPerDay'], retryAfterMs: PACIFIC_MIDNIGHT_MS - times[3]! });
    expect(world.journal.entries[5]!.atMs).toBe(PACIFIC_MIDNIGHT_MS);
  });
});
