/**
 * The Responses API mock (mocks/providers/responses.ts) read by the official
 * openai SDK's `client.responses.create`, as OpenClaw's pi-ai calls it.
 */
import OpenAI, { APIError, BadRequestError, RateLimitError } from 'openai';
import type { ResponseStreamEvent } from 'openai/resources/responses/responses';
import { describe, expect, it } from 'vitest';
import { compatibleRoutes } from '../../mocks/providers/compatible.ts';
import { openaiRoutes } from '../../mocks/providers/openai.ts';
import { rejection } from './support/rejection.ts';
import { createWorld, promptOfTokens, type World, type WorldOptions } from './support/world.ts';

function openaiWorld(options: WorldOptions = {}) {
  return createWorld(openaiRoutes, options);
}

function client(world: World, baseURL?: string) {
  return new OpenAI({ apiKey: 'sk-test', fetch: world.fetch, maxRetries: 0, ...(baseURL === undefined ? {} : { baseURL }) });
}

const userInput = (text: string) => [{ role: 'user' as const, content: [{ type: 'input_text' as const, text }] }];

async function eventsOf(stream: AsyncIterable<ResponseStreamEvent>): Promise<ResponseStreamEvent[]> {
  const events: ResponseStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

describe('the Responses mock through the openai SDK', () => {
  it('streams the event sequence of a message, ending with response.completed and its usage', async () => {
    const world = openaiWorld();
    const events = await eventsOf(await client(world).responses.create({ model: 'gpt-5.2', input: userInput(promptOfTokens(40)), stream: true }));
    const types = [...new Set(events.map((event) => event.type))];
    expect(types).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
    const text = events.flatMap((event) => (event.type === 'response.output_text.delta' ? [event.delta] : [])).join('');
    const completed = events.at(-1) as Extract<ResponseStreamEvent, { type: 'response.completed' }>;
    expect(completed.response.output).toMatchObject([{ type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text }] }]);
    expect(completed.response.usage).toMatchObject({ input_tokens: 40, output_tokens: Math.ceil(text.length / 4), total_tokens: 40 + Math.ceil(text.length / 4) });
  });

  it('meters the reply into the ledger: the journal charges what the usage reports', async () => {
    const world = openaiWorld();
    const response = await client(world).responses.create({ model: 'gpt-5.2', input: userInput(promptOfTokens(25)), instructions: 'abcd' });
    const [entry] = world.journal.entries;
    expect(entry).toMatchObject({ provider: 'openai', api: 'responses', model: 'gpt-5.2', status: 200, inputTokens: 26, outputTokens: response.usage!.output_tokens });
    expect(entry!.quotaAfter!.requestsPerMinute!.used).toBe(1);
    expect(entry!.quotaAfter!.tokensPerMinute!.used).toBe(26 + response.usage!.output_tokens);
  });

  it('ends a reply cut by max_output_tokens as incomplete', async () => {
    const response = await client(openaiWorld()).responses.create({ model: 'gpt-4o', input: 'hi', max_output_tokens: 2 });
    expect(response.status).toBe('incomplete');
    expect(response.incomplete_details).toEqual({ reason: 'max_output_tokens' });
    expect(response.usage!.output_tokens).toBe(2);
  });

  it('refuses over RPM with a RateLimitError, retry-after and the x-ratelimit headers', async () => {
    const world = openaiWorld({ ledger: { providers: { openai: { limits: { 'gpt-4o': { requestsPerMinute: 1 } } } } } });
    const openai = client(world);
    await openai.responses.create({ model: 'gpt-4o', input: 'a' });
    const error = await rejection(openai.responses.create({ model: 'gpt-4o', input: 'b', stream: true }), RateLimitError);
    expect(error.code).toBe('rate_limit_exceeded');
    expect(error.message).toContain('Rate limit reached for gpt-4o in organization org-quotastorm on requests per min (RPM): Limit 1, Used 1, Requested 1.');
    expect(error.headers.get('retry-after')).toBe('60');
    expect(error.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(world.journal.entries[1]).toMatchObject({ api: 'responses', status: 429, outcome: 'rate-limited', retryAfterMs: 60_000 });
  });

  it('sends a scheduled error-in-stream as an `error` event the SDK throws, after response.created', async () => {
    const world = openaiWorld({ schedule: { rules: [{ match: { provider: 'openai' }, fault: 'error-in-stream', retryAfterMs: 7_000 }] } });
    const seen: string[] = [];
    const reading = (async () => {
      for await (const event of await client(world).responses.create({ model: 'gpt-4o', input: 'x', stream: true })) seen.push(event.type);
    })();
    const error = await rejection(reading, APIError);
    expect(error.message).toContain('Rate limit reached for gpt-4o');
    expect(seen).toEqual(['response.created']);
    expect(world.journal.entries[0]).toMatchObject({ status: 200, outcome: 'error-in-stream' });
  });

  it('refuses an over-long prompt with context_length_exceeded: a 400 to a whole request, an error event in a stream', async () => {
    const world = openaiWorld();
    const whole = await rejection(client(world).responses.create({ model: 'gpt-4o', input: promptOfTokens(128_001) }), BadRequestError);
    expect([whole.code, whole.param, whole.message]).toEqual(['context_length_exceeded', 'input', expect.stringContaining('Your input exceeds the context window of this model.')]);
    const seen: string[] = [];
    const reading = (async () => {
      for await (const event of await client(world).responses.create({ model: 'gpt-4o', input: promptOfTokens(128_001), stream: true })) seen.push(event.type);
    })();
    expect((await rejection(reading, APIError)).message).toContain('Your input exceeds the context window of this model.');
    expect(seen).toEqual(['response.created', 'response.in_progress']);
    expect(world.journal.entries.map((entry) => [entry.status, entry.outcome, entry.errorType])).toEqual([
      [400, 'context-too-long', 'context_length_exceeded'],
      [200, 'context-too-long', 'context_length_exceeded'],
    ]);
  });

  it('stops a truncated stream after one text delta, with no response.completed', async () => {
    const world = openaiWorld({ schedule: { rules: [{ match: { provider: 'openai' }, fault: 'truncated' }] } });
    const events = await eventsOf(await client(world).responses.create({ model: 'gpt-4o', input: 'x', stream: true }));
    expect(events.map((event) => event.type).at(-1)).toBe('response.output_text.delta');
  });

  it('ends a finish-reason:SAFETY fault as incomplete for content_filter', async () => {
    const world = openaiWorld({ schedule: { rules: [{ match: { provider: 'openai' }, fault: 'finish-reason:SAFETY' }] } });
    const events = await eventsOf(await client(world).responses.create({ model: 'gpt-4o', input: 'x', stream: true }));
    const last = events.at(-1) as Extract<ResponseStreamEvent, { type: 'response.incomplete' }>;
    expect([last.type, last.response.incomplete_details]).toEqual(['response.incomplete', { reason: 'content_filter' }]);
  });
});

