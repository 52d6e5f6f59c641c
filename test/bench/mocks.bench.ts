/**
 * Requests per second through the mocks, against a bare node:http server
 * answering the same JSON, measured in the same run. Load comes from the
 * autocannon CLI in its own process (an in-process driver would be slowed
 * by its own event loop). Bare and served are measured in alternating
 * rounds and the ratio is the median of the rounds' ratios, so a burst of
 * other work on a shared 2-core machine skews one round, not the verdict.
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

const SECONDS = 2;
const ROUNDS = 3;
const WARM_UP_SECONDS = 1;
const CONNECTIONS = 10;
const TARGET_SERVED_RATIO = 0.5;
const PATH = '/openai/v1/chat/completions';
const REQUEST = JSON.stringify({ model: 'gpt-5.2', messages: [{ role: 'user', content: 'How is the weather in Lisbon today?' }] });
// Limits no bench run can reach (≈ 15,000 requests/s × 220 tokens is far below 10⁹ a minute): it measures
// serving, not the 429 path. Kept within 2³⁰ so the journal holds them as small integers, as real limits are.
const LEDGER = { providers: { openai: { limits: { 'gpt-5.2': { requestsPerMinute: 1e9, tokensPerMinute: 1e9 } } } } };

export async function benchMocks(): Promise<BenchRow[]> {
  // One world per way of serving: each journal grows only with its own requests, as it would in use.
  const servedWorld = createMockWorld({ clock: createRealClock(), seed: 1, ledger: LEDGER });
  const inProcessWorld = createMockWorld({ clock: createRealClock(), seed: 1, ledger: LEDGER });
  const sample = await inProcessWorld.fetch(`https://api.openai.com${PATH.slice('/openai'.length)}`, post());
  const bare = await bareServer(await sample.text(), Object.fromEntries(sample.headers));
  const served = await serveMocks(servedWorld);
  try {
    // Warm-up: both servers JIT-compiled before anything counts.
    await autocannon(`${bare.url}${PATH}`, WARM_UP_SECONDS);
    await autocannon(`${served.url}${PATH}`, WARM_UP_SECONDS);
    const rounds: Array<{ bareRps: number; servedRps: number; inProcessRps: number }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const bareRps = await autocannon(`${bare.url}${PATH}`);
      const servedRps = await autocannon(`${served.url}${PATH}`);
      rounds.push({ bareRps, servedRps, inProcessRps: await inProcess(inProcessWorld.fetch) });
    }
    const bareRps = median(rounds.map((round) => round.bareRps));
    return [
      { name: `bare node:http, same JSON and headers (${CONNECTIONS} conn.)`, ms: 1000 / bareRps, rps: bareRps },
      ratioRow('mocks serve (HTTP, OpenAI chat completion)', rounds.map((round) => [round.servedRps, round.bareRps]), TARGET_SERVED_RATIO),
      ratioRow('in-process mock fetch (same request)', rounds.map((round) => [round.inProcessRps, round.bareRps])),
    ];
  } finally {
    await served.close();
    await bare.close();
  }
}

/** Median requests/s and median per-round ratio of `[rps, bareRps]` pairs. */
function ratioRow(name: string, rounds: ReadonlyArray<readonly [number, number]>, target?: number): BenchRow {
  const rps = median(rounds.map(([measured]) => measured));
  const ratio = median(rounds.map(([measured, baseline]) => measured / baseline));
  return { name, ms: 1000 / rps, rps, ratio, ...(target === undefined ? {} : { target: `≥ ${target}× bare`, met: ratio >= target }) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function post(): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench' }, body: REQUEST };
}

/** The baseline: the mock's own answer — same JSON, same headers — sent with no work at all. */
async function bareServer(body: string, headers: Record<string, string>): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, 'OK', { ...headers, 'content-length': String(Buffer.byteLength(body)) }).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => server.closeAllConnections()),
  };
}

async function autocannon(url: string, seconds = SECONDS): Promise<number> {
  const { stdout } = await promisify(execFile)(
    'autocannon',
    ['--json', '-c', String(CONNECTIONS), '-d', String(seconds), '-m', 'POST', '-H', 'content-type=application/json', '-H', 'authorization=Bearer sk-bench', '-b', REQUEST, url],
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
