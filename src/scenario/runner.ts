/**
 * One scenario run: clock → mocks → gateway → workload → checks → result.
 *
 * Virtual time throughout: a simulated day takes seconds, and the same
 * scenario, config and seed give the same result, byte for byte. Steps run
 * in order on one gateway (the stress suite's checks build on each other:
 * the session count after activity is the same store as before it); a
 * step's checks judge the window of that step. Checks judge the run record
 * (record.ts), taken once the gateway has stopped, never the live objects:
 * a saved run folder is judged the same way.
 */
import { createPrng, type Prng } from '../clock/prng.ts';
import { createVirtualClock, type VirtualClock } from '../clock/virtual-clock.ts';
import { loadConfig, type LoadedConfig } from '../config/load.ts';
import { runNotesOf } from './run-notes.ts';
import { auditRootCauses } from '../config/root-causes.ts';
import type { OpenClawConfig } from '../config/schema.ts';
import { UserError } from '../errors.ts';
import { PROFILES } from '../gateway/profiles/index.ts';
import type { VersionProfile } from '../gateway/profiles/profile.ts';
import type { SkillSpec } from '../gateway/channels/commands-catalog.ts';
import { createGateway, type Gateway, type GatewayHost } from '../gateway/gateway.ts';
import { buildStaleSessions, MAIN_SESSION_KEY } from '../gateway/sessions/index.ts';
import { createTextPool, type TextPool } from '../gateway/text-pool.ts';
import { charsOfTokens } from '../gateway/tokens.ts';
import { createFaultPlan } from '../../mocks/providers/fault-plan.ts';
import { injectMessage } from '../../mocks/telegram/state.ts';
import { mountTelegramBots, userAccounts } from './user-accounts.ts';
import { createMockWorld, type MockWorld } from '../../mocks/world.ts';
import { providerMountsOf } from './provider-mounts.ts';
import { faultScheduleOf, ledgerConfigOf, mocksOf } from './scenario-mocks.ts';
import { judgeRecord } from './judge.ts';
import type { LoadedScenario } from './load.ts';
import type { ScenarioOverrides } from './override-flags.ts';
import type { RunRecord, StepRecord } from './record.ts';
import { redactStrings, secretsOf } from './redact.ts';
import { summarize } from './summarize.ts';
import { embeddedFacts } from './gateway-facts.ts';
import type { RunResult } from './result.ts';
import { takeRunRecord, takeStepRecord } from './take-record.ts';
import { scenarioGroup } from './group-chat.ts';
import { pairedUsers, scenarioUsers, userPairing } from './users.ts';
import { checkWorkloadSize, messageText, planMessages, SETTLE_AFTER_LAST_MESSAGE_MS, stepLengthMs } from './workload.ts';

export type RunOptions = {
  readonly loaded: LoadedScenario;
  /** The gateway config: `--config`, else the scenario's own. */
  readonly configFile: string;
  /** Remove the keys the version does not know, as `openclaw doctor --fix` does, instead of refusing the config. */
  readonly doctorFix?: boolean;
  readonly seed?: number;
  readonly variant?: string;
  /** The command line's changes, already laid over `loaded` (overrides.ts): recorded in the result and its reproduce line. */
  readonly overrides?: ScenarioOverrides;
  /** Called about once per simulated minute. */
  readonly onProgress?: (progress: RunProgress) => void;
  /** Abort (Ctrl-C): the run stops at the next slice and its result is marked incomplete. */
  readonly signal?: AbortSignal;
  /** quotastorm's version, for the result. */
  readonly version: string;
  /** Wraps the gateway's fetch (benchmarks time the serialization floor through it). */
  readonly tapFetch?: (fetchImpl: typeof fetch) => typeof fetch;
  /** Replaces scenario fields before the run (benchmarks scale users and rates). */
  readonly configOverride?: (config: LoadedConfig['config']) => LoadedConfig['config'];
};

