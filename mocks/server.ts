/**
 * The mocks over HTTP, for a gateway in another process (a real OpenClaw, a
 * load tool). The routes are the very ones the in-process fetch uses
 * (routes.ts); the server maps a path prefix onto the real origin, matches
 * the route and writes its `WireReply` straight to the socket — no msw
 * matching and no Request/Response objects per request, which cost several
 * times the mock's own work (test/bench/mocks.bench.ts):
 *
 *   /google/v1beta/models/m:generateContent → https://generativelanguage.googleapis.com/v1beta/…
 *   /openai/v1/…  /anthropic/v1/…  /moonshot/v1/…  /xai/v1/…  /telegram/bot<token>/<method>
 *
 * plus a control surface under /_quotastorm/ (journal, injecting Telegram
 * messages). It binds 127.0.0.1 only: load never leaves the machine, and
 * bounds what a client can make it hold (request-limits.ts).
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { journalCounts, parseJournalQuery, streamJournal } from './journal-endpoint.ts';
import { DEFAULT_REQUEST_LIMITS, tooLargeReply, type RequestLimits } from './request-limits.ts';
import { answerFrom, createRouteTable, type MockRequest, type RouteTable } from './routes.ts';
import { injectMessage, type InboundMessage } from './telegram/state.ts';
import type { WireReply } from './wire-reply.ts';
import { MOUNTS, type Mount, type MockWorld } from './world.ts';

const LOOPBACK = '127.0.0.1';

export type MockServer = { readonly url: string; readonly port: number; close(): Promise<void> };

export type ServeOptions = {
  readonly port?: number;
  readonly limits?: Partial<RequestLimits>;
  /**
   * Sees every request as it arrives, before it is read (a coordinator clock counts the requests the mocks hold); a
   * promise it returns is awaited before the request is served (while the coordinator's clock is not yet where the sender is).
   */
  readonly observe?: (request: IncomingMessage, response: ServerResponse) => Promise<void> | undefined | void;
};

/** The port could not be bound (in use, not permitted): the caller's input, not a bug. */
export class ListenError extends Error {
  readonly code: string;

  constructor(message: string, code: string) {
    super(message);
    this.name = 'ListenError';
    this.code = code;
  }
}

/** Unmatched requests keep at most this much of their URL: a path is the client's to choose, and the log outlives it. */
const MAX_LOGGED_URL = 512;

export async function serveMocks(world: MockWorld, options: ServeOptions = {}): Promise<MockServer> {
  const tables = mountTables(world);
  const limits = { ...DEFAULT_REQUEST_LIMITS, ...options.limits };
  // Tracked from arrival, body read included: a virtual clock must not move while a request is being read.
  const server = createHttpServer(serverLimits(limits), (request, response) => {
    const wait = options.observe?.(request, response);
    void world.clock.track(async () => {
      if (wait) await wait;
      await route(world, tables, limits, request, response);
    }, 'serve');
  });
  return listen(server, options.port ?? 0, 'http');
}

/**
 * The Telegram mock as `https://api.telegram.org` itself, for gateway
 * versions without a configurable Bot API root (openclaw 2026.2.26): the
 * caller resolves the name to loopback and trusts `certificatePem` through
 * NODE_EXTRA_CA_CERTS (see tls-certificate.ts).
 */
export async function serveTelegramTls(
  world: MockWorld,
  options: ServeOptions & { certificatePem: string; keyPem: string },
): Promise<MockServer> {
  const table = createRouteTable(world.routesByMount.telegram);
  const limits = { ...DEFAULT_REQUEST_LIMITS, ...options.limits };
  const server = createHttpsServer({ cert: options.certificatePem, key: options.keyPem, ...serverLimits(limits) }, (request, response) => {
    const wait = options.observe?.(request, response);
    void world.clock.track(async () => {
      if (wait) await wait;
      await serve(world, table, { origin: MOUNTS.telegram, errorsAs: 'telegram' }, limits, request.url ?? '/', request, response).catch((error: unknown) => fail(response, error));
    }, 'serve');
  });
  return listen(server, options.port ?? 0, 'https');
}

/**
 * node:http's own guards: a 408 and a closed socket for headers or a request
 * that take too long. It checks them every `connectionsCheckingInterval`
 * (30 s by default), so the check runs often enough for the shortest limit.
 */
function serverLimits(limits: RequestLimits) {
  const checkEveryMs = Math.max(10, Math.min(1_000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4)));
  return { headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: checkEveryMs };
}

function mountTables(world: MockWorld): Readonly<Record<Mount, RouteTable>> {
  const tables = {} as Record<Mount, RouteTable>;
  for (const mount of Object.keys(MOUNTS) as Mount[]) tables[mount] = createRouteTable(world.routesByMount[mount]);
  return tables;
}