describe('the Responses mock on a config’s own base URL', () => {
  it('answers an openai-responses server (LM Studio) on <baseUrl>/responses with any model id', async () => {
    const world = createWorld((spec) => compatibleRoutes(spec, [{ baseUrl: 'http://127.0.0.1:1234/v1', api: 'openai-responses' }]));
    const response = await client(world, 'http://127.0.0.1:1234/v1').responses.create({ model: 'my-local-model', input: 'hi' });
    expect(response.output_text.length).toBeGreaterThan(0);
    expect(world.journal.entries[0]).toMatchObject({ provider: 'compatible', api: 'responses', model: 'my-local-model', status: 200 });
  });

  it('answers the Codex backend on /backend-api/codex/responses, where pi-ai posts', async () => {
    const world = createWorld((spec) => compatibleRoutes(spec, [{ baseUrl: 'https://chatgpt.com/backend-api', api: 'openai-codex-responses' }]));
    const response = await world.fetch('https://chatgpt.com/backend-api/codex/responses', {
      method: 'POST',
      headers: { authorization: 'Bearer token', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-5.3-codex', instructions: 'be brief', input: userInput('hi'), stream: true, store: false }),
    });
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'text/event-stream']);
    expect(await response.text()).toContain('event: response.completed');
  });
});
