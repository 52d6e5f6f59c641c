/**
 * Loaded into the real gateway with `--import` (NODE_OPTIONS, set by
 * gateway-process.ts) when a recording runs in virtual time: the gateway's
 * clock becomes a follower of quotastorm's coordinator clock
 * (coordinator.ts), over the channel in protocol.ts.
 *
 * - `Date`, `setTimeout`/`setInterval` (global, `node:timers`,
 *   `node:timers/promises`), `performance.now`, `process.hrtime` and
 *   `AbortSignal.timeout` run on a @sinonjs/fake-timers clock that only moves
 *   when the coordinator says so. `setImmediate`, `process.nextTick` and
 *   microtasks stay real: they are "now", not "later".
 * - The party is idle when nothing but long-lived handles is active
 *   (`process.getActiveResourcesInfo()`: no file, DNS, connect, write or
 *   crypto request, no pending immediate) on two looks one event-loop turn
 *   apart. It then answers the coordinator's query with its earliest timer
 *   and its HTTP requests in flight (undici's and node:http's diagnostics
 *   channels: from creation until the response has fully arrived, or
 *   failed), which the coordinator matches against the requests its mocks
 *   hold: a request parked in a mock is waiting on the coordinator's clock,
 *   not work.
 *
 * What stays real: CPU time (a turn's own processing takes no virtual
 * time), and timeouts inside Node's own sockets. A worker thread runs this
 * preload too (withClockEnv), except an `eval` worker, which runs no preload.
 */
import FakeTimers from '@sinonjs/fake-timers';
import { createHook } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import type { ClientRequest } from 'node:http';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { basename } from 'node:path';
import { connect, type Socket } from 'node:net';
import { threadId, type WorkerOptions } from 'node:worker_threads';
import { lineReader, partyKey, VT_ENV, type CoordinatorMessage, type PartyId, type PartyMessage, type StartingParty } from './protocol.ts';

const port = Number(process.env[VT_ENV.port] ?? '');
if (Number.isInteger(port) && port > 0) followCoordinator(port, process.env[VT_ENV.nowFile] ?? '');

