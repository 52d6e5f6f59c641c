import OpenAI, { RateLimitError, InternalServerError, NotFoundError, BadRequestError } from 'openai';
import { describe, expect, it } from 'vitest';
import { formatGoDuration, openaiRoutes } from '../../mocks/providers/openai.ts';
import { createWorld, promptOfTokens, type World, type WorldOptions } from './support/world.ts';
import { rejection } from './support/rejection.ts';

function openaiWorld(options: WorldOptions = {}) {
  return createWorld(openaiRoutes, options);
}

function client(world: World) {
  return new OpenAI({ apiKey: 'sk-test', fetch: world.fetch, maxRetries: 0 });
}


const oneMessage = (content: string) => [{ role: 'user' as const, content }];

describe('openai mock through the openai SDK', () => {
  it('answers a chat completion with usage from the estimator', async () => {
    const world = openaiWorld();
    const completion = await client(world).chat.completions.create({ model: 'gpt-4o', messages: oneMessage(promptOfTokens(30)) });
    const text = completion.choices[0]!.message.content!;
    expect(completion.object).toBe('chat.completion');
    expect(completion.usage).toMatchObject({ prompt_tokens: 30, completion_tokens: Math.ceil(text.length / 4) });
    expect(completion.usage!.total_tokens).toBe(30 + completion.usage!.completion_tokens);
  });

  it('counts every text part of every message, system included', async () => {
    const world = openaiWorld();
    const completion = await client(world).chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'abcd' },
        { role: 'user', content: [{ type: 'text', text: 'abcdabcd' }, { type: 'text', text: 'a' }] },
      ],
    });
    expect(completion.usage!.prompt_tokens).toBe(4);
  });

  it('streams chunks ending with a usage chunk when include_usage is set', async () => {
    const world = openaiWorld();
    const stream = await client(world).chat.completions.create({
      model: 'gpt-4o',
      messages: oneMessage(promptOfTokens(12)),
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage;
    let finish;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish ??= chunk.choices[0]?.finish_reason ?? undefined;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(finish).toBe('stop');
    expect(usage).toMatchObject({ prompt_tokens: 12, completion_tokens: Math.ceil(text.length / 4) });
  });

  it('stops at max_tokens with finish_reason length', async () => {
    const completion = await client(openaiWorld()).chat.completions.create({ model: 'gpt-4o', messages: oneMessage('hi'), max_tokens: 2 });
    expect(completion.choices[0]!.finish_reason).toBe('length');
    expect(completion.usage!.completion_tokens).toBe(2);
  });

  it('sends x-ratelimit headers with Go-style reset durations on success', async () => {
    const world = openaiWorld();
    const { response } = await client(world).chat.completions.create({ model: 'gpt-4o', messages: oneMessage(promptOfTokens(100)) }).withResponse();
    expect(response.headers.get('x-ratelimit-limit-requests')).toBe('500');
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('499');
    expect(response.headers.get('x-ratelimit-reset-requests')).toBe('120ms');
    expect(response.headers.get('x-ratelimit-limit-tokens')).toBe('30000');
    expect(Number(response.headers.get('x-ratelimit-remaining-tokens'))).toBeLessThan(29_900);
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it('refuses over RPM with a RateLimitError of type requests, retry-after and the headers', async () => {
    const world = openaiWorld({ ledger: { providers: { openai: { limits: { 'gpt-4o': { requestsPerMinute: 2 } } } } } });
    const openai = client(world);
    await openai.chat.completions.create({ model: 'gpt-4o', messages: oneMessage('a') });
    await openai.chat.completions.create({ model: 'gpt-4o', messages: oneMessage('b') });
    const error = await rejection(openai.chat.completions.create({ model: 'gpt-4o', messages: oneMessage('c') }), RateLimitError);
    expect(error.status).toBe(429);
    expect(error.type).toBe('requests');
    expect(error.code).toBe('rate_limit_exceeded');
    expect(error.message).toContain('Rate limit reached for gpt-4o in organization org-quotastorm on requests per min (RPM): Limit 2, Used 2, Requested 1. Please try again in 30s.');
    expect(error.headers.get('retry-after')).toBe('30');
    expect(error.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(error.headers.get('x-ratelimit-reset-requests')).toBe('1m0s');
  });

  it('refuses over TPM with type tokens, counting the max_tokens reservation', async () => {
    const world = openaiWorld({ ledger: { providers: { openai: { limits: { 'gpt-4o': { tokensPerMinute: 1_000 } } } } } });
    const openai = client(world);
    await openai.chat.completions.create({ model: 'gpt-4o', messages: oneMessage(promptOfTokens(100)), max_tokens: 4 });
    const error = await rejection(
      openai.chat.completions.create({ model: 'gpt-4o', messages: oneMessage(promptOfTokens(100)), max_tokens: 900 }),
      RateLimitError,
    );
    expect(error.type).toBe('tokens');
    expect(error.message).toContain('on tokens per min (TPM): Limit 1000, Used 104, Requested 1000.');
  });

  it('refuses a request larger than TPM alone as "Request too large", without retry-after', async () => {
    const world = openaiWorld({ ledger: { providers: { openai: { limits: { 'gpt-4o': { tokensPerMinute: 1_000 } } } } } });
    const error = await rejection(
      client(world).chat.completions.create({ model: 'gpt-4o', messages: oneMessage(promptOfTokens(1_001)) }),
      RateLimitError,
    );
    expect(error.message).toContain('Request too large for gpt-4o in organization org-quotastorm on tokens per min (TPM): Limit 1000, Requested 1001.');
    expect(error.headers.get('retry-after')).toBeNull();
  });

  it('answers an unknown model with model_not_found', async () => {
    const error = await rejection(client(openaiWorld()).chat.completions.create({ model: 'gpt-9', messages: oneMessage('x') }), NotFoundError);
    expect(error.code).toBe('model_not_found');
  });

  it('answers an over-long prompt with context_length_exceeded', async () => {
    const error = await rejection(
      client(openaiWorld()).chat.completions.create({ model: 'gpt-4o', messages: oneMessage(promptOfTokens(128_001)) }),
      BadRequestError,
    );
    expect(error.code).toBe('context_length_exceeded');
    expect(error.message).toContain("This model's maximum context length is 128000 tokens. However, your messages resulted in 128001 tokens.");
  });

  it('answers a body that is not JSON with the could-not-parse 400', async () => {
    const response = await openaiWorld().fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: '{nope' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/^We could not parse the JSON body of your request/);
  });

  it('renders an overloaded fault as 503 server_is_overloaded, uncharged', async () => {
    const world = openaiWorld({ faults: { decide: () => ({ fault: { kind: 'overloaded', label: 'test-overload' } }) } });
    const error = await rejection(client(world).chat.completions.create({ model: 'gpt-4o', messages: oneMessage('x') }), InternalServerError);
    expect(error.status).toBe(503);
    expect(error.code).toBe('server_is_overloaded');
    expect(world.journal.entries[0]).toMatchObject({ fault: 'test-overload', outcome: 'overloaded' });
    expect(world.journal.entries[0]!.quotaAfter).toEqual(world.journal.entries[0]!.quotaBefore);
  });

  it('renders budget exhaustion as 429 insufficient_quota, distinct from a rate limit', async () => {
    const world = openaiWorld({ faults: { decide: () => ({ fault: { kind: 'budget-exhausted', label: 'out-of-credit' } }) } });
    const error = await rejection(client(world).chat.completions.create({ model: 'gpt-4o', messages: oneMessage('x') }), RateLimitError);
    expect(error.code).toBe('insufficient_quota');
    expect(error.type).toBe('insufficient_quota');
  });
});

describe('formatGoDuration', () => {
  it.each([
    [174, '174ms'],
    [1_000, '1s'],
    [18_642, '18.642s'],
    [107_580, '1m47.58s'],
    [360_000, '6m0s'],
    [3_723_500, '1h2m3.5s'],
  ])('formats %i ms as %s', (durationMs, text) => {
    expect(formatGoDuration(durationMs)).toBe(text);
  });
});
