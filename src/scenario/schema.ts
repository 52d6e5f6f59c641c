/**
 * The scenario file (JSON5): which gateway config and version profile, the
 * mocks' tiers, limits, scopes and faults, the simulated host, what the
 * store holds at start, the Telegram users, and a sequence of steps — each
 * sends messages, runs for a while and judges itself with checks. Validated
 * here, at the edge; inside, the types are trusted. Every field is described:
 * json-schema.ts hands the descriptions to editors and to error messages.
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

const duration = () =>
  z
    .union([z.string(), z.number()])
    .refine((value) => tryParseDurationMs(value, 'ms') !== undefined, { message: 'a duration like "5s", "30m", "24h" (a bare number is ms)' })
    .transform((value) => tryParseDurationMs(value, 'ms')!)
    .refine((ms) => ms <= SCENARIO_BOUNDS.durationMs, { message: 'a duration of at most 31 days' });

const count = (max: number) => z.number().int().min(0).max(max);
const tokens = z.number().int().min(1).max(SCENARIO_BOUNDS.tokens);
const tokenCount = count(SCENARIO_BOUNDS.tokens);
const tokenRange = z.union([
  tokens.describe('exactly this many tokens'),
  z
    .strictObject({ min: tokens.describe('fewest tokens a message draws'), max: tokens.describe('most tokens a message draws') })
    .describe('a size drawn uniformly from min to max per message (seeded)'),
]);
const messageTokens = tokenRange.describe('size of each message in tokens (4 characters each): a number, or { min, max } drawn per message');
const userIndex = z.number().int().min(0).max(SCENARIO_BOUNDS.users - 1).describe('index into the scenario users (0 is the first; below users.count)');
const list = <T extends z.core.$ZodType>(item: T) => z.array(item).max(SCENARIO_BOUNDS.items);

/**
 * The Telegram users. Under `dmPolicy: "pairing"` a running deployment's users are the ones its owner
 * approved (`openclaw pairing approve telegram CODE`): OpenClaw admits allowFrom plus its pairing store.
 */