function followCoordinator(coordinatorPort: number, nowFile: string): void {
  const realSetImmediate = globalThis.setImmediate;
  const realSetTimeout = globalThis.setTimeout;
  const debug = process.env[VT_ENV.debug] === '1';
  const clock = FakeTimers.install({
    now: Number(readFileSync(nowFile, 'utf8')),
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance', 'hrtime'],
    loopLimit: 1_000_000_000,
    shouldClearNativeTimers: true,
  });
  AbortSignal.timeout = (delayMs: number) => timeoutSignal(delayMs);
  const unrefs = trackUnrefs(clock);
  const starting = trackStarting();
  // ESM `import { setTimeout } from 'node:timers'` (and `{ Worker }`) binds to the builtins' exports as they are now.
  syncBuiltinESMExports();
  const requests = trackRequests();
  const pending = debug ? watchPendingWork() : undefined;

  const socket: Socket = connect(coordinatorPort, '127.0.0.1');
  socket.setNoDelay(true);
  // Fake timers hold no handle, so a process waiting only on them would end: its loop looks empty. It is
  // kept alive by the channel while it has timers, as real timers would keep it.
  socket.unref();
  const holdOpenWhileTimers = () => (unrefs.refTimers() > 0 ? socket.ref() : socket.unref());
  process.on('beforeExit', holdOpenWhileTimers);
  const send = (message: PartyMessage) => socket.write(`${JSON.stringify(message)}\n`);
  send({ t: 'hello', pid: process.pid, ppid: process.ppid, threadId, nowMs: clock.now });

  let query = -1;
  let watching = false;
  socket.on(
    'data',
    lineReader<CoordinatorMessage>((message) => {
      if (message.t === 'query') {
        query = message.q;
        if (!watching) watchUntilQuiet();
      } else if (message.until === undefined) void moveTo(message.nowMs);
      else void runAhead(message.nowMs, message.until);
    }),
  );
  // The coordinator is gone (the run ended): nothing will move this clock again.
  socket.on('error', () => undefined);

  async function moveTo(nowMs: number): Promise<void> {
    // A zero tick still fires what is due at this very instant (a 0 ms timer set outside a tick is due now).
    await clock.tickAsync(Math.max(0, nowMs - clock.now));
    holdOpenWhileTimers();
    send({ t: 'ack', nowMs: clock.now });
  }

  /**
   * A lone party's own timers, run here without a round trip each: to `nowMs` as any move does, then to each
   * next timer due before `until` — the first instant anything else in the run has something due — while it
   * is quiet, has created no request (a request is how it reaches anything else) and starts no process or
   * thread. What it does meanwhile nobody else can see, so every timer still fires at its own instant.
   */
  async function runAhead(nowMs: number, until: number): Promise<void> {
    await clock.tickAsync(Math.max(0, nowMs - clock.now));
    const requestsBefore = requests.created();
    let steps = 0;
    for (;;) {
      // A new request stops it at once, busy or not: its body may wait on the mocks, which wait on this ack.
      const requested = await quietOrRequested(requestsBefore);
      if (requested || starting.list().length > 0) break;
      const next = nextTimerAt(clock);
      // A timer already due (set at this instant) goes back to the coordinator's usual move.
      if (next === null || next >= until || next <= clock.now) break;
      await clock.tickAsync(next - clock.now);
      steps++;
    }
    holdOpenWhileTimers();
    send({ t: 'ack', nowMs: clock.now, steps });
  }

  /** True as soon as a request is created after `createdBefore`; false once two looks an event-loop turn apart found nothing running. */
  function quietOrRequested(createdBefore: number): Promise<boolean> {
    return new Promise((resolve) => {
      let quietLooks = 0;
      const look = () => {
        if (requests.created() !== createdBefore) return resolve(true);
        quietLooks = busyWith() === '' ? quietLooks + 1 : 0;
        if (quietLooks >= 2) return resolve(false);
        if (quietLooks === 1) realSetTimeout(() => realSetImmediate(look), 0);
        else realSetImmediate(look);
      };
      realSetImmediate(look);
    });
  }

  /** Looks after every event-loop turn; answers once two looks a turn apart found nothing running. */
  function watchUntilQuiet(): void {
    watching = true;
    let quietLooks = 0;
    let lastBusy = '';
    let busySince: number | undefined;
    const look = () => {
      const busy = busyWith();
      quietLooks = busy === '' ? quietLooks + 1 : 0;
      if (debug && busy !== '' && busy !== lastBusy) process.stderr.write(`[quotastorm vt] busy: ${busy}\n`);
      if (busy === '') busySince = undefined;
      else if (pending !== undefined) {
        busySince ??= performance.now();
        // Stacks cost: collected only once a party has stayed busy for a while.
        if (performance.now() - busySince > 5_000) pending.enable();
        pending.reportOlderThan(5_000);
      }
      lastBusy = busy;
      if (quietLooks >= 2) {
        watching = false;
        const next = nextTimerAt(clock);
        if (debug) process.stderr.write(`[quotastorm vt] idle q${query} at ${clock.now} next ${next}: ${process.getActiveResourcesInfo().join(',')}\n`);
        send({ t: 'idle', q: query, next, inflight: requests.count(), requests: requests.describe(3), starting: starting.list() });
        return;
      }
      // A real 0 ms timer lets a poll phase (I/O callbacks) pass between two looks.
      if (quietLooks === 1) realSetTimeout(() => realSetImmediate(look), 0);
      else realSetImmediate(look);
    };
    realSetImmediate(look);
  }

  function timeoutSignal(delayMs: number): AbortSignal {
    const controller = new AbortController();
    // Node's own AbortSignal.timeout does not hold the process open; a fake timer never does.
    clock.setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), delayMs);
    return controller.signal;
  }
}

/** Debugging a party that never goes quiet: where each request that has been pending for long was made. */
function watchPendingWork(): { enable(): void; reportOlderThan(realMs: number): void } {
  const open = new Map<number, { type: string; since: number; stack: string; reported: boolean }>();
  const hook = createHook({
    init(asyncId, type) {
      if (LONG_LIVED.has(type) || type === 'PROMISE' || type === 'Timeout' || type === 'TickObject' || type === 'Immediate') return;
      open.set(asyncId, { type, since: performance.now(), stack: new Error().stack ?? '', reported: false });
    },
    destroy: (asyncId) => void open.delete(asyncId),
  });
  let enabled = false;
  return {
    enable() {
      if (!enabled) hook.enable();
      enabled = true;
    },
    reportOlderThan(realMs) {
      const now = performance.now();
      for (const work of open.values()) {
        if (work.reported || now - work.since < realMs) continue;
        work.reported = true;
        process.stderr.write(`[quotastorm vt] ${work.type} pending for ${Math.round(now - work.since)} ms, made at:\n${work.stack}\n`);
      }
    },
  };
}

