import { describe, expect, it } from 'vitest';
import { createPrng, createVirtualClock, type VirtualClock } from '../../src/clock/index.ts';
import { createProviderClient, type ChatCall } from '../../src/gateway/providers/index.ts';
import type { ProviderClient } from '../../src/gateway/providers/types.ts';
import { createFaultPlan } from '../../mocks/providers/fault-plan.ts';
import { parseFaultSchedule } from '../../mocks/providers/fault-schedule.ts';
import type { LedgerConfig } from '../../mocks/providers/ledger.ts';
import { createMockWorld, type MockWorld } from '../../mocks/world.ts';
import { driven, drivenFailure } from '../support/driven-call.ts';

const START_MS = Date.UTC(2026, 1, 27, 18, 0, 10);

type Rig = { clock: VirtualClock; world: MockWorld; client: ProviderClient };

function rig(options: { ledger?: LedgerConfig; faults?: unknown; sdkRetries?: boolean } = {}): Rig {
  const clock = createVirtualClock({ startMs: START_MS });
  const faults = options.faults === undefined ? undefined : createFaultPlan(parseFaultSchedule(options.faults), { prng: createPrng(3).fork('faults'), startMs: START_MS });
  const world = createMockWorld({ clock, seed: 3, ...(options.ledger ? { ledger: options.ledger } : {}), ...(faults ? { faults } : {}) });
  // The built-in provider as OpenClaw 2026.2.26's catalog declares it.
  const provider = { baseUrl: 'https://cloudcode-pa.googleapis.com', api: 'google-gemini-cli', models: [], origin: 'catalog' as const };
  const client = createProviderClient('google-gemini-cli', provider, { fetch: world.fetch, clock, rng: createPrng(3), sdkRetries: options.sdkRetries ?? true });
  return { clock, world, client };
}

const ask: ChatCall = { modelId: 'gemini-2.5-pro', system: 'Be brief.', messages: [{ role: 'user', text: 'What is the weather in Lisbon?' }], stream: true };

describe('google-gemini-cli through Cloud Code Assist, as pi-ai calls it (openclaw@2026.2.26)', () => {
  it('streams a reply with usage from the wrapped chunks', async () => {
    const r = rig();
    const reply = await driven(r, r.client.call(ask));
    expect(reply.text.length).toBeGreaterThan(0);
    expect(reply).toMatchObject({ stopReason: 'stop', httpRequests: 1 });
    expect(reply.usage.inputTokens).toBeGreaterThan(0);
    expect(r.world.journal.entries.map((entry) => [entry.provider, entry.api, entry.model, entry.stream, entry.status])).toEqual([
      ['gemini-cli', 'streamGenerateContent', 'gemini-2.5-pro', true, 200],
    ]);
  });

  it("waits out a short quota reset on the clock and retries, as pi-ai's own loop does", async () => {
    const r = rig({ ledger: { providers: { 'gemini-cli': { sharedLimits: { requestsPerMinute: 1 } } } } });
    await driven(r, r.client.call(ask));
    const reply = await driven(r, r.client.call(ask));
    expect(reply.httpRequests).toBe(2);
    // 50 s to the next minute, plus pi-ai's one second of margin.
    expect(r.clock.now() - START_MS).toBe(51_000);
    expect(r.world.journal.entries.map((entry) => entry.status)).toEqual([200, 429, 200]);
  });

  it('gives up at once when the server asks for more than 60 s', async () => {
    const r = rig({ ledger: { providers: { 'gemini-cli': { sharedLimits: { requestsPerDay: 1 } } } } });
    await driven(r, r.client.call(ask));
    const error = await drivenFailure(r, r.client.call(ask));
    expect(error.message).toMatch(/^Server requested \d+s retry delay \(max: 60s\)\. You have exhausted your capacity on this model\. Your quota will reset after /);
    expect([error.status, error.httpRequests, r.clock.now()]).toEqual([429, 1, START_MS]);
  });

  it('fails a 429 at once, in its own words, where the profile runs no retries beneath the gateway', async () => {
    const r = rig({ ledger: { providers: { 'gemini-cli': { sharedLimits: { requestsPerMinute: 1 } } } }, sdkRetries: false });
    await driven(r, r.client.call(ask));
    const error = await drivenFailure(r, r.client.call(ask));
    expect(error.message).toBe('Cloud Code Assist API error (429): You have exhausted your capacity on this model. Your quota will reset after 50s.');
    expect(error.httpRequests).toBe(1);
  });

  it('asks again twice for a stream without text, then fails it as empty', async () => {
    const r = rig({ faults: { rules: [{ match: { provider: 'gemini-cli' }, fault: 'empty-stream' }] } });
    const error = await drivenFailure(r, r.client.call(ask));
    expect([error.message, error.phase, error.httpRequests]).toEqual(['Cloud Code Assist API returned an empty response', 'stream', 3]);
    expect(r.clock.now() - START_MS).toBe(500 + 1000);
  });

  it('throws pi-ai\'s "An unknown error occurred" for a finish reason it maps to error', async () => {
    const r = rig({ faults: { rules: [{ match: { provider: 'gemini-cli' }, fault: 'finish-reason:SAFETY' }] } });
    const error = await drivenFailure(r, r.client.call(ask));
    expect([error.message, error.body]).toEqual(['An unknown error occurred', { stopReason: 'SAFETY' }]);
  });
});
