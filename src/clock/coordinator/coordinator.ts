/**
 * quotastorm's clock as the one clock of a recording: a VirtualClock in the
 * recorder's process drives the mocks (quota windows, latency, Retry-After,
 * journal times), the recorder's own waits, and — over the channel in
 * protocol.ts — every gateway process that loaded follower.ts (its --import preload).
 *
 * One move of time:
 *   1. settle: the VirtualClock's own tracked work (requests being served)
 *      has finished or parked on one of its timers;
 *   2. ask every party; each answers once it is quiet, with its earliest
 *      timer and its HTTP requests in flight;
 *   3. accept the answers only if nothing reached or left the mocks since
 *      the question (no request arrived, no response was written) and the
 *      parties' requests in flight are exactly the ones the mocks hold —
 *      the rest are still on the wire or in a parser; else ask again;
 *   4. move to the earliest timer of all parties (or the target): the
 *      parties first, each acknowledging that its due timers ran, then the
 *      coordinator's own timers at that instant.
 * Periodic timers then fire exactly as often as in real time, and nothing
 * runs ahead of a reply it has not seen yet.
 */
import { writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as realSleep } from 'node:timers/promises';
import { createVirtualClock, type VirtualClock } from '../virtual-clock.ts';
import { lineReader, partyKey, VT_ENV, type CoordinatorMessage, type PartyId, type PartyMessage, type StartingParty } from './protocol.ts';

export type CoordinatorOptions = {
  /**
   * A lone party whose timer is due before anything else runs ahead on its own (protocol.ts `until`): the same
   * instants, one round trip for a run of its timers instead of one each. Requests reaching the mocks meanwhile
   * wait until it has said where it stopped (`observe` returns the wait).
   */
  readonly runAhead?: boolean;
  /** The virtual epoch at start (ms). */
  readonly startMs: number;
  /** Where the current-time file goes (a new party reads it before anything else). */
  readonly dir: string;
  readonly log?: (line: string) => void;
  /** Real ms the parties' requests may stay unaccounted for (sent, not held by the mocks) before time moves anyway. */
  readonly strayRequestRealMs?: number;
  /** Real ms to wait for an expected party's hello, or for a party to go quiet. */
  readonly partyTimeoutRealMs?: number;
};

export type CoordinatorStats = {
  /** Moves of time (instants at which something was due). */
  readonly moves: number;
  /** Of those, timers a lone party ran on its own while running ahead. */
  readonly aheadSteps: number;
  /** Questions asked of the parties, re-asks included. */
  readonly queries: number;
  /** Moves made although a party's request was neither answered nor held by a mock (see `strayRequestRealMs`). */
  readonly forcedMoves: number;
  readonly partiesSeen: number;
};

export type Coordinator = {
  readonly clock: VirtualClock;
  /** Added to the gateway's environment. */
  readonly env: Readonly<Record<string, string>>;
  /** Pass to serveMocks / serveTelegramTls: counts the requests the mocks hold; a request must wait for the promise it returns, if any. */
  readonly observe: (request: IncomingMessage, response: ServerResponse) => Promise<void> | undefined;
  /** A gateway is about to start: time does not move until it has connected. */
  expectParty(): void;
  advanceBy(durationMs: number): Promise<void>;
  advanceTo(timeMs: number): Promise<void>;
  /** Keeps time moving (in steps of `stepMs`) until `promise` settles: a gateway's shutdown waits on its own timers. */
  driveUntil<T>(promise: Promise<T>, stepMs?: number): Promise<T>;
  stats(): CoordinatorStats;
  close(): Promise<void>;
};

const DEFAULT_STRAY_REQUEST_REAL_MS = 10_000;
/** A child process or worker thread boots in well under this, even on a loaded machine. */
const CHILD_HELLO_REAL_MS = 60_000;
/**
 * A worker thread's preload connects within a few event-loop turns of its `online` event; one whose code
 * blocks from its first line (a synchronous loop, Atomics.wait) does not until that code returns, and may
 * not report `online` either.
 */
const THREAD_HELLO_REAL_MS = 10_000;
/** …and one that has run JavaScript for this long without connecting will not. */
const THREAD_HELLO_AFTER_ONLINE_REAL_MS = 3_000;
const DEFAULT_PARTY_TIMEOUT_REAL_MS = 600_000;

