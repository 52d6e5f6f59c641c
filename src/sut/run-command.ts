/**
 * Every call of an external program (npm, the gateway CLI, ip) goes through
 * here, with a timeout: `openclaw sessions --help | head` on openclaw@2026.2.26
 * has been seen to hang for 10 minutes. The child gets its own process
 * group, and on timeout the whole tree is stopped.
 */
import { spawn } from 'node:child_process';
import type { Clock } from '../clock/clock.ts';
import { stopProcessTree } from './process-tree.ts';

export type CommandResult = {
  readonly command: string;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly durationMs: number;
};

export type CommandOptions = {
  readonly clock: Clock;
  readonly timeoutMs: number;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Bytes of stdout/stderr kept (the tail); default 1 MB each. */
  readonly maxOutputBytes?: number;
};

export function runCommand(file: string, args: readonly string[], options: CommandOptions): Promise<CommandResult> {
  const { clock } = options;
  const started = clock.now();
  const command = [file, ...args].join(' ');
  const limit = options.maxOutputBytes ?? 1 << 20;
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      // stdin closed: a program that waits for input fails instead of hanging.
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout = keepTail(stdout + chunk.toString('utf8'), limit)));
    child.stderr.on('data', (chunk: Buffer) => (stderr = keepTail(stderr + chunk.toString('utf8'), limit)));
    const timer = clock.setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) void stopProcessTree(child.pid, clock, { graceMs: 2_000 });
    }, options.timeoutMs);
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null) => {
      clock.clearTimeout(timer);
      resolve({ command, exitCode, signal, stdout, stderr, timedOut, durationMs: clock.now() - started });
    };
    child.once('error', (error) => {
      stderr += `${error.message}\n`;
      finish(null, null);
    });
    child.once('close', finish);
  });
}

function keepTail(text: string, limit: number): string {
  return text.length > limit ? text.slice(text.length - limit) : text;
}

/** One line for an error message: what ran, how it ended, the last lines it printed. */
export function describeFailure(result: CommandResult): string {
  const how = result.timedOut
    ? `timed out after ${Math.round(result.durationMs / 1000)} s`
    : result.signal
      ? `was killed by ${result.signal}`
      : `exited with ${result.exitCode}`;
  const tail = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-5).join(' | ');
  return `\`${result.command}\` ${how}${tail ? `: ${tail}` : ''}`;
}
