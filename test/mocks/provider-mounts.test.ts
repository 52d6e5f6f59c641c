/**
 * Providers a config points at its own servers (ollama, OpenRouter, vLLM, …):
 * the world answers them on their base URLs in-process, and `mocks serve`
 * mounts each at `/<provider id>`.
 */
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/clock/index.ts';
import { serveMocks, type MockServer } from '../../mocks/server.ts';
import { createMockWorld } from '../../mocks/world.ts';

const open: MockServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

const world = () =>
  createMockWorld({
    clock: createVirtualClock(),
    seed: 7,
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
