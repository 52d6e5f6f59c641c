import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createRealClock } from '../clock/real-clock.ts';
import { ledgerConfigFromFlags } from '../../mocks/providers/limit-spec.ts';
import { serveMocks, serveTelegramTls, type MockServer } from '../../mocks/server.ts';
import { generateCertificate } from '../../mocks/telegram/tls-certificate.ts';
import { createMockWorld } from '../../mocks/world.ts';

export type MocksServeOptions = {
  port: number;
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
  const world = createMockWorld({ clock: createRealClock(), seed: options.seed, ledger: ledgerConfigFromFlags(options.limit, options.scope) });
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
