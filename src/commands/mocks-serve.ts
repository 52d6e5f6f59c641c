import { once } from 'node:events';
import { open } from 'node:fs/promises';
import type { WriteStream } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createRealClock } from '../clock/real-clock.ts';
import { ledgerConfigFromFlags } from '../../mocks/providers/limit-spec.ts';
import { ListenError, serveMocks, serveTelegramTls, type MockServer, type ServeOptions } from '../../mocks/server.ts';
import { generateCertificate } from '../../mocks/telegram/tls-certificate.ts';
import { createMockWorld, type LogName } from '../../mocks/world.ts';
import { createFaultPlan } from '../../mocks/providers/fault-plan.ts';
import { parseFaultSchedule } from '../../mocks/providers/fault-schedule.ts';
import { createPrng } from '../clock/prng.ts';
import { UserError } from '../errors.ts';
import { loadConfig, parseJson5, readConfigFile } from '../config/load.ts';
import { PROFILES, type ProfileName } from '../gateway/profiles/index.ts';
import { providerMountsOf } from '../scenario/provider-mounts.ts';

export type MocksServeOptions = {
  port: number;
  /** A fault schedule (JSON5, mocks/providers/fault-schedule.ts), e.g. a trace case's `faults`. */
  faults?: string;
  limit: string[];
  scope?: string;
  seed: number;
  telegramTlsPort?: number;
  certDir?: string;
  /** How many of the newest entries each log keeps in memory (the journal endpoint serves these). */
  journalRecent: number;
  /** Every entry of every log as JSONL, `{"log": …, "seq": …, …}`; a new file. */
  journalFile?: string;
  maxBodyBytes: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** An openclaw.json whose own providers (ollama, OpenRouter, vLLM, …) get a mount each, at `/<provider id>`. */
  config?: string;
  /** Whose built-in catalog resolves the config's providers. */
  profile: ProfileName;
};

/**
 * `quotastorm mocks serve`: every mock over HTTP on 127.0.0.1 until SIGINT or
 * SIGTERM. The first line of stdout is `listening <url>`, printed once every
 * server listens, for harnesses that start it and read where it went. Real
 * time: another process is on the other end of the socket. It runs for as
 * long as it is left running, so its logs keep only their newest entries
 * and exact counts; `--journal-file` keeps everything, on disk.
 */
export async function runMocksServe(options: MocksServeOptions): Promise<number> {
  const clock = createRealClock();
  const faults = options.faults === undefined ? undefined : await loadFaultPlan(options.faults, options.seed, clock.now());
  if (options.headersTimeoutMs > options.requestTimeoutMs) {
    throw new UserError(`--headers-timeout-ms ${options.headersTimeoutMs} is longer than --request-timeout-ms ${options.requestTimeoutMs}; the headers are part of the request.`);
  }
  const mounts = options.config === undefined ? {} : providerMountsOf((await loadConfig(options.config)).config, PROFILES[options.profile]);
  const journalFile = options.journalFile === undefined ? undefined : await openJournalFile(options.journalFile);
  const world = createMockWorld({
    clock,
    seed: options.seed,
    ...mounts,
    ledger: ledgerConfigFromFlags(options.limit, options.scope),
    ...(faults === undefined ? {} : { faults }),
    retain: { recent: options.journalRecent, ...(journalFile === undefined ? {} : { sink: journalFile.write }) },
  });
  const serve: ServeOptions = {
    limits: { maxBodyBytes: options.maxBodyBytes, headersTimeoutMs: options.headersTimeoutMs, requestTimeoutMs: options.requestTimeoutMs },
  };
  const servers: MockServer[] = [];
  const stopped = untilSignal();
  try {
    servers.push(await listening(serveMocks(world, { ...serve, port: options.port }), '--port'));
    const tls =
      options.telegramTlsPort === undefined
        ? undefined
        : await generateCertificate('api.telegram.org', options.certDir ?? join(tmpdir(), 'quotastorm-tls')).then(async (certificate) => ({
            certificate,
            server: await listening(serveTelegramTls(world, { ...serve, port: options.telegramTlsPort, ...certificate }), '--telegram-tls-port'),
          }));
    process.stdout.write(`listening ${servers[0]!.url}\n`);
    if (tls !== undefined) {
      servers.push(tls.server);
      process.stdout.write(
        `listening ${tls.server.url} as https://api.telegram.org (trust ${tls.certificate.certificateFile} via NODE_EXTRA_CA_CERTS)\n`,
      );
    }
    const own = Object.keys(world.providerMounts).map((providerId) => ` /${providerId}`).join('');
    process.stdout.write(`mounts: /google /openai /anthropic /moonshot /xai /google-vertex /google-gemini-cli /amazon-bedrock /telegram${own}; journal: GET ${servers[0]!.url}/_quotastorm/journal\n`);
    await stopped;
  } finally {
    await Promise.all(servers.map((server) => server.close()));
    await journalFile?.close();
  }
  return 0;
}

function untilSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

/** A server that could not bind is the user's to fix: one line naming the flag, exit 2. */
async function listening(server: Promise<MockServer>, flag: string): Promise<MockServer> {
  try {
    return await server;
  } catch (error) {
    if (error instanceof ListenError) throw new UserError(`${flag}: ${error.message}.`);
    throw error;
  }
}

/**
 * `--journal-file`: a new file (an existing one is refused rather than
 * overwritten or mixed with another run's lines), written as entries are
 * recorded. A write error is reported once and ends the file, not the server.
 */
async function openJournalFile(path: string): Promise<{ write: (log: LogName, line: string) => void; close(): Promise<void> }> {
  let stream: WriteStream;
  try {
    stream = (await open(path, 'wx')).createWriteStream();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'exists; remove it or name a new file' : `cannot be created (${(error as Error).message})`;
    throw new UserError(`--journal-file ${path} ${reason}. Expected a path for a new JSONL file.`);
  }
  let failed = false;
  stream.on('error', (error) => {
    failed = true;
    process.stderr.write(`--journal-file ${path}: writing failed (${error.message}); the server goes on without it.\n`);
  });
  return {
    write: (log, line) => {
      if (!failed) stream.write(`{"log":"${log}",${line.slice(1)}\n`);
    },
    close: async () => {
      if (failed) return;
      stream.end();
      await once(stream, 'finish');
    },
  };
}

/**
 * `--faults FILE`: a fault schedule, or a trace case whose `faults` key holds
 * one (scenarios/trace-cases/*.json5), on the seed's `faults` stream; `when`
 * windows count from the moment the server starts.
 */
async function loadFaultPlan(file: string, seed: number, startMs: number) {
  const raw = parseJson5(await readConfigFile(file, 'Fault schedule', 'Expected a fault schedule {rules: [...]} (JSON5), or a trace case whose `faults` key holds one.'), file, 'fault schedule');
  const schedule = typeof raw === 'object' && raw !== null && 'faults' in raw && !('rules' in raw) ? (raw as { faults: unknown }).faults : raw;
  return createFaultPlan(parseFaultSchedule(schedule, file), { prng: createPrng(seed).fork('faults'), startMs });
}
