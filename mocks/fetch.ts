/**
 * Injected `fetch` functions that answer from the mocks in-process: no
 * sockets, no global patching, so two gateways can
 * share a process and load tools stay fast. Pass one to the SDKs' `fetch`
 * option (@google/genai: `httpOptions.fetch`).
 *
 * - `createRouteFetch(table)` dispatches straight to the mocks' routes: the
 *   body string the client sent is the body the mock reads, with no Request
 *   object and no msw matching in between (routes.ts). The mock world's
 *   fetch, used by the embedded gateway.
 * - `createMockFetch(handlers)` answers from any msw handlers through msw's
 *   `getResponse`, for handlers written with msw itself.
 *
 * Both are wrapped in `clock.wrapFetch`, so a virtual clock counts the
 * exchange as work in flight and does not jump time while an answer is being
 * built. A request nothing answers is a bug in the simulation, never a reason
 * to touch the network: it fails loudly with its method and URL. An aborted
 * request rejects with the signal's reason at once, as fetch does; the mock
 * sees the same signal, so a latency sleep ends too (providers/latency.ts).
 */
import { getResponse, type RequestHandler } from 'msw';
import type { Clock } from '../src/clock/clock.ts';
import { answerFrom, type MockRequest, rereadable, type RouteTable } from './routes.ts';
import { toResponse } from './wire-reply.ts';

/** `onUnmatched` hears of a request no route answered, before fetch throws (world.ts logs it). */
export function createRouteFetch(
  table: RouteTable,
  clock?: Clock,
  options: { onUnmatched?: (method: string, url: string) => void } = {},
): typeof fetch {
  const routeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = mockRequestOf(input, withNativeSignal(init));
    request.signal.throwIfAborted();
    const url = new URL(request.url);
    const matches = table.match(url.origin, request.method, url.pathname);
    const reply = await untilAborted(answerFrom(matches, request), request.signal);
    if (reply === undefined) {
      options.onUnmatched?.(request.method, request.url);
      throw new UnhandledRequestError(request.method, request.url);
    }
    return toResponse(reply);
  };
  return clock ? clock.wrapFetch(routeFetch as typeof fetch) : (routeFetch as typeof fetch);
}

export function createMockFetch(handlers: readonly RequestHandler[], clock?: Clock): typeof fetch {
  const list = [...handlers];
  const mockFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, withNativeSignal(init));
    request.signal.throwIfAborted();
    const response = await untilAborted(getResponse(list, request), request.signal);
    if (!response) throw new UnhandledRequestError(request.method, request.url);
    return response;
  };
  return clock ? clock.wrapFetch(mockFetch as typeof fetch) : (mockFetch as typeof fetch);
}

/** No mock handles this request: the simulation reached outside its mocks. */
export class UnhandledRequestError extends TypeError {
  readonly code = 'QUOTASTORM_UNHANDLED_REQUEST';

  constructor(method: string, url: string) {
    super(`no mock handler for ${method} ${url}: add the provider's handlers to the mock fetch, or fix the base URL the client uses`);
    this.name = 'UnhandledRequestError';
  }
}

/**
 * The request as the mocks read it. The common case — a URL and a string
 * body, as every SDK sends JSON — builds no Request; anything else (a
 * Request, FormData, a stream) goes through one.
 */
function mockRequestOf(input: RequestInfo | URL, init: RequestInit | undefined): MockRequest {
  const body = init?.body;
  if (input instanceof Request || (body !== undefined && body !== null && typeof body !== 'string')) {
    return rereadable(new Request(input, init));
  }
  const text = Promise.resolve(body ?? '');
  return {
    method: (init?.method ?? 'GET').toUpperCase(),
    url: String(input),
    headers: new Headers(init?.headers),
    signal: init?.signal ?? NEVER_ABORTED,
    text: () => text,
  };
}

const NEVER_ABORTED = new AbortController().signal;

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal === NEVER_ABORTED) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Some clients pass a polyfilled AbortSignal (grammY on Node uses the
 * `abort-controller` package), which the platform Request refuses. Bridge it
 * to a native one so cancellation still reaches the mock.
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
