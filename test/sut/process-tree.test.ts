import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createRealClock } from '../../src/clock/real-clock.ts';
import { descendantPids, isAlive, stopProcessTree, treeCpuMs, waitForCpuIdle } from '../../src/sut/process-tree.ts';

const clock = createRealClock();

/** sh → sleep, in its own process group, like the gateway's launcher → gateway. */
function spawnTree(script: string) {
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  return child.pid!;
}

describe('process trees', () => {
  it('finds descendants and stops the whole tree with SIGTERM', async () => {
    const root = spawnTree('sleep 30 & sleep 30 & wait');
    await clock.sleep(200);
    const children = descendantPids(root);
    expect(children.length).toBe(2);
    expect(await stopProcessTree(root, clock, { graceMs: 4_000 })).toEqual([]);
    await clock.sleep(100);
    expect([root, ...children].filter(isAlive)).toEqual([]);
  });

  it('SIGKILLs what ignores SIGTERM, and says so', async () => {
    const root = spawnTree("trap '' TERM; sleep 30 & wait; sleep 30");
    await clock.sleep(200);
    const left = await stopProcessTree(root, clock, { graceMs: 1_000 });
    expect(left).toContain(root);
    expect(isAlive(root)).toBe(false);
  });

  it('measures CPU and waits for a tree to go idle', async () => {
    // Busy in the shell itself (builtins only: a loop that forks `date` spends its CPU in short-lived
    // children the tree's own counters never see), then asleep. Loose bounds: a behaviour test, not a benchmark.
    const busy = spawnTree('i=0; while [ $i -lt 500000 ]; do i=$((i+1)); done; sleep 30');
    const before = treeCpuMs(busy);
    const result = await waitForCpuIdle(busy, clock, { windowMs: 500, timeoutMs: 15_000 });
    expect(result.idle).toBe(true);
    expect(result.waitedMs).toBeGreaterThanOrEqual(500);
    expect(treeCpuMs(busy) - before).toBeGreaterThan(200);
    await stopProcessTree(busy, clock, { graceMs: 1_000 });
  }, 30_000); // the loop takes ~0.8 s alone, several times that beside a full suite on 2 cores
});
