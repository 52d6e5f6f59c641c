/**
 * Public OpenAI-compatible APIs metered by their published limits, answering
 * with their own 429 once one is spent; a model their tables do not list, and
 * DeepSeek, stay unlimited and say why.
 */
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/clock/index.ts';
import { parseConfigText } from '../../src/config/index.ts';
import { PROFILES } from '../../src/gateway/profiles/index.ts';
import { providerMountsOf, servedModelsOf } from '../../src/scenario/provider-mounts.ts';
import { publishedLimitsOf } from '../../mocks/providers/published-limits.ts';
import { createMockWorld } from '../../mocks/world.ts';

const V2 = PROFILES['2026.2'];

function worldFor(models: string[]) {
  const [primary, ...fallbacks] = models;
  const { config } = parseConfigText(JSON.stringify({ agents: { defaults: { model: { primary, fallbacks } } } }), 'limits.json5');
  const served = servedModelsOf(config, V2);
  return createMockWorld({ clock: createVirtualClock(), seed: 1, ...providerMountsOf(config, V2), ...(served === undefined ? {} : { ledger: { models: served } }) });
}

/** `count` one-line chat requests at the same instant; the last answer's status and body. */
async function spend(world: ReturnType<typeof worldFor>, baseUrl: string, model: string | string[], count: number) {
  let last: Response | undefined;
  for (let index = 0; index < count; index++) {
    const id = Array.isArray(model) ? model[index % model.length]! : model;
    last = await world.fetch(`${baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: JSON.stringify({ model: id, messages: [{ role: 'user', content: 'hi' }], max_tokens: 5 }),
    });
  }
  return { status: last!.status, headers: last!.headers, body: (await last!.json()) as Record<string, any> };
}

describe('published limits', () => {
  it("meter Groq's free plan per model: the 31st request in a minute gets Groq's own 429", async () => {
    const world = worldFor(['groq/llama-3.3-70b-versatile']);
    expect((await spend(world, 'https://api.groq.com/openai/v1', 'llama-3.3-70b-versatile', 30)).status).toBe(200);
    const refused = await spend(world, 'https://api.groq.com/openai/v1', 'llama-3.3-70b-versatile', 1);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    expect(refused.body['error']).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded' });
    expect(refused.body['error'].message).toMatch(/^Rate limit reached for model `llama-3.3-70b-versatile` in organization `org_quotastorm` service tier `on_demand` on requests per minute \(RPM\): Limit 30, Used 30, Requested 1\./);
  });

  it("meter OpenRouter's :free models as one account-wide bucket of 20 a minute", async () => {
    const models = ['meta-llama/llama-3.3-70b-instruct:free', 'google/gemma-3-27b-it:free'];
    const world = worldFor(models.map((model) => `openrouter/${model}`));
    expect((await spend(world, 'https://openrouter.ai/api/v1', models, 20)).status).toBe(200);
    const refused = await spend(world, 'https://openrouter.ai/api/v1', models, 1);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { message: 'Rate limit exceeded: free-models-per-min. ', code: 429, metadata: { headers: { 'X-RateLimit-Limit': '20' } } } });
  });

  it("meter Mistral's free tier per workspace and answer with its rate_limited error", async () => {
    const world = worldFor(['mistral/mistral-large-latest']);
    expect((await spend(world, 'https://api.mistral.ai/v1', 'mistral-large-latest', 60)).status).toBe(200);
    const refused = await spend(world, 'https://api.mistral.ai/v1', 'mistral-large-latest', 1);
    expect(refused).toMatchObject({ status: 429, body: { object: 'error', message: 'Rate limit exceeded', type: 'rate_limited', param: null, code: '1300' } });
  });

  it('leave a paid OpenRouter model and DeepSeek unlimited, saying why', () => {
    expect(publishedLimitsOf('openrouter', 'openrouter/auto')).toMatchObject({ limits: {}, source: expect.stringMatching(/^assumed unlimited: OpenRouter/) });
    expect(publishedLimitsOf('deepseek', 'deepseek-chat')).toMatchObject({ limits: {}, source: expect.stringMatching(/^assumed unlimited: DeepSeek publishes no rate limits/) });
    expect(publishedLimitsOf('vllm', 'qwen')).toBeUndefined();
  });
});
