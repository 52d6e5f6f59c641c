/**
 * Runs a quotastorm command inside a fresh loopback-only network namespace
 * and removes every trace of it afterwards — on success, failure, Ctrl-C and
 * SIGTERM.
 *
 * A loopback-only namespace has its own 127.0.0.1, so the mocks must live
 * in it with the gateway. The supervisor (this process, outside) creates
 * `qs-<pid>`, then re-executes the same command line through
 * `ip netns exec`; the child sees QUOTASTORM_NETNS and does the work (mocks
 * in-process, the gateway as its child). When the child ends — or the
 * supervisor is told to stop — the supervisor kills whatever is still in the
 * namespace (`ip netns pids`: this finds the gateway even if it was orphaned
 * or left its process group), deletes the namespace and /etc/netns/<name>.
 * A supervisor that is itself SIGKILLed leaves `qs-<pid>` behind; the next
 * run's `sweepStaleNamespaces` removes it (its pid is dead).
 */
import { spawn } from 'node:child_process';
import type { Clock } from '../clock/clock.ts';
import { createNamespace, deleteNamespace, namespaceName, sweepStaleNamespaces } from './netns.ts';

const NETNS_ENV = 'QUOTASTORM_NETNS';

/** The namespace this process runs in, if a supervisor put it there. */
export function insideNamespace(): string | undefined {
  return process.env[NETNS_ENV] || undefined;
}

export type IsolatedRun = {
  readonly clock: Clock;
  /** Names resolved to 127.0.0.1 inside (e.g. api.telegram.org). */
  readonly loopbackNames: readonly string[];
  readonly log: (line: string) => void;
  /** How long the child gets to clean up after SIGTERM before everything inside is killed. */
  readonly graceMs?: number;
};

/**
 * Re-runs this process's command line inside a new namespace and returns
 * the child's exit code (128 + signal number if it was killed, 130 after
 * Ctrl-C).
 */
export async function runInNamespace(run: IsolatedRun): Promise<number> {
  const { clock, log } = run;
  const stale = await sweepStaleNamespaces(clock);
  if (stale.length > 0) log(`removed ${stale.length} namespace(s) left by dead runs: ${stale.join(', ')}`);
  const name = namespaceName();
  await createNamespace(name, clock, { loopbackNames: run.loopbackNames });
  log(`network namespace ${name} (loopback only${run.loopbackNames.length ? `; ${run.loopbackNames.join(', ')} → 127.0.0.1` : ''})`);

  let stopping: NodeJS.Signals | undefined;
  const child = spawn('ip', ['netns', 'exec', name, process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    env: { ...process.env, [NETNS_ENV]: name },
    stdio: 'inherit',
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: 1, signal: null }));
  });
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = signal;
    log(`${signal}: stopping the run in ${name}`);
    // Ctrl-C reaches the child through the terminal's process group already; SIGTERM (kill, CI) does not.
    if (signal === 'SIGTERM') child.kill('SIGTERM');
    const timer = clock.setTimeout(() => void deleteNamespace(name, clock), run.graceMs ?? 20_000);
    void exited.then(() => clock.clearTimeout(timer));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  try {
    const { code, signal } = await exited;
    if (stopping) return stopping === 'SIGINT' ? 130 : 143;
    return code ?? 128 + (signal === 'SIGKILL' ? 9 : 15);
  } finally {
    const killed = await deleteNamespace(name, clock);
    if (killed.length > 0) log(`killed ${killed.length} process(es) still in ${name}: ${killed.join(', ')}`);
    log(`removed network namespace ${name}`);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
  }
}

/**
 * In the child: what must happen before it exits on a signal (stop the
 * gateway, close the mock servers). Handlers run in reverse order of
 * registration; the process then exits with 130 (SIGINT) or 143.
 */
export function createShutdownGuard(log: (line: string) => void): { add(task: () => Promise<unknown>): () => void; dispose(): void } {
  const tasks = new Set<() => Promise<unknown>>();
  let running = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (running) return;
    running = true;
    log(`${signal}: cleaning up`);
    void (async () => {
      for (const task of [...tasks].reverse()) await task().catch(() => undefined);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    })();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  return {
    add(task) {
      tasks.add(task);
      return () => tasks.delete(task);
    },
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.off('SIGHUP', onSignal);
    },
  };
}
