import { describe, expect, it } from 'vitest';
import { createPrng, createVirtualClock, type VirtualClock } from '../../src/clock/index.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createProviderClients, ProviderError, type ChatCall, type ProviderClient } from '../../src/gateway/providers/index.ts';
import type { LedgerConfig } from '../../mocks/providers/ledger.ts';
import { createMockWorld, type MockWorld } from '../../mocks/world.ts';
import { driven } from '../support/driven-call.ts';

type Rig = { clock: VirtualClock; world: MockWorld; clients: Map<string, ProviderClient> };

async function rig(options: { ledger?: LedgerConfig; sdkRetries?: boolean } = {}): Promise<Rig> {
  const clock = createVirtualClock();
  const world = createMockWorld({ clock, seed: 11, ...(options.ledger ? { ledger: options.ledger } : {}) });
  const { config } = await loadConfig('scenarios/configs/feb27-after.json5');
  const clients = createProviderClients(config, { fetch: world.fetch, clock, rng: createPrng(11), sdkRetries: options.sdkRetries ?? true });
  return { clock, world, clients };
}

const ask = (modelId: string, stream = true): ChatCall => ({
  modelId,
  system: 'You are a helpful assistant.',
  messages: [{ role: 'user', text: 'What is the weather in Lisbon?' }],
  maxOutputTokens: 256,
  stream,
});

describe('provider adapters over the official SDKs', () => {
  it.each([
    ['google', 'gemini-2.5-flash'],
    ['openai', 'gpt-5.2'],
    ['anthropic', 'claude-haiku-4-5'],
    ['moonshot', 'kimi-k2.5'],
    ['xai', 'grok-3'],
  ])('%s answers %s, streamed and whole, with usage', async (providerId, modelId) => {
    const r = await rig();
    const client = r.clients.get(providerId)!;
    for (const stream of [true, false]) {
      const reply = await driven(r, client.call(ask(modelId, stream)));
      expect(reply.text.length).toBeGreaterThan(0);
      expect(reply.stopReason).toBe('stop');
      expect(reply.usage.inputTokens).toBeGreaterThan(0);
      expect(reply.usage.outputTokens).toBeGreaterThan(0);
      expect(reply.httpRequests).toBe(1);
    }
    expect(r.world.journal.entries.map((entry) => entry.stream)).toEqual([true, false]);
  });

  it('retries an OpenAI 429 twice on the clock, as the SDK would, then surfaces it', async () => {
    // A daily limit: the retry hint is hours away, beyond the SDK's 60 s, so it backs off 0.5 s then 1 s.
    const r = await rig({ ledger: { providers: { openai: { limits: { 'gpt-5.2': { requestsPerDay: 1 } } } } } });
    const client = r.clients.get('openai')!;
    await driven(r, client.call(ask('gpt-5.2')));
    const start = r.clock.now();
    const error = await driven(r, client.call(ask('gpt-5.2'))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 429, phase: 'http', httpRequests: 3 });
    const refused = r.world.journal.where({ status: 429 });
    expect(refused.map((entry) => entry.clientRetryCount)).toEqual([0, 1, 2]);
    const gapsMs = [refused[1]!.atMs - refused[0]!.atMs, refused[2]!.atMs - refused[1]!.atMs];
    expect(refused[0]!.atMs).toBe(start);
    expect(gapsMs[0]).toBeGreaterThan(375); // 500 ms × jitter (1 − [0, 0.25))
    expect(gapsMs[0]).toBeLessThanOrEqual(500);
    expect(gapsMs[1]).toBeGreaterThan(750);
    expect(gapsMs[1]).toBeLessThanOrEqual(1_000);
  });

  it('waits the provider’s retry-after when it is within the SDK’s 60 s', async () => {
    const r = await rig({ ledger: { providers: { openai: { limits: { 'gpt-5.2': { requestsPerMinute: 1 } } } } } });
    const client = r.clients.get('openai')!;
    await driven(r, client.call(ask('gpt-5.2')));
    const reply = await driven(r, client.call(ask('gpt-5.2')));
    const [refused, retried] = r.world.journal.entries.slice(1);
    expect(reply.httpRequests).toBe(2);
    expect(refused).toMatchObject({ status: 429, clientRetryCount: 0 });
    expect(retried).toMatchObject({ status: 200, clientRetryCount: 1 });
    expect(retried!.atMs - refused!.atMs).toBe(refused!.retryAfterMs);
  });

  it('makes one request for a Gemini 429: the Gemini SDK does not retry', async () => {
    const r = await rig({ ledger: { providers: { gemini: { limits: { 'gemini-2.5-flash': { requestsPerMinute: 0 } } } } } });
    const error = await driven(r, r.clients.get('google')!.call(ask('gemini-2.5-flash'))).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 429, httpRequests: 1 });
    expect((error as ProviderError).message).toContain('RESOURCE_EXHAUSTED');
    expect(r.world.journal.entries).toHaveLength(1);
  });

  it('gets a 429, not a broken connection, from a model with no quota at all', async () => {
    const r = await rig({ sdkRetries: false, ledger: { providers: { anthropic: { limits: { 'claude-haiku-4.5': { requestsPerMinute: 0 } } } } } });
    const error = await driven(r, r.clients.get('anthropic')!.call(ask('claude-haiku-4-5'))).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 429, phase: 'http' });
  });

  it('makes one request per call when SDK retries are off (OpenClaw 2026.9)', async () => {
    const r = await rig({ sdkRetries: false, ledger: { providers: { anthropic: { limits: { 'claude-haiku-4.5': { requestsPerMinute: 1 } } } } } });
    await driven(r, r.clients.get('anthropic')!.call(ask('claude-haiku-4-5')));
    const error = await driven(r, r.clients.get('anthropic')!.call(ask('claude-haiku-4-5'))).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 429, httpRequests: 1 });
  });
});
