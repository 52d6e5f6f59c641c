/**
 * The scenario file (JSON5): which gateway config and version profile, the
 * mocks' tiers, limits, scopes and faults, the simulated host, what the
 * store holds at start, the Telegram users, and a sequence of steps — each
 * sends messages, runs for a while and judges itself with checks. Validated
 * here, at the edge; inside, the types are trusted. `scenarioJsonSchema()`
 * exports the same schema for editors.
 */
import { z } from 'zod';
import { tryParseDurationMs } from '../config/duration.ts';
import { parseModelRef } from '../config/model-ref.ts';
import { PROFILE_NAMES, PROFILES, type ProfileName } from '../gateway/profiles/index.ts';
import { acceptsAnyModel, DEFAULT_MODELS, findModel, type ProviderId } from '../../mocks/providers/models.ts';
import { FaultScheduleSchema } from '../../mocks/providers/fault-schedule.ts';
import { CHECK_NAMES } from './checks/names.ts';

/**
 * Upper bounds of every count, rate and length a scenario may ask for. Each sits far above what
 * a meaningful simulation needs (the incident is one day, 4 users, 56 stale sessions) and far
 * below what would exhaust memory or run for hours, so a typo like `count: 100000000` is a bad
 * input (exit 2), not a runaway run.
 */
export const SCENARIO_BOUNDS = {
  /** Any duration: a step, a start time, a session age, a cron interval. */
  durationMs: 31 * 24 * 3_600_000,
  /** Messages in one burst, and in all bursts together. */
  burstMessages: 10_000,
  /** A Poisson arrival's peak rate. */
  messagesPerHour: 10_000,
  /** Telegram users. */
  users: 1_000,
  /** Preloaded sessions of one kind. */
  preloadedSessions: 100_000,
  /** Any token count (a message, a transcript, a system prompt): twice the largest context window. */
  tokens: 4_000_000,
  /** A quota limit (requests or tokens per window). */
  limit: 1e12,
  /** Steps, arrivals per step, checks per step, cron jobs, skills. */
  items: 1_000,
} as const;

const duration = (what: string) =>
  z
    .union([z.string(), z.number()])
    .refine((value) => tryParseDurationMs(value, 'ms') !== undefined, { message: `${what} as a duration like "5s", "30m", "24h" (a bare number is ms)` })
    .transform((value) => tryParseDurationMs(value, 'ms')!)
    .refine((ms) => ms <= SCENARIO_BOUNDS.durationMs, { message: `${what}: a duration of at most 31 days` });

const count = (max: number) => z.number().int().min(0).max(max);
const tokens = z.number().int().min(1).max(SCENARIO_BOUNDS.tokens).describe('tokens (4 characters each)');
const tokenCount = count(SCENARIO_BOUNDS.tokens);
const tokenRange = z.union([tokens, z.strictObject({ min: tokens, max: tokens })]);
const user = z.number().int().min(0).max(SCENARIO_BOUNDS.users - 1).describe('index into the scenario users');
const list = <T extends z.core.$ZodType>(item: T) => z.array(item).max(SCENARIO_BOUNDS.items);

/**
 * The Telegram users. Under `dmPolicy: "pairing"` a running deployment's users are the ones its owner
 * approved (`openclaw pairing approve telegram CODE`): OpenClaw admits allowFrom plus its pairing store.
 */
const UsersSchema = z.strictObject({
  count: z.number().int().min(1).max(SCENARIO_BOUNDS.users),
  paired: z
    .union([z.boolean(), list(user)])
    .default(true)
    .describe(
      'which users the owner already approved in the pairing store (dmPolicy "pairing" only): true = all, false = none, ' +
        'or a list of user indices; an unpaired user not in allowFrom gets a pairing code instead of a turn',
    ),
  account: z
    .string()
    .min(1)
    .optional()
    .describe(
      'the channels.telegram.accounts id (bot) every user writes to; unset, users take the started accounts in turn ' +
        '(user i writes to account i mod n, accounts in OpenClaw\'s sorted order), each drawn from its account\'s allowFrom',
    ),
});

const chat = z
  .enum(['direct', 'group'])
  .default('direct')
  .describe('where the message is written: a direct message to the bot, or the Telegram group the config admits (mentioning the bot when requireMention is on)');

