import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startCoordinator, type Coordinator } from '../../../src/clock/coordinator/coordinator.ts';

const PRELOAD = pathToFileURL(fileURLToPath(new URL('../../../src/clock/coordinator/follower.ts', import.meta.url))).href;
const FIXTURES = new URL('../../fixtures/clock-coordinator/', import.meta.url);
const START_MS = Date.UTC(2026, 1, 27, 8);

type Run = { readonly coordinator: Coordinator; readonly arrivals: { path: string; atMs: number }[]; readonly seen: Promise<unknown[]> };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A coordinator, a server answering on its clock (/slow after 500 ms, /hang after 60 s), and the follower process. */
async function startFollower(script = 'follower.mjs', options: { runAhead?: boolean } = {}): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'quotastorm-vt-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const coordinator = await startCoordinator({ startMs: START_MS, dir, ...options });
  cleanups.push(() => coordinator.close());
  const { clock } = coordinator;
  const arrivals: { path: string; atMs: number }[] = [];
  let report: (seen: unknown[]) => void = () => undefined;
  const seen = new Promise<unknown[]>((resolve) => (report = resolve));
  const server: Server = createServer((request, response) => {
    const wait = coordinator.observe(request, response);
    void clock.track(async () => {
      if (wait) await wait;
      arrivals.push({ path: request.url ?? '', atMs: clock.now() - START_MS });
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      if (request.url === '/done') report(JSON.parse(Buffer.concat(chunks).toString()) as unknown[]);
      if (request.url === '/slow') await clock.sleep(500);
      if (request.url === '/hang') await clock.sleep(60_000);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ servedAtMs: clock.now() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  server.closeIdleConnections();
  coordinator.expectParty();
  const child = spawn(process.execPath, [fileURLToPath(new URL(script, FIXTURES)), `http://127.0.0.1:${(server.address() as AddressInfo).port}`], {
    env: { ...process.env, ...coordinator.env, NODE_OPTIONS: `--import=${PRELOAD}` },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  cleanups.push(() => void child.kill('SIGKILL'));
  return { coordinator, arrivals, seen };
}

describe('a process on the coordinator clock', () => {
  it('sees exactly the virtual time of its timers and of the replies it waited for', async () => {
    const { coordinator, seen } = await startFollower();
    const observed = await coordinator.driveUntil(seen);
    expect(observed).toEqual([
      ['slow answered', 500, 500],
      ['setTimeout 2 s', 2_500],
      ['250 ms interval over 1.1 s', 4],
      ['timers/promises 3 s', 6_600],
      ['hang TimeoutError', 16_600],
      ['performance.now', 16_600],
    ]);
  }, 60_000);

  it('gives the same instants when a lone party runs its own timers ahead, with fewer round trips', async () => {
    // Long steps (the run's own polls bound how far a party may run ahead): only the follower's timers set the pace.
    const stepByStep = await startFollower();
    const expected = await stepByStep.coordinator.driveUntil(stepByStep.seen, 20_000);
    const ahead = await startFollower('follower.mjs', { runAhead: true });
    expect(await ahead.coordinator.driveUntil(ahead.seen, 20_000)).toEqual(expected);
    expect(ahead.arrivals).toEqual(stepByStep.arrivals);
    const [few, many] = [ahead.coordinator.stats(), stepByStep.coordinator.stats()];
    expect(few.aheadSteps).toBeGreaterThan(0);
    expect(few.queries).toBeLessThan(many.queries);
  }, 60_000);

  it('moves time only when the follower is idle: requests arrive at their virtual instants, none forced', async () => {
    const { coordinator, arrivals, seen } = await startFollower();
    await coordinator.driveUntil(seen);
    expect(arrivals).toEqual([
      { path: '/slow', atMs: 0 },
      { path: '/hang', atMs: 6_600 },
      { path: '/done', atMs: 16_600 },
    ]);
    expect(coordinator.stats()).toMatchObject({ forcedMoves: 0, partiesSeen: 1 });
  }, 60_000);

  it('holds time while a child process or worker thread it started boots, and runs theirs on the same clock', async () => {
    const { coordinator, arrivals, seen } = await startFollower('parent.mjs');
    const [[, doneAtMs]] = (await coordinator.driveUntil(seen, 100)) as [[string, number]];
    expect(arrivals.filter((arrival) => arrival.path !== '/done')).toEqual(
      expect.arrayContaining([{ path: '/child', atMs: 3_000 }, { path: '/worker', atMs: 3_000 }]),
    );
    // Time holds from a child's end until its parent has heard of it.
    expect(doneAtMs).toBe(3_000);
    expect(coordinator.stats()).toMatchObject({ forcedMoves: 0, partiesSeen: 3 });
  }, 60_000);

  it('runs a worker thread given its own empty environment on the same clock (openclaw@2026.9.6 starts its lease heartbeat so)', async () => {
    const { coordinator, arrivals, seen } = await startFollower('lease-parent.mjs');
    const observed = await coordinator.driveUntil(seen, 100);
    expect(observed).toEqual([
      ['lease left in the worker', 30_000],
      ['worker timer fired at', 3_000],
      ['worker exited at', 3_000],
    ]);
    expect(arrivals.filter((arrival) => arrival.path !== '/done')).toEqual([{ path: '/worker', atMs: 3_000 }]);
    expect(coordinator.stats()).toMatchObject({ forcedMoves: 0, partiesSeen: 2 });
  }, 60_000);
});
