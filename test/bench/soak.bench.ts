/**
 * `quotastorm mocks serve` under sustained load: memory stays bounded, and
 * the journal stays readable. The served mock runs in its own process, as a
 * user runs it, with `--journal-file`; the autocannon CLI loads it with 50
 * connections — 45 on OpenAI chat completions, 5 on an unknown 2 KB path
 * (the unmatched log) — for a warm-up, then for the soak, while the
 * server's RSS is sampled from /proc. Then:
 *
 *   - RSS growth over the soak (highest sample − the sample after warm-up) < 50 MB;
 *   - the newest 1,000 provider entries (`?log=providers&last=1000`) answer in < 1 s;
 *   - the whole retained journal streams, and the journal file holds every
 *     entry the counters counted.
 *
 * The soak lasts QUOTASTORM_SOAK_SECONDS (default 300, the target's five
 * minutes); `QUOTASTORM_SOAK_SECONDS=20 npm run bench -- soak` is the quick check.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BenchRow } from './measure.ts';

const SOAK_SECONDS = Number(process.env['QUOTASTORM_SOAK_SECONDS'] ?? 300);
const WARM_UP_SECONDS = Math.min(30, Math.max(5, Math.round(SOAK_SECONDS / 10)));
const CHAT_CONNECTIONS = 45;
const UNMATCHED_CONNECTIONS = 5;
const SAMPLE_EVERY_MS = 2_000;
const TARGET_GROWTH_MB = 50;
const TARGET_TAIL_MS = 1_000;
const REQUEST = JSON.stringify({ model: 'gpt-5.2', messages: [{ role: 'user', content: 'How is the weather in Lisbon today?' }] });
const UNKNOWN_PATH = `/nowhere/${'x'.repeat(2_048)}`;
// Limits no soak reaches, as in mocks.bench.ts: it measures serving and retention, not the 429 path.
const SERVE_LIMIT = 'openai/gpt-5.2:rpm=1000000000,tpm=1000000000';

export async function benchSoak(): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'quotastorm-soak-'));
  const journalFile = join(dir, 'journal.jsonl');
  const server = await startServe(['--seed', '1', '--limit', SERVE_LIMIT, '--journal-file', journalFile]);
  try {
    await load(server.url, WARM_UP_SECONDS);
    const afterWarmUp = await rssMb(server.pid);
    let highest = afterWarmUp;
    const sampler = setInterval(() => void rssMb(server.pid).then((mb) => (highest = Math.max(highest, mb)), () => undefined), SAMPLE_EVERY_MS);
    const requests = await load(server.url, SOAK_SECONDS).finally(() => clearInterval(sampler));
    highest = Math.max(highest, await rssMb(server.pid));
    const growth = highest - afterWarmUp;

    const tail = await timed(`${server.url}/_quotastorm/journal?log=providers&last=1000`);
    const full = await timed(`${server.url}/_quotastorm/journal`);
    const counts = (await (await fetch(`${server.url}/_quotastorm/journal/counts`)).json()) as Record<string, { total: number }>;
    const counted = Object.values(counts).reduce((sum, log) => sum + log.total, 0);
    await server.close();
    const inFile = await lineCount(journalFile);
    return [
      {
        name: `mocks serve soak: ${SOAK_SECONDS} s at ${CHAT_CONNECTIONS + UNMATCHED_CONNECTIONS} conn., RSS growth`,
        ms: 0,
        figure: `${growth.toFixed(1)} MB (${afterWarmUp.toFixed(0)} → ${highest.toFixed(0)} MB, ${requests} requests)`,
        target: `< ${TARGET_GROWTH_MB} MB`,
        met: growth < TARGET_GROWTH_MB,
      },
      {
        name: 'journal: newest 1,000 provider entries',
        ms: tail.ms,
        figure: `${tail.ms.toFixed(0)} ms (${tail.lines} lines)`,
        target: `< ${TARGET_TAIL_MS} ms`,
        met: tail.ms < TARGET_TAIL_MS && tail.lines === 1_000,
      },
      { name: 'journal: every retained entry, streamed', ms: full.ms, figure: `${full.ms.toFixed(0)} ms (${full.lines} lines, ${(full.bytes / 1e6).toFixed(1)} MB)` },
      {
        name: 'journal file: every counted entry',
        ms: 0,
        figure: `${inFile} of ${counted} lines`,
        target: 'all',
        met: inFile === counted,
      },
    ];
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** `quotastorm mocks serve …` in its own process; close() sends SIGTERM and waits for the exit (idempotent). */
async function startServe(args: readonly string[]): Promise<{ url: string; pid: number; close(): Promise<void> }> {
  const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
  const child = spawn(process.execPath, [cli, 'mocks', 'serve', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) {
    const url = /^listening (\S+)/.exec(line)?.[1];
    if (url === undefined) continue;
    lines.close();
    child.stdout.resume();
    return {
      url,
      pid: child.pid!,
      close: () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        return exited;
      },
    };
  }
  throw new Error(`mocks serve ${args.join(' ')} exited without printing "listening <url>"`);
}

/** Both loads at once for `seconds`; the requests answered in total. */
async function load(url: string, seconds: number): Promise<number> {
  const [chat, unmatched] = await Promise.all([
    autocannon(`${url}/openai/v1/chat/completions`, CHAT_CONNECTIONS, seconds, ['-m', 'POST', '-H', 'content-type=application/json', '-b', REQUEST]),
    autocannon(`${url}${UNKNOWN_PATH}`, UNMATCHED_CONNECTIONS, seconds, []),
  ]);
  if (chat.non2xx > 0 || chat.errors > 0) throw new Error(`soak chat load got ${chat.non2xx} non-2xx and ${chat.errors} errors`);
  return chat.total + unmatched.total;
}

async function autocannon(url: string, connections: number, seconds: number, extra: readonly string[]) {
  const { stdout } = await promisify(execFile)('autocannon', ['--json', '-c', String(connections), '-d', String(seconds), ...extra, url], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const result = JSON.parse(stdout) as { requests: { total: number }; non2xx: number; errors: number };
  return { total: result.requests.total, non2xx: result.non2xx, errors: result.errors };
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return kb / 1024;
}

async function timed(url: string): Promise<{ ms: number; lines: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url);
  let lines = 0;
  let bytes = 0;
  for await (const chunk of response.body!) {
    bytes += chunk.length;
    lines += newlines(chunk);
  }
  return { ms: performance.now() - started, lines, bytes };
}

async function lineCount(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file)) lines += newlines(chunk as Buffer);
  return lines;
}

function newlines(chunk: Uint8Array): number {
  let count = 0;
  for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) count++;
  return count;
}