export type RunProgress = { readonly simulatedMs: number; readonly userTurns: number; readonly served429: number; readonly step: string };

/** What every run leaves, whichever gateway ran it. */
export type RunOutputs = {
  /** Redacted: the config's secrets appear nowhere in it. */
  readonly result: RunResult;
  /** What the checks judged; unredacted, like the live objects it was taken from. */
  readonly record: RunRecord;
  readonly world: MockWorld;
  readonly loadedConfig: LoadedConfig;
  /** The config's secret values, for whoever writes the record out (redact.ts). */
  readonly secrets: readonly string[];
  /** The gateway's own files for the run folder, by name (its logs, its session store), unredacted. */
  readonly gatewayFiles: () => Readonly<Record<string, string>>;
};

/** An embedded run also hands over the gateway itself. */
export type RunArtifacts = RunOutputs & { readonly gateway: Gateway };

/** Progress and signals are looked at once a simulated minute. */
export const SLICE_MS = 60_000;
const STARTUP_MS = 10_000;

export async function runScenario(options: RunOptions): Promise<RunArtifacts> {
  const { scenario } = options.loaded;
  checkWorkloadSize(scenario, options.loaded.file);
  const seed = options.seed ?? scenario.seed;
  // A config the version refuses to start with (older layout, keys or values its schema does not accept) has no simulation either.
  const loadedConfig = await loadConfig(options.configFile, { envRules: PROFILES[scenario.profile].configEnv, openclaw: PROFILES[scenario.profile], doctorFix: options.doctorFix === true });
  const startMs = Date.parse(scenario.startAt);
  const clock = createVirtualClock({ startMs });
  const rng = createPrng(seed);
  const faults = faultScheduleOf(options);
  const profile = PROFILES[scenario.profile];
  const world = createMockWorld({
    clock,
    seed,
    ledger: ledgerConfigOf(mocksOf(options), profile, loadedConfig.config),
    ...providerMountsOf(loadedConfig.config, profile),
    ...(faults === undefined ? {} : { faults: createFaultPlan(faults, { prng: rng.fork('faults'), startMs }) }),
  });
  const accounts = userAccounts(loadedConfig.config, profile, scenario.users.account, options.loaded.file);
  const users = scenarioUsers(loadedConfig, scenario.users.count, rng.fork('workload/users'), accounts);
  // The owner's earlier approvals: the pairing store the gateway reads with allowFrom (users.ts).
  const paired = pairedUsers(users, scenario.users.paired);
  const group = scenarioGroup(loadedConfig, users);
  const gateway = createGateway({
    config: options.configOverride ? options.configOverride(loadedConfig.config) : loadedConfig.config,
    profile,
    clock,
    fetch: options.tapFetch ? options.tapFetch(world.fetch) : world.fetch,
    rng: rng.fork('gateway'),
    host: hostOf(scenario.host, scenario.cronJobs, profile),
    pairedSenders: paired.map((user) => user.id),
  });
  const writeToBot = mountTelegramBots(world, gateway);
  const pool = createTextPool(rng.fork('workload/text'));
  preload(gateway, options.loaded, { startMs, rng: rng.fork('preload'), pool });
  const sessionSeries = trackSessions(clock, gateway, startMs);

  const steps: StepRecord[] = [];
  let incomplete = false;
  let messagesSoFar = 0;
  let directMessages = 0;
  const startedUp = await unlessUnmatched(world, until(clock, gateway.start(), STARTUP_MS));
  const atStart = gateway.store.count();

  for (const [index, step] of scenario.steps.entries()) {
    if (options.signal?.aborted || !startedUp) {
      incomplete = true;
      break;
    }
    const fromMs = clock.now();
    const planned = planMessages(step.send, {
      rng: rng.fork(`workload/step-${index}`),
      users: users.length,
      stepLengthMs: step.run,
      startEpochMs: fromMs,
      timeZone: 'America/Los_Angeles',
    });
    for (const message of planned) {
      const inGroup = message.chat === 'group' && gateway.telegramConfigured;
      const writers = inGroup ? group.senders : users;
      const sender = writers[message.user % writers.length]!;
      const body = messageText(pool, rng, index, message);
      const text = inGroup && group.requireMention ? `@${world.telegram.state.bot.username} ${body}` : body;
      // A config without Telegram has no chat to write to: the workload enters as `openclaw agent --message` does.
      const send = !gateway.telegramConfigured
        ? () => gateway.sendDirect({ id: ++directMessages, senderId: sender.id, text })
        : inGroup
          ? () => injectMessage(world.telegram.state, clock, { from: sender, text, chat: group.chat })
          : () => writeToBot(sender, clock, { from: sender, text });
      clock.setTimeout(send, message.atMs);
    }
    const lengthMs = stepLengthMs(step.run, planned);
    incomplete = !(await runFor(clock, lengthMs, options, () => ({
      simulatedMs: clock.now() - startMs,
      userTurns: gateway.stats.userTurns,
      served429: world.journal.where({ status: 429 }).length,
      step: step.name,
    })));
    messagesSoFar += planned.length;
    const end = { name: step.name, fromMs, toMs: clock.now(), messagesSent: planned.length, messagesSentInRun: messagesSoFar, checks: step.checks };
    steps.push(takeStepRecord(end, gateway, world));
    if (incomplete) break;
  }

  await unlessUnmatched(world, until(clock, gateway.stop(), SETTLE_AFTER_LAST_MESSAGE_MS));
  sessionSeries.stop();
  const rootCauses = auditRootCauses(loadedConfig, profile);
  const facts = embeddedFacts(gateway);
  const recorded = { ...facts, telegramConfigured: gateway.telegramConfigured, ...(gateway.discordCommands === undefined ? {} : { discordCommands: gateway.discordCommands }) };
  const record = takeRunRecord({ startMs, gateway: recorded, world, steps, rootCauses });
  const secrets = secretsOf(loadedConfig);
  const summary = summarize({
    run: options,
    seed,
    startMs,
    endMs: clock.now(),
    incomplete,
    checks: judgeRecord(record),
    steps: steps.map((entry) => ({ name: entry.name, fromMs: entry.fromMs - startMs, toMs: entry.toMs - startMs })),
    gateway: facts,
    world,
    sessions: { atStart, series: sessionSeries.points },
    rootCauses,
    runNotes: runNotesOf(loadedConfig, profile),
    configSha256: loadedConfig.sha256,
    messagesSent: messagesSoFar,
    pairing: userPairing(loadedConfig, users, paired, profile.telegram.pairingStore),
  });
  const gatewayFiles = () => ({ 'gateway.log': gateway.log.allText(), 'gateway.err.log': gateway.log.errorText(), 'sessions.json': gateway.store.toJson() });
  return { result: redactStrings(summary, secrets), record, gateway, world, loadedConfig, secrets, gatewayFiles };
}

