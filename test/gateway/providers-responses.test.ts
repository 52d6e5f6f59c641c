/**
 * The Responses API family's gateway client (src/gateway/providers/openai-responses.ts)
 * against the mocks: what it sends where, how it reads the answer, and how
 * each kind retries.
 */
import { describe, expect, it } from 'vitest';
import { createPrng, createVirtualClock, type VirtualClock } from '../../src/clock/index.ts';
import { createProviderClient, ProviderError, type ChatCall, type ProviderClient } from '../../src/gateway/providers/index.ts';
import type { CompatibleMount } from '../../mocks/providers/compatible.ts';
import type { LedgerConfig } from '../../mocks/providers/ledger.ts';
import { createMockWorld, type MockWorld } from '../../mocks/world.ts';
import { driven } from '../support/driven-call.ts';

type Sent = { url: string; headers: Headers; body: Record<string, unknown> };
type Rig = { clock: VirtualClock; world: MockWorld; client: ProviderClient; sent: Sent[] };

const KINDS = {
  openai: { baseUrl: 'https://api.openai.com/v1', api: 'openai-responses' },
  codex: { baseUrl: 'https://chatgpt.com/backend-api', api: 'openai-codex-responses' },
  azure: { baseUrl: 'https://quotastorm.openai.azure.com/openai/v1', api: 'azure-openai-responses' },
} as const;

function rig(kind: keyof typeof KINDS, options: { ledger?: LedgerConfig; schedule?: FaultPlanOf } = {}): Rig {
  const clock = createVirtualClock();
  const { baseUrl, api } = KINDS[kind];
  const compatible: CompatibleMount[] = kind === 'openai' ? [] : [{ baseUrl, api }];
  const world = createMockWorld({ clock, seed: 5, compatible, ...(options.ledger ? { ledger: options.ledger } : {}), ...(options.schedule ? { faults: options.schedule } : {}) });
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    sent.push({ url: request.url, headers: request.headers, body: JSON.parse(await request.clone().text()) as Record<string, unknown> });
    return world.fetch(input, init);
  };
  const client = createProviderClient(kind, { baseUrl, api, apiKey: 'quotastorm-key', models: [], origin: 'catalog' }, { fetch, clock, rng: createPrng(5), sdkRetries: true });
  return { clock, world, client, sent };
}

type FaultPlanOf = NonNullable<Parameters<typeof createMockWorld>[0]['faults']>;

const ask = (modelId: string, stream = true): ChatCall => ({
  modelId,
  system: 'You are a helpful assistant.',
  messages: [
    { role: 'user', text: 'Hello there.' },
    { role: 'assistant', text: 'Hi! How can I help?' },
    { role: 'user', text: 'What is the weather in Lisbon?' },
  ],
  maxOutputTokens: 256,
  stream,
});

