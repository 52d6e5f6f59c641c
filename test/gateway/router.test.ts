import { describe, expect, it } from 'vitest';
import { createPrng, createVirtualClock, type VirtualClock } from '../../src/clock/index.ts';
import { parseConfigText } from '../../src/config/index.ts';
import { createModelRouter, type ModelRouter, type TurnOutcome } from '../../src/gateway/router/index.ts';
import type { LedgerConfig } from '../../mocks/providers/ledger.ts';
import { createMockWorld, type MockWorld } from '../../mocks/world.ts';
import { PROFILES, type ProfileName } from '../../src/gateway/profiles/index.ts';

const PROVIDERS = `
  google: { baseUrl: "https://generativelanguage.googleapis.com/v1beta", apiKey: "g-key", api: "google-generative-ai",
            models: [{ id: "gemini-2.5-flash", name: "Flash", maxTokens: 1024 }, { id: "gemini-2.5-pro", name: "Pro", maxTokens: 1024 }] },
  openai: { baseUrl: "https://api.openai.com/v1", apiKey: "o-key", api: "openai-completions", models: [{ id: "gpt-5.2", name: "GPT", maxTokens: 1024 }] },
  anthropic: { baseUrl: "https://api.anthropic.com", apiKey: "a-key", api: "anthropic-messages", models: [{ id: "claude-haiku-4-5", name: "Haiku", maxTokens: 1024 }] },
`;

type Rig = { clock: VirtualClock; world: MockWorld; router: ModelRouter };

function rig(options: { chain: string[]; profile: ProfileName; ledger?: LedgerConfig; extra?: string }): Rig {
  const clock = createVirtualClock();
  const world = createMockWorld({ clock, seed: 3, ...(options.ledger ? { ledger: options.ledger } : {}) });
  const [primary, ...fallbacks] = options.chain;
  const { config } = parseConfigText(
    `{ agents: { defaults: { model: { primary: "${primary}", fallbacks: ${JSON.stringify(fallbacks)} } } },
       models: { mode: "replace", providers: { ${PROVIDERS} } }, ${options.extra ?? ''} }`,
    'router-test.json5',
  );
  const router = createModelRouter(config, PROFILES[options.profile], { fetch: world.fetch, clock, rng: createPrng(3) });
  return { clock, world, router };
}

let runs = 0;
/** One user turn, the clock driven until it is done; `startSeq` marks the journal where it began. */
async function turn(r: Rig): Promise<TurnOutcome & { startMs: number; startSeq: number }> {
  const startMs = r.clock.now();
  const startSeq = r.world.journal.entries.length;
  const outcome = r.router.runTurn({
    runId: `run-${++runs}`,
    chain: r.router.chain,
    callFor: () => ({ system: 'You are a helpful assistant.', messages: [{ role: 'user', text: 'Hello, what can you do?' }], stream: true }),
  });
  const settled = outcome.then((value) => ({ value }), (error: unknown) => ({ error }));
  await r.clock.runUntilIdle();
  const result = await settled;
  if ('error' in result) throw result.error;
  return { ...result.value, startMs, startSeq };
}

/** Each request the mocks saw during a turn: `model status +offsetMs`. */
function requests(r: Rig, started: { startMs: number; startSeq: number }): string[] {
  return r.world.journal.entries.slice(started.startSeq).map((e) => `${e.model} ${e.status} +${Math.round(e.atMs - started.startMs)}`);
}

/** An OpenAI model whose daily quota is spent: each 429 carries a Retry-After of hours. */
async function spendDailyQuota(r: Rig): Promise<void> {
  await turn(r);
}
const gptDaily: LedgerConfig = { providers: { openai: { limits: { 'gpt-5.2': { requestsPerDay: 1 } } } } };

const flashRefused: LedgerConfig = { providers: { gemini: { limits: { 'gemini-2.5-flash': { requestsPerMinute: 0 } } } } };

