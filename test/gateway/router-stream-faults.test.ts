import { describe, expect, it } from 'vitest';
import { createPrng, createVirtualClock } from '../../src/clock/index.ts';
import { parseConfigText } from '../../src/config/index.ts';
import { createModelRouter, type TurnOutcome } from '../../src/gateway/router/index.ts';
import { mathRandomStream } from '../../src/sut/seeded-random.ts';
import { OPENCLAW_VERSIONS } from '../../src/sut/versions.ts';
import { createFaultPlan } from '../../mocks/providers/fault-plan.ts';
import { parseFaultSchedule } from '../../mocks/providers/fault-schedule.ts';
import { createMockWorld } from '../../mocks/world.ts';
import { PROFILES, type ProfileName } from '../../src/gateway/profiles/index.ts';

const CONFIG = `{
  agents: { defaults: { model: { primary: "google/gemini-2.5-flash", fallbacks: ["google/gemini-2.5-pro", "openai/gpt-5.2"] } } },
  models: { mode: "replace", providers: {
    google: { baseUrl: "https://generativelanguage.googleapis.com/v1beta", apiKey: "g", api: "google-generative-ai",
              models: [{ id: "gemini-2.5-flash", name: "Flash" }, { id: "gemini-2.5-pro", name: "Pro" }] },
    openai: { baseUrl: "https://api.openai.com/v1", apiKey: "o", api: "openai-completions", models: [{ id: "gpt-5.2", name: "GPT" }] },
  } },
}`;

/** The Math.random stream the recorder gave the real 2026.9.6 for empty-stream (versions.ts, seeded-random.ts). */
const EMPTY_STREAM_JITTER = () => mathRandomStream('20260227/empty-stream', OPENCLAW_VERSIONS['2026.9.6']!.transientRetryJitterCaller!);

/** One turn under a fault schedule; the requests the mocks saw as `model status +s` (2026.9: `+ms`). */
async function turnWith(
  rules: object[],
  options: { profile?: ProfileName; chain?: string[] } = {},
): Promise<{ outcome: TurnOutcome; requests: string[] }> {
  const profile = options.profile ?? '2026.2';
  const clock = createVirtualClock({ startMs: 0 });
  const faults = createFaultPlan(parseFaultSchedule({ rules }, 'test'), { prng: createPrng(1).fork('faults'), startMs: 0 });
  const world = createMockWorld({ clock, seed: 1, faults });
  const deps = { fetch: world.fetch, clock, rng: createPrng(1), ...(profile === '2026.9' ? { retryJitter: EMPTY_STREAM_JITTER() } : {}) };
  const router = createModelRouter(parseConfigText(CONFIG, 'c.json5').config, PROFILES[profile], deps);
  const chain = options.chain ?? router.chain;
  const turn = router.runTurn({ runId: 'user-1', chain, callFor: () => ({ system: 'be brief', messages: [{ role: 'user', text: 'hi' }], stream: true }) });
  const settled = turn.then((value) => ({ value }));
  await clock.runUntilIdle();
  const outcome = (await settled).value;
  const at = (ms: number) => (profile === '2026.2' ? `+${Math.round(ms / 1000)}` : `+${ms}`);
  return { outcome, requests: world.journal.entries.map((entry) => `${entry.model} ${entry.status} ${at(entry.atMs)}`) };
}

describe('router on 2026.2 against the stream faults the real gateway mishandles (test/golden/openclaw-2026.2.26/)', () => {
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

describe('router on 2026.9: broken streams are transient (openclaw@2026.9.6)', () => {
  it('retries an empty Gemini stream as a timeout at the jittered delays, then fails over with "…; timeout)"', async () => {
    const { outcome, requests } = await turnWith([{ match: { model: 'gemini-2.5-flash' }, fault: 'empty-stream' }], { profile: '2026.9' });
    // test/golden/openclaw-2026.9.6/empty-stream.json: delays 742/1221/4100/9010/21316/30000 ms, the window then ends it.
    expect(requests).toEqual([
      'gemini-2.5-flash 200 +0',
      'gemini-2.5-flash 200 +742',
      'gemini-2.5-flash 200 +1963',
      'gemini-2.5-flash 200 +6063',
      'gemini-2.5-flash 200 +15073',
      'gemini-2.5-flash 200 +36389',
      'gemini-2.5-flash 200 +66389',
      'gemini-2.5-pro 200 +66389',
    ]);
    expect(outcome).toMatchObject({
      kind: 'reply',
      modelRef: 'google/gemini-2.5-pro',
      notices: ['↪️ Model Fallback: google/gemini-2.5-pro (selected google/gemini-2.5-flash; timeout)'],
    });
  });

  it('treats a reset ("terminated") the same way', async () => {
    const { outcome, requests } = await turnWith([{ match: { model: 'gemini-2.5-flash' }, fault: 'reset-after-headers' }], { profile: '2026.9' });
    expect(requests.filter((request) => request.startsWith('gemini-2.5-flash'))).toHaveLength(7);
    expect(outcome).toMatchObject({ kind: 'reply', modelRef: 'google/gemini-2.5-pro' });
  });

  it('resubmits MALFORMED_FUNCTION_CALL three times at once, then fails over as "unknown"', async () => {
    const { outcome, requests } = await turnWith(
      [
        { match: { model: 'gemini-2.5-flash' }, fault: 'rate-limit', retryAfterMs: 120000 },
        { match: { model: 'gemini-2.5-pro' }, fault: 'finish-reason:MALFORMED_FUNCTION_CALL' },
      ],
      { profile: '2026.9' },
    );
    // flash-429-pro-malformed-function-call.json: Flash once (its quota text is long-window evidence), Pro ×4, then GPT.
    expect(requests).toEqual(['gemini-2.5-flash 429 +0', 'gemini-2.5-pro 200 +0', 'gemini-2.5-pro 200 +0', 'gemini-2.5-pro 200 +0', 'gemini-2.5-pro 200 +0', 'gpt-5.2 200 +0']);
    expect(outcome.kind === 'reply' && outcome.notices).toEqual([
      '↪️ Model Fallback: openai/gpt-5.2 (selected google/gemini-2.5-flash; HTTP 429: Google Generative AI API error (429): You exceeded your current quota… (+1 more attempts))',
    ]);
  });

  it('without a fallback, answers "⚠️ Agent run failed (model: …)." after the resubmits', async () => {
    const { outcome, requests } = await turnWith([{ match: { model: 'gemini-2.5-flash' }, fault: 'finish-reason:MALFORMED_FUNCTION_CALL' }], {
      profile: '2026.9',
      chain: ['google/gemini-2.5-flash'],
    });
    expect(requests).toHaveLength(4);
    expect(outcome).toMatchObject({ kind: 'surfaced', text: '⚠️ Agent run failed (model: google/gemini-2.5-flash).' });
  });
});
