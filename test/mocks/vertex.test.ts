import { ApiError, GoogleGenAI } from '@google/genai';
import { describe, expect, it } from 'vitest';
import { vertexRoutes } from '../../mocks/providers/vertex.ts';
import { rejection } from './support/rejection.ts';
import { createWorld, promptOfTokens, type World, type WorldOptions } from './support/world.ts';

function vertexWorld(options: WorldOptions = {}) {
  return createWorld(vertexRoutes, options);
}

/** The client pi-ai's streamGoogleVertex builds (openclaw@2026.2.26), with a key instead of ADC. */
function client(world: World, location = 'us-central1') {
  return new GoogleGenAI({ vertexai: true, project: 'my-project', location, apiKey: 'vertex-key', apiVersion: 'v1', httpOptions: { fetch: world.fetch } as never });
}

describe('vertex mock through @google/genai with vertexai: true', () => {
  it('answers the regional publisher-model URL the SDK builds, with Gemini usage', async () => {
    const world = vertexWorld();
    const requested: string[] = [];
    const mocks = world.fetch;
    const spying = {
      ...world,
      fetch: ((input, init) => {
        requested.push(String(input instanceof Request ? input.url : input));
        return mocks(input, init);
      }) as typeof fetch,
    };
    const response = await client(spying).models.generateContent({ model: 'gemini-2.5-flash', contents: promptOfTokens(21) });
    expect(requested).toEqual(['https://us-central1-aiplatform.googleapis.com/v1/projects/my-project/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent']);
    expect(response.usageMetadata?.promptTokenCount).toBe(21);
    expect(world.journal.entries[0]).toMatchObject({ provider: 'vertex', api: 'generateContent', model: 'gemini-2.5-flash', status: 200, inputTokens: 21 });
  });

  it('streams on the global endpoint as well', async () => {
    const world = vertexWorld();
    let text = '';
    for await (const chunk of await client(world, 'global').models.generateContentStream({ model: 'gemini-3.1-pro-preview', contents: 'hello' })) {
      text += chunk.text ?? '';
    }
    expect(text.length).toBeGreaterThan(0);
    expect(world.journal.entries[0]).toMatchObject({ provider: 'vertex', api: 'streamGenerateContent', stream: true, status: 200 });
  });

  it('meters nothing unless the scenario sets limits', async () => {
    const world = vertexWorld();
    for (let index = 0; index < 5; index++) await client(world).models.generateContent({ model: 'gemini-2.5-pro', contents: 'hi' });
    expect(world.journal.entries.map((entry) => [entry.status, Object.keys(entry.quotaAfter ?? {}).length])).toEqual(Array(5).fill([200, 0]));
  });

  it('refuses over a limit the scenario sets with the shared-capacity 429: no QuotaFailure, no retry hint', async () => {
    const world = vertexWorld({ ledger: { providers: { vertex: { limits: { 'gemini-2.5-flash': { requestsPerMinute: 1 } } } } } });
    await client(world).models.generateContent({ model: 'gemini-2.5-flash', contents: 'one' });
    const error = await rejection(client(world).models.generateContent({ model: 'gemini-2.5-flash', contents: 'two' }), ApiError);
    expect(error.status).toBe(429);
    expect(JSON.parse(error.message)).toEqual({
      error: {
        code: 429,
        message: 'Resource exhausted. Please try again later. Please refer to https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429 for more details.',
        status: 'RESOURCE_EXHAUSTED',
      },
    });
    expect(world.journal.entries[1]).toMatchObject({ status: 429, outcome: 'rate-limited', violations: ['requestsPerMinute'], retryAfterMs: undefined });
  });

  it('answers a model Vertex does not serve with its publisher-model 404', async () => {
    const world = vertexWorld();
    const error = await rejection(client(world).models.generateContent({ model: 'gemini-9', contents: 'hi' }), ApiError);
    expect(error.status).toBe(404);
    expect(error.message).toContain(
      'Publisher Model `projects/my-project/locations/us-central1/publishers/google/models/gemini-9` was not found or your project does not have access to it.',
    );
  });
});
