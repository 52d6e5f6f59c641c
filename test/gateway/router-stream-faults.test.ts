import { describe, expect, it } from 'vitest';
import { createPrng, createVirtualClock } from '../../src/clock/index.ts';
import { parseConfigText } from '../../src/config/index.ts';
import { createModelRouter, type TurnOutcome } from '../../src/gateway/router/index.ts';
import { createFaultPlan } from '../../mocks/providers/fault-plan.ts';
import { parseFaultSchedule } from '../../mocks/providers/fault-schedule.ts';
import { createMockWorld } from '../../mocks/world.ts';

const CONFIG = `{
  agents: { defaults: { model: { primary: "google/gemini-2.5-flash", fallbacks: ["google/gemini-2.5-pro", "openai/gpt-5.2"] } } },
  models: { mode: "replace", providers: {
    google: { baseUrl: "https://generativelanguage.googleapis.com/v1beta", apiKey: "g", api: "google-generative-ai",
              models: [{ id: "gemini-2.5-flash", name: "Flash" }, { id: "gemini-2.5-pro", name: "Pro" }] },
    openai: { baseUrl: "https://api.openai.com/v1", apiKey: "o", api: "openai-completions", models: [{ id: "gpt-5.2", name: "GPT" }] },
  } },
}`;

/** One turn on profile 2026.2 under a fault schedule; the requests the mocks saw as `model status +s`. */
async function turnWith(rules: object[]): Promise<{ outcome: TurnOutcome; requests: string[] }> {
  const clock = createVirtualClock({ startMs: 0 });
  const faults = createFaultPlan(parseFaultSchedule({ rules }, 'test'), { prng: createPrng(1).fork('faults'), startMs: 0 });
  const world = createMockWorld({ clock, seed: 1, faults });
  const router = createModelRouter(parseConfigText(CONFIG, 'c.json5').config, '2026.2', { fetch: world.fetch, clock, rng: createPrng(1) });
  const turn = router.runTurn({ runId: 'user-1', chain: router.chain, callFor: () => ({ system: 'be brief', messages: [{ role: 'user', text: 'hi' }], stream: true }) });
  const settled = turn.then((value) => ({ value }));
  await clock.runUntilIdle();
  const outcome = (await settled).value;
  return { outcome, requests: world.journal.entries.map((entry) => `${entry.model} ${entry.status} +${Math.round(entry.atMs / 1000)}`) };
}

describe('router on 2026.2 against the stream faults the real gateway mishandles (openclaw-2026-2-run.md §4)', () => {
  it('surfaces "An unknown error occurred" for a Gemini 200 with MALFORMED_FUNCTION_CALL: no retry, no failover', async () => {
    const { outcome, requests } = await turnWith([{ match: { model: 'gemini-2.5-flash' }, fault: 'finish-reason:MALFORMED_FUNCTION_CALL' }]);
    expect(outcome).toMatchObject({ kind: 'surfaced', text: 'An unknown error occurred' });
    expect(requests).toEqual(['gemini-2.5-flash 200 +0']);
  });

  it('reaches the same text after Flash 429 ×4 when Pro answers MALFORMED_FUNCTION_CALL, never trying OpenAI', async () => {
    const { outcome, requests } = await turnWith([
      { match: { model: 'gemini-2.5-flash' }, fault: 'rate-limit', retryAfterMs: 120000 },
      { match: { model: 'gemini-2.5-pro' }, fault: 'finish-reason:MALFORMED_FUNCTION_CALL' },
    ]);
    expect(outcome).toMatchObject({ kind: 'surfaced', text: 'An unknown error occurred', modelRef: 'google/gemini-2.5-pro' });
    expect(requests).toEqual(['gemini-2.5-flash 429 +0', 'gemini-2.5-flash 429 +2', 'gemini-2.5-flash 429 +6', 'gemini-2.5-flash 429 +14', 'gemini-2.5-pro 200 +14']);
  });

  it('sends nothing for an empty 200 stream', async () => {
    const { outcome } = await turnWith([{ match: { model: 'gemini-2.5-flash' }, fault: 'empty-stream' }]);
    expect(outcome).toMatchObject({ kind: 'reply', text: '' });
  });

  it('retries a stream reset at 2/4/8 s and then replies "terminated", without failover', async () => {
    const { outcome, requests } = await turnWith([{ match: { model: 'gemini-2.5-flash' }, fault: 'reset-after-headers' }]);
    expect(outcome).toMatchObject({ kind: 'surfaced', text: 'terminated' });
    expect(requests).toEqual(['gemini-2.5-flash 200 +0', 'gemini-2.5-flash 200 +2', 'gemini-2.5-flash 200 +6', 'gemini-2.5-flash 200 +14']);
  });
});
