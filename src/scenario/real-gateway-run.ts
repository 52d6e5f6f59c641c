/**
 * A scenario on a real, installed OpenClaw — `run | suite --gateway
 * openclaw@V` — inside the namespace isolate.ts puts it in, on quotastorm's
 * clock (src/clock/coordinator/):
 *
 *   mocks as the scenario asks (its ledger, faults, variant), serving the
 *   gateway over loopback → openclaw.json from the scenario's config
 *   (openclaw-config.ts) → the scenario's preload in the version's store,
 *   its host in the workspace → gateway start → ready (Telegram long poll)
 *   → each step: the workload's messages injected at their virtual instants,
 *   the store read when the step ends → gateway stop → the run record from
 *   what was observed (real-gateway-facts.ts) → the same checks and result as
 *   an embedded run.
 *
 * The workload, the users and the preload come from the same seeded streams
 * as the embedded run's (runner.ts), so both gateways get the same messages
 * from the same users at the same instants. Heartbeats and cron jobs are the
 * gateway's own. What the embedded gateway models but a real one cannot be
 * given from outside is named in the result (`gateway.limits`).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../clock/clock.ts';
import { createPrng } from '../clock/prng.ts';
import { createRealClock } from '../clock/real-clock.ts';
import { startCoordinator, type Coordinator } from '../clock/coordinator/coordinator.ts';
import { loadConfig, type LoadedConfig } from '../config/load.ts';
import { auditRootCauses } from '../config/root-causes.ts';
import { resolveModelChain } from '../config/model-ref.ts';
import { resolveProvider } from '../config/catalog/index.ts';
import { UserError } from '../errors.ts';
import { profileNameOfRelease, profileOfRelease } from '../gateway/profiles/index.ts';
import type { VersionProfile } from '../gateway/profiles/profile.ts';
import { logText } from '../gateway/log.ts';
import { DEFAULT_ELIGIBLE_SKILLS } from '../gateway/channels/commands-catalog.ts';
import { createTextPool } from '../gateway/text-pool.ts';
import { makeDirectories } from '../io/output-path.ts';
import { createFaultPlan } from '../../mocks/providers/fault-plan.ts';
import { serveMocks, serveTelegramTls, type MockServer } from '../../mocks/server.ts';
import { injectMessage } from '../../mocks/telegram/state.ts';
import { generateCertificate } from '../../mocks/telegram/tls-certificate.ts';
import { createMockWorld, type Mount, type MockWorld } from '../../mocks/world.ts';
import { judgeRecord } from './judge.ts';
import type { StepRecord } from './record.ts';
import { redactStrings, secretsOf } from './redact.ts';
import type { RealGatewayRun } from './result.ts';
import { runNotesOf } from './run-notes.ts';
import { hostSkills, SLICE_MS, type RunOptions, type RunOutputs } from './runner.ts';
import { faultScheduleOf, ledgerConfigOf, mocksOf } from './scenario-mocks.ts';
import { summarize } from './summarize.ts';
import { takeRunRecord } from './take-record.ts';
import { pairedUsers, scenarioUsers, userPairing } from './users.ts';
import { userAccounts } from './user-accounts.ts';
import { checkWorkloadSize, messageText, planMessages, stepLengthMs } from './workload.ts';
import { gatewayEnv, startGateway, type GatewayProcess } from '../sut/gateway-process.ts';
import type { InstalledGateway } from '../sut/install.ts';
import { readGatewayLog } from '../sut/log-lines.ts';
import { gatewayConfig, TELEGRAM_BOT_TOKEN } from '../sut/openclaw-config.ts';
import { createPromptSpy } from '../sut/prompt-spy.ts';
import { describeFailure, runCommand } from '../sut/run-command.ts';
import { discardRuntimeCache, primeRuntimeCache, saveRuntimeCache } from '../sut/runtime-cache.ts';
import { observedFacts, type SentMessage } from './real-gateway-facts.ts';
import { readStoreSnapshot, readStoreText, seedScenarioStore } from './real-gateway-store.ts';
import { telegramSpy, type TelegramCall } from '../sut/telegram-spy.ts';
import { createTurnDriver } from '../sut/turn-driver.ts';

export type GatewayRunOptions = RunOptions & {
  readonly installed: InstalledGateway;
  readonly isolation: 'netns' | 'none';
  /** The gateway's throwaway HOME, its console output and file log: kept for a look after the run. */
  readonly workDir: string;
  readonly log: (line: string) => void;
  /** Registers cleanup to run if the process is told to stop (isolate.ts createShutdownGuard). */
  readonly guard?: { add(task: () => Promise<unknown>): () => void };
};

