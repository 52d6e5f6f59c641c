/**
 * Stopping a process and everything it started. OpenClaw's launcher starts
 * `openclaw-gateway`, which (2026.9.6) starts worker processes; a signal to
 * one pid is not enough. The tree is read from /proc (ppid links) and the
 * process group, so a child that moved to its own group is still found.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Clock } from '../clock/clock.ts';

/** Pids whose parent chain leads to `rootPid` (not including it), from /proc. */
export function descendantPids(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentPid(Number(entry));
    if (parent === undefined) continue;
    const list = children.get(parent) ?? [];
    list.push(Number(entry));
    children.set(parent, list);
  }
  const found: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function parentPid(pid: number): number | undefined {
  return statField(pid, 1);
}

function processGroup(pid: number): number | undefined {
  return statField(pid, 2);
}

/** /proc/<pid>/stat after the command: "state ppid pgrp … utime(11) stime(12)"; comm may hold spaces and parentheses. */
function statField(pid: number, index: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[index]);
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch {
    return false;
  }
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

/**
 * SIGTERM to the tree (group and every descendant), up to `graceMs` for it to
 * exit, then SIGKILL to whatever is left. Resolves with the pids that needed
 * SIGKILL (empty when the tree stopped on its own).
 */
export async function stopProcessTree(rootPid: number, clock: Clock, options: { graceMs?: number } = {}): Promise<number[]> {
  const graceMs = options.graceMs ?? 10_000;
  const tree = [rootPid, ...descendantPids(rootPid)];
  const waitUntil = async (deadline: number) => {
    while (clock.now() < deadline && tree.some(isAlive)) await clock.sleep(50);
  };
  // 1. SIGTERM to the root alone: OpenClaw's launcher forwards it to the gateway once (a second copy, sent to the
  //    whole group, is logged as "received SIGTERM during shutdown; ignoring").
  const started = clock.now();
  signal(rootPid, 'SIGTERM');
  await waitUntil(started + graceMs / 2);
  // 2. SIGTERM to everything left: the group, and descendants that left it.
  if (tree.some(isAlive)) {
    signal(-rootPid, 'SIGTERM');
    for (const pid of tree) if (processGroup(pid) !== rootPid) signal(pid, 'SIGTERM');
    await waitUntil(started + graceMs);
  }
  // 3. SIGKILL, children started during shutdown included.
  const left = [...new Set([...tree, ...tree.flatMap(descendantPids)])].filter(isAlive);
  signal(-rootPid, 'SIGKILL');
  for (const pid of left) signal(pid, 'SIGKILL');
  while (left.some(isAlive) && clock.now() < started + graceMs + 5_000) await clock.sleep(50);
  return left;
}

/** CPU time (user + system) the tree has used so far, in ms; /proc counts in clock ticks (100 per second on Linux). */
export function treeCpuMs(rootPid: number): number {
  const ticksPerSecond = 100;
  let ticks = 0;
  for (const pid of [rootPid, ...descendantPids(rootPid)]) ticks += (statField(pid, 11) ?? 0) + (statField(pid, 12) ?? 0);
  return (ticks * 1000) / ticksPerSecond;
}

/**
 * Resolves once the tree used less than `maxBusyRatio` of one core over a
 * `windowMs` window (or at `timeoutMs`); returns how long that took. A
 * gateway keeps working after it is ready (2026.9.6: database checks, memory
 * index, cron setup, ~26 s of CPU on 2 cores): a message sent into that
 * burst waits for the CPU, which makes the first turn's timing noise.
 */
export async function waitForCpuIdle(
  rootPid: number,
  clock: Clock,
  options: { windowMs?: number; maxBusyRatio?: number; timeoutMs?: number } = {},
): Promise<{ idle: boolean; waitedMs: number }> {
  const windowMs = options.windowMs ?? 2_000;
  const maxBusyRatio = options.maxBusyRatio ?? 0.1;
  const started = clock.now();
  const deadline = started + (options.timeoutMs ?? 60_000);
  while (clock.now() < deadline) {
    const before = treeCpuMs(rootPid);
    await clock.sleep(windowMs);
    if (!isAlive(rootPid)) break;
    if (treeCpuMs(rootPid) - before <= windowMs * maxBusyRatio) return { idle: true, waitedMs: clock.now() - started };
  }
  return { idle: false, waitedMs: clock.now() - started };
}
