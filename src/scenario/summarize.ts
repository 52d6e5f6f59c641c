/**
 * The end of a run → its `RunResult`: verdict, usage per model from the mock
 * journal, the failover cascade from the router's decision log, what users
 * saw, the store's size over time, the log counts the write-up greps for, and
 * the first failure with the lines around it. Every time is an offset from
 * the run's start.
 */
import { formatOffsetMs } from '../clock/format-offset.ts';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RootCauseFinding } from '../config/root-causes.ts';
import type { DecisionEvent } from '../gateway/router/decision-log.ts';
import type { MockWorld } from '../../mocks/world.ts';
import { findModel } from '../../mocks/providers/models.ts';
import type { GatewayFacts } from './gateway-facts.ts';
import type { AssumedLimits, CheckResult, DeliverySummary, FailoverAttempts, RealGatewayRun, RunResult } from './result.ts';
import { verdictOf } from './judge.ts';
import { accountMessages } from './message-accounting.ts';
import { noOverrides, type ScenarioOverrides } from './override-flags.ts';
import { portable, reproduceLine } from './reproduce-line.ts';
import { replyTimes } from './reply-times.ts';
import type { UserPairing } from './users.ts';
import { configProviderOf, ledgerLimits, modelUsage } from './usage.ts';

/** Which run this was: what the result names and how to reproduce it (the runner's options have these fields). */
type RunIdentity = {
  readonly loaded: { readonly file: string; readonly sha256: string; readonly scenario: { readonly name: string; readonly profile: string } };
  readonly configFile: string;
  readonly variant?: string;
  readonly doctorFix?: boolean;
  readonly overrides?: ScenarioOverrides;
  readonly version: string;
};

export type SummaryInput = {
  readonly run: RunIdentity;
  readonly seed: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly incomplete: boolean;
  readonly checks: readonly CheckResult[];
  readonly steps: RunResult['steps'];
  readonly gateway: GatewayFacts;
  readonly world: MockWorld;
  readonly sessions: { readonly atStart: number; readonly series: readonly { atMs: number; count: number }[] };
  readonly rootCauses: readonly RootCauseFinding[];
  readonly runNotes: readonly string[];
  readonly configSha256: string;
  /** User messages the workload sent over the whole run. */
  readonly messagesSent: number;
  /** The real gateway that ran, when one did. */
  readonly realGateway?: RealGatewayRun | undefined;
  /** What the pairing store decided for the scenario's users (users.ts); absent when it decides nothing. */
  readonly pairing?: UserPairing | undefined;
};

const EXAMPLES_PER_KIND = 2;
const EXCERPT_LINES = 6;

export function summarize(input: SummaryInput): RunResult {
  const { run: options, gateway, world } = input;
  const { scenario } = options.loaded;
  const errorRecords = gateway.log.filter((record) => record.level !== 'info');
  return {
    quotastorm: { version: options.version },
    scenario: {
      name: scenario.name,
      file: portable(options.loaded.file),
      sha256: options.loaded.sha256,
      variant: options.variant,
      ...(options.overrides === undefined || noOverrides(options.overrides) ? {} : { overrides: options.overrides }),
    },
    config: { file: portable(options.configFile), sha256: input.configSha256, profile: scenario.profile },
    ...(input.realGateway === undefined ? {} : { gateway: input.realGateway }),
    seed: input.seed,
    reproduce: reproduceLine({
      scenarioFile: options.loaded.file,
      configFile: options.configFile,
      seed: input.seed,
      variant: options.variant,
      overrides: options.overrides,
      doctorFix: options.doctorFix,
      gateway: input.realGateway?.name,
    }),
    startedAt: new Date(input.startMs).toISOString(),
    simulatedMs: input.endMs - input.startMs,
    incomplete: input.incomplete,
    verdict: verdictOf(input.checks, input.incomplete),
    checks: input.checks,
    steps: input.steps,
    turns: gateway.turns,
    deliveries: deliveriesOf(gateway, input.startMs),
    messages: accountMessages(gateway.messageFates, input.messagesSent),
    replyTime: replyTimes(gateway.messageFates, input.messagesSent),
    ...(input.pairing === undefined ? {} : { pairing: input.pairing }),
    usage: modelUsage(world.journal.entries, ledgerLimits(world.ledger), input.startMs),
    ...assumedLimitsOf(world),
    ...(input.runNotes.length === 0 ? {} : { runNotes: input.runNotes }),
    failover: failoverOf(gateway.decisions),
    attemptsByOrigin: attemptsByOriginOf(gateway.decisions),
    sessions: {
      atStart: input.sessions.atStart,
      atEnd: gateway.sessionsAtEnd,
      peak: Math.max(input.sessions.atStart, ...input.sessions.series.map((point) => point.count)),
      series: input.sessions.series,
    },
    logs: {
      rateLimitLines: errorRecords.filter((record) => lineOf(record).includes('rate limit')).length,
      botCommandsTooMuchLines: errorRecords.filter((record) => record.message.includes('BOT_COMMANDS_TOO_MUCH')).length,
      errorLines: errorRecords.length,
    },
    firstFailure: firstFailureOf(gateway, world, input.startMs),
    rootCauses: input.rootCauses.map(({ id, setting, value, status, why }) => ({ id, setting, value, status, why })),
  };
}