/**
 * True once `work` is done; false when it failed after a request no mock
 * answered (a Telegram apiRoot the mocks do not serve fails the gateway's
 * start-up): the run ends there and its record names the request. Any other
 * failure is a bug and throws.
 */
async function unlessUnmatched(world: MockWorld, work: Promise<void>): Promise<boolean> {
  try {
    await work;
    return true;
  } catch (error) {
    if (world.unmatched.entries.length === 0) throw error;
    return false;
  }
}

/** Drives the clock until `promise` settles, at most `limitMs` of virtual time. */
async function until<T>(clock: VirtualClock, promise: Promise<T>, limitMs: number): Promise<void> {
  let settled = false;
  const watched = promise.then(
    () => (settled = true),
    (error: unknown) => {
      settled = true;
      throw error;
    },
  );
  // A rejection while the clock is still being advanced is awaited below; until then it must not count as unhandled.
  watched.catch(() => {});
  for (let waited = 0; !settled && waited < limitMs; waited += 1_000) await clock.advanceBy(1_000);
  if (settled) await watched;
}

/** Advances `lengthMs` in one-minute slices, reporting progress; false if aborted. */
async function runFor(clock: VirtualClock, lengthMs: number, options: RunOptions, progress: () => RunProgress): Promise<boolean> {
  const endMs = clock.now() + lengthMs;
  while (clock.now() < endMs) {
    if (options.signal?.aborted) return false;
    await clock.runUntil(Math.min(endMs, clock.now() + SLICE_MS));
    options.onProgress?.(progress());
  }
  return true;
}

