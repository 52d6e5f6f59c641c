/**
 * Providers a config points at its own servers (ollama, OpenRouter, vLLM, …):
 * the world answers them on their base URLs in-process, and `mocks serve`
 * mounts each at `/<provider id>`.
 */
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createPrng, createVirtualClock } from '../../src/clock/index.ts';
import { createFaultPlan } from '../../mocks/providers/fault-plan.ts';
import { parseFaultSchedule } from '../../mocks/providers/fault-schedule.ts';
import { serveMocks, type MockServer } from '../../mocks/server.ts';
import { createMockWorld } from '../../mocks/world.ts';
import { DEFAULT_MODELS } from '../../mocks/providers/models.ts';

const open: MockServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

const world = (extra: Partial<Parameters<typeof createMockWorld>[0]> = {}) =>
  createMockWorld({
    clock: createVirtualClock(),
    seed: 7,
    ...extra,
    compatible: [{ baseUrl: 'https://openrouter.ai/api/v1', providerId: 'openrouter' }],
    ollama: [{ baseUrl: 'http://127.0.0.1:11434', providerId: 'ollama' }],
  });

describe('a provider on its own base URL', () => {
  it('answers Chat Completions in-process under the base URL path, for any model id', async () => {
    const w = world();
    const client = new OpenAI({ apiKey: 'k', baseURL: 'https://openrouter.ai/api/v1', fetch: w.fetch, maxRetries: 0 });
    const chat = await client.chat.completions.create({ model: 'meta-llama/llama-4-maverick', messages: [{ role: 'user', content: 'hello' }] });
    expect(chat.model).toBe('meta-llama/llama-4-maverick');
    expect(w.journal.entries.map((entry) => [entry.provider, entry.status])).toEqual([['compatible', 200]]);
  });

  it('answers ollama /api/chat as NDJSON ending in a done chunk with the token counts', async () => {
    const w = world();
    const response = await w.fetch('http://127.0.0.1:11434/api/chat', { method: 'POST', body: JSON.stringify({ model: 'qwen3:8b', messages: [{ role: 'user', content: 'hello' }] }) });
    const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line));
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    expect(lines.at(-1)).toMatchObject({ model: 'qwen3:8b', done: true, done_reason: 'stop', prompt_eval_count: 2 });
  });

  it('is mounted at /<provider id> by mocks serve', async () => {
    const server = await serveMocks(world());
    open.push(server);
    const client = new OpenAI({ apiKey: 'k', baseURL: `${server.url}/openrouter/api/v1`, maxRetries: 0 });
    const chat = await client.chat.completions.create({ model: 'deepseek/deepseek-chat', messages: [{ role: 'user', content: 'hello' }] });
    expect(chat.model).toBe('deepseek/deepseek-chat');
    const ollama = await fetch(`${server.url}/ollama/api/chat`, { method: 'POST', body: JSON.stringify({ model: 'qwen3:8b', messages: [{ role: 'user', content: 'hi' }], stream: false }) });
    expect(await ollama.json()).toMatchObject({ model: 'qwen3:8b', done: true });
  });
});

describe('a Responses API provider on its own base URL', () => {
  it('is mounted at /<provider id> by mocks serve: LM Studio on <base>/responses, Codex on <base>/codex/responses', async () => {
    const w = createMockWorld({
      clock: createVirtualClock(),
      seed: 7,
      compatible: [
        { baseUrl: 'http://127.0.0.1:1234/v1', api: 'openai-responses', providerId: 'lmstudio' },
        { baseUrl: 'https://chatgpt.com/backend-api', api: 'openai-codex-responses', providerId: 'openai-codex' },
      ],
    });
    const server = await serveMocks(w);
    open.push(server);
    const lmstudio = new OpenAI({ apiKey: 'k', baseURL: `${server.url}/lmstudio/v1`, maxRetries: 0 });
    expect((await lmstudio.responses.create({ model: 'my-local-model', input: 'hello' })).model).toBe('my-local-model');
    const codex = new OpenAI({ apiKey: 'k', baseURL: `${server.url}/openai-codex/backend-api/codex`, maxRetries: 0 });
    expect((await codex.responses.create({ model: 'gpt-5.3-codex', input: 'hello' })).model).toBe('gpt-5.3-codex');
    expect(w.journal.entries.map((entry) => [entry.provider, entry.api, entry.status])).toEqual([
      ['compatible', 'responses', 200],
      ['compatible', 'responses', 200],
    ]);
  });
});

describe('the ollama mock', () => {
  const chat = (w: ReturnType<typeof world>, stream: boolean) =>
    w.fetch('http://127.0.0.1:11434/api/chat', { method: 'POST', body: JSON.stringify({ model: 'qwen3:8b', messages: [{ role: 'user', content: 'hi' }], stream }) });
  const withFault = (fault: string) => {
    const clock = createVirtualClock();
    const faults = createFaultPlan(parseFaultSchedule({ rules: [{ match: { provider: 'ollama' }, fault }] }, 'test'), { prng: createPrng(7).fork('faults'), startMs: clock.now() });
    return world({ clock, faults });
  };

  it('refuses a request over a limit the scenario set with a 429 in its {"error"} envelope', async () => {
    const w = world({ ledger: { providers: { ollama: { limits: { 'qwen3:8b': { requestsPerMinute: 1 } } } } } });
    expect((await chat(w, false)).status).toBe(200);
    const refused = await chat(w, false);
    expect([refused.status, await refused.json()]).toEqual([429, { error: 'too many requests' }]);
    expect(w.journal.entries[1]).toMatchObject({ provider: 'ollama', outcome: 'rate-limited', violations: ['requestsPerMinute'] });
  });

  it('answers an overload fault as ollama does when its queue is full', async () => {
    const reply = await chat(withFault('overloaded'), false);
    expect([reply.status, await reply.json()]).toEqual([503, { error: 'server busy, please try again.  maximum pending requests exceeded' }]);
  });

  it('ends a truncated stream without the done chunk a success ends with', async () => {
    const lines = (await (await chat(withFault('truncated'), true)).text()).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.some((line) => line.done === true)).toBe(false);
  });
});

describe("the ollama mock's model list", () => {
  it('answers GET /api/tags with the ollama models the run serves, as the startup discovery reads them', async () => {
    const w = createMockWorld({
      clock: createVirtualClock(),
      seed: 7,
      ollama: [{ baseUrl: 'http://127.0.0.1:11434', providerId: 'ollama' }],
      ledger: { models: { ...DEFAULT_MODELS, ollama: [{ id: 'qwen3:8b', quotaFamily: 'qwen3:8b', contextWindowTokens: 131_072, defaultMaxOutputTokens: 8_192 }] } },
    });
    const response = await w.fetch('http://127.0.0.1:11434/api/tags');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { models: { name: string }[] }).models.map((model) => model.name)).toEqual(['qwen3:8b']);
  });
});
