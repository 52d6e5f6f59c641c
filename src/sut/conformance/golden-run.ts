/**
 * Conformance harness: one golden trace (test/golden/openclaw-<V>/<case>.json,
 * recorded from a real OpenClaw by src/sut/recorder.ts) replayed against the
 * **embedded** gateway in virtual time, under the conditions the recorder
 * created, and turned into a trace of the same format so that
 * `compareTrace(golden, actual)` (src/sut/compare.ts) can judge it.
 *
 * What is mirrored from the recorder (src/sut/recorder.ts), step by step:
 *
 * - mocks: `createMockWorld({seed: case.seed, faults})` with the case's fault
 *   schedule on `createPrng(case.seed).fork('faults')`, the Telegram mock
 *   accepting the recorder's bot token; a Telegram spy (src/sut/telegram-spy.ts)
 *   in front of the Telegram mock, so every Bot API call is kept with its
 *   parameters, as the recorder's was.
 * - config: the openclaw.json the real gateway ran with, as the trace stored
 *   it (`http://127.0.0.1:<mock>/<mount>…`), with each mock mount mapped back
 *   to the real host the in-process mocks answer for (mocks/world.ts MOUNTS):
 *   `…/google/v1beta` → `https://generativelanguage.googleapis.com/v1beta`,
 *   `…/telegram` (2026.9.6's apiRoot) → `https://api.telegram.org`.
 * - profile: the version profile calibrated on the trace's release.
 * - prompt size: the real gateway's system prompt + tool schemas in the
 *   recorder's fresh workspace (versions.ts `recordedPromptTokens`), not the
 *   reference deployment's 13,500 tokens, so that compaction thresholds are
 *   crossed on the same turns.
 * - seeded Math.random: the recorder seeds the real gateway's Math.random per
 *   calling frame (src/sut/preload/seeded-math-random.ts); the embedded
 *   gateway's transient-retry jitter is given the same frame's stream
 *   (versions.ts `transientRetryJitterCaller`), so both draw the same delays.
 * - sessions: the case's preloads through the recorder's own `preloadEntries`
 *   (same prng stream, same keys and ages), loaded into the store before start.
 * - warm-up: a first gateway on the same mocks with the warm-up turns, stopped;
 *   its store is carried over (the real one keeps its state directory).
 * - start → ready (first `getUpdates` with a timeout) → startup quiet (5 s
 *   without a Telegram call but polling and without a provider request).
 * - each turn: `injectMessage` from the case's user, then wait until nothing
 *   has happened for `settleMs` (or the turn's timeout), polling every 100 ms;
 *   a next turn with `atMs` is sent at its instant instead (src/sut/turn-timing.ts).
 *   Every wait above is the recorder's own (src/sut/turn-driver.ts).
 * - stop, store keys, and the trace through src/sut/trace-build.ts
 *   (`buildTrace`); the log lines are the embedded gateway's log, filtered and
 *   normalized by src/sut/log-lines.ts as the real gateway's file log was.
 */
import { createPrng } from '../../clock/prng.ts';
import { createVirtualClock, type VirtualClock } from '../../clock/virtual-clock.ts';
import { parseConfigText } from '../../config/load.ts';
import { createGateway, type Gateway } from '../../gateway/gateway.ts';
import type { LogRecord } from '../../gateway/log.ts';
import { profileOfRelease } from '../../gateway/profiles/index.ts';
import type { VersionProfile } from '../../gateway/profiles/profile.ts';
import { createFaultPlan } from '../../../mocks/providers/fault-plan.ts';
import { createRouteFetch } from '../../../mocks/fetch.ts';
import { createRouteTable } from '../../../mocks/routes.ts';
import { injectMessage } from '../../../mocks/telegram/state.ts';
import { createMockWorld, MOUNTS, type MockWorld } from '../../../mocks/world.ts';
import { compareTrace, type CompareTolerances, type TraceComparison } from '../compare.ts';
import { consoleSubsystem, isInteresting, normalizeLogText, type GatewayLogLine } from '../log-lines.ts';
import { TELEGRAM_BOT_TOKEN } from '../openclaw-config.ts';
import type { RawRecording, RawTurn } from '../recorder.ts';
import { mathRandomStream } from '../seeded-random.ts';
import { preloadEntries } from '../session-store.ts';
import { telegramSpy, type TelegramCall } from '../telegram-spy.ts';
import { buildTrace } from '../trace-build.ts';
import { DEFAULT_CHAT_USER, type TraceCase } from '../trace-case.ts';
import type { GoldenTrace, TraceLogLine } from '../trace.ts';
import { createTurnDriver, POLL_MS, type TurnDriver } from '../turn-driver.ts';
import { dueAtMs, waitTurnOver, waitUntilDue } from '../turn-timing.ts';
import { OPENCLAW_VERSIONS } from '../versions.ts';

/** Virtual time a gateway may take to poll Telegram, or to stop. */
const READY_TIMEOUT_MS = 120_000;
const STOP_LIMIT_MS = 300_000;

