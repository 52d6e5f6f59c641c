import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/clock/virtual-clock.ts';
import { createMockFetch, UnhandledRequestError } from '../../mocks/fetch.ts';

describe('createMockFetch', () => {
  it('answers from the handlers without touching the network', async () => {
    const mockFetch = createMockFetch([http.get('https://api.example.test/ping', () => HttpResponse.json({ pong: true }))]);
    expect(await (await mockFetch('https://api.example.test/ping')).json()).toEqual({ pong: true });
  });

  it('fails loudly, naming the method and URL, when no handler matches', async () => {
    const mockFetch = createMockFetch([]);
    await expect(mockFetch('https://api.openai.com/v1/models', { method: 'GET' })).rejects.toThrow(UnhandledRequestError);
    await expect(mockFetch('https://api.openai.com/v1/models')).rejects.toThrow('no mock handler for GET https://api.openai.com/v1/models');
  });

  it('is tracked by the clock it is given', async () => {
    const clock = createVirtualClock();
    const labels: string[] = [];
    const trackingClock = { ...clock, wrapFetch: (inner: typeof fetch) => ((input: RequestInfo | URL, init?: RequestInit) => {
      labels.push(String(input));
      return inner(input, init);
    }) as typeof fetch };
    const mockFetch = createMockFetch([http.get('https://api.example.test/ping', () => HttpResponse.text('ok'))], trackingClock);
    await mockFetch('https://api.example.test/ping');
    expect(labels).toEqual(['https://api.example.test/ping']);
  });
});
