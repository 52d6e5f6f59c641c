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
import { PROFILE_NAMES } from '../gateway/profiles/index.ts';
import { FaultScheduleSchema } from '../../mocks/providers/fault-schedule.ts';
import { CHECK_NAMES } from './checks/names.ts';

const duration = (what: string) =>
  z
    .union([z.string(), z.number()])
    .refine((value) => tryParseDurationMs(value, 'ms') !== undefined, { message: `${what} as a duration like "5s", "30m", "24h" (a bare number is ms)` })
    .transform((value) => tryParseDurationMs(value, 'ms')!);

const tokens = z.number().int().min(1).describe('tokens (4 characters each)');
const tokenRange = z.union([tokens, z.strictObject({ min: tokens, max: tokens })]);
const user = z.number().int().min(0).describe('index into the scenario users');

const MessageArrival = z.strictObject({ kind: z.literal('message'), at: duration('when').default(0), user: user.default(0), tokens: tokenRange });
const BurstArrival = z.strictObject({
  kind: z.literal('burst'),
  at: duration('when').default(0),
  count: z.number().int().min(1),
  every: duration('spacing'),
  user: user.default(0),
  tokens: tokenRange,
});
const PoissonArrival = z.strictObject({
  kind: z.literal('poisson'),
  /** Messages per hour across all users at the day's peak. */
  perHour: z.number().positive(),
  from: duration('start').default(0),
  until: duration('end').optional(),
  tokens: tokenRange,
  /** Scale the rate by a day/night curve in the start time's zone (night ≈ 10 % of day). */
  dayCurve: z.boolean().default(false),
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
  send: z.array(ArrivalSchema).default([]),
  /** How long the step runs after it starts; default: until its last message + 5 minutes. */
  run: duration('step length').optional(),
  checks: z.array(CheckSpecSchema).default([]),
});

const providerName = z.enum(['google', 'gemini', 'openai', 'anthropic', 'moonshot', 'xai']);
const limitsSchema = z.strictObject({
  rpm: z.number().int().min(0).optional(),
  tpm: z.number().int().min(0).optional(),
  rpd: z.number().int().min(0).optional(),
  tpd: z.number().int().min(0).optional(),
  itpm: z.number().int().min(0).optional(),
  otpm: z.number().int().min(0).optional(),
  concurrency: z.number().int().min(0).optional(),
});
const scopeSchema = z.strictObject({ models: z.enum(['per-model', 'shared']).optional(), keys: z.enum(['per-account', 'per-key']).optional() });

const MocksSchema = z.strictObject({
  tiers: z.partialRecord(providerName, z.string()).default({}),
  /** `provider/model` → limit overrides over the tier table. */
  limits: z.record(z.string().regex(/^[a-z]+\/.+$/, 'a provider/model key'), limitsSchema).default({}),
  scope: z.partialRecord(providerName, scopeSchema).default({}),
  faults: FaultScheduleSchema.optional(),
});

const HostSchema = z.strictObject({
  systemPromptTokens: z.number().int().min(0).optional(),
  heartbeatHasTasks: z.boolean().default(true),
  /** Eligible skills on the host: the five observed (default), every bundled one, or a number of them. */
  skills: z.union([z.enum(['observed', 'bundled']), z.number().int().min(0)]).default('observed'),
  toolResultTokensPerTurn: z.number().int().min(0).default(0),
  /** Tool calls per user turn: each sends the whole context again (an agent loop). */
  toolCallsPerTurn: z.number().int().min(0).max(20).default(0),
});

const PreloadSchema = z.strictObject({
  sessions: z
    .array(
      z.strictObject({
        kind: z.enum(['cron-run', 'telegram-dm', 'telegram-group', 'subagent', 'hook']),
        count: z.number().int().min(0),
        age: duration('age'),
      }),
    )
    .default([]),
  /** The main session's transcript at start: the incident's users sent ~256K-token turns because it had grown that large. */
  mainTranscriptTokens: z.number().int().min(0).default(0),
});

const CronJobSchema = z.strictObject({ id: z.string().regex(/^[\w-]+$/), every: duration('interval'), promptTokens: tokens });

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
  seed: z.number().int().min(0).default(20260227),
  /** Virtual start, ISO 8601. Default: 2026-02-27 08:00 Pacific, the incident's morning. */
  startAt: z.iso.datetime({ offset: true }).default('2026-02-27T16:00:00Z'),
  mocks: MocksSchema.default({ tiers: {}, limits: {}, scope: {} }),
  host: HostSchema.default({ heartbeatHasTasks: true, skills: 'observed', toolResultTokensPerTurn: 0, toolCallsPerTurn: 0 }),
  preload: PreloadSchema.default({ sessions: [], mainTranscriptTokens: 0 }),
  users: z.strictObject({ count: z.number().int().min(1) }).default({ count: 1 }),
  cronJobs: z.array(CronJobSchema).default([]),
  steps: z.array(StepSchema).min(1),
  /** Named variations of the mocks' faults, run with `--variant NAME` (the incident has two). */
  variants: z.record(z.string(), VariantSchema).default({}),
});

export type Scenario = z.output<typeof ScenarioSchema>;
export type Arrival = z.output<typeof ArrivalSchema>;
export type CheckSpec = z.output<typeof CheckSpecSchema>;
export type TokenRange = z.output<typeof tokenRange>;

export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' });
}
