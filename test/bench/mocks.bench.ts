/**
 * Requests per second through the mocks, against a bare node:http server
 * answering the same JSON, measured in the same run. Load comes from the
 * autocannon CLI in its own process (an in-process driver would be slowed
 * by its own event loop, and by msw's socket interception where present).
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { createRealClock } from '../../src/clock/real-clock.ts';
import { serveMocks } from '../../mocks/server.ts';
import { createMockWorld } from '../../mocks/world.ts';
import type { BenchRow } from './measure.ts';

const SECONDS = 3;
const CONNECTIONS = 10;
const TARGET_SERVED_RATIO = 0.5;
const PATH = '/openai/v1/chat/completions';
const REQUEST = JSON.stringify({ model: 'gpt-5.2', messages: [{ role: 'user', content: 'How is the weather in Lisbon today?' }] });
// High limits: the bench measures serving, not the 429 path.
const LEDGER = { providers: { openai: { limits: { 'gpt-5.2': { requestsPerMinute: 1e9, tokensPerMinute: 1e12 } } } } };

export async function benchMocks(): Promise<BenchRow[]> {
  const world = createMockWorld({ clock: createRealClock(), seed: 1, ledger: LEDGER });
  const sample = await (await world.fetch(`https://api.openai.com${PATH.slice('/openai'.length)}`, post())).text();
  const bare = await bareServer(sample);
  const served = await serveMocks(world);
  try {
    const bareRps = await autocannon(`${bare.url}${PATH}`);
    const servedRps = await autocannon(`${served.url}${PATH}`);
    const inProcessRps = await inProcess(world.fetch);
    return [
      { name: `bare node:http, same JSON (${CONNECTIONS} connections)`, ms: 1000 / bareRps, rps: bareRps },
      ratioRow('mocks serve (HTTP, OpenAI chat completion)', servedRps, bareRps, TARGET_SERVED_RATIO),
      ratioRow('in-process mock fetch (same request)', inProcessRps, bareRps),
    ];
  } finally {
    await served.close();
    await bare.close();
  }
}

function ratioRow(name: string, rps: number, baselineRps: number, target?: number): BenchRow {
  const ratio = rps / baselineRps;
  return { name, ms: 1000 / rps, rps, ratio, ...(target === undefined ? {} : { target: `≥ ${target}× bare`, met: ratio >= target }) };
}

function post(): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench' }, body: REQUEST };
}

async function bareServer(body: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => server.closeAllConnections()),
  };
}

async function autocannon(url: string): Promise<number> {
  const { stdout } = await promisify(execFile)(
    'autocannon',
    ['--json', '-c', String(CONNECTIONS), '-d', String(SECONDS), '-m', 'POST', '-H', 'content-type=application/json', '-H', 'authorization=Bearer sk-bench', '-b', REQUEST, url],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const result = JSON.parse(stdout) as { requests: { average: number }; non2xx: number; errors: number };
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`bench load on ${url} got ${result.non2xx} non-2xx and ${result.errors} errors`);
  return result.requests.average;
}

/** The same request through the injected fetch, CONNECTIONS loops at once, for SECONDS. */
async function inProcess(mockFetch: typeof fetch): Promise<number> {
  const url = `https://api.openai.com${PATH.slice('/openai'.length)}`;
  const endAt = performance.now() + SECONDS * 1000;
  let done = 0;
  const loop = async () => {
    while (performance.now() < endAt) {
      await (await mockFetch(url, post())).text();
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  return done / ((performance.now() - started) / 1000);
}
