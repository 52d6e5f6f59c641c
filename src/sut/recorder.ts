/**
 * Records one trace case against one real, installed OpenClaw — the part of
 * `quotastorm record` that runs *inside* the namespace (isolate.ts puts it
 * there), beside the mocks and the gateway:
 *
 *   mocks (HTTP on a free port; Telegram also as TLS :443 where needed)
 *   → openclaw.json from the case's config → sessions seeded → [warm-up start/stop]
 *   → gateway start → ready (Telegram long poll) → startup settles
 *   → per turn: a user writes (Telegram mock) → wait until quiet → next
 *   → gateway stop → store keys → logs → trace (trace-build.ts)
 *
 * In real time, waits and timestamps come from the real clock. In virtual
 * time (`virtualTime`), one coordinator clock (virtual-time/coordinator.ts)
 * drives the mocks, these waits and the gateway's own clock: a back-off is
 * not waited out, and every offset in the trace is virtual. The gateway's
 * CLI calls and its shutdown grace stay on the real clock.
 */
import { existsSync } from 'node:fs';
import { rm, writeFile, readFile } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import type { Clock } from '../clock/clock.ts';
import { createPrng } from '../clock/prng.ts';
import { loadConfig } from '../config/load.ts';
import { UserError } from '../errors.ts';
import { createFaultPlan } from '../../mocks/providers/fault-plan.ts';
import { serveMocks, serveTelegramTls, type MockServer } from '../../mocks/server.ts';
import { injectMessage } from '../../mocks/telegram/state.ts';
import { generateCertificate } from '../../mocks/telegram/tls-certificate.ts';
import { createMockWorld, type MockWorld } from '../../mocks/world.ts';
import { gatewayEnv, startGateway, type GatewayProcess } from './gateway-process.ts';
import { waitForCpuIdle } from './process-tree.ts';
import type { InstalledGateway } from './install.ts';
import { gatewayConfig, mergeConfig, TELEGRAM_BOT_TOKEN } from './openclaw-config.ts';
import { discardRuntimeCache, primeRuntimeCache, saveRuntimeCache } from './runtime-cache.ts';
import { describeFailure, runCommand } from './run-command.ts';
import { preloadEntries, readSessionKeys, seedSessions, type SessionKeys } from './session-store.ts';
import { telegramSpy, type TelegramCall } from './telegram-spy.ts';
import { DEFAULT_CHAT_USER, type TraceCase } from './trace-case.ts';
import { createTurnDriver, STARTUP_SETTLE_MAX_MS, type TurnDriver } from './turn-driver.ts';
import { makeDirectories } from '../io/output-path.ts';
import { startCoordinator, type CoordinatorStats } from './virtual-time/coordinator.ts';

export type RecordOptions = {
  readonly clock: Clock;
  readonly installed: InstalledGateway;
  readonly runDir: string;
  readonly isolation: 'netns' | 'none';
  readonly log: (line: string) => void;
  /** An OpenClaw config to run instead of the case's base config (`record --config`); the case's overrides still apply. */
  readonly configFile?: string;
  /** Registers cleanup to run if the process is told to stop (isolate.ts createShutdownGuard). */
  readonly guard?: { add(task: () => Promise<unknown>): () => void };
  /** Runs the gateway on quotastorm's clock (preload/virtual-time.ts) instead of real time. */
  readonly virtualTime?: boolean;
};

/** Everything observed in one recording, before normalization (trace-build.ts turns it into a GoldenTrace). */
export type RawRecording = {
  readonly traceCase: TraceCase;
  readonly installed: InstalledGateway;
  readonly isolation: 'netns' | 'none';
  readonly mockUrl: string;
  readonly runDir: string;
  readonly home: string;
  readonly config: unknown;
  readonly startedAtMs: number;
  readonly gatewayStartMs: number;
  readonly readyAtMs: number;
  readonly turns: readonly RawTurn[];
  readonly stoppedAtMs: number;
  readonly world: MockWorld;
  readonly telegramCalls: readonly TelegramCall[];
  readonly sessionsBefore: SessionKeys;
  readonly sessionsAfter: SessionKeys;
  readonly logFile: string;
  /** Virtual time only: how the coordinator moved time, and the real ms from gateway start to stop. */
  readonly virtualTime?: CoordinatorStats & { readonly wallMs: number };
};

export type RawTurn = {
  readonly index: number;
  readonly text: string;
  readonly chatId: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly settled: boolean;
};