const CLI_TIMEOUT_MS = 120_000;

export async function runScenarioOnGateway(options: GatewayRunOptions): Promise<RunOutputs> {
  const { loaded, installed, workDir, log } = options;
  const { scenario } = loaded;
  const version = installed.version;
  const profile = profileOfRelease(version.version);
  if (profile === undefined) throw new Error(`no behaviour profile is calibrated on openclaw@${version.version}`);
  checkWorkloadSize(scenario, loaded.file);
  const seed = options.seed ?? scenario.seed;
  const loadedConfig = await loadConfig(options.configFile, { envRules: profile.configEnv, openclaw: profile, doctorFix: options.doctorFix === true });
  const limits = unsupported(loaded, loadedConfig, profile, version.sessionStore);
  if (version.telegram === 'tls-hosts' && options.isolation !== 'netns') {
    throw new UserError(`openclaw@${version.version} can only reach the Telegram mock inside a network namespace: run as root so quotastorm can create one.`);
  }

  const realClock = createRealClock();
  const startMs = Date.parse(scenario.startAt);
  const home = join(workDir, 'home');
  await rm(workDir, { recursive: true, force: true });
  await makeDirectories(join(workDir, 'tmp'));
  await makeDirectories(join(home, '.openclaw', 'workspace'));
  const coordinator = await startCoordinator({ startMs, dir: workDir, log, runAhead: true });
  const clock = coordinator.clock;
  const rng = createPrng(seed);
  const faults = faultScheduleOf(options);
  const world = createMockWorld({
    clock,
    seed,
    ledger: ledgerConfigOf(mocksOf(options), profile, loadedConfig.config),
    ...(faults === undefined ? {} : { faults: createFaultPlan(faults, { prng: rng.fork('faults'), startMs }) }),
    telegram: { botTokens: [TELEGRAM_BOT_TOKEN] },
  });
  const users = scenarioUsers(loadedConfig, scenario.users.count, rng.fork('workload/users'), undefined);
  const paired = pairedUsers(users, scenario.users.paired);
  const pool = createTextPool(rng.fork('workload/text'));
  const telegramCalls: TelegramCall[] = [];
  const prompts = createPromptSpy(clock);
  const spied = spiedWorld(world, clock, telegramCalls, prompts);

  const servers: MockServer[] = [];
  let gateway: GatewayProcess | undefined;
  const stop = async (running: GatewayProcess) => coordinator.driveUntil(running.stop());
  const release = options.guard?.add(async () => {
    if (gateway) await stop(gateway);
    world.telegram.state.poll?.wake('conflict');
    await Promise.all(servers.map((server) => server.close()));
  });
  try {
    const mock = await serveMocks(spied, { port: 0, observe: coordinator.observe });
    servers.push(mock);
    const env: Record<string, string> = {};
    if (version.telegram === 'tls-hosts') {
      const certificate = await generateCertificate('api.telegram.org', join(workDir, 'tls'));
      servers.push(await serveTelegramTls(spied, { port: 443, ...certificate, observe: coordinator.observe }));
      env['NODE_EXTRA_CA_CERTS'] = certificate.certificateFile;
    }
    const logFile = join(workDir, 'openclaw.log');
    const pairing = loadedConfig.config.channels?.telegram?.dmPolicy === 'pairing';
    const config = gatewayConfig(loadedConfig.raw, {
      version,
      // The pairing store's approvals, as an allowlist: both admit exactly these users.
      telegramUsers: pairing ? paired.map((user) => user.id) : [],
      mockUrl: mock.url,
      logFile,
      workspaceDir: join(home, '.openclaw', 'workspace'),
    });
    await writeFile(join(home, '.openclaw', 'openclaw.json'), `${JSON.stringify(config, null, 2)}\n`);
    await writeHost(home, scenario.host, profile);
    const launch = { installed, clock: realClock, home, runDir: workDir, env, seed: `${seed}/${scenario.name}`, virtualTime: coordinator.env };
    await seedScenarioStore(version.sessionStore, home, scenario.preload, { startMs, rng: rng.fork('preload'), pool, model: primaryModel(loadedConfig, profile) }, async () => {
      log('importing the preloaded sessions with `openclaw doctor --session-sqlite import`');
      const result = await runCommand(process.execPath, [installed.entry, 'doctor', '--session-sqlite', 'import'], { clock: realClock, timeoutMs: CLI_TIMEOUT_MS, cwd: home, env: gatewayEnv(launch) });
      if (result.exitCode !== 0) throw new UserError(`Seeding the SQLite session store failed: ${describeFailure(result)}`, { exitCode: 1 });
    });
    await primeRuntimeCache(installed.dir, join(workDir, 'tmp'));

    log(`starting openclaw@${version.version} (virtual time from ${scenario.startAt})`);
    const wallStartMs = realClock.now();
    coordinator.expectParty();
    gateway = startGateway({ ...launch, label: 'run' });
    const running = gateway;
    const driver = createTurnDriver({ clock, calls: telegramCalls, journal: world.journal, isRunning: () => running.isRunning(), pass: (ms) => coordinator.advanceBy(ms) });
    const ready = await driver.waitReady(0, version.readyTimeoutS * 1000);
    if (ready.outcome !== 'ready') throw new UserError(`openclaw@${version.version} did not start polling Telegram (${ready.outcome}); its console output is in ${workDir}.`, { exitCode: 1 });
    log(`ready after ${((ready.readyAtMs - startMs) / 1000).toFixed(1)} s of virtual time`);
    const atStart = (await readStoreSnapshot(version.sessionStore, home)).sessions.length;

    const sent: { message: Omit<SentMessage, 'reachedAtMs'>; id: number }[] = [];
    const series: { atMs: number; count: number }[] = [{ atMs: 0, count: atStart }];
    const steps: StepRecord[] = [];
    let incomplete = false;
    let messagesSoFar = 0;
    for (const [index, step] of scenario.steps.entries()) {
      if (options.signal?.aborted || !running.isRunning()) {
        incomplete = true;
        break;
      }
      const fromMs = clock.now();
      const planned = planMessages(step.send, { rng: rng.fork(`workload/step-${index}`), users: users.length, stepLengthMs: step.run, startEpochMs: fromMs, timeZone: 'America/Los_Angeles' });
      for (const message of planned) {
        const sender = users[message.user % users.length]!;
        const text = messageText(pool, rng, index, message);
        clock.setTimeout(() => {
          const id = sent.length;
          prompts.expect(id, text);
          const update = injectMessage(world.telegram.state, clock, { from: sender, text });
          sent.push({ id, message: { updateId: update.update_id, senderId: sender.id, chatId: sender.id, receivedAtMs: clock.now() } });
        }, message.atMs);
      }
      const lengthMs = stepLengthMs(step.run, planned);
      incomplete = !(await runFor(coordinator, lengthMs, options, async () => {
        const count = (await readStoreSnapshot(version.sessionStore, home)).sessions.length;
        if (series.at(-1)!.count !== count) series.push({ atMs: clock.now() - startMs, count });
        options.onProgress?.({ simulatedMs: clock.now() - startMs, userTurns: sent.length, served429: world.journal.where({ status: 429 }).length, step: step.name });
        return running.isRunning();
      }));
      messagesSoFar += planned.length;
      const store = await readStoreSnapshot(version.sessionStore, home);
      const seen = { journal: world.journal.length, telegramJournal: world.telegram.journal.entries.length, log: 0, deliveries: 0, messageFates: 0 };
      steps.push({ name: step.name, fromMs, toMs: clock.now(), messagesSent: planned.length, messagesSentInRun: messagesSoFar, checks: step.checks, store, seen });
      if (incomplete) break;
    }
    const exitedEarly = !running.isRunning();
    const endMs = clock.now();
    await stop(running);
    gateway = undefined;
    const wallMs = realClock.now() - wallStartMs;
    if (exitedEarly) log(`the gateway exited on its own before the run ended; its console output is in ${workDir}`);
    await saveRuntimeCache(installed.dir, join(workDir, 'tmp'));

    const sessionsText = await readStoreText(version.sessionStore, home);
    const sessionsAtEnd = (await readStoreSnapshot(version.sessionStore, home)).sessions.length;
    const facts = observedFacts({
      telegramCalls,
      telegramJournal: world.telegram.journal.entries,
      messages: sent.map(({ id, message }) => ({ ...message, reachedAtMs: prompts.reachedAtMs(id) })),
      logLines: readGatewayLog(logFile),
      sessionsAtEnd,
    });
    const rootCauses = auditRootCauses(loadedConfig, profile);
    const record = takeRunRecord({
      startMs,
      gateway: { ...facts, telegramConfigured: true },
      world,
      steps: steps.map((step) => ({ ...step, seen: { ...step.seen, ...seenBy(facts, step.toMs) } })),
      rootCauses,
    });
    const stats = coordinator.stats();
    const realGateway: RealGatewayRun = { name: `openclaw@${version.version}`, clock: 'virtual', isolation: options.isolation, wallMs, moves: stats.moves, limits };
    log(`gateway start to stop: ${((endMs - startMs) / 3_600_000).toFixed(2)} h of virtual time in ${(wallMs / 1000).toFixed(1)} s (${stats.moves} moves)`);
    const secrets = secretsOf(loadedConfig);
    // The behaviour profile calibrated on the version that ran, whatever the scenario names.
    const profileName = profileNameOfRelease(version.version) ?? scenario.profile;
    const summary = summarize({
      run: { ...options, loaded: { ...loaded, scenario: { ...scenario, profile: profileName } } },
      seed,
      startMs,
      endMs,
      incomplete: incomplete || exitedEarly,
      checks: judgeRecord(record),
      steps: record.steps.map((entry) => ({ name: entry.name, fromMs: entry.fromMs - startMs, toMs: entry.toMs - startMs })),
      gateway: facts,
      world,
      sessions: { atStart, series },
      rootCauses,
      runNotes: runNotesOf(loadedConfig, profile),
      configSha256: loadedConfig.sha256,
      messagesSent: messagesSoFar,
      pairing: userPairing(loadedConfig, users, paired, profile.telegram.pairingStore),
      realGateway,
    });
    const fileLog = await readFileOr(logFile);
    // The gateway's own file log, and the same lines as an embedded run's gateway.log / gateway.err.log, so the write-up's own grep works on either folder.
    const gatewayFiles = () => ({
      'openclaw.log': fileLog,
      'gateway.log': logText(facts.log),
      'gateway.err.log': logText(facts.log.filter((record) => record.level !== 'info')),
      'sessions.json': sessionsText,
    });
    return { result: redactStrings(summary, secrets), record, world, loadedConfig, secrets, gatewayFiles };
  } finally {
    release?.();
    if (gateway) await stop(gateway);
    world.telegram.state.poll?.wake('conflict');
    await Promise.all(servers.map((server) => server.close()));
    await coordinator.close();
    await discardRuntimeCache(join(workDir, 'tmp'));
  }
}