/**
 * Where the limits of the served models came from, for the models the tier tables do not cover: a public API's
 * published numbers (published-limits.ts, named by the config's provider id) or an assumption (tiers.ts sources
 * starting "assumed"), with the models they served.
 */
function assumedLimitsOf(world: MockWorld): { assumedLimits?: AssumedLimits[] } {
  const groups = new Map<string, { provider: string; source: string; models: Set<string> }>();
  for (const entry of world.journal.entries) {
    const published = findModel(world.ledger.models, entry.provider, entry.model)?.published;
    const source = published?.source ?? world.ledger.policies[entry.provider].table.source;
    if (published === undefined && !source.startsWith('assumed')) continue;
    const provider = published?.provider ?? entry.provider;
    const group = groups.get(`${provider}|${source}`) ?? { provider, source, models: new Set<string>() };
    group.models.add(entry.model);
    groups.set(`${provider}|${source}`, group);
  }
  if (groups.size === 0) return {};
  return { assumedLimits: [...groups.values()].map(({ provider, source, models }) => ({ provider, models: [...models].sort(), source })) };
}

function deliveriesOf(gateway: GatewayFacts, startMs: number): DeliverySummary {
  const count = (kind: string) => gateway.deliveries.filter((delivery) => delivery.kind === kind).length;
  const examples: { atMs: number; kind: string; text: string }[] = [];
  for (const kind of ['error', 'surfaced', 'notice', 'reply']) {
    for (const delivery of gateway.deliveries.filter((d) => d.kind === kind).slice(0, EXAMPLES_PER_KIND)) {
      examples.push({ atMs: delivery.atMs - startMs, kind, text: delivery.text.length > 300 ? `${delivery.text.slice(0, 297)}...` : delivery.text });
    }
  }
  return {
    replies: count('reply'),
    errorReplies: count('error'),
    surfacedErrors: count('surfaced'),
    notices: count('notice'),
    silentTurns: gateway.turns.silent,
    examples,
  };
}

/** Per model: attempts, failures by reason, and where each failure went next — the cascade's edges. */
function failoverOf(events: readonly DecisionEvent[]): FailoverAttempts[] {
  const byModel = new Map<string, { attempts: number; failed: number; succeeded: number; reasons: Record<string, number>; next: Record<string, number> }>();
  const of = (modelRef: string) => {
    let entry = byModel.get(modelRef);
    if (entry === undefined) byModel.set(modelRef, (entry = { attempts: 0, failed: 0, succeeded: 0, reasons: {}, next: {} }));
    return entry;
  };
  for (const event of events) {
    if (event.decision === 'attempt') of(event.modelRef).attempts++;
    else if (event.decision === 'candidate_succeeded') of(event.modelRef).succeeded++;
    else if (event.decision === 'candidate_failed' || event.decision === 'skip_candidate') {
      const entry = of(event.modelRef);
      entry.failed++;
      const reason = event.reason ?? 'unknown';
      entry.reasons[reason] = (entry.reasons[reason] ?? 0) + 1;
      const next = event.next ?? 'none';
      entry.next[next] = (entry.next[next] ?? 0) + 1;
    }
  }
  return [...byModel].sort(([a], [b]) => a.localeCompare(b)).map(([modelRef, entry]) => ({ modelRef, ...entry }));
}

function attemptsByOriginOf(events: readonly DecisionEvent[]): RunResult['attemptsByOrigin'] {
  const counts = new Map<string, number>();
  for (const event of events) {
    if (event.decision !== 'attempt') continue;
    const key = `${event.runId.split('-')[0]}|${event.modelRef}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, attempts]) => {
    const [origin = '', modelRef = ''] = key.split('|');
    return { origin, modelRef, attempts };
  });
}

/** The first error a user saw, with the journal and gateway lines of the minute before it. */
function firstFailureOf(gateway: GatewayFacts, world: MockWorld, startMs: number): RunResult['firstFailure'] {
  const failure = gateway.deliveries.find((delivery) => delivery.kind === 'error' || delivery.kind === 'surfaced');
  if (failure === undefined) return undefined;
  const from = failure.atMs - 60_000;
  const at = (ms: number) => formatOffsetMs(ms - startMs);
  const journal = world.journal
    .where((entry) => entry.atMs >= from && entry.atMs <= failure.atMs)
    .slice(-EXCERPT_LINES)
    .map((entry) => `${at(entry.atMs)} #${entry.seq} ${configProviderOf(entry.provider)}/${entry.model} ${entry.status} ${entry.outcome}${entry.errorType ? ` ${entry.errorType}` : ''}${entry.fault ? ` fault=${entry.fault}` : ''} in=${entry.inputTokens}`);
  const log = gateway.log
    .filter((record) => record.level !== 'info' && record.atMs >= from && record.atMs <= failure.atMs)
    .slice(-EXCERPT_LINES)
    .map((record) => `${at(record.atMs)} ${lineOf(record).slice(0, 240)}`);
  return { atMs: failure.atMs - startMs, journal, log };
}

function lineOf(record: { subsystem: string; message: string }): string {
  return record.subsystem === '' ? record.message : `[${record.subsystem}] ${record.message}`;
}