/** Every call of the gateway's own CLI is bounded (openclaw@2026.2.26's CLI has been seen to hang for 10 minutes). */
const CLI_TIMEOUT_MS = 120_000;

export async function recordCase(traceCase: TraceCase, options: RecordOptions): Promise<RawRecording> {
  const { installed, runDir, log } = options;
  const realClock = options.clock;
  const version = installed.version;
  const override = traceCase.versions[version.version];
  if (override?.skip) throw new UserError(`Case ${traceCase.name} is not recorded on openclaw@${version.version}: ${override.skip}`, { exitCode: 1 });
  if (version.telegram === 'tls-hosts' && options.isolation !== 'netns') {
    throw new UserError(
      `openclaw@${version.version} has no Telegram API root setting: it can only reach the Telegram mock inside a network namespace ` +
        '(api.telegram.org → 127.0.0.1 there). Run as root so quotastorm can create one.',
    );
  }

  await rm(runDir, { recursive: true, force: true });
  const home = join(runDir, 'home');
  await makeDirectories(join(runDir, 'tmp'));
  await makeDirectories(join(home, '.openclaw'));
  const coordinator = options.virtualTime ? await startCoordinator({ startMs: realClock.now(), dir: runDir, log }) : undefined;
  const clock: Clock = coordinator?.clock ?? realClock;
  const stopGateway = (running: GatewayProcess) => (coordinator === undefined ? running.stop() : coordinator.driveUntil(running.stop()));
  const startedAtMs = clock.now();
  const rng = createPrng(traceCase.seed);

  // Mocks: the case's fault schedule on the run's faults stream; a spy in front of the Telegram mock.
  const faults = createFaultPlan(traceCase.faults, { prng: rng.fork('faults'), startMs: startedAtMs });
  const world = createMockWorld({ clock, seed: traceCase.seed, faults, telegram: { botTokens: [TELEGRAM_BOT_TOKEN] } });
  const telegramCalls: TelegramCall[] = [];
  const driverFor = (running: GatewayProcess) =>
    createTurnDriver({
      clock,
      calls: telegramCalls,
      journal: world.journal,
      isRunning: () => running.isRunning(),
      ...(coordinator === undefined ? {} : { pass: (durationMs: number) => coordinator.advanceBy(durationMs) }),
    });
  const spied: MockWorld = {
    ...world,
    routesByMount: { ...world.routesByMount, telegram: [telegramSpy(clock, telegramCalls), ...world.routesByMount.telegram] },
  };
  const servers: MockServer[] = [];
  let gateway: GatewayProcess | undefined;
  const release = options.guard?.add(async () => {
    if (gateway) await stopGateway(gateway);
    world.telegram.state.poll?.wake('conflict');
    await Promise.all(servers.map((server) => server.close()));
  });
  try {
    const observe = coordinator === undefined ? {} : { observe: coordinator.observe };
    const mock = await serveMocks(spied, { port: 0, ...observe });
    servers.push(mock);
    const env: Record<string, string> = {};
    if (version.telegram === 'tls-hosts') {
      const certificate = await generateCertificate('api.telegram.org', join(runDir, 'tls'));
      servers.push(await serveTelegramTls(spied, { port: 443, ...certificate, ...observe }));
      env['NODE_EXTRA_CA_CERTS'] = certificate.certificateFile;
    }
    log(`mocks on ${mock.url}${version.telegram === 'tls-hosts' ? ' + https://api.telegram.org (127.0.0.1:443)' : ''}`);

    const config = await buildConfig(traceCase, version.version, options.configFile, {
      version,
      telegramUsers: [...new Set([...traceCase.turns, ...(traceCase.warmup === true || traceCase.warmup === false ? [] : traceCase.warmup.turns)].map((turn) => (turn.from ?? DEFAULT_CHAT_USER).id))],
      mockUrl: mock.url,
      logFile: join(runDir, 'openclaw.log'),
      workspaceDir: join(home, '.openclaw', 'workspace'),
    });
    await writeFile(join(home, '.openclaw', 'openclaw.json'), `${JSON.stringify(config, null, 2)}\n`);
    const launch = {
      installed,
      clock: realClock,
      home,
      runDir,
      env,
      seed: `${traceCase.seed}/${traceCase.name}`,
      ...(coordinator === undefined ? {} : { virtualTime: coordinator.env }),
    };
    const start = (label: string) => {
      coordinator?.expectParty();
      return startGateway({ ...launch, label });
    };
    await primeRuntimeCache(installed.dir, join(runDir, 'tmp'));

    if (traceCase.warmup) {
      log('warm-up start (not recorded)');
      const warm = start('warmup');
      gateway = warm;
      const driver = driverFor(warm);
      await writeFile(join(runDir, 'gateway.pid'), `${warm.pid}\n`);
      await waitReady(warm, driver, 0, version.readyTimeoutS * 1000);
      await driver.waitStartupQuiet();
      for (const turn of traceCase.warmup === true ? [] : traceCase.warmup.turns) {
        const from = turn.from ?? DEFAULT_CHAT_USER;
        const startMs = clock.now();
        injectMessage(world.telegram.state, clock, { from: { id: from.id, firstName: from.firstName }, text: turn.text });
        await driver.waitTurnSettled(startMs, turn.settleMs ?? traceCase.settleMs, turn.timeoutMs ?? traceCase.turnTimeoutMs);
        log(`warm-up turn "${turn.text}" done`);
      }
      await stopGateway(warm);
      gateway = undefined;
    }

    await seedSessions(version.sessionStore, home, preloadEntries(traceCase.sessions, rng, clock.now()), async () => {
      log('importing the seeded sessions with `openclaw doctor --session-sqlite import`');
      const result = await runCommand(process.execPath, [installed.entry, 'doctor', '--session-sqlite', 'import'], {
        clock: realClock,
        timeoutMs: CLI_TIMEOUT_MS,
        cwd: home,
        env: gatewayEnv(launch),
      });
      await writeFile(join(runDir, 'doctor-session-sqlite-import.log'), `${result.command}\n${result.stdout}${result.stderr}`);
      if (result.exitCode !== 0) throw new UserError(`Seeding the SQLite session store failed: ${describeFailure(result)}`, { exitCode: 1 });
    });
    const sessionsBefore = await readSessionKeys(version.sessionStore, home);

    const callsBeforeStart = telegramCalls.length;
    const gatewayStartMs = clock.now();
    log(`starting openclaw@${version.version} gateway`);
    const wallStartMs = realClock.now();
    gateway = start('run');
    const driver = driverFor(gateway);
    await writeFile(join(runDir, 'gateway.pid'), `${gateway.pid}\n`);
    const readyAtMs = await waitReady(gateway, driver, callsBeforeStart, version.readyTimeoutS * 1000);
    log(`ready (Telegram long poll) after ${((readyAtMs - gatewayStartMs) / 1000).toFixed(1)} s`);
    await driver.waitStartupQuiet();
    // In virtual time the clock cannot move while the gateway works, so a quiet startup is an idle one.
    if (coordinator === undefined) {
      const idle = await waitForCpuIdle(gateway.pid, clock, { timeoutMs: STARTUP_SETTLE_MAX_MS });
      log(`${idle.idle ? 'idle' : 'still busy'} after another ${(idle.waitedMs / 1000).toFixed(1)} s (CPU < 10 % of a core over 2 s)`);
    }

    const turns: RawTurn[] = [];
    for (const [index, turn] of traceCase.turns.entries()) {
      const from = turn.from ?? DEFAULT_CHAT_USER;
      const startMs = clock.now();
      injectMessage(world.telegram.state, clock, { from: { id: from.id, firstName: from.firstName, ...(from.username ? { username: from.username } : {}) }, text: turn.text });
      log(`turn ${index + 1}: "${turn.text}" from ${from.id}`);
      const settleMs = turn.settleMs ?? traceCase.settleMs;
      const timeoutMs = turn.timeoutMs ?? traceCase.turnTimeoutMs;
      const settled = await driver.waitTurnSettled(startMs, settleMs, timeoutMs);
      const endMs = clock.now();
      const how = settled ? 'settled' : gateway.isRunning() ? 'still busy at the timeout' : 'the gateway exited';
      log(`turn ${index + 1}: ${how} after ${((endMs - startMs) / 1000).toFixed(1)} s`);
      turns.push({ index, text: turn.text, chatId: from.id, startMs, endMs, settled });
      if (!gateway.isRunning()) {
        const exit = await gateway.exited;
        throw new UserError(
          `The gateway exited during turn ${index + 1} (exit ${exit.exitCode ?? exit.signal}); no trace written. Run directory: ${runDir}`,
          { exitCode: 1 },
        );
      }
    }

    if (!gateway.isRunning()) {
      const exit = await gateway.exited;
      throw new UserError(`The gateway exited on its own (exit ${exit.exitCode ?? exit.signal}); no trace written. Run directory: ${runDir}`, { exitCode: 1 });
    }
    const stoppedAtMs = clock.now();
    await stopGateway(gateway);
    gateway = undefined;
    const wallMs = realClock.now() - wallStartMs;
    const span = `gateway start to stop: ${((stoppedAtMs - gatewayStartMs) / 1000).toFixed(1)} s on the gateway's clock, ${(wallMs / 1000).toFixed(1)} s of real time`;
    const stats = coordinator?.stats();
    log(stats === undefined ? span : `${span} (virtual time: ${stats.moves} moves, ${stats.queries} queries, ${stats.forcedMoves} forced)`);
    await saveRuntimeCache(installed.dir, join(runDir, 'tmp'));
    const sessionsAfter = await readSessionKeys(version.sessionStore, home);
    return {
      traceCase,
      installed,
      isolation: options.isolation,
      mockUrl: mock.url,
      runDir,
      home,
      config,
      startedAtMs,
      gatewayStartMs,
      readyAtMs,
      turns,
      stoppedAtMs,
      world,
      telegramCalls,
      sessionsBefore,
      sessionsAfter,
      logFile: join(runDir, 'openclaw.log'),
      ...(coordinator === undefined ? {} : { virtualTime: { ...coordinator.stats(), wallMs } }),
    };
  } finally {
    release?.();
    if (gateway) await stopGateway(gateway);
    // A long poll parked in the Telegram mock holds a 30 s timer; end it, or this process lingers that long.
    world.telegram.state.poll?.wake('conflict');
    await Promise.all(servers.map((server) => server.close()));
    await coordinator?.close();
    await writeArtifacts(runDir, world, telegramCalls);
    await discardRuntimeCache(join(runDir, 'tmp'));
  }
}

