/**
 * One real `openclaw gateway run` in the foreground, as a child in its own
 * process group, with a clean environment (a throwaway HOME, no inherited
 * OPENCLAW_* or API keys) and its console output going to files in the run
 * directory (files, not pipes: openclaw@2026.2.26's CLI has been seen to hang
 * writing into a pipe, and not when writing to a file).
 */
import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Clock } from '../clock/clock.ts';
import type { InstalledGateway } from './install.ts';
import { isAlive, stopProcessTree } from './process-tree.ts';

type GatewayExit = { readonly exitCode: number | null; readonly signal: NodeJS.Signals | null };

export type GatewayProcess = {
  readonly pid: number;
  readonly stdoutFile: string;
  readonly stderrFile: string;
  /** Settles when the launcher process exits. */
  readonly exited: Promise<GatewayExit>;
  isRunning(): boolean;
  /** SIGTERM to the tree, SIGKILL after the grace period; resolves with the pids that needed SIGKILL. */
  stop(): Promise<number[]>;
};

export type GatewayLaunch = {
  readonly installed: InstalledGateway;
  readonly clock: Clock;
  readonly home: string;
  readonly runDir: string;
  /** Added to the clean environment (NODE_EXTRA_CA_CERTS, …). */
  readonly env?: Readonly<Record<string, string>>;
  /** Name for the console files: `gateway-<label>.stdout.log`. */
  readonly label: string;
  /** Seeds the gateway's Math.random (preload/seeded-math-random.ts); unset = OpenClaw's own randomness. */
  readonly seed?: string;
  /** The coordinator's variables (virtual-time/coordinator.ts): the gateway's clock follows quotastorm's. Unset = real time. */
  readonly virtualTime?: Readonly<Record<string, string>>;
};

// The preload's extension is this module's own: `.ts` run from a clone, `.js` in the built package (npm run build).
const SEEDED_RANDOM = preload('seeded-math-random');
const VIRTUAL_TIME = preload('virtual-time');

function preload(name: string): string {
  return pathToFileURL(fileURLToPath(new URL(`./preload/${name}${extname(fileURLToPath(import.meta.url))}`, import.meta.url))).href;
}

export function gatewayEnv(launch: Pick<GatewayLaunch, 'home' | 'runDir' | 'env' | 'seed' | 'virtualTime'>): Record<string, string> {
  const nodeOptions = [
    // Math.random seeded (preload/seeded-math-random.ts): retry jitter repeats from run to run.
    ...(launch.seed === undefined ? [] : [`--import=${SEEDED_RANDOM}`]),
    // The clock follows quotastorm's (preload/virtual-time.ts). With the warning flag already set, openclaw@2026.2.26's
    // launcher runs the gateway in its own process instead of re-spawning itself with it (ensureExperimentalWarningSuppressed,
    // dist/entry.js): one process, one party on the clock, from its first line.
    ...(launch.virtualTime === undefined ? [] : [`--import=${VIRTUAL_TIME}`, '--disable-warning=ExperimentalWarning']),
  ];
  return {
    ...(nodeOptions.length === 0 ? {} : { NODE_OPTIONS: nodeOptions.join(' ') }),
    ...(launch.seed === undefined ? {} : { QUOTASTORM_GATEWAY_SEED: launch.seed }),
    ...launch.virtualTime,
    // quotastorm's own Node first: 2026.9.6 starts worker processes with `node`.
    PATH: [dirname(process.execPath), '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'].join(':'),
    HOME: launch.home,
    TMPDIR: join(launch.runDir, 'tmp'),
    LANG: 'C.UTF-8',
    TZ: 'UTC',
    NO_COLOR: '1',
    ...launch.env,
  };
}

export function startGateway(launch: GatewayLaunch): GatewayProcess {
  const stdoutFile = join(launch.runDir, `gateway-${launch.label}.stdout.log`);
  const stderrFile = join(launch.runDir, `gateway-${launch.label}.stderr.log`);
  const out = openSync(stdoutFile, 'a');
  const err = openSync(stderrFile, 'a');
  const child = spawn(process.execPath, [launch.installed.entry, 'gateway', 'run'], {
    cwd: launch.home,
    env: gatewayEnv(launch),
    detached: true,
    stdio: ['ignore', out, err],
  });
  closeSync(out);
  closeSync(err);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${launch.installed.entry}`);
  let running = true;
  const exited = new Promise<GatewayExit>((resolve) => {
    child.once('exit', (exitCode, signal) => {
      running = false;
      resolve({ exitCode, signal });
    });
    child.once('error', () => {
      running = false;
      resolve({ exitCode: null, signal: null });
    });
  });
  return {
    pid,
    stdoutFile,
    stderrFile,
    exited,
    isRunning: () => running && isAlive(pid),
    stop: () => stopProcessTree(pid, launch.clock, { graceMs: 15_000 }),
  };
}
