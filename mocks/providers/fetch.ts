/**
 * An injected `fetch` that answers from msw handlers in-process: no sockets,
 * no global patching (ARCHITECTURE.md, mocks/), so two gateways can share a
 * process and load tools stay fast. Pass it to the SDKs' `fetch` option
 * (@google/genai: `httpOptions.fetch`).
 *
 * Wrapped in `clock.wrapFetch`, so a virtual clock counts the exchange as
 * work in flight and does not jump time while a response is being built.
 * A request no handler matches is a bug in the simulation, never a reason to
 * touch the network: it fails loudly with its method and URL. An aborted
 * request rejects with the signal's reason at once, as fetch does; the
 * handler sees the same signal, so a latency sleep ends too (latency.ts).
 */
import { getResponse, type RequestHandler } from 'msw';
import type { Clock } from '../../src/clock/clock.ts';

export function createMockFetch(handlers: readonly RequestHandler[], clock?: Clock): typeof fetch {
  const list = [...handlers];
  const mockFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, withNativeSignal(init));
    request.signal.throwIfAborted();
    const response = await untilAborted(getResponse(list, request), request.signal);
    if (!response) throw new UnhandledRequestError(request);
    return response;
  };
  return clock ? clock.wrapFetch(mockFetch as typeof fetch) : (mockFetch as typeof fetch);
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
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

/**
 * Some clients pass a polyfilled AbortSignal (grammY on Node uses the
 * `abort-controller` package), which the platform Request refuses. Bridge it
 * to a native one so cancellation still reaches the handler.
 */
function withNativeSignal(init: RequestInit | undefined): RequestInit | undefined {
  const signal: unknown = init?.signal;
  if (signal === undefined || signal === null || signal instanceof AbortSignal || !isSignalLike(signal)) return init;
  const controller = new AbortController();
  if (signal.aborted) controller.abort();
  else signal.addEventListener('abort', () => controller.abort(), { once: true });
  return { ...init, signal: controller.signal };
}

type SignalLike = { aborted: boolean; addEventListener(type: 'abort', listener: () => void, options?: { once: boolean }): void };

function isSignalLike(value: unknown): value is SignalLike {
  return typeof value === 'object' && value !== null && 'aborted' in value && 'addEventListener' in value;
}

