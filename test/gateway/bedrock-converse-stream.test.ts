import { afterEach, describe, expect, it } from 'vitest';
import { createPrng, createVirtualClock, type VirtualClock } from '../../src/clock/index.ts';
import { bedrockEndpoint } from '../../src/gateway/providers/bedrock-converse-stream.ts';
import { createProviderClient, type ChatCall } from '../../src/gateway/providers/index.ts';
import type { ProviderClient } from '../../src/gateway/providers/types.ts';
import { createFaultPlan } from '../../mocks/providers/fault-plan.ts';
import { parseFaultSchedule } from '../../mocks/providers/fault-schedule.ts';
import type { LedgerConfig } from '../../mocks/providers/ledger.ts';
import { serveMocks, type MockServer } from '../../mocks/server.ts';
import { createMockWorld, type MockWorld } from '../../mocks/world.ts';
import { driven, drivenFailure } from '../support/driven-call.ts';

const START_MS = Date.UTC(2026, 1, 27, 18, 0, 10);
const MODEL = 'amazon.nova-lite-v1:0';

type Rig = { clock: VirtualClock; world: MockWorld; client: ProviderClient; requests: Request[] };

function rig(options: { ledger?: LedgerConfig; faults?: unknown; sdkRetries?: boolean; apiKey?: string } = {}): Rig {
  const clock = createVirtualClock({ startMs: START_MS });
  const faults = options.faults === undefined ? undefined : createFaultPlan(parseFaultSchedule(options.faults), { prng: createPrng(5).fork('faults'), startMs: START_MS });
  const world = createMockWorld({ clock, seed: 5, ...(options.ledger ? { ledger: options.ledger } : {}), ...(faults ? { faults } : {}) });
  const requests: Request[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    requests.push((input as Request).clone());
    return world.fetch(input, init);
  };
  // The built-in provider as OpenClaw 2026.2.26's catalog declares it.
  const provider = { baseUrl: 'https://bedrock-runtime.us-east-1.amazonaws.com', api: 'bedrock-converse-stream', models: [], origin: 'catalog' as const, ...(options.apiKey ? { apiKey: options.apiKey } : {}) };
  const client = createProviderClient('amazon-bedrock', provider, { fetch, clock, rng: createPrng(5), sdkRetries: options.sdkRetries ?? true });
  return { clock, world, client, requests };
}

const ask: ChatCall = { modelId: MODEL, system: 'Be brief.', messages: [{ role: 'user', text: 'What is the weather in Lisbon?' }], maxOutputTokens: 512, stream: true };

const oneRpm: LedgerConfig = { providers: { bedrock: { limits: { [MODEL]: { requestsPerMinute: 1 } } } } };

