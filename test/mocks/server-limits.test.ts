import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/clock/index.ts';
import type { RequestLimits } from '../../mocks/request-limits.ts';
import { serveMocks, type MockServer } from '../../mocks/server.ts';
import { createMockWorld } from '../../mocks/world.ts';

const open: MockServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

async function served(limits: Partial<RequestLimits> = {}): Promise<MockServer> {
  const server = await serveMocks(createMockWorld({ clock: createVirtualClock(), seed: 1, retain: { recent: 100 } }), { limits });
  open.push(server);
  return server;
}

/**
 * Writes `text` on a raw socket and reports the first response line once the
 * server closes it, or `open` after `waitMs`. The socket lives in a child
 * process: the offline guard (nock) intercepts sockets in this one.
 */
async function rawExchange(port: number, text: string, waitMs: number): Promise<{ statusLine: string; response: string; closedAfterMs: number } | 'open'> {
  const client = `
    const started = process.hrtime.bigint();
    const socket = require('node:net').connect(${port}, '127.0.0.1', () => socket.write(${JSON.stringify(text)}));
    let response = '';
    socket.on('data', (chunk) => (response += chunk));
    socket.on('error', () => {});
    const guard = setTimeout(() => { process.stdout.write('"open"'); process.exit(0); }, ${waitMs});
    socket.on('close', () => {
      clearTimeout(guard);
      process.stdout.write(JSON.stringify({ statusLine: response.split('\\r\\n')[0], response, closedAfterMs: Number(process.hrtime.bigint() - started) / 1e6 }));
    });`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', client]);
  return JSON.parse(stdout) as { statusLine: string; response: string; closedAfterMs: number } | 'open';
}

const CHAT = '/openai/v1/chat/completions';

describe('the served mock bounds what a client can make it hold', () => {
  it('refuses a declared body over the limit with a 413 before reading any of it', async () => {
    const { port } = await served({ maxBodyBytes: 1_000 });
    // Only the headers are sent: the answer cannot have waited for the body.
    const exchange = await rawExchange(port, `POST ${CHAT} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n`, 2_000);
    expect(exchange).not.toBe('open');
    const { statusLine, response } = exchange as { statusLine: string; response: string };
    expect(statusLine).toBe('HTTP/1.1 413 Payload Too Large');
    expect(JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4))).toEqual({
      error: { message: "Request body exceeds the mock's limit of 1000 bytes (--max-body-bytes).", type: 'invalid_request_error', param: null, code: null },
    });
  });

  it('refuses a streamed body once it grows past the limit, in the provider error envelope', async () => {
    const { url } = await served({ maxBodyBytes: 1_000 });
    const anthropic = await fetch(`${url}/anthropic/v1/messages`, { method: 'POST', body: new Blob(['x'.repeat(5_000)]).stream(), duplex: 'half' } as RequestInit);
    expect(anthropic.status).toBe(413);
    expect(((await anthropic.json()) as { error: { type: string } }).error.type).toBe('request_too_large');
    const telegram = await fetch(`${url}/telegram/bot1:x/sendMessage`, { method: 'POST', body: 'x'.repeat(5_000) });
    expect(await telegram.json()).toEqual({ ok: false, error_code: 413, description: 'Request Entity Too Large' });
  });

  it('answers a body within the limit as before', async () => {
    const { url } = await served({ maxBodyBytes: 1_000 });
    const body = JSON.stringify({ model: 'gpt-5.2', messages: [{ role: 'user', content: 'hi' }] });
    expect((await fetch(`${url}${CHAT}`, { method: 'POST', body })).status).toBe(200);
  });

  it('ends a request whose body is shorter than its Content-Length with a 408, not a hang', async () => {
    const { port } = await served({ headersTimeoutMs: 100, requestTimeoutMs: 300 });
    const exchange = await rawExchange(port, `POST ${CHAT} HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"model":`, 3_000);
    expect(exchange).not.toBe('open');
    expect((exchange as { statusLine: string }).statusLine).toBe('HTTP/1.1 408 Request Timeout');
  });

  it('closes a socket whose headers never end (slowloris)', async () => {
    const { port } = await served({ headersTimeoutMs: 100, requestTimeoutMs: 300 });
    const exchange = await rawExchange(port, 'GET /_quotastorm/health HTTP/1.1\r\nHost: x\r\nX-Slow: 1\r\n', 3_000);
    expect(exchange).not.toBe('open');
    expect((exchange as { closedAfterMs: number }).closedAfterMs).toBeLessThan(2_000);
  });

  it('keeps only the start of an unmatched URL', async () => {
    const { url } = await served();
    await (await fetch(`${url}/nowhere/${'x'.repeat(4_000)}`)).text();
    const [entry] = await ndjson(`${url}/_quotastorm/journal?log=unmatched`);
    expect((entry as { url: string }).url).toMatch(/^\/nowhere\/x+… \(4009 chars\)$/);
    expect((entry as { url: string }).url.length).toBeLessThan(600);
  });
});

describe('GET /_quotastorm/journal', () => {
  async function withRequests(count: number): Promise<string> {
    const { url } = await served();
    for (let i = 0; i < count; i++) await (await fetch(`${url}/nowhere/${i}`)).text();
    return url;
  }
  const seqs = (entries: unknown[]) => entries.map((entry) => (entry as { seq: number }).seq);

  it('pages with since and limit, by sequence number', async () => {
    const url = await withRequests(5);
    expect(seqs(await ndjson(`${url}/_quotastorm/journal?log=unmatched&since=1&limit=2`))).toEqual([2, 3]);
    expect(seqs(await ndjson(`${url}/_quotastorm/journal?log=unmatched&since=3`))).toEqual([4, 5]);
  });

  it('gives the newest entries with last', async () => {
    const url = await withRequests(5);
    expect(seqs(await ndjson(`${url}/_quotastorm/journal?log=unmatched&last=2`))).toEqual([4, 5]);
  });

  it('serves only what the ring retains, and counts everything', async () => {
    const url = await withRequests(120);
    expect(seqs(await ndjson(`${url}/_quotastorm/journal?log=unmatched`))).toEqual(Array.from({ length: 100 }, (_, i) => i + 21));
    const counts = (await (await fetch(`${url}/_quotastorm/journal/counts`)).json()) as Record<string, unknown>;
    expect(counts['unmatched']).toEqual({ total: 120, retained: 100, byStatus: { '404': 120 } });
  });

  it("streams a run's full journal in batches, every entry once and in order", async () => {
    const world = createMockWorld({ clock: createVirtualClock(), seed: 1 });
    for (let i = 0; i < 2_500; i++) world.unmatched.record({ atMs: 0, method: 'GET', url: `/nowhere/${i}`, status: 404 });
    const server = await serveMocks(world);
    open.push(server);
    expect(seqs(await ndjson(`${server.url}/_quotastorm/journal?log=unmatched`))).toEqual(Array.from({ length: 2_500 }, (_, i) => i + 1));
    expect(seqs(await ndjson(`${server.url}/_quotastorm/journal?log=unmatched&since=999&limit=1002`))).toEqual(Array.from({ length: 1_002 }, (_, i) => i + 1_000));
  });

  it('refuses a query it cannot read, naming the parameter', async () => {
    const url = await withRequests(0);
    const response = await fetch(`${url}/_quotastorm/journal?since=-1`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'since must be a whole number ≥ 0, got "-1"' });
    expect((await fetch(`${url}/_quotastorm/journal?log=ledger`)).status).toBe(400);
  });
});

async function ndjson(url: string): Promise<unknown[]> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return (await response.text()).split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as unknown);
}