/** Where the trace says the mocks were; replaced by the real hosts the in-process mocks answer for. */
const MOCK_PREFIX = /http:\/\/127\.0\.0\.1:<mock>\/(\w+)/g;
/** A directory no log line can contain (the embedded gateway has no run directory). */
const NO_RUN_DIR = '\u0000no-run-dir';
const NORMALIZE = { runDir: NO_RUN_DIR, mockUrl: 'http://127.0.0.1:1' };

export type EmbeddedRun = {
  readonly trace: GoldenTrace;
  readonly gateway: Gateway;
  readonly world: MockWorld;
};

/** The version profile calibrated on a recorded release (`2026.2.26`). */
function profileOf(version: string): VersionProfile {
  const profile = profileOfRelease(version);
  if (profile === undefined) throw new Error(`no embedded gateway profile for openclaw@${version}`);
  return profile;
}

/** The trace's openclaw.json with every mock mount mapped back to its real host (mocks/world.ts MOUNTS). */
function embeddedConfigText(golden: GoldenTrace): string {
  return JSON.stringify(golden.config).replace(MOCK_PREFIX, (whole, mount: string) => {
    const origin = (MOUNTS as Record<string, string>)[mount];
    if (origin === undefined) throw new Error(`trace config names an unknown mock mount: ${whole}`);
    return origin;
  });
}

/** Runs the embedded gateway through the golden trace's case and builds its trace. */
async function runEmbedded(golden: GoldenTrace, traceCase: TraceCase): Promise<EmbeddedRun> {
  const version = golden.gateway.version;
  const installed = OPENCLAW_VERSIONS[version];
  if (installed === undefined) throw new Error(`unknown recorded version ${version}`);
  if (golden.case !== traceCase.name) throw new Error(`trace ${golden.case} replayed with case ${traceCase.name}`);
  const profile = profileOf(version);
  const clock = createVirtualClock({ startMs: Date.parse(golden.recording.recordedAt) });
  const rng = createPrng(traceCase.seed);
  const faults = createFaultPlan(traceCase.faults, { prng: rng.fork('faults'), startMs: clock.now() });
  const world = createMockWorld({ clock, seed: traceCase.seed, faults, telegram: { botTokens: [TELEGRAM_BOT_TOKEN] } });
  const calls: TelegramCall[] = [];
  const fetch = createRouteFetch(createRouteTable([telegramSpy(clock, calls), ...world.routes.routes]), clock);
  const driver = createTurnDriver({ clock, pass: (durationMs) => clock.advanceBy(durationMs), calls, journal: world.journal });
  const { config } = parseConfigText(embeddedConfigText(golden), `${golden.case}.openclaw.json`);
  const gatewaySeed = `${traceCase.seed}/${traceCase.name}`;
  const gatewayRng = createPrng(gatewaySeed);
  // Each launch of the real gateway seeds its Math.random afresh with this seed (gateway-process.ts), so each
  // embedded gateway gets a fresh copy of the stream its transient-retry jitter was drawn from.
  const jitterCaller = installed.transientRetryJitterCaller;
  const makeGateway = (label: string) =>
    createGateway({
      config,
      profile,
      clock,
      fetch,
      rng: gatewayRng.fork(label),
      host: { heartbeatHasTasks: false, systemPromptTokens: installed.recordedPromptTokens },
      ...(jitterCaller === undefined ? {} : { retryJitter: mathRandomStream(gatewaySeed, jitterCaller) }),
    });

  let carried: string | undefined;
  if (traceCase.warmup !== false) {
    const warm = makeGateway('warmup');
    await startAndSettle(driver, warm, calls.length);
    for (const turn of traceCase.warmup === true ? [] : traceCase.warmup.turns) {
      await runTurn(clock, world, driver, turn, traceCase);
    }
    await driver.drive(warm.stop(), STOP_LIMIT_MS);
    carried = warm.store.toJson();
  }

  const gateway = makeGateway('run');
  if (carried !== undefined) gateway.store.preload(Object.entries(JSON.parse(carried) as Record<string, never>));
  const seeded = preloadEntries(traceCase.sessions, rng, clock.now());
  gateway.store.preload(seeded.map((entry) => [entry.key, { sessionId: entry.sessionId, updatedAt: entry.updatedAtMs }] as const));
  const sessionsBefore = storeKeys(gateway);

  const gatewayStartMs = clock.now();
  const callsBeforeStart = calls.length;
  const readyAtMs = await startAndSettle(driver, gateway, callsBeforeStart);
  const turns: RawTurn[] = [];
  let dueAt = dueAtMs(traceCase.turns[0], clock.now());
  for (const [index, turn] of traceCase.turns.entries()) {
    const from = turn.from ?? DEFAULT_CHAT_USER;
    await waitUntilDue(driver, clock, dueAt);
    const startMs = clock.now();
    dueAt = dueAtMs(traceCase.turns[index + 1], startMs);
    const settled = await runTurn(clock, world, driver, turn, traceCase, dueAt);
    turns.push({ index, text: turn.text, chatId: from.id, startMs, endMs: clock.now(), settled });
  }
  const stoppedAtMs = clock.now();
  await driver.drive(gateway.stop(), STOP_LIMIT_MS);
  const sessionsAfter = storeKeys(gateway);

  const raw = {
    traceCase,
    installed: { version: installed, dir: '', entry: '', reportedVersion: `quotastorm embedded gateway (profile ${profile.name})` },
    isolation: 'none',
    mockUrl: NORMALIZE.mockUrl,
    runDir: NO_RUN_DIR,
    home: NO_RUN_DIR,
    config: golden.config,
    startedAtMs: gatewayStartMs,
    gatewayStartMs,
    readyAtMs,
    turns,
    stoppedAtMs,
    world,
    telegramCalls: calls,
    sessionsBefore,
    sessionsAfter,
    // No file: the embedded gateway's log lines are filled in below from its in-memory log.
    logFile: `${NO_RUN_DIR}/openclaw.log`,
  } satisfies RawRecording;
  const built = buildTrace(raw, new Date(gatewayStartMs).toISOString());
  const records = gateway.log.records.filter((record) => record.atMs >= gatewayStartMs);
  const firstTurnMs = turns[0]?.startMs ?? stoppedAtMs;
  const trace: GoldenTrace = {
    ...built,
    config: golden.config,
    startup: { ...built.startup, logLines: logLines(records, gatewayStartMs, firstTurnMs, gatewayStartMs) },
    turns: built.turns.map((turn, index) => ({
      ...turn,
      logLines: logLines(records, turns[index]!.startMs, turns[index + 1]?.startMs ?? stoppedAtMs, turns[index]!.startMs),
    })),
    shutdownLogLines: logLines(records, stoppedAtMs, Number.POSITIVE_INFINITY, stoppedAtMs),
  };
  return { trace, gateway, world };
}