const MessageArrival = z.strictObject({ kind: z.literal('message'), at: duration('when').default(0), user: user.default(0), tokens: tokenRange, chat });
const BurstArrival = z.strictObject({
  kind: z.literal('burst'),
  at: duration('when').default(0),
  count: z.number().int().min(1).max(SCENARIO_BOUNDS.burstMessages),
  every: duration('spacing'),
  user: user.default(0),
  tokens: tokenRange,
  chat,
});
const PoissonArrival = z.strictObject({
  kind: z.literal('poisson'),
  /** Messages per hour across all users at the day's peak. */
  perHour: z.number().positive().max(SCENARIO_BOUNDS.messagesPerHour),
  from: duration('start').default(0),
  until: duration('end').optional(),
  tokens: tokenRange,
  /** Scale the rate by a day/night curve in the start time's zone (night ≈ 10 % of day). */
  dayCurve: z.boolean().default(false),
  chat,
});
const ArrivalSchema = z.discriminatedUnion('kind', [MessageArrival, BurstArrival, PoissonArrival]);

const CheckSpecSchema = z.looseObject({
  check: z.enum(CHECK_NAMES),
  title: z.string().optional(),
  /** What the check judges: this step's window (default), or everything since the gateway started. */
  window: z.enum(['step', 'run']).default('step'),
});

const StepSchema = z.strictObject({
  name: z.string().min(1),
  send: list(ArrivalSchema).default([]),
  /** How long the step runs after it starts; default: until its last message + 5 minutes. */
  run: duration('step length').optional(),
  checks: list(CheckSpecSchema).default([]),
});

const providerName = z.enum(['google', 'gemini', 'openai', 'anthropic', 'moonshot', 'xai']);
const limitsSchema = z.strictObject({
  rpm: count(SCENARIO_BOUNDS.limit).optional(),
  tpm: count(SCENARIO_BOUNDS.limit).optional(),
  rpd: count(SCENARIO_BOUNDS.limit).optional(),
  tpd: count(SCENARIO_BOUNDS.limit).optional(),
  itpm: count(SCENARIO_BOUNDS.limit).optional(),
  otpm: count(SCENARIO_BOUNDS.limit).optional(),
  concurrency: count(SCENARIO_BOUNDS.limit).optional(),
});
const scopeSchema = z.strictObject({ models: z.enum(['per-model', 'shared']).optional(), keys: z.enum(['per-account', 'per-key']).optional() });

const MocksSchema = z.strictObject({
  tiers: z.partialRecord(providerName, z.string()).default({}),
  /** `provider/model` → limit overrides over the tier table. */
  limits: z.record(z.string().regex(/^[a-z][a-z0-9-]*\/.+$/, 'a provider/model key'), limitsSchema).default({}),
  scope: z.partialRecord(providerName, scopeSchema).default({}),
  faults: FaultScheduleSchema.optional(),
});

const HostSchema = z.strictObject({
  systemPromptTokens: tokenCount.optional(),
  heartbeatHasTasks: z.boolean().default(true),
  /** Eligible skills on the host: the five observed (default), every bundled one, or a number of them. */
  skills: z.union([z.enum(['observed', 'bundled']), count(SCENARIO_BOUNDS.items)]).default('observed'),
  toolResultTokensPerTurn: tokenCount.default(0),
  /** Tool calls per user turn: each sends the whole context again (an agent loop). */
  toolCallsPerTurn: z.number().int().min(0).max(20).default(0),
});

const PreloadSchema = z.strictObject({
  sessions: list(
    z.strictObject({
      kind: z.enum(['cron-run', 'telegram-dm', 'telegram-group', 'subagent', 'hook']),
      count: count(SCENARIO_BOUNDS.preloadedSessions),
      age: duration('age'),
    }),
  ).default([]),
  /** The main session's transcript at start: the incident's users sent ~256K-token turns because it had grown that large. */
  mainTranscriptTokens: tokenCount.default(0),
});

// A cron job every 0 ms would fire forever at one instant.
const CronJobSchema = z.strictObject({
  id: z.string().regex(/^[\w-]+$/),
  every: duration('interval').refine((ms) => ms >= 1000, { message: 'interval of at least 1s' }),
  promptTokens: tokens,
});