async function route(
  world: MockWorld,
  tables: Readonly<Record<Mount, RouteTable>>,
  limits: RequestLimits,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  try {
    const url = request.url ?? '/';
    const end = url.indexOf('/', 1);
    const first = url.slice(1, end < 0 ? url.length : end).split('?')[0]!;
    const rest = end < 0 ? '/' : url.slice(end);
    if (first === '_quotastorm') return await control(world, limits, rest, request, response);
    const provider = Object.hasOwn(world.providerMounts, first) ? world.providerMounts[first] : undefined;
    if (provider !== undefined) return await serve(world, createRouteTable(provider.routes), { origin: provider.origin, errorsAs: 'openai' }, limits, rest, request, response);
    if (!Object.hasOwn(MOUNTS, first)) {
      world.unmatched.record({ atMs: world.clock.now(), method: request.method ?? 'GET', url: loggedUrl(url), status: 404 });
      return sendJson(response, 404, {
        error: `no mock mounted at /${first}; mounts: ${[...Object.keys(MOUNTS), ...Object.keys(world.providerMounts)].map((mount) => `/${mount}`).join(', ')}, /_quotastorm`,
      });
    }
    const mount = first as Mount;
    await serve(world, tables[mount], { origin: MOUNTS[mount], errorsAs: mount }, limits, rest, request, response);
  } catch (error) {
    fail(response, error);
  }
}

/** One request through the mount's routes, as if sent to `origin`; a too-large body gets the `errorsAs` mount's 413. */
async function serve(
  world: MockWorld,
  table: RouteTable,
  { origin, errorsAs }: { origin: string; errorsAs: Mount },
  limits: RequestLimits,
  pathAndQuery: string,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
): Promise<void> {
  const method = incoming.method ?? 'GET';
  const query = pathAndQuery.indexOf('?');
  const pathname = query < 0 ? pathAndQuery : pathAndQuery.slice(0, query);
  const raw = method === 'GET' || method === 'HEAD' ? EMPTY : await readBody(incoming, limits.maxBodyBytes);
  if (raw === TOO_LARGE) return writeReply(tooLargeReply(errorsAs, limits.maxBodyBytes), outgoing);
  const body = raw.toString('utf8');
  const request = new IncomingMockRequest(incoming, `${origin}${pathAndQuery}`, body, outgoing);
  const matches = table.match(origin, method, pathname);
  const reply = matches.length === 0 ? undefined : await world.clock.track(() => answerFrom(matches, request), `serve ${method} ${request.url}`);
  if (reply === undefined) {
    world.unmatched.record({ atMs: world.clock.now(), method, url: loggedUrl(incoming.url ?? pathAndQuery), status: 501 });
    outgoing.writeHead(501, { 'content-type': 'text/plain' }).end(`no mock handler for ${method} ${request.url}\n`);
    return;
  }
  writeReply(reply, outgoing);
}

/**
 * The incoming request as the routes read it. Its signal aborts if the client hangs up before the answer, and is made on
 * first use: few mocks need one (a latency sleep, a long poll) and it costs
 * a listener per request. A class, not an object literal, because the lazy
 * getter must live on a prototype: a getter in a per-request literal gives
 * every request a hidden class of its own, which V8 keeps in old space, and
 * every young-generation GC turned slow (measured: 6× the GC time).
 */
class IncomingMockRequest implements MockRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: MockRequest['headers'];
  readonly #body: Promise<string>;
  readonly #outgoing: ServerResponse;
  #signal: AbortSignal | undefined;

  constructor(incoming: IncomingMessage, url: string, body: string, outgoing: ServerResponse) {
    this.method = incoming.method ?? 'GET';
    this.url = url;
    this.headers = { get: (name) => headerValue(incoming.headers[name.toLowerCase()]) };
    this.#body = Promise.resolve(body);
    this.#outgoing = outgoing;
  }

  get signal(): AbortSignal {
    return (this.#signal ??= hangUpSignal(this.#outgoing, `${this.method} ${this.url}`));
  }

  text(): Promise<string> {
    return this.#body;
  }
}

