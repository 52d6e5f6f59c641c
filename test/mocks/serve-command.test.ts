import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

const held: Server[] = [];
afterEach(async () => {
  await Promise.all(held.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A loopback port some other server already holds. */
async function portInUse(): Promise<number> {
  const server = createServer();
  held.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

describe('quotastorm mocks serve, given a port it cannot use', () => {
  it('names the port in use in one line and exits 2', async () => {
    const port = await portInUse();
    const { code, stdout, stderr } = await cli('mocks', 'serve', '--port', String(port));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([`quotastorm: --port: port ${port} on 127.0.0.1 is already in use (another server holds it; pick another port, or 0 for a free one).`]);
  });

  it('refuses a port out of range before listening', async () => {
    const { code, stdout, stderr } = await cli('mocks', 'serve', '--port', '99999');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--port needs a port from 0 to 65535 (0 picks a free one), got "99999"');
  });

  it('prints no "listening" when the Telegram TLS port is in use', async () => {
    const port = await portInUse();
    const certDir = await mkdtemp(join(tmpdir(), 'quotastorm-tls-'));
    const { code, stdout, stderr } = await cli('mocks', 'serve', '--port', '0', '--telegram-tls-port', String(port), '--cert-dir', certDir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`--telegram-tls-port: port ${port} on 127.0.0.1 is already in use`);
  });

  it('refuses to overwrite an existing journal file', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'quotastorm-journal-')), 'journal.jsonl');
    await writeFile(file, 'earlier run\n');
    const { code, stderr } = await cli('mocks', 'serve', '--journal-file', file);
    expect(code).toBe(2);
    expect(stderr).toContain(`--journal-file ${file} exists; remove it or name a new file.`);
    expect(await readFile(file, 'utf8')).toBe('earlier run\n');
  });
});

describe('quotastorm mocks serve --journal-file', () => {
  it('writes every entry of every log, even those the ring dropped', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'quotastorm-journal-')), 'journal.jsonl');
    const child = spawn(process.execPath, ['src/cli.ts', 'mocks', 'serve', '--journal-recent', '1', '--journal-file', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const firstLine = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
    const url = firstLine.slice('listening '.length);
    for (const path of ['/nowhere/1', '/nowhere/2', '/nowhere/3']) await (await fetch(`${url}${path}`)).text();
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const lines = (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { log: string; seq: number; url: string });
    expect(lines.map(({ log, seq, url: path }) => [log, seq, path])).toEqual([
      ['unmatched', 1, '/nowhere/1'],
      ['unmatched', 2, '/nowhere/2'],
      ['unmatched', 3, '/nowhere/3'],
    ]);
  });
});
