import OpenAI, { NotFoundError, RateLimitError } from 'openai';
import { describe, expect, it } from 'vitest';
import { moonshotRoutes } from '../../mocks/providers/moonshot.ts';
import { rejection } from './support/rejection.ts';
import { createWorld, promptOfTokens, type World, type WorldOptions } from './support/world.ts';

function moonshotWorld(options: WorldOptions = {}) {
  return createWorld(moonshotRoutes, options);
}

function client(world: World) {
  return new OpenAI({ apiKey: 'sk-moonshot', baseURL: 'https://api.moonshot.ai/v1', fetch: world.fetch, maxRetries: 0 });
}

const ask = (model: string, content = 'hi', maxTokens?: number) => ({
  model,
  messages: [{ role: 'user' as const, content }],
  ...(maxTokens === undefined ? {} : { max_tokens: maxTokens }),
});

describe('moonshot mock through the openai SDK', () => {
  it('answers with OpenAI-shaped usage plus cached_tokens', async () => {
    const completion = await client(moonshotWorld()).chat.completions.create(ask('kimi-k2.5', promptOfTokens(9)));
    expect(completion.usage).toMatchObject({ prompt_tokens: 9, cached_tokens: 0 });
  });

  it('streams usage inside choices[0].usage of the final chunk', async () => {
    const stream = await client(moonshotWorld()).chat.completions.create({ ...ask('kimi-k2.5', promptOfTokens(7)), stream: true });
    let text = '';
    let usage: unknown;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      const choice = chunk.choices[0] as { usage?: unknown } | undefined;
      if (choice?.usage) usage = choice.usage;
    }
    expect(usage).toEqual({ prompt_tokens: 7, completion_tokens: Math.ceil(text.length / 4), total_tokens: 7 + Math.ceil(text.length / 4), cached_tokens: 0 });
  });

  it('shares one RPM across all Kimi models of the account and names it in rate_limit_reached_error', async () => {
    const world = moonshotWorld({ ledger: { providers: { moonshot: { tier: 'tier0' } } } });
    const kimi = client(world);
    await kimi.chat.completions.create(ask('kimi-k2.5'));
    await kimi.chat.completions.create(ask('kimi-k2-turbo-preview'));
    await kimi.chat.completions.create(ask('kimi-k2-thinking'));
    const error = await rejection(kimi.chat.completions.create(ask('kimi-k2.5')), RateLimitError);
    expect(error.type).toBe('rate_limit_reached_error');
    expect(error.code).toBeUndefined();
    expect(error.message).toMatch(/^429 Your account org-[0-9a-f]{16}<ak-[0-9a-f]{8}> request reached organization max RPM: 3, please try again after 60 seconds$/);
    expect(error.headers.get('retry-after')).toBeNull();
  });

  it('meters prompt + max_tokens against TPM, even when the reply is short', async () => {
    const world = moonshotWorld({ ledger: { providers: { moonshot: { sharedLimits: { tokensPerMinute: 1_000 } } } } });
    const kimi = client(world);
    await kimi.chat.completions.create(ask('kimi-k2.5', promptOfTokens(100), 500));
    const error = await rejection(kimi.chat.completions.create(ask('kimi-k2.5', promptOfTokens(100), 500)), RateLimitError);
    expect(error.message).toContain('request reached organization TPM rate limit, current: 1200, limit: 1000');
  });

  it('answers budget exhaustion with exceeded_current_quota_error, distinct from rate limits', async () => {
    const world = moonshotWorld({ faults: { decide: () => ({ fault: { kind: 'budget-exhausted', label: 'balance' } }) } });
    const error = await rejection(client(world).chat.completions.create(ask('kimi-k2.5')), RateLimitError);
    expect(error.type).toBe('exceeded_current_quota_error');
    expect(world.journal.entries[0]).toMatchObject({ outcome: 'budget-exhausted', errorType: 'exceeded_current_quota_error' });
  });

  it('answers an unknown model with resource_not_found_error', async () => {
    const error = await client(moonshotWorld()).chat.completions.create(ask('moonshot-v1-8k')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).type).toBe('resource_not_found_error');
  });
});