describe('model router, profile 2026.2 (openclaw 2026.2.26)', () => {
  it('retries a rate-limited primary at 2 s, 4 s, 8 s, then answers from a cross-provider fallback', async () => {
    const r = rig({ profile: '2026.2', chain: ['google/gemini-2.5-flash', 'openai/gpt-5.2'], ledger: flashRefused });
    const outcome = await turn(r);
    expect(outcome).toMatchObject({ kind: 'reply', modelRef: 'openai/gpt-5.2', notices: [] });
    expect(requests(r, outcome)).toEqual([
      'gemini-2.5-flash 429 +0',
      'gemini-2.5-flash 429 +2000',
      'gemini-2.5-flash 429 +6000',
      'gemini-2.5-flash 429 +14000',
      'gpt-5.2 200 +14000',
    ]);
  });

  it('makes 12 requests to an OpenAI model that keeps refusing: 4 attempts × (1 + 2 SDK retries)', async () => {
    const r = rig({
      profile: '2026.2',
      chain: ['openai/gpt-5.2', 'anthropic/claude-haiku-4-5'],
      ledger: { providers: { openai: { limits: { 'gpt-5.2': { requestsPerDay: 0 } } } } },
    });
    const outcome = await turn(r);
    expect(outcome).toMatchObject({ kind: 'reply', modelRef: 'anthropic/claude-haiku-4-5' });
    expect(r.world.journal.where({ model: 'gpt-5.2' })).toHaveLength(12);
  });

  it('fails every model with the all-failed text the incident-era gateway sent', async () => {
    const r = rig({
      profile: '2026.2',
      chain: ['google/gemini-2.5-flash', 'google/gemini-2.5-pro'],
      ledger: { providers: { gemini: { limits: { 'gemini-2.5-flash': { requestsPerMinute: 0 }, 'gemini-2.5-pro': { requestsPerMinute: 0 } } } } },
    });
    const outcome = await turn(r);
    expect(outcome.kind).toBe('failed');
    expect(outcome.text).toBe(
      '⚠️ Agent failed before reply: All models failed (2): ' +
        'google/gemini-2.5-flash: ⚠️ API rate limit reached. Please try again later. (rate_limit) | ' +
        'google/gemini-2.5-pro: ⚠️ API rate limit reached. Please try again later. (rate_limit).\nLogs: openclaw logs --follow',
    );
    const rateLimitLines = r.router.decisions.lines.filter((line) => line.text.includes('rate limit')).map((line) => line.text.split(':')[0] ?? '');
    // Per attempt an "agent end" line (4 × 2 models), per model two lane errors, then the summary.
    expect(rateLimitLines.filter((text) => text.startsWith('[agent/embedded] embedded run agent end'))).toHaveLength(8);
    expect(rateLimitLines.filter((text) => text.startsWith('[diagnostic] lane task error'))).toHaveLength(4);
    expect(rateLimitLines.filter((text) => text.startsWith('Embedded agent failed before reply'))).toHaveLength(1);
  });

  it('refuses both Google models under a shared Google quota, and answers from the next provider', async () => {
    const shared: LedgerConfig = { providers: { gemini: { scope: { models: 'shared' }, sharedLimits: { requestsPerMinute: 0 } } } };
    const r = rig({ profile: '2026.2', chain: ['google/gemini-2.5-flash', 'google/gemini-2.5-pro', 'openai/gpt-5.2'], ledger: shared });
    const outcome = await turn(r);
    expect(outcome).toMatchObject({ kind: 'reply', modelRef: 'openai/gpt-5.2' });
    expect(r.world.journal.where({ model: 'gemini-2.5-pro', status: 429 })).toHaveLength(4);
  });

  it('answers from Gemini Pro when Google meters each model on its own', async () => {
    const r = rig({ profile: '2026.2', chain: ['google/gemini-2.5-flash', 'google/gemini-2.5-pro', 'openai/gpt-5.2'], ledger: flashRefused });
    const outcome = await turn(r);
    expect(outcome).toMatchObject({ kind: 'reply', modelRef: 'google/gemini-2.5-pro' });
    expect(r.world.journal.where({ model: 'gpt-5.2' })).toHaveLength(0);
  });

  it('still calls a single-profile primary inside its cooldown (it is probed near expiry)', async () => {
    const r = rig({
      profile: '2026.2',
      chain: ['google/gemini-2.5-flash', 'openai/gpt-5.2'],
      ledger: { providers: { gemini: { limits: { 'gemini-2.5-flash': { requestsPerMinute: 1 } } } } },
      extra: 'auth: { profiles: { "google:default": { provider: "google", mode: "api_key" } } }',
    });
    await turn(r); // spends the one request of the minute: answered by flash
    const second = await turn(r); // flash 429 ×4 → openai; flash's profile now cools down for 1 min
    expect(r.router.cooldowns.active('google:default', 'gemini-2.5-flash', r.clock.now())).toBeDefined();
    expect(second).toMatchObject({ modelRef: 'openai/gpt-5.2' });
    const third = await turn(r);
    expect(requests(r, third)[0]).toMatch(/^gemini-2\.5-flash /);
  });
});

