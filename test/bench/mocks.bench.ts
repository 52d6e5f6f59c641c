/**
 * Requests per second through the mocks, against a bare node:http server
 * answering the same JSON, measured in the same run. The served mock is
 * `quotastorm mocks serve` itself, in its own process as a user runs it, and
 * the bare server runs in a process of its own too (bare-server.ts), so
 * neither shares a heap or an event loop with the bench. Load comes from the
 * autocannon CLI in a third process. Bare and served are measured in
 * alternating rounds and the ratio is the median of the rounds' ratios, so a
 * burst of other work on a shared 2-core machine skews one round, not the
 * verdict.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { createRealClock } from '../../src/clock/real-clock.ts';
import { createMockWorld } from '../../mocks/world.ts';
import type { BenchRow } from './measure.ts';

const SECONDS = 2;
const ROUNDS = 5;
const WARM_UP_SECONDS = 1;
const CONNECTIONS = 10;
const TARGET_SERVED_RATIO = 0.5;
const PATH = '/openai/v1/chat/completions';
const REQUEST = JSON.stringify({ model: 'gpt-5.2', messages: [{ role: 'user', content: 'How is the weather in Lisbon today?' }] });
// Limits no bench run can reach (≈ 15,000 requests/s × 220 tokens is far below 10⁹ a minute): it measures
// serving, not the 429 path. Kept within 2³⁰ so the journal holds them as small integers, as real limits are.
const LEDGER = { providers: { openai: { limits: { 'gpt-5.2': { requestsPerMinute: 1e9, tokensPerMinute: 1e9 } } } } };

const SERVE_LIMIT = 'openai/gpt-5.2:rpm=1000000000,tpm=1000000000';

export async function benchMocks(): Promise<BenchRow[]> {
  const inProcessWorld = createMockWorld({ clock: createRealClock(), seed: 1, ledger: LEDGER });
  const sample = await inProcessWorld.fetch(`https://api.openai.com${PATH.slice('/openai'.length)}`, post());
  const reply = JSON.stringify({ body: await sample.text(), headers: Object.fromEntries(sample.headers) });
  const bare = await startServer([fileURLToPath(new URL('./bare-server.ts', import.meta.url)), reply]);
  const served = await startServer([fileURLToPath(new URL('../../src/cli.ts', import.meta.url)), 'mocks', 'serve', '--seed', '1', '--limit', SERVE_LIMIT]);
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
      { name: `bare node:http process, same reply (${CONNECTIONS} conn.)`, ms: 1000 / bareRps, rps: bareRps },
      ratioRow('quotastorm mocks serve (own process, OpenAI chat)', rounds.map((round) => [round.servedRps, round.bareRps]), TARGET_SERVED_RATIO),
      ratioRow('in-process mock fetch (same request)', rounds.map((round) => [round.inProcessRps, round.bareRps])),
    ];
  } finally {
    await served.close();
    await bare.close();
  }
}

/** A server process that prints `listening <url>` as its first line; close() stops it. */
async function startServer(args: readonly string[]): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for await (const line of lines) {
    const url = /^listening (\S+)/.exec(line)?.[1];
    if (url !== undefined) {
      lines.close();
      return { url, close: () => stop(child, exited) };
    }
  }
  throw new Error(`bench server ${args.join(' ')} exited without printing "listening <url>"`);
}

function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  child.kill('SIGTERM');
  return exited;
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