function hangUpSignal(outgoing: ServerResponse, what: string): AbortSignal {
  const controller = new AbortController();
  const hangUp = () => {
    if (!outgoing.writableFinished) controller.abort(new Error(`client closed the connection: ${what}`));
  };
  if (outgoing.destroyed) hangUp();
  else outgoing.once('close', hangUp);
  return controller.signal;
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Whole bodies in one write; events as they are; a reset is a socket destroyed after the headers. */
function writeReply(reply: WireReply, outgoing: ServerResponse): void {
  const { body } = reply;
  if (body.kind === 'text') {
    const headers = { ...reply.headers, 'content-length': String(Buffer.byteLength(body.text)) };
    return void outgoing.writeHead(reply.status, reply.statusText, headers).end(body.text);
  }
  outgoing.writeHead(reply.status, reply.statusText, reply.headers);
  outgoing.flushHeaders();
  if (body.kind === 'reset') return void outgoing.destroy();
  for (const event of body.events) outgoing.write(event);
  outgoing.end();
  body.onDone();
}

/** `/_quotastorm/…`: what a harness in another process needs to drive and judge a run. */
async function control(world: MockWorld, limits: RequestLimits, pathAndQuery: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const [pathWithSlash = '', search = ''] = pathAndQuery.split('?', 2);
  const path = pathWithSlash.slice(1);
  if (path === 'health' && request.method === 'GET') return sendJson(response, 200, { ok: true });
  if (path === 'journal' && request.method === 'GET') {
    const query = parseJournalQuery(new URLSearchParams(search));
    if (typeof query === 'string') return sendJson(response, 400, { error: query });
    return streamJournal(world, query, response);
  }
  if (path === 'journal/counts' && request.method === 'GET') return sendJson(response, 200, journalCounts(world));
  if (path === 'telegram/sent' && request.method === 'GET') return sendJson(response, 200, world.telegram.state.sent);
  if (path === 'telegram/messages' && request.method === 'POST') {
    const body = await readBody(request, limits.maxBodyBytes);
    if (body === TOO_LARGE) return writeReply(tooLargeReply('control', limits.maxBodyBytes), response);
    const inbound = parseInbound(body);
    if (typeof inbound === 'string') return sendJson(response, 400, { error: inbound });
    return sendJson(response, 200, injectMessage(world.telegram.state, world.clock, inbound));
  }
  sendJson(response, 404, {
    error: `unknown control path /_quotastorm/${path}; known: GET health, GET journal, GET journal/counts, GET telegram/sent, POST telegram/messages`,
  });
}

function parseInbound(body: Buffer): InboundMessage | string {
  const expected = 'expected {"from": {"id": number, "firstName": string}, "text": string, "chat"?: {"id", "type": "group"|"supergroup", "title"}}';
  try {
    const value = JSON.parse(body.toString('utf8')) as Partial<InboundMessage>;
    if (typeof value.text !== 'string' || typeof value.from?.id !== 'number' || typeof value.from.firstName !== 'string') return expected;
    return value as InboundMessage;
  } catch {
    return `body is not JSON; ${expected}`;
  }
}

const EMPTY = Buffer.alloc(0);
const TOO_LARGE = Symbol('body over the limit');

/**
 * The whole body, or TOO_LARGE as soon as the declared or received length
 * passes `maxBytes`: then reading stops and the socket closes after the 413,
 * so an oversized body is never held. Events, not `for await`: the async
 * iterator costs tens of microseconds per request under load.
 */
function readBody(incoming: IncomingMessage, maxBytes: number): Promise<Buffer | typeof TOO_LARGE> {
  const declared = Number(incoming.headers['content-length'] ?? 0);
  if (declared > maxBytes) return Promise.resolve(refuse(incoming));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= maxBytes) return void chunks.push(chunk);
      incoming.off('data', onData);
      chunks.length = 0;
      resolve(refuse(incoming));
    };
    incoming.on('data', onData);
    incoming.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    incoming.once('error', reject);
  });
}

/** Stops reading: the 413 goes out with `connection: close`, and node:http closes the socket after it. */
function refuse(incoming: IncomingMessage): typeof TOO_LARGE {
  incoming.pause();
  return TOO_LARGE;
}

function loggedUrl(url: string): string {
  return url.length <= MAX_LOGGED_URL ? url : `${url.slice(0, MAX_LOGGED_URL)}… (${url.length} chars)`;
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }).end(body);
}

function fail(response: ServerResponse, error: unknown): void {
  if (response.headersSent) return void response.destroy();
  response.writeHead(500, { 'content-type': 'text/plain' }).end(`quotastorm mock server error: ${String(error)}\n`);
}

function listen(server: Server, port: number, scheme: 'http' | 'https'): Promise<MockServer> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, port)));
    server.listen(port, LOOPBACK, () => {
      const bound = (server.address() as AddressInfo).port;
      resolve({
        url: `${scheme}://${LOOPBACK}:${bound}`,
        port: bound,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function listenError(error: NodeJS.ErrnoException, port: number): Error {
  const reasons: Record<string, string> = {
    EADDRINUSE: 'is already in use (another server holds it; pick another port, or 0 for a free one)',
    EACCES: 'may not be bound by this user (ports below 1024 need privileges)',
  };
  const reason = error.code === undefined ? undefined : reasons[error.code];
  return reason === undefined ? error : new ListenError(`port ${port} on ${LOOPBACK} ${reason}`, error.code!);
}
