import { spawn } from 'node:child_process';
import { request as httpsRequest } from 'node:https';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import { Api } from 'grammy';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createPrng, createVirtualClock } from '../../src/clock/index.ts';
import { createFaultPlan } from '../../mocks/providers/fault-plan.ts';
import { parseFaultSchedule } from '../../mocks/providers/fault-schedule.ts';
import { serveMocks, serveTelegramTls, type MockServer } from '../../mocks/server.ts';
import { generateCertificate } from '../../mocks/telegram/tls-certificate.ts';
import { createMockWorld, type MockWorld } from '../../mocks/world.ts';
import { decodeEventMessages } from './support/event-stream.ts';

const SEED = 7;
const open: MockServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

// A virtual clock nobody drives: time stands still, so both ways of serving see the same instants.
const world = () => createMockWorld({ clock: createVirtualClock(), seed: SEED });

async function served(w: MockWorld): Promise<MockServer> {
  const server = await serveMocks(w);
  open.push(server);
  return server;
}

/** The same three calls through the official SDKs, against wherever `clients` point. */
async function conversation(clients: { openai: OpenAI; anthropic: Anthropic; gemini: GoogleGenAI }): Promise<string[]> {
  const chat = await clients.openai.chat.completions.create({ model: 'gpt-5.2', messages: [{ role: 'user', content: 'hello there' }] });
  const message = await clients.anthropic.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 200,
    messages: [{ role: 'user', content: 'hello there' }],
  });
  const stream = await clients.gemini.models.generateContentStream({ model: 'gemini-2.5-flash', contents: 'hello there' });
  const parts: string[] = [];
  for await (const chunk of stream) parts.push(chunk.text ?? '');
  const anthropicText = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
  return [chat.choices[0]!.message.content ?? '', anthropicText, parts.join('')];
}