/** runEmbedded + compareTrace with the given tolerances (default: compare.ts's). */
export async function checkConformance(
  golden: GoldenTrace,
  traceCase: TraceCase,
  tolerances: Partial<CompareTolerances> = {},
): Promise<{ readonly run: EmbeddedRun; readonly comparison: TraceComparison }> {
  const run = await runEmbedded(golden, traceCase);
  return { run, comparison: compareTrace(golden, run.trace, tolerances) };
}

/** start() → ready (first long poll after `fromCall`) → startup quiet; returns the ready time. */
async function startAndSettle(driver: TurnDriver, gateway: Gateway, fromCall: number): Promise<number> {
  const started = gateway.start();
  const ready = await driver.waitReady(fromCall, READY_TIMEOUT_MS);
  if (ready.outcome !== 'ready') throw new Error(`the embedded gateway did not poll Telegram within ${READY_TIMEOUT_MS} ms`);
  await driver.waitStartupQuiet();
  await driver.drive(started, POLL_MS);
  return ready.readyAtMs;
}

/** One user message, then wait as the recorder does: quiet for `settleMs`, the timeout, or the next turn's due instant (turn-timing.ts). */
async function runTurn(
  clock: VirtualClock,
  world: MockWorld,
  driver: TurnDriver,
  turn: TraceCase['turns'][number],
  traceCase: TraceCase,
  nextDueAtMs?: number,
): Promise<boolean> {
  const from = turn.from ?? DEFAULT_CHAT_USER;
  const startMs = clock.now();
  injectMessage(world.telegram.state, clock, { from: { id: from.id, firstName: from.firstName, ...(from.username ? { username: from.username } : {}) }, text: turn.text });
  return waitTurnOver(driver, clock, { startMs, settleMs: turn.settleMs ?? traceCase.settleMs, timeoutMs: turn.timeoutMs ?? traceCase.turnTimeoutMs, nextDueAtMs });
}

function storeKeys(gateway: Gateway): { live: string[]; archived: string[] } {
  return { live: Object.keys(JSON.parse(gateway.store.toJson()) as object).sort(), archived: [] };
}

/** The embedded log, as trace-build.ts keeps the real gateway's: interesting lines, `[subsystem] message`, normalized. */
function logLines(records: readonly LogRecord[], fromMs: number, toMs: number, offsetFromMs: number): TraceLogLine[] {
  return records
    .filter((record) => record.atMs >= fromMs && record.atMs < toMs)
    .map((record): GatewayLogLine => ({ atMs: record.atMs, level: record.level.toUpperCase(), subsystem: record.subsystem, message: record.message }))
    .filter(isInteresting)
    .map((line) => ({
      offsetMs: Math.round(line.atMs - offsetFromMs),
      level: line.level,
      line: normalizeLogText(`${line.subsystem ? `[${consoleSubsystem(line.subsystem)}] ` : ''}${line.message}`, NORMALIZE),
    }));
}
