/**
 * An injected `fetch` that answers from msw handlers in-process: no sockets,
 * no global patching (ARCHITECTURE.md, mocks/), so two gateways can share a
 * process and load tools stay fast. Pass it to the SDKs' `fetch` option
 * (@google/genai: `httpOptions.fetch`).
 *
 * Wrapped in `clock.wrapFetch`, so a virtual clock counts the exchange as
 * work in flight and does not jump time while a response is being built.
 * A request no handler matches is a bug in the simulation, never a reason to
 * touch the network: it fails loudly with its method and URL.
 */
import { getResponse, type RequestHandler } from 'msw';
import type { Clock } from '../../src/clock/clock.ts';

export function createMockFetch(handlers: readonly RequestHandler[], clock?: Clock): typeof fetch {
  const list = [...handlers];
  const mockFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const response = await getResponse(list, request);
    if (!response) throw new UnhandledRequestError(request);
    return response;
  };
  return clock ? clock.wrapFetch(mockFetch as typeof fetch) : (mockFetch as typeof fetch);
}

/** No mock handles this request: the simulation reached outside its mocks. */
export class UnhandledRequestError extends TypeError {
  readonly code = 'QUOTASTORM_UNHANDLED_REQUEST';

  constructor(request: Request) {
    super(
      `no mock handler for ${request.method} ${request.url}: ` +
        'add the provider\'s handlers to the mock fetch, or fix the base URL the client uses',
    );
    this.name = 'UnhandledRequestError';
  }
}
