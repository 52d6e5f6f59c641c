import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSON5 from 'json5';
import { tmpdir } from 'node:os';
import { createRealClock } from '../clock/real-clock.ts';
import { ledgerConfigFromFlags } from '../../mocks/providers/limit-spec.ts';
import { serveMocks, serveTelegramTls, type MockServer } from '../../mocks/server.ts';
import { generateCertificate } from '../../mocks/telegram/tls-certificate.ts';
import { createMockWorld } from '../../mocks/world.ts';
import { createFaultPlan } from '../../mocks/providers/fault-plan.ts';
import { parseFaultSchedule } from '../../mocks/providers/fault-schedule.ts';
import { createPrng } from '../clock/prng.ts';
import { UserError } from '../errors.ts';

export type MocksServeOptions = {
  port: number;
  /** A fault schedule (JSON5, mocks/providers/fault-schedule.ts), e.g. a trace case's `faults`. */
  faults?: string;
  limit: string[];
  scope?: string;
  seed: number;
  telegramTlsPort?: number;
  certDir?: string;
};

/**
 * `quotastorm mocks serve`: every mock over HTTP on 127.0.0.1 until SIGINT or
 * SIGTERM. The first line of stdout is `listening <url>`, for harnesses that
 * start it and read where it went. Real time: another process is on the
 * other end of the socket.
 */
export async function runMocksServe(options: MocksServeOptions): Promise<number> {
  const clock = createRealClock();
  const faults = options.faults === undefined ? undefined : await loadFaultPlan(options.faults, options.seed, clock.now());
  const world = createMockWorld({
    clock,
    seed: options.seed,
    ledger: ledgerConfigFromFlags(options.limit, options.scope),
    ...(faults === undefined ? {} : { faults }),
  });
  const servers: MockServer[] = [await serveMocks(world, { port: options.port })];
  process.stdout.write(`listening ${servers[0]!.url}\n`);
  if (options.telegramTlsPort !== undefined) {
    const certificate = await generateCertificate('api.telegram.org', options.certDir ?? join(tmpdir(), 'quotastorm-tls'));
    const tls = await serveTelegramTls(world, { port: options.telegramTlsPort, ...certificate });
    servers.push(tls);
    process.stdout.write(`listening ${tls.url} as https://api.telegram.org (trust ${certificate.certificateFile} via NODE_EXTRA_CA_CERTS)\n`);
  }
  process.stdout.write(`mounts: /google /openai /anthropic /moonshot /xai /telegram; journal: GET ${servers[0]!.url}/_quotastorm/journal\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await Promise.all(servers.map((server) => server.close()));
  return 0;
}

/**
 * `--faults FILE`: a fault schedule, or a trace case whose `faults` key holds
 * one (scenarios/trace-cases/*.json5), on the seed's `faults` stream; `when`
 * windows count from the moment the server starts.
 */
async function loadFaultPlan(file: string, seed: number, startMs: number) {
  let raw: unknown;
  try {
    raw = JSON5.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UserError(`--faults ${file} could not be read as JSON5 (${(error as Error).message}). Expected a fault schedule {rules: [...]}.`);
  }
  const schedule = typeof raw === 'object' && raw !== null && 'faults' in raw && !('rules' in raw) ? (raw as { faults: unknown }).faults : raw;
  return createFaultPlan(parseFaultSchedule(schedule, file), { prng: createPrng(seed).fork('faults'), startMs });
}