const VariantSchema = z.strictObject({
  description: z.string().optional(),
  /** Replaces the scenario's fault schedule. */
  faults: FaultScheduleSchema.optional(),
  /** Replaces quota scopes per provider (e.g. the write-up's belief that Google's models share one quota). */
  scope: z.partialRecord(providerName, scopeSchema).optional(),
});

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().regex(/^[\w.-]+$/, 'a name of letters, digits, ".", "-" and "_"'),
  description: z.string().optional(),
  /** The gateway config, relative to the scenario file; `--config` overrides it. */
  config: z.string().optional(),
  profile: z.enum(PROFILE_NAMES).default('2026.2'),
  /** A safe integer: a larger number has no exact double, so two spellings could name one seed. */
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(20260227),
  /** Virtual start, ISO 8601. Default: 2026-02-27 08:00 Pacific, the incident's morning. */
  startAt: z.iso.datetime({ offset: true }).default('2026-02-27T16:00:00Z'),
  mocks: MocksSchema.default({ tiers: {}, limits: {}, scope: {} }),
  host: HostSchema.default({ heartbeatHasTasks: true, skills: 'observed', toolResultTokensPerTurn: 0, toolCallsPerTurn: 0 }),
  preload: PreloadSchema.default({ sessions: [], mainTranscriptTokens: 0 }),
  users: UsersSchema.default({ count: 1, paired: true }),
  cronJobs: list(CronJobSchema).default([]),
  steps: list(StepSchema).min(1),
  /** Named variations of the mocks' faults, run with `--variant NAME` (the incident has two). */
  variants: z.record(z.string(), VariantSchema).default({}),
});

export type Scenario = z.output<typeof ScenarioSchema>;
export type Arrival = z.output<typeof ArrivalSchema>;
export type CheckSpec = z.output<typeof CheckSpecSchema>;
export type TokenRange = z.output<typeof tokenRange>;

type CrossFieldIssue = { code: 'custom'; path: (string | number)[]; message: string; input: unknown };

/**
 * What one field alone cannot say: users that exist, limits on models the mocks serve, at least
 * one check, a bounded total. Run on a scenario the schema has accepted, so its types hold;
 * the issues read like the schema's own.
 */
export function crossFieldIssues(scenario: Scenario): CrossFieldIssue[] {
  const issues: CrossFieldIssue[] = [];
  let burstMessages = 0;
  scenario.steps.forEach((step, stepIndex) =>
    step.send.forEach((arrival, arrivalIndex) => {
      if (arrival.kind === 'burst') burstMessages += arrival.count;
      if (arrival.kind !== 'poisson' && arrival.user >= scenario.users.count) {
        issues.push({
          code: 'custom',
          input: arrival.user,
          path: ['steps', stepIndex, 'send', arrivalIndex, 'user'],
          message: `a user index below users.count (${scenario.users.count}; users are numbered from 0)`,
        });
      }
    }),
  );
  const { paired } = scenario.users;
  if (Array.isArray(paired)) {
    paired.forEach((index, position) => {
      if (index >= scenario.users.count) {
        issues.push({ code: 'custom', input: index, path: ['users', 'paired', position], message: `a user index below users.count (${scenario.users.count}; users are numbered from 0)` });
      }
    });
  }
  if (burstMessages > SCENARIO_BOUNDS.burstMessages) {
    issues.push({ code: 'custom', input: burstMessages, path: ['steps'], message: `at most ${SCENARIO_BOUNDS.burstMessages.toLocaleString('en-US')} burst messages in all (these send ${burstMessages.toLocaleString('en-US')})` });
  }
  for (const ref of Object.keys(scenario.mocks.limits)) {
    if (!mocksServe(ref, scenario.profile)) {
      issues.push({ code: 'custom', input: ref, path: ['mocks', 'limits', ref], message: `a provider/model the mocks serve, e.g. "google/gemini-2.5-flash" ("${ref}" is not one)` });
    }
  }
  if (!scenario.steps.some((step) => step.checks.length > 0)) {
    issues.push({ code: 'custom', input: scenario.steps, path: ['steps'], message: 'at least one step with checks (a scenario that checks nothing cannot fail)' });
  }
  return issues;
}

function mocksServe(ref: string, profile: ProfileName): boolean {
  const parsed = parseModelRef(ref, PROFILES[profile].modelRefs);
  if (parsed === null) return false;
  const provider = parsed.provider === 'google' ? 'gemini' : parsed.provider;
  // Another provider is served where the config points it, any model id; the runner checks the ref against the config.
  if (!Object.hasOwn(DEFAULT_MODELS, provider) || acceptsAnyModel(provider)) return true;
  return findModel(DEFAULT_MODELS, provider as ProviderId, parsed.model) !== undefined;
}

export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' });
}