describe('mocks served over HTTP', () => {
  it('answer exactly as the in-process fetch does: same replies, same journal', async () => {
    const inProcess = world();
    const overHttp = world();
    const { url } = await served(overHttp);
    const viaFetch = await conversation({
      openai: new OpenAI({ apiKey: 'sk-test', maxRetries: 0, fetch: inProcess.fetch }),
      anthropic: new Anthropic({ apiKey: 'sk-ant-test', maxRetries: 0, fetch: inProcess.fetch }),
      gemini: new GoogleGenAI({ apiKey: 'gemini-key', httpOptions: { fetch: inProcess.fetch } as never }),
    });
    const viaHttp = await conversation({
      openai: new OpenAI({ apiKey: 'sk-test', maxRetries: 0, baseURL: `${url}/openai/v1` }),
      anthropic: new Anthropic({ apiKey: 'sk-ant-test', maxRetries: 0, baseURL: `${url}/anthropic` }),
      gemini: new GoogleGenAI({ apiKey: 'gemini-key', httpOptions: { baseUrl: `${url}/google` } }),
    });
    expect(viaFetch.every((text) => text.length > 0)).toBe(true);
    expect(viaHttp).toEqual(viaFetch);
    expect(overHttp.journal.toJsonl()).toBe(inProcess.journal.toJsonl());
  });

  it('serves a provider 429 with its headers over the wire', async () => {
    const w = createMockWorld({
      clock: createVirtualClock(),
      seed: SEED,
      ledger: { providers: { openai: { limits: { 'gpt-5.2': { requestsPerMinute: 1 } } } } },
    });
    const { url } = await served(w);
    const openai = new OpenAI({ apiKey: 'sk-test', maxRetries: 0, baseURL: `${url}/openai/v1` });
    const ask = () => openai.chat.completions.create({ model: 'gpt-5.2', messages: [{ role: 'user', content: 'hi' }] });
    await ask();
    const refused = await ask().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
    expect((refused as InstanceType<typeof OpenAI.RateLimitError>).headers.get('x-ratelimit-limit-requests')).toBe('1');
  });

  it('lets a harness inject a Telegram message that the bot then polls', async () => {
    const w = world();
    const { url } = await served(w);
    const injected = await fetch(`${url}/_quotastorm/telegram/messages`, {
      method: 'POST',
      body: JSON.stringify({ from: { id: 424242, firstName: 'Ada' }, text: 'hello bot' }),
    });
    expect(injected.status).toBe(200);
    const bot = new Api('123456:test', { apiRoot: `${url}/telegram` });
    const updates = await bot.getUpdates();
    expect(updates.map((update) => update.message?.text)).toEqual(['hello bot']);
    await bot.sendMessage(424242, 'hi Ada');
    const journal = (await journalLines(`${url}/_quotastorm/journal?log=telegram`)) as Array<{ method: string }>;
    expect(journal.map((entry) => entry.method)).toEqual(['getUpdates', 'sendMessage']);
  });

  it('resets the connection after the headers when a fault says so, for whole bodies too', async () => {
    const clock = createVirtualClock();
    const schedule = parseFaultSchedule({ rules: [{ match: { model: 'gpt-5.2' }, fault: 'reset-after-headers' }] }, 'test');
    const w = createMockWorld({ clock, seed: SEED, faults: createFaultPlan(schedule, { prng: createPrng(1).fork('faults'), startMs: clock.now() }) });
    const { url } = await served(w);
    const openai = new OpenAI({ apiKey: 'sk-test', maxRetries: 0, baseURL: `${url}/openai/v1` });
    const failure = await openai.chat.completions.create({ model: 'gpt-5.2', messages: [{ role: 'user', content: 'hi' }] }).catch((error: unknown) => error);
    // The headers said 200; reading the body hits the reset: undici's "terminated", not an HTTP error status.
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as Error).message).toBe('terminated');
  });

  it('ends a latency sleep when the client hangs up, leaving no timer behind', async () => {
    const clock = createVirtualClock();
    const schedule = parseFaultSchedule({ rules: [{ match: { model: 'gpt-5.2' }, latency: { distribution: 'fixed', ms: 60_000 } }] }, 'test');
    const w = createMockWorld({ clock, seed: SEED, faults: createFaultPlan(schedule, { prng: createPrng(1).fork('faults'), startMs: clock.now() }) });
    const { url } = await served(w);
    const controller = new AbortController();
    const body = JSON.stringify({ model: 'gpt-5.2', messages: [{ role: 'user', content: 'hi' }] });
    const pending = fetch(`${url}/openai/v1/chat/completions`, { method: 'POST', body, signal: controller.signal }).catch((error: unknown) => error);
    await until(() => clock.pendingTimerCount() === 1);
    controller.abort();
    await pending;
    await until(() => clock.pendingTimerCount() === 0);
    expect(w.journal.entries.map((entry) => [entry.status, entry.latencyMs])).toEqual([[200, 60_000]]);
  });

  it('logs requests no mock answered, with their status, in the journal it serves', async () => {
    const w = createMockWorld({ clock: createVirtualClock({ startMs: Date.UTC(2026, 1, 27, 12) }), seed: SEED });
    const { url } = await served(w);
    expect((await fetch(`${url}/openai/v2/chat/completions`, { method: 'POST', body: '{}' })).status).toBe(501);
    expect((await fetch(`${url}/mistral/v1/chat/completions`)).status).toBe(404);
    expect(await journalLines(`${url}/_quotastorm/journal`)).toEqual([
      { log: 'unmatched', seq: 1, atMs: Date.UTC(2026, 1, 27, 12), method: 'POST', url: '/openai/v2/chat/completions', status: 501 },
      { log: 'unmatched', seq: 2, atMs: Date.UTC(2026, 1, 27, 12), method: 'GET', url: '/mistral/v1/chat/completions', status: 404 },
    ]);
  });

  it('logs an unmatched in-process request before the fetch throws', async () => {
    const w = world();
    await expect(w.fetch('https://api.openai.com/v2/chat/completions', { method: 'POST', body: '{}' })).rejects.toThrow('no mock handler');
    expect(w.unmatched.entries.map((entry) => [entry.method, entry.url, entry.status])).toEqual([
      ['POST', 'https://api.openai.com/v2/chat/completions', undefined],
    ]);
  });

  it('serves Vertex AI under /google-vertex, on the path @google/genai builds with vertexai: true', async () => {
    const w = world();
    const { url } = await served(w);
    const vertex = new GoogleGenAI({
      vertexai: true,
      project: 'p',
      location: 'us-central1',
      apiKey: 'vertex-key',
      apiVersion: 'v1',
      httpOptions: { baseUrl: `${url}/google-vertex` },
    });
    const response = await vertex.models.generateContent({ model: 'gemini-2.5-pro', contents: 'hello there' });
    expect(response.text?.length).toBeGreaterThan(0);
    expect(w.journal.entries.map((entry) => [entry.provider, entry.api, entry.model, entry.status])).toEqual([['vertex', 'generateContent', 'gemini-2.5-pro', 200]]);
  });

  it('serves Cloud Code Assist under /google-gemini-cli, answering in its wrapped chunks', async () => {
    const w = world();
    const { url } = await served(w);
    const body = { model: 'gemini-2.5-flash', project: 'p', request: { contents: [{ role: 'user', parts: [{ text: 'hello there' }] }] } };
    const response = await fetch(`${url}/google-gemini-cli/v1internal:generateContent`, {
      method: 'POST',
      headers: { authorization: 'Bearer token', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(((await response.json()) as { response: { candidates: unknown[] } }).response.candidates).toHaveLength(1);
    expect(w.journal.entries.map((entry) => [entry.provider, entry.model, entry.status])).toEqual([['gemini-cli', 'gemini-2.5-flash', 200]]);
  });

  it('serves Bedrock under /amazon-bedrock, the event stream bytes intact', async () => {
    const w = world();
    const { url } = await served(w);
    const model = encodeURIComponent('anthropic.claude-sonnet-4-5-20250929-v1:0');
    const response = await fetch(`${url}/amazon-bedrock/model/${model}/converse-stream`, {
      method: 'POST',
      headers: { authorization: 'Bearer bedrock-api-key', 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: [{ text: 'hello there' }] }] }),
    });
    const messages = decodeEventMessages(new Uint8Array(await response.arrayBuffer()));
    expect(messages.map((message) => message.headers[':event-type']).at(-1)).toBe('metadata');
    expect(w.journal.entries.map((entry) => [entry.provider, entry.api, entry.status])).toEqual([['bedrock', 'converse-stream', 200]]);
  });

  it('names the mounts when a path has none', async () => {
    const { url } = await served(world());
    const response = await fetch(`${url}/azure/v1/chat`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('/google, /openai, /anthropic, /moonshot, /xai, /google-vertex, /google-gemini-cli, /amazon-bedrock, /telegram');
  });

  it('answers as https://api.telegram.org with a generated certificate', async () => {
    const w = world();
    const certificate = await generateCertificate('api.telegram.org', await mkdtemp(join(tmpdir(), 'quotastorm-tls-')));
    const server = await serveTelegramTls(w, certificate);
    open.push(server);
    const body = await new Promise<string>((resolve, reject) => {
      const request = httpsRequest(
        { host: '127.0.0.1', port: server.port, servername: 'api.telegram.org', path: '/bot123456:test/getMe', ca: certificate.certificatePem },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve(text));
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(JSON.parse(body)).toMatchObject({ ok: true, result: { id: 123456, is_bot: true } });
  });

  it('runs as `quotastorm mocks serve`, printing where it listens first', async () => {
    const child = spawn(process.execPath, ['src/cli.ts', 'mocks', 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const firstLine = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
    expect(firstLine).toMatch(/^listening http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${firstLine.slice('listening '.length)}/_quotastorm/health`);
    expect(await health.json()).toEqual({ ok: true });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

/** `GET /_quotastorm/journal…` as NDJSON, one object per line. */
async function journalLines(url: string): Promise<unknown[]> {
  const response = await fetch(url);
  expect(response.headers.get('content-type')).toBe('application/x-ndjson');
  return (await response.text()).split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as unknown);
}

/** Polls real time (the server runs on real sockets) until `condition` holds, for at most two seconds. */
async function until(condition: () => boolean): Promise<void> {
  for (let waitedMs = 0; !condition(); waitedMs += 10) {
    if (waitedMs > 2_000) throw new Error('condition not reached within 2 s');
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => globalThis.setTimeout(resolve, 10));
  }
}
