import Anthropic, { BadRequestError, NotFoundError, OverloadedError, RateLimitError } from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { anthropicRoutes } from '../../mocks/providers/anthropic.ts';
import { createWorld, INCIDENT_MS, promptOfTokens, type World, type WorldOptions } from './support/world.ts';
import { rejection } from './support/rejection.ts';

function anthropicWorld(options: WorldOptions = {}) {
  return createWorld(anthropicRoutes, options);
}

function client(world: World) {
  return new Anthropic({ apiKey: 'sk-ant-test', fetch: world.fetch, maxRetries: 0 });
}


const ask = (content: string, maxTokens = 1_024) => ({
  model: 'claude-sonnet-4-6',
  max_tokens: maxTokens,
  messages: [{ role: 'user' as const, content }],
});

describe('anthropic mock through @anthropic-ai/sdk', () => {
  it('answers a message with usage from the estimator, system prompt included', async () => {
    const message = await client(anthropicWorld()).messages.create({ ...ask(promptOfTokens(40)), system: 'abcdabcd' });
    const block = message.content[0]!;
    expect(block.type).toBe('text');
    const text = block.type === 'text' ? block.text : '';
    expect(message.usage).toMatchObject({ input_tokens: 42, output_tokens: Math.ceil(text.length / 4), cache_read_input_tokens: 0 });
    expect(message.stop_reason).toBe('end_turn');
  });

  it('streams the SSE event sequence into a final message with cumulative output tokens', async () => {
    const world = anthropicWorld();
    const stream = client(world).messages.stream(ask(promptOfTokens(25)));
    const types: string[] = [];
    stream.on('streamEvent', (event) => types.push(event.type));
    const message = await stream.finalMessage();
    const text = message.content[0]?.type === 'text' ? message.content[0].text : '';
    expect(types[0]).toBe('message_start');
    expect(types.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    expect(message.usage).toMatchObject({ input_tokens: 25, output_tokens: Math.ceil(text.length / 4) });
  });

  it('sends anthropic-ratelimit headers with RFC 3339 resets and rounded token remainders', async () => {
    const world = anthropicWorld();
    const { response } = await client(world).messages.create(ask(promptOfTokens(2_600), 100)).withResponse();
    expect(response.headers.get('anthropic-ratelimit-requests-limit')).toBe('50');
    expect(response.headers.get('anthropic-ratelimit-requests-remaining')).toBe('49');
    expect(response.headers.get('anthropic-ratelimit-requests-reset')).toBe('2026-02-27T18:00:02Z');
    expect(response.headers.get('anthropic-ratelimit-input-tokens-limit')).toBe('30000');
    expect(response.headers.get('anthropic-ratelimit-input-tokens-remaining')).toBe('27000');
    expect(response.headers.get('request-id')).toMatch(/^req_/);
  });

  it('reserves max_tokens against OTPM up front, so a large max_tokens is refused early', async () => {
    const world = anthropicWorld({
      replies: { minOutputTokens: 200, maxOutputTokens: 200 },
      ledger: { providers: { anthropic: { limits: { 'claude-sonnet-4.x': { outputTokensPerMinute: 1_000 } } } } },
    });
    const anthropic = client(world);
    await anthropic.messages.create(ask('hello', 500));
    const error = await rejection(anthropic.messages.create(ask('hello', 900)), RateLimitError);
    expect(error.status).toBe(429);
    expect(error.type).toBe('rate_limit_error');
    expect(error.message).toContain("This request would exceed your organization's rate limit of 1,000 output tokens per minute");
    expect(error.headers.get('retry-after')).toBe('6'); // 100 tokens over at 1,000 per minute
    expect(world.journal.entries[1]).toMatchObject({ violations: ['outputTokensPerMinute'], retryAfterMs: 6_000 });
    await anthropic.messages.create(ask('hello', 800));
  });

  it('refunds the unused part of max_tokens once the answer is done', async () => {
    const world = anthropicWorld();
    await client(world).messages.create(ask('hello', 4_000));
    const entry = world.journal.entries[0]!;
    expect(entry.quotaAfter?.outputTokensPerMinute?.used).toBe(entry.outputTokens);
  });

  it('refills the token bucket continuously: ITPM capacity returns at limit/60 per second', async () => {
    const world = anthropicWorld();
    const anthropic = client(world);
    await anthropic.messages.create(ask(promptOfTokens(30_000), 10));
    await rejection(anthropic.messages.create(ask(promptOfTokens(1_000), 10)), RateLimitError);
    await world.clock.advanceBy(2_000); // 30,000 / 60 s × 2 s = 1,000 tokens back
    await anthropic.messages.create(ask(promptOfTokens(1_000), 10));
    expect(world.journal.entries.map((entry) => entry.status)).toEqual([200, 429, 200]);
  });

  it('surfaces a 529 overloaded fault as OverloadedError, separate from rate limits', async () => {
    const world = anthropicWorld({ faults: { decide: () => ({ fault: { kind: 'overloaded', label: 'capacity' } }) } });
    const error = await rejection(client(world).messages.create(ask('x')), OverloadedError);
    expect(error.status).toBe(529);
    expect(error.type).toBe('overloaded_error');
    expect(error).not.toBeInstanceOf(RateLimitError);
  });

  it('answers the spend cap as a 429 without retry-after', async () => {
    const world = anthropicWorld({ faults: { decide: () => ({ fault: { kind: 'budget-exhausted', label: 'spend-cap' } }) } });
    const error = await rejection(client(world).messages.create(ask('x')), RateLimitError);
    expect(error.errorCode).toBe('enforced_spend_limit_reached');
    expect(error.message).toContain('You will regain access on 2026-03-01 at 00:00 UTC.');
    expect(error.headers.get('retry-after')).toBeNull();
    expect(world.journal.entries[0]).toMatchObject({ outcome: 'budget-exhausted', atMs: INCIDENT_MS });
  });

  it('answers an unknown model with not_found_error', async () => {
    const error = await rejection(client(anthropicWorld()).messages.create({ ...ask('x'), model: 'claude-99' }), NotFoundError);
    expect(error.type).toBe('not_found_error');
  });

  it('answers a body without max_tokens with invalid_request_error', async () => {
    const response = await anthropicWorld().fetch('https://api.anthropic.com/v1/messages', {
      method: 'POST',
      body: JSON.stringify({ model: 'claude-sonnet-4-6', messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toEqual({ type: 'invalid_request_error', message: 'max_tokens: Field required' });
  });

  it('answers a prompt above the context window with "prompt is too long"', async () => {
    const error = await rejection(client(anthropicWorld()).messages.create(ask(promptOfTokens(200_001), 10)), BadRequestError);
    expect(error.message).toContain('prompt is too long: 200001 tokens > 200000 maximum');
  });
});