/**
 * Scenario features a real gateway cannot be given from outside: some refuse the run (exit 2, naming
 * the feature), the rest are listed in the result, since the run still measures the rest faithfully.
 */
function unsupported(loaded: GatewayRunOptions['loaded'], config: LoadedConfig, profile: VersionProfile, store: string): string[] {
  const { scenario, file } = loaded;
  const refuse = (what: string) => {
    throw new UserError(`${file}: ${what} is not supported on a real gateway yet (--gateway openclaw@…); run it on the embedded gateway (no --gateway).`);
  };
  if (config.config.channels?.telegram === undefined || config.config.channels.telegram.enabled === false) refuse('a config without channels.telegram (the workload writes to the Telegram bot)');
  if ((userAccounts(config.config, profile, scenario.users.account, file)?.length ?? 0) > 1) refuse('a config with several Telegram accounts');
  if (scenario.steps.some((step) => step.send.some((arrival) => arrival.chat === 'group'))) refuse('a workload that writes into a group chat');
  const limits: string[] = [];
  const { host } = scenario;
  if (host.toolCallsPerTurn > 0 || host.toolResultTokensPerTurn > 0) limits.push(`host.toolCallsPerTurn / toolResultTokensPerTurn: the mocks answer with text, so the real gateway calls no tool`);
  if (host.skills !== 'bundled') limits.push(`host.skills ${JSON.stringify(host.skills)}: the bundled skills the install itself finds eligible on this host are offered too`);
  if (host.systemPromptTokens !== undefined) limits.push('host.systemPromptTokens: the real gateway builds its own system prompt');
  if (scenario.cronJobs.length > 0) limits.push(`cronJobs: ${scenario.cronJobs.length} job(s) the embedded gateway schedules; none is created in the real gateway's cron store`);
  if (store === 'sqlite' && scenario.preload.mainTranscriptTokens > 0) limits.push('preload.mainTranscriptTokens: written as a legacy transcript file, which the SQLite store import may not carry over');
  limits.push('router decisions: not observable from outside, so the failover cascade is read from the provider journal alone');
  limits.push('turns by origin: heartbeat and cron turns are not counted');
  limits.push('drops: a message the gateway answered with nothing (not admitted, an empty reply) counts as pending, its reason not visible from outside');
  return limits;
}

