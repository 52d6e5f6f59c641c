/**
 * Loaded into the real gateway with `--import` (NODE_OPTIONS, set by
 * gateway-process.ts) when a recording runs in virtual time: the gateway's
 * clock becomes a follower of quotastorm's coordinator clock
 * (virtual-time/coordinator.ts), over the channel in virtual-time/protocol.ts.
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
 * time), and timeouts inside Node's own sockets. Worker threads do not load
 * `--import` preloads and keep real time.
 */
import FakeTimers from '@sinonjs/fake-timers';
import { createHook } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import type { ClientRequest } from 'node:http';
import { syncBuiltinESMExports } from 'node:module';
import { connect, type Socket } from 'node:net';
import { threadId } from 'node:worker_threads';
import { lineReader, VT_ENV, type CoordinatorMessage, type PartyMessage } from '../virtual-time/protocol.ts';

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
  // ESM `import { setTimeout } from 'node:timers'` binds to the builtin's exports as they are now.
  syncBuiltinESMExports();
  const requests = trackRequests();
  const pending = debug ? watchPendingWork() : undefined;

  const socket: Socket = connect(coordinatorPort, '127.0.0.1');
  socket.setNoDelay(true);
  // Fake timers hold no handle, so a process waiting only on them would end: its loop looks empty. It is
  // kept alive by the channel while it has timers, as real timers would keep it.
  socket.unref();
  process.on('beforeExit', () => {
    if (clock.countTimers() > 0) socket.ref();
  });
  const holdOpenWhileTimers = () => (clock.countTimers() > 0 ? socket.ref() : socket.unref());
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
      } else void moveTo(message.nowMs);
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
        send({ t: 'idle', q: query, next, inflight: requests.count(), requests: requests.describe(3) });
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

type RequestTracker = { count(): number; describe(limit: number): string[] };

/** HTTP requests from creation until their response has fully arrived or failed: undici (fetch) and node:http. */
function trackRequests(): RequestTracker {
  const undici = new Map<object, string>();
  subscribe('undici:request:create', (message) => {
    const { request } = message as { request: { method: string; origin: string; path: string } };
    undici.set(request, `${request.method} ${request.origin}${request.path.split('?')[0]}`);
  });
  const undiciDone = (message: unknown) => undici.delete((message as { request: object }).request);
  subscribe('undici:request:trailers', undiciDone);
  subscribe('undici:request:error', undiciDone);

  const http = new Map<ClientRequest, string>();
  subscribe('http.client.request.start', (message) => {
    const { request } = message as { request: ClientRequest };
    http.set(request, `${request.method} ${request.protocol}//${request.host}${request.path.split('?')[0]}`);
    request.once('close', () => http.delete(request));
  });
  // A response whose body nobody reads never ends; it has arrived once the parser saw all of it.
  const arrived = (request: ClientRequest) => request.destroyed || (request as { res?: { complete?: boolean } }).res?.complete === true;

  return {
    count: () => undici.size + [...http.keys()].filter((request) => !arrived(request)).length,
    describe: (limit) => [...undici.values(), ...[...http].filter(([request]) => !arrived(request)).map(([, what]) => what)].slice(0, limit),
  };
}