/**
 * base config → its per-version overlay, if one exists (`base.openclaw.json5` →
 * `base.2026.9.6.openclaw.json5`: keys only that version's strict schema has) →
 * the case's overrides → the case's per-version overrides → pointed at the mocks.
 */
async function buildConfig(
  traceCase: TraceCase,
  version: string,
  userConfigFile: string | undefined,
  options: Parameters<typeof gatewayConfig>[1],
): Promise<unknown> {
  const baseFile = userConfigFile === undefined ? resolve(dirname(traceCase.file), traceCase.config) : resolve(userConfigFile);
  const overlayFile = baseFile.replace(/(\.openclaw)?\.json5?$/, `.${version}$1.json5`);
  let config = (await loadConfig(baseFile)).raw;
  if (userConfigFile === undefined && overlayFile !== baseFile && existsSync(overlayFile)) config = mergeConfig(config, (await loadConfig(overlayFile)).raw);
  config = mergeConfig(mergeConfig(config, traceCase.configOverrides), traceCase.versions[version]?.configOverrides ?? {});
  return gatewayConfig(config, options);
}

/** Ready = the Telegram channel's long poll reached the mock (getUpdates with a timeout) after `fromCall`. */
async function waitReady(gateway: GatewayProcess, driver: TurnDriver, fromCall: number, timeoutMs: number): Promise<number> {
  const ready = await driver.waitReady(fromCall, timeoutMs);
  if (ready.outcome === 'ready') return ready.readyAtMs;
  if (ready.outcome === 'exited') {
    const exit = await gateway.exited;
    throw new UserError(
      `The gateway exited before it was ready (exit ${exit.exitCode ?? exit.signal}). Last output:\n${await tail(gateway.stderrFile)}\n${await tail(gateway.stdoutFile)}`,
      { exitCode: 1 },
    );
  }
  throw new UserError(
    `The gateway did not poll Telegram within ${timeoutMs / 1000} s. Last output:\n${await tail(gateway.stdoutFile)}`,
    { exitCode: 1 },
  );
}

async function tail(file: string, lines = 15): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function writeArtifacts(runDir: string, world: MockWorld, calls: readonly TelegramCall[]): Promise<void> {
  await makeDirectories(runDir);
  await writeFile(join(runDir, 'providers.journal.jsonl'), world.journal.toJsonl());
  await writeFile(join(runDir, 'telegram.journal.jsonl'), world.telegram.journal.toJsonl());
  await writeFile(join(runDir, 'telegram.calls.jsonl'), calls.map((call) => `${JSON.stringify(call)}\n`).join(''));
}