/**
 * The scenario's host in the gateway's workspace:
 * - HEARTBEAT.md with tasks to do, or only a heading (which the gateway treats as nothing to do);
 * - the eligible skills as workspace skills (`<workspace>/skills/<name>/SKILL.md`) marked `always`, so every
 *   one of them is eligible on any host, as the scenario says: a workspace skill replaces the bundled one of
 *   the same name, and `always` passes the requirement checks (openclaw@2026.2.26 dist/skills-*.js
 *   `loadSkillEntries` merges workspace skills last; `evaluateRuntimeEligibility` returns true for `always`
 *   once the skill names no `os`, which these copies do not).
 */
async function writeHost(home: string, host: GatewayRunOptions['loaded']['scenario']['host'], profile: VersionProfile): Promise<void> {
  const workspace = join(home, '.openclaw', 'workspace');
  const heartbeat = host.heartbeatHasTasks ? "# Heartbeat\n\n- Check the inbox and summarize anything new.\n- Review today's calendar.\n" : '# Heartbeat\n';
  await writeFile(join(workspace, 'HEARTBEAT.md'), heartbeat);
  for (const skill of hostSkills(host, profile) ?? DEFAULT_ELIGIBLE_SKILLS) {
    await makeDirectories(join(workspace, 'skills', skill.name));
    const frontmatter = ['---', `name: ${skill.name}`, `description: ${JSON.stringify(skill.description)}`, 'metadata: { "openclaw": { "always": true } }', '---'];
    await writeFile(join(workspace, 'skills', skill.name, 'SKILL.md'), `${frontmatter.join('\n')}\n\n# ${skill.name}\n\n${skill.description}\n`);
  }
}