/** fake-timers keeps its timers in a heap ordered by due time (`timerHeap`, @sinonjs/fake-timers 15); a cleared timer leaves it. */
function nextTimerAt(clock: object): number | null {
  const heap = (clock as { timerHeap?: { peek(): { callAt: number } | undefined } }).timerHeap;
  return heap?.peek()?.callAt ?? null;
}

/** Resources that are work in progress rather than something open and waiting. */
const LONG_LIVED = new Set([
  'TCPSocketWrap', 'TCPServerWrap', 'PipeWrap', 'PipeServerWrap', 'TTYWrap', 'UDPWrap', 'ProcessWrap', 'SignalWrap',
  'FSEventWrap', 'StatWatcher', 'MessagePort', 'Timeout', 'TLSWrap', 'FileHandle', 'Worker', 'HTTPParser', 'ZLIB',
]);

function busyWith(): string {
  return process
    .getActiveResourcesInfo()
    .filter((type) => !LONG_LIVED.has(type))
    .join(',');
}

/**
 * How many live fake timers would hold a real process open: all, less those whose handle was unref()'d
 * (undici's keep-alive timers are, and a process waiting only on them ends). The handles come from the
 * global and `node:timers` setTimeout/setInterval; timers made inside fake-timers (timers/promises) count as ref'd.
 */
function trackUnrefs(clock: { timers?: Map<number, unknown> } & object): { refTimers(): number } {
  const handles = new Set<{ hasRef?(): boolean; [Symbol.toPrimitive]?(): number }>();
  const require = createRequire(import.meta.url);
  const timers = require('node:timers') as Record<string, unknown>;
  for (const name of ['setTimeout', 'setInterval'] as const) {
    const fake = globalThis[name] as (...args: unknown[]) => never;
    const recording = function (this: unknown, ...args: unknown[]) {
      const handle = fake.apply(this, args);
      handles.add(handle);
      return handle;
    };
    globalThis[name] = recording as never;
    if (timers[name] === fake) timers[name] = recording;
  }
  const live = () => (clock as { timers?: Map<number, unknown> }).timers;
  return {
    refTimers() {
      const all = live();
      if (all === undefined) return 0;
      let unrefd = 0;
      for (const handle of handles) {
        const id = Number(handle);
        if (!all.has(id)) handles.delete(handle);
        else if (handle.hasRef?.() === false) unrefd++;
      }
      return all.size - unrefd;
    },
  };
}

/**
 * Node processes and worker threads this party starts, until they exit: each loads this preload too
 * (NODE_OPTIONS is inherited; worker threads run the process's `--import`s), and the coordinator does
 * not move time until it has heard from every one of them — else a child would boot while time ran on.
 * Patched on ChildProcess.prototype.spawn, which spawn, fork, exec and execFile all go through.
 */
function trackStarting(): { list(): StartingParty[] } {
  const started = new Map<string, { id: PartyId; onlineAt?: number | null }>();
  const add = (id: PartyId, emitter: { once(event: string, listener: () => void): unknown }, thread: boolean) => {
    const entry: { id: PartyId; onlineAt?: number | null } = thread ? { id, onlineAt: null } : { id };
    started.set(partyKey(id), entry);
    if (thread) emitter.once('online', () => (entry.onlineAt = performance.now()));
    emitter.once('exit', () => started.delete(partyKey(id)));
  };
  const require = createRequire(import.meta.url);
  const childProcess = require('node:child_process') as typeof import('node:child_process') & {
    ChildProcess: { prototype: { spawn(this: ChildProcess, options: { file?: string; envPairs?: string[] }): unknown } };
  };
  const originalSpawn = childProcess.ChildProcess.prototype.spawn;
  childProcess.ChildProcess.prototype.spawn = function spawn(this: ChildProcess, options) {
    const result = originalSpawn.call(this, options);
    const follows = isNode(options.file) && (options.envPairs ?? []).some((pair) => pair.startsWith(`${VT_ENV.port}=`));
    if (follows && this.pid !== undefined) add({ pid: this.pid, threadId: 0 }, this, false);
    return result;
  };
  const workerThreads = require('node:worker_threads') as typeof import('node:worker_threads');
  const OriginalWorker = workerThreads.Worker;
  // Evaluated code (`eval: true`) runs without the process's --import preloads: such a worker keeps real time.
  workerThreads.Worker = class TrackedWorker extends OriginalWorker {
    constructor(...args: ConstructorParameters<typeof OriginalWorker>) {
      super(args[0], withClockEnv(args[1]));
      if (args[1]?.eval !== true) add({ pid: process.pid, threadId: this.threadId }, this, true);
      if (process.env[VT_ENV.debug] === '1') process.stderr.write(`[quotastorm vt] worker thread ${this.threadId}: ${String(args[0]).slice(0, 160)}\n`);
    }
  };
  return {
    list: () =>
      [...started.values()].map(({ id, onlineAt }) =>
        onlineAt === undefined ? id : { ...id, onlineForMs: onlineAt === null ? null : Math.round(performance.now() - onlineAt) },
      ),
  };
}

