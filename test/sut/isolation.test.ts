/**
 * Isolation and cleanup against a real gateway: a recording that fails on
 * purpose (the gateway is killed mid-case, or the recorder gets Ctrl-C /
 * SIGTERM) leaves no process and no network namespace behind.
 *
 * Needs root (ip netns) and an installed openclaw@2026.2.26; without them the
 * tests are skipped and their names say why.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRealClock } from '../../src/clock/real-clock.ts';
import { findInstalled } from '../../src/sut/install.ts';
import { canUseNamespaces, createNamespace, deleteNamespace, hostsDir, listNamespaces, namespacePids, sweepStaleNamespaces } from '../../src/sut/netns.ts';
import { descendantPids, isAlive } from '../../src/sut/process-tree.ts';
import { OPENCLAW_VERSIONS } from '../../src/sut/versions.ts';

const clock = createRealClock();
const namespaces = canUseNamespaces();
const installed = findInstalled(OPENCLAW_VERSIONS['2026.2.26']!);
const noNamespaces = namespaces.ok ? undefined : `skipped: ${namespaces.reason}`;
const noGateway =
  noNamespaces ??
  (installed ? undefined : 'skipped: openclaw@2026.2.26 is not installed (node src/cli.ts gateway install openclaw@2026.2.26; ~540 MB)');

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(noNamespaces !== undefined)(`network namespaces${noNamespaces ? ` (${noNamespaces})` : ''}`, () => {
  it('creates a loopback-only namespace with a hosts file, and removes it with everything in it', async () => {
    const name = `qs-test-${process.pid}`;
    await createNamespace(name, clock, { loopbackNames: ['api.telegram.org'] });
    try {
      expect(await listNamespaces(clock)).toContain(name);
      expect(readFileSync(join(hostsDir(name), 'hosts'), 'utf8')).toContain('127.0.0.1 api.telegram.org');
      const sleeper = spawn('ip', ['netns', 'exec', name, 'sleep', '60'], { stdio: 'ignore' });
      await clock.sleep(300);
      expect(await namespacePids(name, clock)).not.toEqual([]);
      const links = await runIn(name, ['ip', '-o', 'link', 'show']);
      expect(links.trim().split('\n').map((line) => line.split(':')[1]?.trim())).toEqual(['lo']);
      const killed = await deleteNamespace(name, clock);
      expect(killed.length).toBeGreaterThan(0);
      expect(sleeper.pid !== undefined && isAlive(sleeper.pid)).toBe(false);
    } finally {
      await deleteNamespace(name, clock);
    }
    expect(await listNamespaces(clock)).not.toContain(name);
    expect(existsSync(hostsDir(name))).toBe(false);
  });

  it('sweeps a qs-<pid> namespace whose supervisor is dead', async () => {
    const deadPid = await deadProcessId();
    const name = `qs-${deadPid}`;
    await createNamespace(name, clock);
    expect(await sweepStaleNamespaces(clock)).toContain(name);
    expect(await listNamespaces(clock)).not.toContain(name);
  });
});

describe.skipIf(noGateway !== undefined)(`cleanup after a failed recording${noGateway ? ` (${noGateway})` : ''}`, () => {
  it(
    'the gateway killed mid-case: the recording fails, no process and no namespace are left',
    async () => {
      const run = await startRecording();
      const gatewayPid = await waitForGateway(run.runsDir);
      await waitForLog(run, /turn 1: "/);
      const tree = [gatewayPid, ...descendantPids(gatewayPid)];
      process.kill(gatewayPid, 'SIGKILL');
      const exit = await run.exited;
      expect(exit.code).toBe(1);
      expect(run.output()).toMatch(/The gateway exited during turn 1/);
      await expectNothingLeft(run, tree);
    },
    180_000,
  );

  it(
    'SIGTERM to quotastorm record mid-case: exit 143, no process and no namespace are left',
    async () => {
      const run = await startRecording();
      const gatewayPid = await waitForGateway(run.runsDir);
      await waitForLog(run, /turn 1: "/);
      const tree = [gatewayPid, ...descendantPids(gatewayPid)];
      run.child.kill('SIGTERM');
      const exit = await run.exited;
      expect(exit.code).toBe(143);
      await expectNothingLeft(run, tree);
    },
    180_000,
  );

  it(
    'Ctrl-C (SIGINT to the whole process group) mid-case: exit 130, no process and no namespace are left',
    async () => {
      const run = await startRecording({ ownGroup: true });
      const gatewayPid = await waitForGateway(run.runsDir);
      await waitForLog(run, /turn 1: "/);
      const tree = [gatewayPid, ...descendantPids(gatewayPid)];
      process.kill(-run.child.pid!, 'SIGINT');
      const exit = await run.exited;
      expect(exit.code).toBe(130);
      await expectNothingLeft(run, tree);
    },
    180_000,
  );
});

type Recording = {
  child: ReturnType<typeof spawn>;
  runsDir: string;
  exited: Promise<{ code: number | null }>;
  output(): string;
};

/** `record flash-429-pro-429-other-ok` (a 30 s turn: time to interfere) into scratch folders. */
async function startRecording(options: { ownGroup?: boolean } = {}): Promise<Recording> {
  const dir = await mkdtemp(join(tmpdir(), 'quotastorm-isolation-'));
  scratch.push(dir);
  const runsDir = join(dir, 'runs');
  const child = spawn(
    process.execPath,
    ['src/cli.ts', 'record', 'flash-429-pro-429-other-ok', '--gateway', 'openclaw@2026.2.26', '--runs-dir', runsDir, '--out-dir', join(dir, 'out')],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: options.ownGroup ?? false },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null }>((resolve) => child.once('exit', (code) => resolve({ code })));
  return { child, runsDir, exited, output: () => output };
}

async function waitForGateway(runsDir: string): Promise<number> {
  const file = join(runsDir, 'openclaw-2026.2.26', 'flash-429-pro-429-other-ok', 'gateway.pid');
  const deadline = clock.now() + 120_000;
  while (clock.now() < deadline) {
    if (existsSync(file)) return Number(readFileSync(file, 'utf8'));
    await clock.sleep(100);
  }
  throw new Error(`no ${file} after 120 s`);
}

async function waitForLog(run: Recording, pattern: RegExp): Promise<void> {
  const deadline = clock.now() + 120_000;
  while (clock.now() < deadline) {
    if (pattern.test(run.output())) return;
    await clock.sleep(100);
  }
  throw new Error(`the recording never printed ${pattern}:\n${run.output()}`);
}

async function expectNothingLeft(run: Recording, tree: number[]): Promise<void> {
  const name = /network namespace (qs-\d+)/.exec(run.output())?.[1];
  expect(name, run.output()).toBeDefined();
  expect(await listNamespaces(clock)).not.toContain(name);
  expect(existsSync(hostsDir(name!))).toBe(false);
  expect(tree.filter(isAlive)).toEqual([]);
  expect(run.output()).toMatch(new RegExp(`removed network namespace ${name}`));
}

function runIn(name: string, command: string[]): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('ip', ['netns', 'exec', name, ...command], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('close', () => resolve(out));
  });
}

/** The pid of a process that has exited (and been reaped). */
function deadProcessId(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('true');
    child.once('exit', () => resolve(child.pid!));
  });
}