/** The first model of the default chain, as the preloaded transcript's assistant messages name it. */
function primaryModel(loaded: LoadedConfig, profile: VersionProfile): { provider: string; id: string; api: string } {
  const first = resolveModelChain(loaded.config, profile.modelRefs)[0];
  if (first === undefined) return { provider: 'unknown', id: 'unknown', api: 'unknown' };
  const provider = resolveProvider(loaded.config, first.provider, profile.modelRefs, profile.catalog);
  return { provider: first.provider, id: first.model, api: provider?.api ?? 'unknown' };
}

/** The mocks with a spy on every Bot API call and on every provider request's body. */
function spiedWorld(world: MockWorld, clock: Clock, calls: TelegramCall[], prompts: ReturnType<typeof createPromptSpy>): MockWorld {
  const routesByMount = { ...world.routesByMount };
  for (const mount of Object.keys(routesByMount) as Mount[]) {
    const routes = routesByMount[mount];
    routesByMount[mount] = mount === 'telegram' ? [telegramSpy(clock, calls), ...routes] : prompts.wrap(routes);
  }
  return { ...world, routesByMount };
}

/** How many of the facts' entries a step's checks may read: those up to its end. */
function seenBy(facts: ReturnType<typeof observedFacts>, toMs: number) {
  const upTo = (entries: readonly { atMs: number }[]) => entries.filter((entry) => entry.atMs <= toMs).length;
  return { log: upTo(facts.log), deliveries: upTo(facts.deliveries), messageFates: upTo(facts.messageFates) };
}

/** Advances `lengthMs` in one-minute slices; false if aborted or the gateway stopped. */
async function runFor(coordinator: Coordinator, lengthMs: number, options: RunOptions, slice: () => Promise<boolean>): Promise<boolean> {
  const endMs = coordinator.clock.now() + lengthMs;
  while (coordinator.clock.now() < endMs) {
    if (options.signal?.aborted) return false;
    await coordinator.advanceTo(Math.min(endMs, coordinator.clock.now() + SLICE_MS));
    if (!(await slice())) return false;
  }
  return true;
}

async function readFileOr(file: string): Promise<string> {
  return readFile(file, 'utf8').catch(() => '');
}