/**
 * A worker given its own environment reads its NODE_OPTIONS from that environment, not the process's, and so
 * runs none of the process's `--import` preloads (Node's Worker: `env` also sets the worker's NODE_OPTIONS).
 * openclaw@2026.9.6 starts its workers so — the lease heartbeat worker with `env: {}, execArgv: []`
 * (dist/openclaw-state-lease-heartbeat-*.mjs `startOpenClawStateLeaseHeartbeat`), its SQLite workers with
 * `env: resolveNodeCompileCacheEnv()` (dist/config-doctor/openclaw-state-worker-store-*.js `createSlot`) — and such a
 * worker would keep the real clock: it compares its real `Date.now()` with lease expiries the main thread computed
 * on the virtual one. The worker's environment gets this preload and the clock's variables; nothing else changes.
 */
function withClockEnv(options: WorkerOptions | undefined): WorkerOptions | undefined {
  const env = options?.env;
  // An `eval` worker runs no preload whatever its NODE_OPTIONS; its environment stays as given.
  if (env === undefined || typeof env !== 'object' || env === null || options?.eval === true) return options;
  const own = env as Record<string, string | undefined>;
  const clockEnv = Object.fromEntries(Object.values(VT_ENV).flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]])));
  return { ...options, env: { ...own, ...clockEnv, NODE_OPTIONS: withThisPreload(own.NODE_OPTIONS) } };
}

function withThisPreload(nodeOptions: string | undefined): string {
  const preload = `--import=${import.meta.url}`;
  if (nodeOptions === undefined || nodeOptions.trim() === '') return preload;
  return nodeOptions.split(/\s+/).includes(preload) ? nodeOptions : `${preload} ${nodeOptions}`;
}

function isNode(file: string | undefined): boolean {
  return file !== undefined && (file === process.execPath || basename(file) === 'node');
}

type RequestTracker = {
  count(): number;
  /** Requests created so far: a running-ahead party stops at the first new one. */
  created(): number;
  describe(limit: number): string[];
};

/** HTTP requests from creation until their response has fully arrived or failed: undici (fetch) and node:http. */
function trackRequests(): RequestTracker {
  const undici = new Map<object, string>();
  let created = 0;
  subscribe('undici:request:create', (message) => {
    created++;
    const { request } = message as { request: { method: string; origin: string; path: string } };
    undici.set(request, `${request.method} ${request.origin}${request.path.split('?')[0]}`);
  });
  const undiciDone = (message: unknown) => undici.delete((message as { request: object }).request);
  subscribe('undici:request:trailers', undiciDone);
  subscribe('undici:request:error', undiciDone);

  const http = new Map<ClientRequest, string>();
  subscribe('http.client.request.start', (message) => {
    created++;
    const { request } = message as { request: ClientRequest };
    http.set(request, `${request.method} ${request.protocol}//${request.host}${request.path.split('?')[0]}`);
    request.once('close', () => http.delete(request));
  });
  // A response whose body nobody reads never ends; it has arrived once the parser saw all of it.
  const arrived = (request: ClientRequest) => request.destroyed || (request as { res?: { complete?: boolean } }).res?.complete === true;

  return {
    count: () => undici.size + [...http.keys()].filter((request) => !arrived(request)).length,
    created: () => created,
    describe: (limit) => [...undici.values(), ...[...http].filter(([request]) => !arrived(request)).map(([, what]) => what)].slice(0, limit),
  };
}
