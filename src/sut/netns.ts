/**
 * Loopback-only network namespaces (`ip netns`), so a real gateway under test
 * can reach nothing but the mocks beside it: the namespace has its own
 * 127.0.0.1 and no other interface. `/etc/netns/<name>/hosts` is bind-mounted
 * over /etc/hosts by `ip netns exec`, which is how api.telegram.org resolves
 * to the TLS Telegram mock for versions without an API root setting
 * (openclaw@2026.2.26 has no `channels.telegram.apiRoot`).
 *
 * Names are `qs-<pid of the supervising quotastorm>`: a namespace whose
 * supervisor died (SIGKILL, power loss) is recognised and removed by the next
 * `quotastorm record` (`sweepStaleNamespaces`).
 */
import { rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { Clock } from '../clock/clock.ts';
import { UserError } from '../errors.ts';
import { isAlive } from './process-tree.ts';
import { describeFailure, runCommand } from './run-command.ts';
import { makeDirectories } from '../io/output-path.ts';

const NAMESPACE_PREFIX = 'qs-';
const IP_TIMEOUT_MS = 10_000;

export function namespaceName(supervisorPid = process.pid): string {
  return `${NAMESPACE_PREFIX}${supervisorPid}`;
}

/** Root and the `ip` tool: what `ip netns add` needs. */
export function canUseNamespaces(): { ok: true } | { ok: false; reason: string } {
  if (process.platform !== 'linux') return { ok: false, reason: `network namespaces are Linux-only (this is ${process.platform})` };
  if (process.getuid?.() !== 0) return { ok: false, reason: 'ip netns needs root (run as root, e.g. sudo)' };
  if (!['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'].some((path) => existsSync(path))) {
    return { ok: false, reason: 'the `ip` tool (iproute2) is not installed' };
  }
  return { ok: true };
}

async function ip(args: string[], clock: Clock): Promise<void> {
  const result = await runCommand('ip', args, { clock, timeoutMs: IP_TIMEOUT_MS });
  if (result.exitCode !== 0) throw new UserError(`Network namespace setup failed: ${describeFailure(result)}`, { exitCode: 1 });
}

export function hostsDir(name: string): string {
  return `/etc/netns/${name}`;
}

/** A namespace with only `lo` (up), and a hosts file that maps `loopbackNames` to 127.0.0.1. */
export async function createNamespace(name: string, clock: Clock, options: { loopbackNames?: readonly string[] } = {}): Promise<void> {
  await ip(['netns', 'add', name], clock);
  try {
    await ip(['-n', name, 'link', 'set', 'lo', 'up'], clock);
    await makeDirectories(hostsDir(name));
    const names = ['localhost', ...(options.loopbackNames ?? [])];
    await writeFile(`${hostsDir(name)}/hosts`, `${names.map((host) => `127.0.0.1 ${host}`).join('\n')}\n::1 localhost\n`);
  } catch (error) {
    await deleteNamespace(name, clock);
    throw error;
  }
}

export async function listNamespaces(clock: Clock): Promise<string[]> {
  const result = await runCommand('ip', ['netns', 'list'], { clock, timeoutMs: IP_TIMEOUT_MS });
  if (result.exitCode !== 0) return [];
  return result.stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((name) => name !== '');
}

/** Pids of every process inside the namespace. */
export async function namespacePids(name: string, clock: Clock): Promise<number[]> {
  const result = await runCommand('ip', ['netns', 'pids', name], { clock, timeoutMs: IP_TIMEOUT_MS });
  if (result.exitCode !== 0) return [];
  return result.stdout
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((pid) => Number.isInteger(pid) && pid > 0);
}

/**
 * SIGKILL to anything still inside, then the namespace and its /etc/netns
 * folder go. Safe to call twice or on a namespace that never existed.
 * Returns the pids it had to kill.
 */
export async function deleteNamespace(name: string, clock: Clock): Promise<number[]> {
  const killed: number[] = [];
  for (let round = 0; round < 5; round++) {
    const pids = await namespacePids(name, clock);
    if (pids.length === 0) break;
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
        killed.push(pid);
      } catch {
        // Gone already.
      }
    }
    const deadline = clock.now() + 3_000;
    while (pids.some(isAlive) && clock.now() < deadline) await clock.sleep(50);
  }
  if ((await listNamespaces(clock)).includes(name)) await runCommand('ip', ['netns', 'delete', name], { clock, timeoutMs: IP_TIMEOUT_MS });
  await rm(hostsDir(name), { recursive: true, force: true });
  return [...new Set(killed)];
}

/** Deletes `qs-<pid>` namespaces whose supervising process is gone; returns their names. */
export async function sweepStaleNamespaces(clock: Clock): Promise<string[]> {
  const stale = (await listNamespaces(clock)).filter((name) => {
    const match = new RegExp(`^${NAMESPACE_PREFIX}(\\d+)$`).exec(name);
    return match !== null && Number(match[1]) !== process.pid && !isAlive(Number(match[1]));
  });
  for (const name of stale) await deleteNamespace(name, clock);
  return stale;
}