/** The skills eligible on the scenario's host; undefined for `observed`, the gateway's default (the incident host's five). */
export function hostSkills(host: LoadedScenario['scenario']['host'], profile: VersionProfile): readonly SkillSpec[] | undefined {
  if (host.skills === 'observed') return undefined;
  return host.skills === 'bundled' ? profile.bundledSkills : profile.bundledSkills.slice(0, host.skills);
}

/** The simulated host; `bundled` skills are the ones the version's own package bundles. */
function hostOf(host: LoadedScenario['scenario']['host'], cronJobs: LoadedScenario['scenario']['cronJobs'], profile: VersionProfile): GatewayHost {
  const skills = hostSkills(host, profile);
  return {
    heartbeatHasTasks: host.heartbeatHasTasks,
    toolResultTokensPerTurn: host.toolResultTokensPerTurn,
    toolCallsPerTurn: host.toolCallsPerTurn,
    cronJobs: cronJobs.map((job) => ({ id: job.id, everyMs: job.every, promptTokens: job.promptTokens })),
    ...(host.systemPromptTokens === undefined ? {} : { systemPromptTokens: host.systemPromptTokens }),
    ...(skills === undefined ? {} : { skills }),
  };
}

/** Stale sessions and the main session's transcript, as the store held them before the gateway started. */
function preload(gateway: Gateway, loaded: LoadedScenario, at: { startMs: number; rng: Prng; pool: TextPool }): void {
  const { preload: spec } = loaded.scenario;
  spec.sessions.forEach((sessions, index) =>
    gateway.store.preload(buildStaleSessions({ kind: sessions.kind, count: sessions.count, ageMs: sessions.age }, { nowMs: at.startMs, rng: at.rng.fork(`sessions-${index}`) })),
  );
  if (spec.mainTranscriptTokens === 0) return;
  const sessionId = gateway.store.newSessionId();
  gateway.store.preload([[MAIN_SESSION_KEY, { sessionId, updatedAt: at.startMs - 10 * 60_000, lastChannel: 'telegram', chatType: 'direct' }]]);
  const transcript = gateway.store.transcript(sessionId);
  // Turns of user, tool output and reply in the proportions of a working session, oldest first.
  const turnTokens = 12_000;
  const rng = at.rng.fork('main-transcript');
  for (let remaining = spec.mainTranscriptTokens; remaining > 0; remaining -= turnTokens) {
    const size = Math.min(turnTokens, remaining);
    transcript.entries.push(
      { role: 'user', text: at.pool.take(charsOfTokens(Math.ceil(size * 0.05)), rng) },
      { role: 'toolResult', text: at.pool.take(charsOfTokens(Math.ceil(size * 0.75)), rng) },
      { role: 'assistant', text: at.pool.take(charsOfTokens(Math.ceil(size * 0.2)), rng) },
    );
  }
}

/** The store's size whenever it changes, sampled each simulated minute. */
function trackSessions(clock: VirtualClock, gateway: Gateway, startMs: number) {
  const points: { atMs: number; count: number }[] = [{ atMs: 0, count: gateway.store.count() }];
  const timer = clock.setInterval(() => {
    const count = gateway.store.count();
    if (points.at(-1)!.count !== count) points.push({ atMs: clock.now() - startMs, count });
  }, 60_000);
  return { points, stop: () => clock.clearInterval(timer) };
}
