/**
 * The mocks' one definition: a route is a method, a real origin, a path
 * pattern and a handler from a `MockRequest` to a `WireReply`. The same
 * routes are served three ways (docs/design-notes.md, Mocks):
 *
 *   - `routeFetch`: an injected fetch that dispatches straight to them;
 *   - `toMswHandlers`: msw handlers, for `setupServer` or msw's `getResponse`;
 *   - `mocks serve` (server.ts): matched here, written to the socket.
 *
 * Paths name parameters in braces, `/v1beta/models/{model}:generateContent`,
 * so a literal `:` needs no escaping and both msw's pattern and the server's
 * regular expression are derived from one string.
 */
import { http, type RequestHandler } from 'msw';
import { toResponse, type WireReply } from './wire-reply.ts';

/**
 * A request as every mock reads it: the part of a WHATWG `Request` the mocks
 * use, so a real Request fits and `mocks serve` can build one without it.
 * `text()` may be called more than once (a spy and the mock both read it).
 */
export type MockRequest = {
  readonly method: string;
  /** Absolute, on the real origin (`https://api.openai.com/v1/chat/completions`). */
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  readonly signal: AbortSignal;
  text(): Promise<string>;
};

export type RouteParams = Readonly<Record<string, string>>;

export type MockRoute = {
  /** `ALL` matches any method (the Bot API takes GET and POST alike). */
  readonly method: 'GET' | 'POST' | 'ALL';
  readonly origin: string;
  /** Path pattern with `{name}` parameters, matched against the whole pathname. */
  readonly path: string;
  /** The reply, or undefined to let the next route answer (a spy that only records). */
  handle(request: MockRequest, params: RouteParams): Promise<WireReply | undefined>;
};

export type RouteMatch = { readonly route: MockRoute; readonly params: RouteParams };

/** Routes compiled for matching by origin, method and pathname; first match wins, as in msw. */
export type RouteTable = {
  readonly routes: readonly MockRoute[];
  match(origin: string, method: string, pathname: string): RouteMatch[];
};

export function createRouteTable(routes: readonly MockRoute[]): RouteTable {
  const compiled = routes.map((route) => ({ route, ...compilePath(route.path) }));
  return {
    routes,
    match(origin, method, pathname) {
      const matches: RouteMatch[] = [];
      for (const entry of compiled) {
        if (entry.route.origin !== origin || (entry.route.method !== 'ALL' && entry.route.method !== method)) continue;
        const found = entry.pattern.exec(pathname);
        if (found) matches.push({ route: entry.route, params: paramsOf(entry.names, found) });
      }
      return matches;
    },
  };
}

/** Asks each matching route in turn; undefined when none answers. */
export async function answerFrom(matches: readonly RouteMatch[], request: MockRequest): Promise<WireReply | undefined> {
  for (const { route, params } of matches) {
    const reply = await route.handle(request, params);
    if (reply !== undefined) return reply;
  }
  return undefined;
}

/** The routes as msw handlers (`setupServer`, `getResponse`), answering fetch Responses. */
export function toMswHandlers(routes: readonly MockRoute[]): RequestHandler[] {
  return routes.map((route) => {
    const method = route.method === 'ALL' ? http.all : route.method === 'GET' ? http.get : http.post;
    return method(`${route.origin}${mswPath(route.path)}`, async ({ request, params }) => {
      const reply = await route.handle(rereadable(request), stringParams(params));
      return reply === undefined ? undefined : toResponse(reply);
    });
  });
}

/** A WHATWG Request whose body can be read more than once. */
export function rereadable(request: Request): MockRequest {
  let body: Promise<string> | undefined;
  return {
    method: request.method,
    url: request.url,
    headers: request.headers,
    signal: request.signal,
    text: () => (body ??= request.text()),
  };
}

function compilePath(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split(/(\{\w+\})/)
    .map((piece) => {
      const name = /^\{(\w+)\}$/.exec(piece)?.[1];
      if (name === undefined) return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), names };
}

/** msw's syntax: `:name` parameters, literal colons escaped. */
function mswPath(path: string): string {
  return path
    .split(/(\{\w+\})/)
    .map((piece) => (/^\{\w+\}$/.test(piece) ? `:${piece.slice(1, -1)}` : piece.replaceAll(':', '\\:')))
    .join('');
}

function paramsOf(names: readonly string[], found: RegExpExecArray): RouteParams {
  const params: Record<string, string> = {};
  names.forEach((name, index) => {
    params[name] = decodeURIComponent(found[index + 1]!);
  });
  return params;
}

function stringParams(params: Record<string, string | readonly string[] | undefined>): RouteParams {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) if (value !== undefined) out[name] = String(value);
  return out;
}