export async function startCoordinator(options: CoordinatorOptions): Promise<Coordinator> {
  const clock = createVirtualClock({ startMs: options.startMs, stallAfterRealMs: 120_000 });
  const nowFile = join(options.dir, 'virtual-time.now');
  const log = options.log ?? (() => undefined);
  const debug = process.env[VT_ENV.debug] === '1';
  const trace = (line: string) => {
    if (debug) log(`vt +${clock.now() - options.startMs} ms: ${line}`);
  };
  const strayRealMs = options.strayRequestRealMs ?? DEFAULT_STRAY_REQUEST_REAL_MS;
  const partyTimeoutRealMs = options.partyTimeoutRealMs ?? DEFAULT_PARTY_TIMEOUT_REAL_MS;
  writeFileSync(nowFile, String(clock.now()));

  /** Parties connected now, with their keys (protocol.ts partyKey). */
  const parties = new Map<Party, string>();
  /** Every party that ever said hello: one that did and is no longer connected has ended. */
  const hello = new Set<string>();
  /** Started children and threads taken to keep real time: they never said hello. */
  const givenUpOn = new Set<string>();
  const accountedFor = (key: string) => hello.has(key) || givenUpOn.has(key);
  const awaitedSince = new Map<string, number>();
  let expected = 0;
  /** Bumped by every message and every party gone; a waiter that saw an older value does not sleep. */
  let version = 0;
  let wake: (() => void) | undefined;
  const changed = () => {
    version++;
    const waiter = wake;
    wake = undefined;
    waiter?.();
  };
  /** Bumped whenever a request reaches a mock or a response leaves one. */
  let epoch = 0;
  let held = 0;
  const counters = { moves: 0, aheadSteps: 0, queries: 0, forcedMoves: 0 };
  /** While a party runs ahead: requests reaching the mocks wait for this, and are then served at the instant it stopped. */
  let ahead: Promise<void> | undefined;

  const server = createServer((socket) => {
    const party = newParty(socket, changed);
    socket.on('data', lineReader<PartyMessage>((message) => {
      if (message.t === 'hello') {
        parties.set(party, partyKey(message));
        hello.add(partyKey(message));
        if (expected > 0) expected--;
        log(`virtual time: pid ${message.pid} follows the clock (it started at +${message.nowMs - options.startMs} ms)`);
      }
      party.receive(message);
      changed();
    }));
    const gone = () => {
      parties.delete(party);
      changed();
    };
    socket.on('close', gone);
    socket.on('error', gone);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  /** Until something changed after `seen` (a version read before the condition was checked), at most `realMs`. */
  const waitForChange = (seen: number, realMs: number) =>
    new Promise<void>((resolve) => {
      if (version !== seen) return resolve();
      const timer = setTimeout(() => {
        wake = undefined;
        resolve();
      }, realMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  /** Steps 1–3: every party quiet and accounted for; their earliest timer. */
  async function settle(): Promise<number | undefined> {
    let strayFor: number | undefined;
    for (;;) {
      await clock.runUntil(clock.now());
      await waitForExpected();
      const before = epoch;
      const q = ++counters.queries;
      const answers = await askAll(q);
      const starting = answers.flatMap((answer) => answer.starting);
      // A child that has ended (its channel closed) while its parent has not yet heard: the parent is about to act on it.
      const live = new Set(parties.values());
      const ending = starting.filter((id) => hello.has(partyKey(id)) && !live.has(partyKey(id)));
      if (ending.length > 0) {
        trace(`q${q}: ${ending.map(partyKey).join(', ')} ended; waiting for the parent to hear`);
        await waitForChange(version, 20);
        continue;
      }
      const unheard = starting.filter((id) => !accountedFor(partyKey(id)) && !givenUp(id));
      if (unheard.length > 0) {
        trace(`q${q}: waiting for ${unheard.map(partyKey).join(', ')} to connect`);
        await waitForHello(unheard);
        continue;
      }
      if (epoch !== before) {
        trace(`q${q}: requests moved while asking; again`);
        continue;
      }
      const inflight = answers.reduce((sum, answer) => sum + answer.inflight, 0);
      if (inflight !== held) trace(`q${q}: parties have ${inflight} requests in flight, the mocks hold ${held}: ${answers.flatMap((answer) => answer.requests).join('; ')}`);
      trace(`q${q}: parties next at ${answers.map((answer) => (answer.next === null ? 'none' : `+${answer.next - options.startMs}`)).join(', ')}, mocks next at +${(clock.nextTimerAt() ?? NaN) - options.startMs}`);
      if (inflight === held) return earliest(answers);
      if (inflight < held) {
        // A mock still holds a request its sender no longer waits for (a cancelled body): not the parties' work.
        return earliest(answers);
      }
      const since = (strayFor ??= performance.now());
      if (performance.now() - since >= strayRealMs) {
        counters.forcedMoves++;
        log(
          `virtual time: moving on although ${inflight - held} request(s) are neither answered nor held by a mock after ` +
            `${strayRealMs / 1000} s: ${answers.flatMap((answer) => answer.requests).join('; ')}`,
        );
        return earliest(answers);
      }
      await realSleep(1);
    }
  }

  async function waitForExpected(): Promise<void> {
    const deadline = performance.now() + partyTimeoutRealMs;
    for (let seen = version; expected > 0; seen = version) {
      if (performance.now() >= deadline) {
        throw new Error(`virtual time: a gateway was started but did not connect to quotastorm's clock within ${partyTimeoutRealMs / 1000} s (is the preload loaded?)`);
      }
      await waitForChange(seen, 1_000);
    }
  }

  /**
   * A worker thread that has run JavaScript for a while without saying hello never will: it was started
   * without the preload, or its loop is blocked (a synchronous SQLite worker parks in Atomics.wait). It keeps
   * real time, as CPU work does.
   */
  function givenUp(id: StartingParty): boolean {
    if (typeof id.onlineForMs !== 'number' || id.onlineForMs < THREAD_HELLO_AFTER_ONLINE_REAL_MS) return false;
    if (!accountedFor(partyKey(id))) log(`virtual time: worker thread ${partyKey(id)} runs but never connected; it keeps real time`);
    givenUpOn.add(partyKey(id));
    return true;
  }

  /** A started child's or worker's hello, for at most CHILD_HELLO_REAL_MS / THREAD_HELLO_REAL_MS after it was first awaited; after that it is taken to keep real time. */
  async function waitForHello(ids: readonly StartingParty[]): Promise<void> {
    const now = performance.now();
    for (const id of ids) {
      const since = awaitedSince.get(partyKey(id)) ?? now;
      awaitedSince.set(partyKey(id), since);
      const limitMs = id.threadId === 0 ? CHILD_HELLO_REAL_MS : THREAD_HELLO_REAL_MS;
      if (now - since < limitMs) continue;
      givenUpOn.add(partyKey(id));
      log(`virtual time: ${partyKey(id)} did not connect within ${limitMs / 1000} s; taken to run on real time`);
    }
    await waitForChange(version, 200);
  }

  async function askAll(q: number): Promise<IdleAnswer[]> {
    const asked = [...parties.keys()];
    for (const party of asked) party.send({ t: 'query', q });
    const deadline = performance.now() + partyTimeoutRealMs;
    for (;;) {
      const seen = version;
      const live = asked.filter((party) => parties.has(party));
      if (live.every((party) => party.idleAnswer(q) !== undefined)) return live.map((party) => party.idleAnswer(q)!);
      if (performance.now() >= deadline) throw new Error(`virtual time: a gateway process stayed busy for ${partyTimeoutRealMs / 1000} s of real time`);
      await waitForChange(seen, 1_000);
    }
  }

  /** The coordinator's clock, and the file a party that starts later reads it from. */
  function setNow(timeMs: number): void {
    writeFileSync(nowFile, String(timeMs));
    clock.jumpTo(timeMs);
  }

  /** Step 4. */
  async function moveTo(timeMs: number): Promise<void> {
    counters.moves++;
    trace(`move to +${timeMs - options.startMs} ms`);
    // Every clock reads the new instant before anything due at it fires: the parties' timers first (what they
    // send arrives stamped with it), then the mocks' own.
    setNow(timeMs);
    const moved = [...parties.keys()];
    for (const party of moved) party.send({ t: 'time', nowMs: timeMs });
    for (let seen = version; moved.some((party) => parties.has(party) && !party.reached(timeMs)); seen = version) await waitForChange(seen, 1_000);
    await clock.runUntil(timeMs);
  }

  async function advanceTo(targetMs: number): Promise<void> {
    for (;;) {
      const partiesNext = await settle();
      const mocksNext = clock.nextTimerAt() ?? Infinity;
      const next = Math.min(mocksNext, partiesNext ?? Infinity);
      if (next > targetMs) {
        if (clock.now() < targetMs) await moveTo(targetMs);
        return;
      }
      // The party's timers at the mocks' instant, or at the target's end, go the usual way: the party's first, then the mocks'.
      if (options.runAhead === true && parties.size === 1 && partiesNext !== undefined && partiesNext < mocksNext && partiesNext > clock.now()) {
        await runAhead(partiesNext, Math.min(mocksNext, targetMs + 1));
      } else await moveTo(Math.max(next, clock.now()));
    }
  }

  /** Step 4 for a lone party: it fires what is due at `firstMs`, then its own timers before `untilMs`, and says where it stopped. */
  async function runAhead(firstMs: number, untilMs: number): Promise<void> {
    const [party] = [...parties.keys()];
    if (party === undefined) return;
    counters.moves++;
    let release: () => void = () => undefined;
    ahead = new Promise<void>((resolve) => (release = resolve));
    try {
      setNow(firstMs);
      party.send({ t: 'time', nowMs: firstMs, until: untilMs });
      for (let seen = version; parties.has(party) && !party.reached(firstMs); seen = version) await waitForChange(seen, 1_000);
      const stoppedAt = party.now();
      counters.aheadSteps += party.steps();
      trace(`ran ahead to +${firstMs - options.startMs} ms, then ${party.steps()} timer(s) of its own to +${stoppedAt - options.startMs} ms (limit +${untilMs - options.startMs})`);
      if (stoppedAt > clock.now()) setNow(stoppedAt);
    } finally {
      ahead = undefined;
      release();
    }
    await clock.runUntil(clock.now());
  }

  return {
    clock,
    env: { [VT_ENV.port]: String(port), [VT_ENV.nowFile]: nowFile, ...(debug ? { [VT_ENV.debug]: '1' } : {}) },
    observe(_request, response) {
      epoch++;
      held++;
      response.once('close', () => {
        epoch++;
        held--;
      });
      return ahead;
    },
    expectParty() {
      expected++;
    },
    advanceTo,
    advanceBy: (durationMs) => advanceTo(clock.now() + durationMs),
    async driveUntil(promise, stepMs = 100) {
      let done = false;
      const watched = promise.finally(() => (done = true));
      while (!done) {
        if (parties.size === 0) await realSleep(10);
        else await advanceTo(clock.now() + stepMs);
      }
      return watched;
    },
    stats: () => ({ ...counters, partiesSeen: hello.size }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const party of parties.keys()) party.destroy();
        server.close(() => resolve());
      }),
  };
}

type IdleAnswer = Extract<PartyMessage, { t: 'idle' }>;

type Party = {
  receive(message: PartyMessage): void;
  send(message: CoordinatorMessage): void;
  idleAnswer(q: number): IdleAnswer | undefined;
  reached(timeMs: number): boolean;
  /** The instant of its last ack (or hello), and the timers it ran ahead on its own before that ack. */
  now(): number;
  steps(): number;
  destroy(): void;
};

function newParty(socket: Socket, onChange: () => void): Party {
  socket.setNoDelay(true);
  let idle: IdleAnswer | undefined;
  let nowMs = -Infinity;
  let steps = 0;
  return {
    receive(message) {
      if (message.t === 'idle') idle = message;
      else if (message.t === 'ack' || message.t === 'hello') nowMs = message.nowMs;
      if (message.t === 'ack') steps = message.steps ?? 0;
      onChange();
    },
    send(message) {
      if (message.t === 'query') idle = undefined;
      // Each time message waits for its own ack: an earlier ack at the same instant (a zero move after running ahead) is not it.
      if (message.t === 'time') nowMs = -Infinity;
      socket.write(`${JSON.stringify(message)}\n`);
    },
    idleAnswer: (q) => (idle?.q === q ? idle : undefined),
    reached: (timeMs) => nowMs >= timeMs,
    now: () => nowMs,
    steps: () => steps,
    destroy: () => socket.destroy(),
  };
}

function earliest(answers: readonly IdleAnswer[]): number | undefined {
  let next: number | undefined;
  for (const answer of answers) if (answer.next !== null && (next === undefined || answer.next < next)) next = answer.next;
  return next;
}