describe('model router, profile 2026.9 (openclaw 2026.9.6)', () => {
  it('fails over at once when the Retry-After is above 60 s, with no SDK retries', async () => {
    const r = rig({ profile: '2026.9', chain: ['openai/gpt-5.2', 'anthropic/claude-haiku-4-5'], ledger: gptDaily });
    await spendDailyQuota(r);
    const outcome = await turn(r);
    expect(outcome).toMatchObject({ kind: 'reply', modelRef: 'anthropic/claude-haiku-4-5' });
    expect(outcome.kind === 'reply' && outcome.notices[0]).toMatch(/^↪️ Model Fallback: anthropic\/claude-haiku-4-5 \(selected openai\/gpt-5\.2; /);
    expect(requests(r, outcome)).toEqual(['gpt-5.2 429 +0', 'claude-haiku-4-5 200 +0']);
  });

  it('retries the same model after its Retry-After when it is 60 s or less', async () => {
    const r = rig({
      profile: '2026.9',
      chain: ['openai/gpt-5.2', 'anthropic/claude-haiku-4-5'],
      ledger: { providers: { openai: { limits: { 'gpt-5.2': { requestsPerMinute: 1 } } } } },
    });
    await turn(r);
    const outcome = await turn(r);
    expect(outcome).toMatchObject({ kind: 'reply', modelRef: 'openai/gpt-5.2' });
    const [refused, answered] = r.world.journal.entries.slice(outcome.startSeq);
    expect(refused).toMatchObject({ status: 429, clientRetryCount: 0 });
    expect(answered!.atMs - refused!.atMs).toBeGreaterThanOrEqual(refused!.retryAfterMs!);
    expect(answered!.atMs - refused!.atMs).toBeLessThanOrEqual(refused!.retryAfterMs! * 1.5);
  });

  it('climbs the cooldown steps 30 s → 1 min → 5 min, then skips the primary without calling it', async () => {
    const r = rig({
      profile: '2026.9',
      chain: ['openai/gpt-5.2', 'anthropic/claude-haiku-4-5'],
      ledger: gptDaily,
      extra: 'auth: { profiles: { "openai:default": { provider: "openai", mode: "api_key" } } }',
    });
    await spendDailyQuota(r);
    const cooldownsMs: number[] = [];
    for (let failure = 0; failure < 3; failure++) {
      await turn(r);
      const entry = r.router.cooldowns.active('openai:default', 'gpt-5.2', r.clock.now())!;
      cooldownsMs.push(entry.untilMs - r.clock.now());
      await r.clock.advanceBy(entry.untilMs - r.clock.now());
    }
    expect(cooldownsMs).toEqual([30_000, 60_000, 300_000]);
    await turn(r); // the 4th failure: its 5-minute window now outlasts the 2-minute probe margin
    const skipped = await turn(r);
    expect(requests(r, skipped)).toEqual(['claude-haiku-4-5 200 +0']);
    expect(r.router.decisions.events.at(-3)).toMatchObject({ decision: 'skip_candidate', modelRef: 'openai/gpt-5.2', reason: 'rate_limit' });
  });

  it('tells the user the service is overloaded when every model fails', async () => {
    const r = rig({ profile: '2026.9', chain: ['openai/gpt-5.2'], ledger: gptDaily });
    await spendDailyQuota(r);
    expect((await turn(r)).text).toBe('The AI service is temporarily overloaded. Please try again in a moment.');
  });
});

describe('a candidate the model registry cannot resolve (resolveModel before any request)', () => {
  it('fails over as model_not_found on 2026.2 without sending it anywhere', async () => {
    const r = rig({ profile: '2026.2', chain: ['deepseek/deepseek-chat', 'openai/gpt-5.2'] });
    const outcome = await turn(r);
    expect(outcome).toMatchObject({ kind: 'reply', modelRef: 'openai/gpt-5.2' });
    expect(requests(r, outcome)).toEqual(['gpt-5.2 200 +0']);
    expect(r.router.decisions.events.find((event) => event.decision === 'candidate_failed')).toMatchObject({
      modelRef: 'deepseek/deepseek-chat',
      reason: 'model_not_found',
      detail: 'Unknown model: deepseek/deepseek-chat',
    });
  });

  it("gives 2026.2's agent-failed text when it was the only candidate", async () => {
    const r = rig({ profile: '2026.2', chain: ['deepseek/deepseek-chat'] });
    const outcome = await turn(r);
    expect(outcome).toMatchObject({ kind: 'failed', text: '⚠️ Agent failed before reply: Unknown model: deepseek/deepseek-chat.\nLogs: openclaw logs --follow' });
    expect(requests(r, outcome)).toEqual([]);
  });

  it("gives 2026.9's model-unavailable copy when it was the only candidate", async () => {
    const r = rig({ profile: '2026.9', chain: ['deepseek/deepseek-chat'] });
    const outcome = await turn(r);
    expect(outcome).toMatchObject({ kind: 'failed' });
    expect(outcome.text).toContain('The configured model is unavailable from the provider');
    expect(requests(r, outcome)).toEqual([]);
  });
});

describe('an implicit ollama on 2026.2 (discoverOllamaModels at startup)', () => {
  const ollamaRig = (tags: string[]) => {
    const clock = createVirtualClock();
    const world = createMockWorld({ clock, seed: 3, ollama: [{ baseUrl: 'http://127.0.0.1:11434', providerId: 'ollama' }] });
    const chatBodies: { options?: { num_ctx?: number } }[] = [];
    const fetchWithTags: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/api/tags')) return Response.json({ models: tags.map((name) => ({ name })) });
      if (String(input).endsWith('/api/chat')) chatBodies.push(JSON.parse(String(init?.body)));
      return world.fetch(input, init);
    };
    const { config } = parseConfigText('{ agents: { defaults: { model: { primary: "ollama/qwen3:8b", fallbacks: [] } } } }', 'ollama.json5');
    const router = createModelRouter(config, PROFILES['2026.2'], { fetch: fetchWithTags, clock, rng: createPrng(3) });
    return { clock, world, router, chatBodies };
  };

  it('runs a model the server lists, with num_ctx the 128000 window discovery gives it', async () => {
    const r = ollamaRig(['qwen3:8b']);
    await r.router.discoverModels();
    expect(await turn(r)).toMatchObject({ kind: 'reply', modelRef: 'ollama/qwen3:8b' });
    expect(r.chatBodies.map((body) => body.options?.num_ctx)).toEqual([128_000]);
  });

  it('fails a model the server does not list with the Unknown model text and its hint, sending nothing', async () => {
    const r = ollamaRig(['llama3.2:3b']);
    await r.router.discoverModels();
    const outcome = await turn(r);
    expect(outcome.kind).toBe('failed');
    expect(outcome.text).toContain('Unknown model: ollama/qwen3:8b. Ollama requires authentication to be registered as a provider.');
    expect(requests(r, outcome)).toEqual([]);
  });
});
