/**
 * The mocks over HTTP, for a gateway in another process (a real OpenClaw, a
 * load tool). The handlers are the very ones the in-process fetch uses; the
 * server only maps a path prefix onto the real origin and copies bytes:
 *
 *   /google/v1beta/models/m:generateContent → https://generativelanguage.googleapis.com/v1beta/…
 *   /openai/v1/…  /anthropic/v1/…  /moonshot/v1/…  /xai/v1/…  /telegram/bot<token>/<method>
 *
 * plus a control surface under /_quotastorm/ (journal, injecting Telegram
 * messages). It binds 127.0.0.1 only: load never leaves the machine.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';
import { isStreamReset } from './providers/stream-faults.ts';
import { injectMessage, type InboundMessage } from './telegram/state.ts';
import { MOUNTS, type Mount, type MockWorld } from './world.ts';

export const LOOPBACK = '127.0.0.1';

export type MockServer = { readonly url: string; readonly port: number; close(): Promise<void> };

export async function serveMocks(world: MockWorld, options: { port?: number } = {}): Promise<MockServer> {
  const server = createHttpServer((request, response) => void route(world, request, response));
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
  options: { port?: number; certificatePem: string; keyPem: string },
): Promise<MockServer> {
  const handlers = world.handlersByMount.telegram;
  const server = createHttpsServer({ cert: options.certificatePem, key: options.keyPem }, (request, response) =>
    void relay(world, handlers, MOUNTS.telegram, request.url ?? '/', request, response).catch((error: unknown) => fail(response, error)),
  );
  return listen(server, options.port ?? 0, 'https');
}

async function route(world: MockWorld, request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    const url = new URL(request.url ?? '/', `http://${LOOPBACK}`);
    const [, first = '', ...rest] = url.pathname.split('/');
    if (first === '_quotastorm') return await control(world, rest.join('/'), request, response);
    if (!(first in MOUNTS)) {
      return sendJson(response, 404, {
        error: `no mock mounted at /${first}; mounts: ${Object.keys(MOUNTS).map((mount) => `/${mount}`).join(', ')}, /_quotastorm`,
      });
    }
    const mount = first as Mount;
    await relay(world, world.handlersByMount[mount], MOUNTS[mount], `/${rest.join('/')}${url.search}`, request, response);
  } catch (error) {
    fail(response, error);
  }
}

/** One request through msw's `getResponse`, as if sent to `origin`. */
async function relay(
  world: MockWorld,
  handlers: readonly RequestHandler[],
  origin: string,
  pathAndQuery: string,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
): Promise<void> {
  const request = new Request(new URL(pathAndQuery, origin), {
    method: incoming.method ?? 'GET',
    headers: headersOf(incoming),
    ...(incoming.method === 'GET' || incoming.method === 'HEAD' ? {} : { body: new Uint8Array(await readBody(incoming)) }),
  });
  const response = await world.clock.track(() => getResponse([...handlers], request), `serve ${request.method} ${request.url}`);
  if (response === undefined) {
    outgoing.writeHead(501, { 'content-type': 'text/plain' }).end(`no mock handler for ${request.method} ${request.url}\n`);
    return;
  }
  if (response.type === 'error') return void outgoing.destroy();
  await writeResponse(response, outgoing);
}

async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'content-length') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  if (response.body === null) return void outgoing.writeHead(response.status, headers).end();
  if (!(response.headers.get('content-type') ?? '').includes('text/event-stream')) {
    // Whole bodies are buffered: faster than streaming small JSON. A body the mock resets after the
    // headers (a fault) resets the socket after the headers here too.
    let body: Buffer;
    try {
      body = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      if (!isStreamReset(error)) throw error;
      outgoing.writeHead(response.status, headers);
      outgoing.flushHeaders();
      return void outgoing.destroy();
    }
    return void outgoing.writeHead(response.status, { ...headers, 'content-length': String(body.length) }).end(body);
  }
  outgoing.writeHead(response.status, headers);
  outgoing.flushHeaders();
  try {
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) outgoing.write(chunk);
    outgoing.end();
  } catch {
    // A stream the mock errors after the headers (a reset fault) is a reset on the wire too.
    outgoing.destroy();
  }
}

/** `/_quotastorm/…`: what a harness in another process needs to drive and judge a run. */
async function control(world: MockWorld, path: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (path === 'health' && request.method === 'GET') return sendJson(response, 200, { ok: true });
  if (path === 'journal' && request.method === 'GET') {
    return sendJson(response, 200, { providers: world.journal.entries, telegram: world.telegram.journal.entries });
  }
  if (path === 'telegram/sent' && request.method === 'GET') return sendJson(response, 200, world.telegram.state.sent);
  if (path === 'telegram/messages' && request.method === 'POST') {
    const inbound = parseInbound(await readBody(request));
    if (typeof inbound === 'string') return sendJson(response, 400, { error: inbound });
    return sendJson(response, 200, injectMessage(world.telegram.state, world.clock, inbound));
  }
  sendJson(response, 404, {
    error: `unknown control path /_quotastorm/${path}; known: GET health, GET journal, GET telegram/sent, POST telegram/messages`,
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

function headersOf(incoming: IncomingMessage): Headers {
  const headers = new Headers();
  for (let i = 0; i < incoming.rawHeaders.length; i += 2) headers.append(incoming.rawHeaders[i]!, incoming.rawHeaders[i + 1]!);
  return headers;
}

// Events, not `for await`: the async iterator costs tens of microseconds per request under load.
function readBody(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    incoming.once('error', reject);
  });
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
    server.once('error', reject);
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
