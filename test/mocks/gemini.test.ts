import { ApiError, GoogleGenAI } from '@google/genai';
import { describe, expect, it } from 'vitest';
import { geminiRoutes } from '../../mocks/providers/gemini.ts';
import { rejection } from './support/rejection.ts';
import { createWorld, promptOfTokens, type World, type WorldOptions } from './support/world.ts';

function geminiWorld(options: WorldOptions = {}) {
  return createWorld(geminiRoutes, options);
}

function client(world: World, apiVersion?: string, apiKey = 'gemini-test-key') {
  return new GoogleGenAI({ apiKey, httpOptions: { fetch: world.fetch, ...(apiVersion ? { apiVersion } : {}) } });
}

describe('gemini mock through @google/genai', () => {
  it('answers generateContent under the SDK default v1 with usage from the estimator', async () => {
    const world = geminiWorld();
    const response = await client(world).models.generateContent({ model: 'gemini-2.5-flash', contents: promptOfTokens(21) });
    expect(response.text?.length).toBeGreaterThan(0);
    expect(response.usageMetadata?.promptTokenCount).toBe(21);
    expect(response.usageMetadata?.candidatesTokenCount).toBe(Math.ceil(response.text!.length / 4));
    expect(response.usageMetadata?.totalTokenCount).toBe(21 + response.usageMetadata!.candidatesTokenCount!);
    expect(world.journal.entries[0]).toMatchObject({ provider: 'gemini', api: 'generateContent', status: 200, inputTokens: 21 });
  });

  it('answers under v1beta as well', async () => {
    const world = geminiWorld();
    const response = await client(world, 'v1beta').models.generateContent({ model: 'gemini-2.5-pro', contents: 'hello' });
    expect(response.candidates?.[0]?.finishReason).toBe('STOP');
  });

  it('streams SSE chunks whose text joins to the reply and whose last chunk carries final usage', async () => {
    const world = geminiWorld();
    const stream = await client(world).models.generateContentStream({ model: 'gemini-2.5-flash', contents: promptOfTokens(40) });
    let text = '';
    let last;
    for await (const chunk of stream) {
      text += chunk.text ?? '';
      last = chunk;
    }
    expect(last?.usageMetadata?.promptTokenCount).toBe(40);
    expect(last?.usageMetadata?.candidatesTokenCount).toBe(Math.ceil(text.length / 4));
    expect(world.journal.entries[0]).toMatchObject({ api: 'streamGenerateContent', stream: true, outputTokens: Math.ceil(text.length / 4) });
  });

  it('stops generation at maxOutputTokens with finishReason MAX_TOKENS', async () => {
    const world = geminiWorld();
    const response = await client(world).models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'hi',
      config: { maxOutputTokens: 3 },
    });
    expect(response.candidates?.[0]?.finishReason).toBe('MAX_TOKENS');
    expect(response.usageMetadata?.candidatesTokenCount).toBe(3);
  });

  it('refuses over-quota requests with RESOURCE_EXHAUSTED, QuotaFailure and RetryInfo, and no retry headers', async () => {
    const world = geminiWorld({ ledger: { providers: { gemini: { limits: { 'gemini-2.5-flash': { requestsPerMinute: 1 } } } } } });
    const gemini = client(world);
    await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'one' });
    await world.clock.advanceBy(22_480);
    const error = await rejection(gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'two' }), ApiError);
    expect(error.status).toBe(429);
    const body = JSON.parse(error.message);
    expect(body.error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED' });
    expect(body.error.message).toContain('* Quota exceeded for metric: generativelanguage.googleapis.com/generate_requests_per_model, limit: 1, model: gemini-2.5-flash');
    expect(body.error.message).toContain('Please retry in 37.52s.');
    expect(body.error.details).toEqual([
      expect.objectContaining({ '@type': 'type.googleapis.com/google.rpc.Help' }),
      {
        '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
        violations: [
          {
            quotaMetric: 'generativelanguage.googleapis.com/generate_requests_per_model',
            quotaId: 'GenerateRequestsPerMinutePerProjectPerModel',
            quotaDimensions: { location: 'global', model: 'gemini-2.5-flash' },
            quotaValue: '1',
          },
        ],
      },
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '37s' },
    ]);
    expect(world.journal.entries[1]).toMatchObject({ status: 429, errorType: 'RESOURCE_EXHAUSTED', retryAfterMs: 37_520, violations: ['requestsPerMinute'] });
  });

  it('sends the 429 as application/json without retry-after or x-ratelimit headers', async () => {
    const world = geminiWorld({ ledger: { providers: { gemini: { limits: { 'gemini-2.5-flash': { requestsPerMinute: 1 } } } } } });
    const url = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent';
    const send = () => world.fetch(url, { method: 'POST', body: JSON.stringify({ contents: [{ parts: [{ text: 'x' }] }] }) });
    await send();
    const response = await send();
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(response.headers.get('retry-after')).toBeNull();
    expect([...response.headers.keys()].filter((name) => name.startsWith('x-ratelimit'))).toEqual([]);
  });

  it('meters input tokens only, as "Tokens per minute (input)"', async () => {
    const world = geminiWorld({ ledger: { providers: { gemini: { limits: { 'gemini-2.5-flash': { tokensPerMinute: 1_000 } } } } } });
    const gemini = client(world);
    await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: promptOfTokens(600), config: { maxOutputTokens: 50_000 } });
    expect(world.journal.entries[0]!.quotaAfter?.tokensPerMinute).toMatchObject({ used: 600, remaining: 400 });
    const error = await rejection(gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: promptOfTokens(401) }), ApiError);
    expect(JSON.parse(error.message).error.message).toContain('generate_content_paid_tier_input_token_count, limit: 1000');
    await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: promptOfTokens(400) });
    expect(world.journal.entries.map((entry) => entry.status)).toEqual([200, 429, 200]);
  });

  it('refuses a prompt larger than the whole TPM without a retry hint', async () => {
    const world = geminiWorld({ ledger: { providers: { gemini: { limits: { 'gemini-2.5-flash': { tokensPerMinute: 1_000 } } } } } });
    const error = await rejection(client(world).models.generateContent({ model: 'gemini-2.5-flash', contents: promptOfTokens(1_001) }), ApiError);
    const body = JSON.parse(error.message);
    expect(body.error.details.map((detail: { '@type': string }) => detail['@type'])).not.toContain('type.googleapis.com/google.rpc.RetryInfo');
    expect(world.journal.entries[0]).toMatchObject({ outcome: 'too-large', retryAfterMs: undefined });
  });

  it('answers an unknown model with NOT_FOUND', async () => {
    const error = await rejection(client(geminiWorld()).models.generateContent({ model: 'gemini-9-ultra', contents: 'x' }), ApiError);
    expect(error.status).toBe(404);
    expect(JSON.parse(error.message).error).toMatchObject({ code: 404, status: 'NOT_FOUND' });
  });

  it('answers a body without contents with INVALID_ARGUMENT', async () => {
    const world = geminiWorld();
    const response = await world.fetch('https://generativelanguage.googleapis.com/v1/models/gemini-2.5-flash:generateContent', {
      method: 'POST',
      body: '{"contents": 7}',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.status).toBe('INVALID_ARGUMENT');
  });

  it('answers a prompt above the context window with the input-token-count 400', async () => {
    const world = geminiWorld();
    const error = await rejection(client(world).models.generateContent({ model: 'gemini-2.5-flash', contents: promptOfTokens(1_048_577) }), ApiError);
    expect(error.status).toBe(400);
    expect(JSON.parse(error.message).error.message).toBe(
      'The input token count (1048577) exceeds the maximum number of tokens allowed (1048576).',
    );
  });
});
