/**
 * The same routes, as msw handlers, intercepting the real hostnames through msw's
 * setupServer, for clients that cannot take an injected fetch. This file
 * patches globals, so it stays alone in its fork (vitest isolates files).
 */
import OpenAI from 'openai';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerRoutes } from '../../mocks/providers/index.ts';
import { toMswHandlers } from '../../mocks/routes.ts';
import { createWorld } from './support/world.ts';

const world = createWorld(providerRoutes);
const server = setupServer(...toMswHandlers(providerRoutes(world)));

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

describe('provider routes under setupServer', () => {
  it('answers an SDK that uses the global fetch on the real hostname', async () => {
    const openai = new OpenAI({ apiKey: 'sk-test', maxRetries: 0 });
    const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'abcd' }] });
    expect(completion.usage?.prompt_tokens).toBe(1);
    expect(world.journal.where({ provider: 'openai', status: 200 })).toHaveLength(1);
  });
});