describe('bedrock-converse-stream through the AWS SDK, as pi-ai calls it (openclaw@2026.2.26)', () => {
  it('streams a reply with the usage of the metadata event', async () => {
    const r = rig();
    const reply = await driven(r, r.client.call(ask));
    expect(reply.text.length).toBeGreaterThan(0);
    expect(reply).toMatchObject({ stopReason: 'stop', httpRequests: 1 });
    const entry = r.world.journal.entries[0]!;
    expect([entry.provider, entry.api, entry.model, entry.stream, entry.status]).toEqual(['bedrock', 'converse-stream', MODEL, true, 200]);
    expect(reply.usage).toEqual({ inputTokens: entry.inputTokens, outputTokens: entry.outputTokens });
  });

  it('posts the Converse body to the us-east-1 endpoint, SigV4-signed with stand-in credentials', async () => {
    const r = rig();
    await driven(r, r.client.call(ask));
    const request = r.requests[0]!;
    expect(request.url).toBe('https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.nova-lite-v1%3A0/converse-stream');
    expect(request.headers.get('authorization')).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAQUOTASTORMSIMULATION\/\d{8}\/us-east-1\/bedrock\/aws4_request, SignedHeaders=.+, Signature=[0-9a-f]{64}$/);
    expect(await request.json()).toEqual({
      messages: [{ role: 'user', content: [{ text: 'What is the weather in Lisbon?' }] }],
      system: [{ text: 'Be brief.' }],
      inferenceConfig: { maxTokens: 512 },
    });
  });

  it('adds pi-ai’s cache points to the system prompt and the last user message of a Claude 4 model', async () => {
    const r = rig();
    await driven(r, r.client.call({ ...ask, modelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0' }));
    const body = (await r.requests[0]!.json()) as { system: unknown[]; messages: { content: unknown[] }[] };
    expect(body.system).toEqual([{ text: 'Be brief.' }, { cachePoint: { type: 'default' } }]);
    expect(body.messages[0]!.content.at(-1)).toEqual({ cachePoint: { type: 'default' } });
  });

  it('signs with an auth profile’s stand-in key as the access key id, so per-key quotas tell profiles apart', async () => {
    const r = rig({ apiKey: 'quotastorm-profile-amazon-bedrock:work' });
    await driven(r, r.client.call(ask));
    expect(r.requests[0]!.headers.get('authorization')).toContain('Credential=quotastorm-profile-amazon-bedrock_work/');
  });

  it('retries a ThrottlingException 429 beneath the gateway on the clock, within the SDK’s 1 s throttling backoff', async () => {
    const r = rig({ faults: { rules: [{ match: { provider: 'bedrock' }, script: ['429', 'ok'] }] } });
    const reply = await driven(r, r.client.call(ask));
    expect(reply.httpRequests).toBe(2);
    expect(r.world.journal.entries.map((entry) => entry.status)).toEqual([429, 200]);
    expect(r.clock.now() - START_MS).toBeLessThan(1_000);
  });

  it('gives up on the third ThrottlingException with the status, headers and message the router classifies on', async () => {
    const r = rig({ ledger: oneRpm });
    await driven(r, r.client.call(ask));
    const error = await drivenFailure(r, r.client.call(ask));
    expect(error.message).toBe('Too many requests, please wait before trying again.');
    expect([error.phase, error.status, error.httpRequests]).toEqual(['http', 429, 3]);
    expect(error.headers?.get('x-amzn-errortype')).toBe('ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/');
    expect(error.body).toEqual({ message: 'Too many requests, please wait before trying again.' });
    // Two backoffs of at most 1 s and 2 s (full jitter), never the minute the quota needs.
    expect(r.clock.now() - START_MS).toBeLessThan(3_000);
  });

  it('fails a 429 at once where the profile runs no retries beneath the gateway', async () => {
    const r = rig({ ledger: oneRpm, sdkRetries: false });
    await driven(r, r.client.call(ask));
    const error = await drivenFailure(r, r.client.call(ask));
    expect([error.status, error.httpRequests, r.clock.now()]).toEqual([429, 1, START_MS]);
  });

  it('retries a 503 ServiceUnavailableException as transient, on the 50 ms backoff', async () => {
    const r = rig({ faults: { rules: [{ match: { provider: 'bedrock' }, fault: 'overloaded' }] } });
    const error = await drivenFailure(r, r.client.call(ask));
    expect([error.phase, error.status, error.httpRequests, error.message]).toEqual(['http', 503, 3, 'Bedrock is unable to process your request.']);
    expect(r.clock.now() - START_MS).toBeLessThan(150);
  });

  it('retries a 500 InternalServerException and replies on the second attempt', async () => {
    const r = rig({ faults: { rules: [{ match: { provider: 'bedrock' }, script: ['500', 'ok'] }] } });
    const reply = await driven(r, r.client.call(ask));
    expect(reply.httpRequests).toBe(2);
    expect(r.world.journal.entries.map((entry) => entry.status)).toEqual([500, 200]);
  });

  it('does not retry a 400 ValidationException', async () => {
    const r = rig();
    const error = await drivenFailure(r, r.client.call({ ...ask, modelId: 'no-such-model' }));
    expect([error.status, error.httpRequests, error.message]).toEqual([400, 1, 'The provided model identifier is invalid.']);
  });

  it('fails a throttlingException inside the 200 stream as a stream error, without retrying', async () => {
    const r = rig({ faults: { rules: [{ match: { provider: 'bedrock' }, fault: 'error-in-stream' }] } });
    const error = await drivenFailure(r, r.client.call(ask));
    expect([error.phase, error.status, error.httpRequests]).toEqual(['stream', undefined, 1]);
    expect(error.message).toMatch(/please wait before trying again/);
  });

  it('fails a stream reset after the 200 headers as a stream error with the SDK’s message, without retrying', async () => {
    const r = rig({ faults: { rules: [{ match: { provider: 'bedrock' }, fault: 'reset-after-headers' }] } });
    const error = await drivenFailure(r, r.client.call(ask));
    expect([error.phase, error.status, error.httpRequests]).toEqual(['stream', undefined, 1]);
    expect(error.message).toMatch(/^terminated\b/);
  });

  it('throws pi-ai’s unknown error for a stop reason it maps to error', async () => {
    const r = rig({ faults: { rules: [{ match: { provider: 'bedrock' }, fault: 'finish-reason:SAFETY' }] } });
    const error = await drivenFailure(r, r.client.call(ask));
    expect([error.phase, error.message, error.body]).toEqual(['stream', 'An unknown error occurred', { stopReason: 'content_filtered' }]);
  });

  it('returns the partial text of a stream cut before messageStop', async () => {
    const r = rig({ faults: { rules: [{ match: { provider: 'bedrock' }, fault: 'truncated' }] } });
    const reply = await driven(r, r.client.call(ask));
    expect(reply.text.length).toBeGreaterThan(0);
    expect(reply.stopReason).toBe('missing');
  });

  it('ends with max_tokens as length', async () => {
    const r = rig({ faults: { rules: [{ match: { provider: 'bedrock' }, fault: 'finish-reason:MAX_TOKENS' }] } });
    const reply = await driven(r, r.client.call(ask));
    expect(reply.stopReason).toBe('length');
  });
});

describe('the endpoint a Bedrock provider’s baseUrl gives', () => {
  it.each([['https://bedrock-runtime.us-east-1.amazonaws.com'], ['https://bedrock-runtime.REGION_PLACEHOLDER.amazonaws.com'], ['not a url']])(
    'is the SDK’s own for %s, as pi-ai never reads it',
    (baseUrl) => {
      expect(bedrockEndpoint(baseUrl)).toBeUndefined();
    },
  );

  it('is the base URL itself off AWS, so a served mock’s prefix is reached', () => {
    expect(bedrockEndpoint('http://127.0.0.1:4000/amazon-bedrock/')).toBe('http://127.0.0.1:4000/amazon-bedrock');
  });
});

describe('bedrock-converse-stream against `quotastorm mocks serve`', () => {
  const open: MockServer[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });

  it('replies through the served /amazon-bedrock mount when the base URL names it', async () => {
    const clock = createVirtualClock({ startMs: START_MS });
    const world = createMockWorld({ clock, seed: 5 });
    const server = await serveMocks(world);
    open.push(server);
    const provider = { baseUrl: `${server.url}/amazon-bedrock`, api: 'bedrock-converse-stream', models: [], origin: 'config' as const };
    const client = createProviderClient('amazon-bedrock', provider, { fetch: globalThis.fetch, clock, rng: createPrng(5), sdkRetries: true });
    const reply = await client.call(ask);
    expect(reply.text.length).toBeGreaterThan(0);
    expect(world.journal.entries.map((entry) => [entry.provider, entry.api, entry.model, entry.status])).toEqual([['bedrock', 'converse-stream', MODEL, 200]]);
  });
});
