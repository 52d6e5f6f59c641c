import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/clock/virtual-clock.ts';
import { createPromptSpy } from '../../src/sut/prompt-spy.ts';
import type { MockRequest, MockRoute } from '../../mocks/routes.ts';

const answer: MockRoute = { method: 'POST', origin: 'https://api.openai.com', path: '/v1/chat/completions', handle: async () => ({ status: 200, body: 'ok' }) as never };
const request = (body: string): MockRequest => ({ method: 'POST', url: 'https://api.openai.com/v1/chat/completions', headers: { get: () => null }, signal: new AbortController().signal, text: async () => body });

describe('the prompt spy', () => {
  it('notes when a request body first carried a message, as the gateway passes it on: trimmed, inside its own JSON', async () => {
    const clock = createVirtualClock({ startMs: 1_000 });
    const spy = createPromptSpy(clock);
    const [spyRoute, route] = spy.wrap([answer]);
    spy.expect(7, '  say "hi"\nplease  ');
    expect(await spyRoute!.handle(request(JSON.stringify({ messages: [{ content: 'unrelated' }] })), {})).toBeUndefined();
    expect(spy.reachedAtMs(7)).toBeUndefined();
    await clock.advanceBy(500);
    await spyRoute!.handle(request(JSON.stringify({ messages: [{ content: 'Conversation info …\n\nsay "hi"\nplease' }] })), {});
    await clock.advanceBy(500);
    await spyRoute!.handle(request(JSON.stringify({ messages: [{ content: 'say "hi"\nplease' }] })), {});
    expect(spy.reachedAtMs(7)).toBe(1_500);
    expect(route).toBe(answer);
  });
});