describe('the openai-responses client', () => {
  it('answers through /v1/responses, streamed and whole, with the usage the mock charged', async () => {
    const r = rig('openai');
    for (const stream of [true, false]) {
      const reply = await driven(r, r.client.call(ask('gpt-5.2', stream)));
      const entry = r.world.journal.entries.at(-1)!;
      expect(entry).toMatchObject({ provider: 'openai', api: 'responses', model: 'gpt-5.2', stream, status: 200 });
      expect(reply).toMatchObject({ stopReason: 'stop', usage: { inputTokens: entry.inputTokens, outputTokens: entry.outputTokens }, httpRequests: 1 });
      expect(reply.text.length).toBeGreaterThan(0);
    }
    expect(r.sent.map((request) => request.url)).toEqual(['https://api.openai.com/v1/responses', 'https://api.openai.com/v1/responses']);
  });

  it('sends the system prompt first in input and the turns as input items, as pi-ai does', async () => {
    const r = rig('openai');
    await driven(r, r.client.call(ask('gpt-5.2')));
    expect(r.sent[0]!.body).toMatchObject({
      model: 'gpt-5.2',
      stream: true,
      store: false,
      max_output_tokens: 256,
      input: [
        { role: 'system', content: 'You are a helpful assistant.' },
        { role: 'user', content: [{ type: 'input_text', text: 'Hello there.' }] },
        { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Hi! How can I help?' }] },
        { role: 'user', content: [{ type: 'input_text', text: 'What is the weather in Lisbon?' }] },
      ],
    });
  });

  it('retries a 429 twice, as the openai SDK would, then surfaces it as a ProviderError', async () => {
    const r = rig('openai', { ledger: { providers: { openai: { limits: { 'gpt-5.2': { requestsPerDay: 1 } } } } } });
    await driven(r, r.client.call(ask('gpt-5.2')));
    const error = await driven(r, r.client.call(ask('gpt-5.2'))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 429, phase: 'http', httpRequests: 3 });
    expect(r.world.journal.where({ status: 429 }).map((entry) => entry.clientRetryCount)).toEqual([0, 1, 2]);
  });

  it('fails a stream that carries an error event, without a retry', async () => {
    const r = rig('openai', { schedule: { decide: () => ({ fault: { kind: 'error-in-stream', label: 'test' } }) } });
    const error = await driven(r, r.client.call(ask('gpt-5.2'))).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ phase: 'stream', httpRequests: 1 });
    expect((error as Error).message).toContain('Rate limit reached for gpt-5.2');
  });

  it('reads a reply cut by the output cap as length', async () => {
    const r = rig('openai');
    const reply = await driven(r, r.client.call({ ...ask('gpt-5.2', false), maxOutputTokens: 3 }));
    expect(reply.stopReason).toBe('length');
  });
});

describe('the openai-codex-responses client', () => {
  it('posts to {baseUrl}/codex/responses with the token, the account id and instructions, as pi-ai does', async () => {
    const r = rig('codex');
    const reply = await driven(r, r.client.call(ask('gpt-5.3-codex')));
    expect(reply.text.length).toBeGreaterThan(0);
    const [request] = r.sent;
    expect(request!.url).toBe('https://chatgpt.com/backend-api/codex/responses');
    expect(Object.fromEntries(['authorization', 'chatgpt-account-id', 'openai-beta', 'originator', 'x-stainless-retry-count'].map((name) => [name, request!.headers.get(name)]))).toEqual({
      authorization: 'Bearer quotastorm-key',
      'chatgpt-account-id': 'quotastorm-codex',
      'openai-beta': 'responses=experimental',
      originator: 'pi',
      'x-stainless-retry-count': null,
    });
    expect(request!.body).toMatchObject({ instructions: 'You are a helpful assistant.', stream: true });
    expect((request!.body['input'] as unknown[]).length).toBe(3);
  });

  it('retries a 429 three times after 1 s, 2 s and 4 s, ignoring retry-after (pi-ai’s own loop)', async () => {
    const r = rig('codex', { ledger: { providers: { compatible: { limits: { 'gpt-5.3-codex': { requestsPerMinute: 1 } } } } } });
    await driven(r, r.client.call(ask('gpt-5.3-codex')));
    const error = await driven(r, r.client.call(ask('gpt-5.3-codex'))).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 429, httpRequests: 4 });
    const refused = r.world.journal.where({ status: 429 });
    expect(refused.slice(1).map((entry, index) => entry.atMs - refused[index]!.atMs)).toEqual([1_000, 2_000, 4_000]);
  });
});

describe('the azure-openai-responses client', () => {
  it('posts to {baseUrl}/responses?api-version=v1 with an api-key header', async () => {
    const r = rig('azure');
    await driven(r, r.client.call(ask('gpt-5.2')));
    expect(r.sent[0]!.url).toBe('https://quotastorm.openai.azure.com/openai/v1/responses?api-version=v1');
    expect(r.sent[0]!.headers.get('api-key')).toBe('quotastorm-key');
    expect(r.world.journal.entries[0]).toMatchObject({ provider: 'compatible', api: 'responses', status: 200 });
  });
});