const UsersSchema = z.strictObject({
  count: z
    .number()
    .int()
    .min(1)
    .max(SCENARIO_BOUNDS.users)
    .describe(
      'how many Telegram users write: the ids and @usernames of channels.telegram.allowFrom in order, then made-up users ' +
        '(ids from 700000) that the allowlist refuses; see docs/scenarios.md#users-and-telegram-ids',
    ),
  paired: z
    .union([z.boolean(), list(userIndex)])
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

const arrivalAt = duration().default(0).describe('when the message is sent, from the step\'s start: "30s", "5m", or ms (default 0)');
const sender = userIndex.default(0).describe('the user who writes, as an index into the scenario users (default 0, the first)');

const MessageArrival = z
  .strictObject({
    kind: z.literal('message').describe('one message'),
    at: arrivalAt,
    user: sender,
    tokens: messageTokens,
    chat,
  })
  .describe('one message from one user');
const BurstArrival = z
  .strictObject({
    kind: z.literal('burst').describe('count messages from one user, evenly spaced'),
    at: arrivalAt.describe('when the first message of the burst is sent, from the step\'s start (default 0)'),
    count: z.number().int().min(1).max(SCENARIO_BOUNDS.burstMessages).describe('how many messages the burst sends'),
    every: duration().describe('time between two messages of the burst: "5s", or ms (0 sends them at one instant)'),
    user: sender,
    tokens: messageTokens,
    chat,
  })
  .describe('a burst: count messages from one user, every apart');
const PoissonArrival = z
  .strictObject({
    kind: z.literal('poisson').describe('random arrivals at a rate, from users drawn at random'),
    perHour: z.number().positive().max(SCENARIO_BOUNDS.messagesPerHour).describe('messages per hour across all users at the day\'s peak'),
    from: duration().default(0).describe('when arrivals start, from the step\'s start (default 0)'),
    until: duration().optional().describe('when arrivals stop, from the step\'s start (default: the end of the step\'s run)'),
    tokens: messageTokens,
    dayCurve: z.boolean().default(false).describe('scale the rate by a day/night curve in Pacific time: full 9–22 h, 10 % at night'),
    chat,
  })
  .describe('Poisson arrivals: a seeded random stream of messages at perHour');
const ArrivalSchema = z
  .discriminatedUnion('kind', [MessageArrival, BurstArrival, PoissonArrival])
  .describe('messages to send: kind "message", "burst" or "poisson"');

export const CheckSpecSchema = z
  .looseObject({
    check: z.enum(CHECK_NAMES).describe('which check judges the step; its parameters sit beside this key (docs/scenarios.md#checks)'),
    title: z.string().optional().describe('the check\'s line in the report; default: one made from the check and its parameters'),
    window: z
      .enum(['step', 'run'])
      .default('step')
      .describe('what the check judges: this step\'s time window (default), or everything since the gateway started'),
  })
  .describe('a check on the run record, with its parameters');

const StepSchema = z
  .strictObject({
    name: z.string().min(1).describe('the step\'s name in reports'),
    send: list(ArrivalSchema).default([]).describe('the messages this step sends (default none)'),
    run: duration()
      .optional()
      .describe('how long the step runs after it starts: "1h", "2m", or ms (0 judges at once); default: until its last message + 5 minutes'),
    checks: list(CheckSpecSchema).default([]).describe('checks judged when the step ends (docs/scenarios.md#checks)'),
  })
  .describe('one step: send messages, run for a while, then judge');

const providerName = z.enum(['google', 'gemini', 'openai', 'anthropic', 'moonshot', 'xai']);
const limit = (what: string) => count(SCENARIO_BOUNDS.limit).optional().describe(what);
const limitsSchema = z
  .strictObject({
    rpm: limit('requests per minute'),
    tpm: limit('tokens per minute (as the provider counts them: Gemini input tokens, OpenAI input + reserved output)'),
    rpd: limit('requests per day'),
    tpd: limit('tokens per day'),
    itpm: limit('input tokens per minute (Anthropic)'),
    otpm: limit('output tokens per minute (Anthropic)'),
    concurrency: limit('requests in flight at once (Moonshot)'),
  })
  .describe('limits laid over the tier table\'s row for this model; unset keys keep the tier\'s');
const scopeSchema = z
  .strictObject({
    models: z
      .enum(['per-model', 'shared'])
      .optional()
      .describe('per-model: each model (quota family) has its own bucket; shared: all the provider\'s models draw from one'),
    keys: z
      .enum(['per-account', 'per-key'])
      .optional()
      .describe('per-account: all API keys of one project/org share the quota, as providers document; per-key: each key has its own'),
  })
  .describe('how the provider\'s quota is pooled; unset keys keep the provider\'s default');
const scopes = z.partialRecord(providerName, scopeSchema);

const MocksSchema = z.strictObject({
  tiers: z
    .partialRecord(providerName, z.string().describe('a tier of mocks/providers/tiers.ts, e.g. "tier1"'))
    .default({})
    .describe('the published rate-limit tier each provider\'s mock meters, e.g. { google: "tier1" } (default tier1 everywhere)'),
  limits: z
    .record(z.string().regex(/^[a-z][a-z0-9-]*\/.+$/, 'a provider/model key'), limitsSchema)
    .default({})
    .describe('per-model limit overrides, keyed "provider/model", e.g. { "google/gemini-2.5-flash": { tpm: 1000000 } }'),
  scope: scopes.default({}).describe('how each provider\'s quota is pooled: across models and across API keys'),
  faults: FaultScheduleSchema.optional().describe('the mocks\' fault schedule: 429 storms, 5xx, latency, broken streams (mocks/providers/fault-schedule.ts)'),
});

const HostSchema = z.strictObject({
  systemPromptTokens: tokenCount.optional().describe('system prompt + tool schemas sent with every request, in tokens (default 13,500, as observed)'),
  heartbeatHasTasks: z.boolean().default(true).describe('whether HEARTBEAT.md has tasks; without tasks OpenClaw skips every heartbeat turn'),
  skills: z
    .union([z.enum(['observed', 'bundled']), count(SCENARIO_BOUNDS.items)])
    .default('observed')
    .describe('eligible skills on the host: "observed" (the five seen on the incident\'s host), "bundled" (every skill the version bundles), or the first N bundled'),
  toolResultTokensPerTurn: tokenCount.default(0).describe('tool output each tool call adds to the transcript, in tokens'),
  toolCallsPerTurn: z
    .number()
    .int()
    .min(0)
    .max(20)
    .default(0)
    .describe('tool calls per user turn: each sends the whole context to the model again (an agent loop)'),
});

const PreloadSchema = z.strictObject({
  sessions: list(
    z
      .strictObject({
        kind: z.enum(['cron-run', 'telegram-dm', 'telegram-group', 'subagent', 'hook']).describe('the kind of session, which decides its key'),
        count: count(SCENARIO_BOUNDS.preloadedSessions).describe('how many sessions of this kind'),
        age: duration().describe('how long ago they were last updated: "48h", "30d"'),
      })
      .describe('sessions of one kind and age'),
  )
    .default([])
    .describe('sessions the store holds when the gateway starts, e.g. the incident\'s 56 stale cron runs'),
  mainTranscriptTokens: tokenCount
    .default(0)
    .describe('the main session\'s transcript at start, in tokens: the incident\'s users sent ~256K-token turns because it had grown that large'),
});

// A cron job every 0 ms would fire forever at one instant.
const CronJobSchema = z
  .strictObject({
    id: z.string().regex(/^[\w-]+$/).describe('the job id (letters, digits, "-", "_"); its runs are sessions agent:main:cron:<id>:run:<n>'),
    every: duration()
      .refine((ms) => ms >= 1000, { message: 'interval of at least 1s' })
      .describe('how often the job runs: "30m", "1h" (at least 1s)'),
    promptTokens: tokens.describe('the job\'s prompt, in tokens'),
  })
  .describe('a cron job the gateway runs on its schedule');

const VariantSchema = z
  .strictObject({
    description: z.string().optional().describe('what the variant changes, for the report'),
    faults: FaultScheduleSchema.optional().describe('replaces the scenario\'s fault schedule'),
    scope: scopes.optional().describe('replaces quota scopes per provider (e.g. the write-up\'s belief that Google\'s models share one quota)'),
  })
  .describe('a named variation of the mocks');

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional().describe('path to this JSON Schema, for editors: "./scenario.schema.json"'),
  name: z
    .string()
    .regex(/^[\w.-]+$/, 'a name of letters, digits, ".", "-" and "_"')
    .describe('the scenario\'s name in reports and run folders: letters, digits, ".", "-" and "_"'),
  description: z.string().optional().describe('what the scenario tests, for the report'),
  config: z.string().optional().describe('the OpenClaw gateway config (openclaw.json), relative to the scenario file; --config overrides it'),
  profile: z
    .enum(PROFILE_NAMES)
    .default('2026.2')
    .describe('the OpenClaw version the gateway behaves as: "2026.2" (openclaw@2026.2.26, the incident\'s) or "2026.9" (openclaw@2026.9.6)'),
  seed: z
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .default(20260227)
    .describe('the seed of every random draw (workload, faults, text): a whole number up to 2^53 − 1; same seed, same run'),
  startAt: z.iso
    .datetime({ offset: true })
    .default('2026-02-27T16:00:00Z')
    .describe('virtual start time, ISO 8601 with offset; default 2026-02-27T16:00:00Z (08:00 Pacific, the incident\'s morning)'),
  mocks: MocksSchema.default({ tiers: {}, limits: {}, scope: {} }).describe('the mock providers: rate-limit tiers, limit overrides, quota scopes, faults'),
  host: HostSchema.default({ heartbeatHasTasks: true, skills: 'observed', toolResultTokensPerTurn: 0, toolCallsPerTurn: 0 }).describe(
    'the simulated host: what openclaw.json does not hold (system prompt size, HEARTBEAT.md, skills, tool calls)',
  ),
  preload: PreloadSchema.default({ sessions: [], mainTranscriptTokens: 0 }).describe('what the session store holds when the gateway starts'),
  users: UsersSchema.default({ count: 1, paired: true }).describe('the Telegram users who write (docs/scenarios.md#users-and-telegram-ids); default one'),
  cronJobs: list(CronJobSchema).default([]).describe('cron jobs the gateway runs (default none)'),
  steps: list(StepSchema).min(1).describe('the steps, run in order; at least one has checks'),
  variants: z
    .record(z.string(), VariantSchema)
    .default({})
    .describe('named variations of the mocks\' faults or scopes, run with --variant NAME'),
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
