import OpenAI, { RateLimitError } from 'openai';
import { describe, expect, it } from 'vitest';
import { xaiRoutes } from '../../mocks/providers/xai.ts';
import { rejection } from './support/rejection.ts';
import { createWorld, promptOfTokens, type World, type WorldOptions } from './support/world.ts';

function xaiWorld(options: WorldOptions = {}) {
  return createWorld(xaiRoutes, options);
}

function client(world: World) {
  return new OpenAI({ apiKey: 'xai-test', baseURL: 'https://api.x.ai/v1', fetch: world.fetch, maxRetries: 0 });
}

const ask = (content = 'hi') => ({ model: 'grok-4', messages: [{ role: 'user' as const, content }] });

describe('xai mock through the openai SDK', () => {
  it('answers with OpenAI-shaped usage and xAI details', async () => {
    const completion = await client(xaiWorld()).chat.completions.create(ask(promptOfTokens(11)));
    expect(completion.usage).toMatchObject({ prompt_tokens: 11, prompt_tokens_details: { text_tokens: 11 } });
  });

  it('streams OpenAI-style chunks ending in [DONE], usage when requested', async () => {
    const stream = await client(xaiWorld()).chat.completions.create({ ...ask(), stream: true, stream_options: { include_usage: true } });
    let usage;
    for await (const chunk of stream) if (chunk.usage) usage = chunk.usage;
    expect(usage).toMatchObject({ prompt_tokens: 1 });
  });

  it('sends its non-OpenAI 429 body, which the SDK surfaces as a string error without type or code', async () => {
    const world = xaiWorld({ ledger: { providers: { xai: { limits: { 'grok-4': { tokensPerMinute: 16_000 } } } } } });
    const grok = client(world);
    await grok.chat.completions.create(ask(promptOfTokens(15_000)));
    const error = await rejection(grok.chat.completions.create(ask(promptOfTokens(2_000))), RateLimitError);
    expect(error.status).toBe(429);
    expect(error.type).toBeUndefined();
    expect(error.code).toBeUndefined();
    expect(typeof error.error).toBe('string');
    expect(error.message).toMatch(/^429 "Too many tokens for team [0-9a-f-]+ and model grok-4\. Your team's rate limit is — Tokens per Minute \(actual\/limit\): \d+\/16000\./);
  });

  it('counts completion tokens toward TPM as well as the prompt', async () => {
    const world = xaiWorld();
    const completion = await client(world).chat.completions.create(ask(promptOfTokens(50)));
    expect(world.journal.entries[0]!.quotaAfter?.tokensPerMinute?.used).toBe(50 + completion.usage!.completion_tokens);
  });

  it('enforces RPM as requests per second: a burst of two at 60 RPM is refused', async () => {
    const world = xaiWorld({ ledger: { providers: { xai: { limits: { 'grok-4': { requestsPerMinute: 60 } } } } } });
    const grok = client(world);
    await grok.chat.completions.create(ask());
    const error = await rejection(grok.chat.completions.create(ask()), RateLimitError);
    expect(error.message).toContain('Requests per Second (actual/limit): 2/1.');
    await world.clock.advanceBy(1_000);
    await grok.chat.completions.create(ask());
  });

  it('answers the credits exhaustion as a 429 with the same gRPC code, distinct outcome', async () => {
    const world = xaiWorld({ faults: { decide: () => ({ fault: { kind: 'budget-exhausted', label: 'credits' } }) } });
    const error = await rejection(client(world).chat.completions.create(ask()), RateLimitError);
    expect(error.message).toContain('has either used all available credits or reached its monthly spending limit');
    expect(world.journal.entries[0]).toMatchObject({ outcome: 'budget-exhausted', errorType: 'Some resource has been exhausted' });
  });
});
