/**
 * The fault schedule as data: what a scenario's `faults` key holds, validated
 * at the edge with `FaultScheduleSchema` (zod) and run by fault-plan.ts.
 *
 * @example (JSON5)
 * { rules: [
 *   { match: { provider: 'gemini', model: 'gemini-2.5-flash' }, script: ['429', '429', 'ok'] },
 *   { name: 'pro-breaks', match: { model: 'gemini-2.5-pro' }, when: { fromMs: 60000, untilMs: 120000 },
 *     fault: 'finish-reason:MALFORMED_FUNCTION_CALL' },
 *   { match: { provider: 'anthropic' }, fault: 'overloaded', probability: 0.3 },
 *   { match: { provider: 'openai' }, fault: 'rate-limit', probability: { base: 0.05, perThousandPromptTokens: 0.01, max: 0.9 } },
 *   { latency: { distribution: 'normal', meanMs: 800, stdDevMs: 200 } },
 * ] }
 *
 * A rule: `match` (all given fields must match the request; lists mean any
 * of) × `when` (virtual-time windows [fromMs, untilMs) relative to the run's
 * start; a list means any of) × one outcome: a `script` (an exact sequence per
 * model), or a `fault` with an optional `probability` (default 1), or only a
 * `latency`. A `fault` or `script` rule may add a `latency` too.
 */
import { z } from 'zod';
import { formatConfigPath } from '../../src/config/path.ts';
import { UserError } from '../../src/errors.ts';
import { ERROR_FAULT_KINDS, type FaultKind } from './faults.ts';
import { PROVIDER_IDS } from './models.ts';

/** A fault as a schedule names it, before a rule gives it a label. */
export type FaultShape =
  | { readonly kind: Exclude<FaultKind, 'finish-reason'> }
  | { readonly kind: 'finish-reason'; readonly finishReason: string };

/** What a rule's `fault` and a script entry may name; plus `finish-reason:<REASON>`. */
const FAULT_NAMES = [
  ...ERROR_FAULT_KINDS,
  'empty-stream',
  'error-in-stream',
  'reset-after-headers',
  'truncated',
] as const;

/**
 * Status shorthands a script may use, each the kind that answers with that
 * status (401, 402, 403, 502, 504 at every provider). `529` is Anthropic's
 * overloaded; the others render `overloaded` from their fault tables
 * (dialect.ts), and Bedrock's `unavailable` is a 429. `402` is the
 * bare payment-required status; a provider's own credit error has no
 * shorthand (`billing`: OpenAI `insufficient_quota` 429, Anthropic's
 * credit-balance 400, …), nor has `budget-exhausted`.
 */
export const SCRIPT_STATUSES: Readonly<Record<string, FaultShape['kind']>> = {
  '401': 'auth',
  '402': 'payment-required',
  '403': 'forbidden',
  '429': 'rate-limit',
  '500': 'server-error',
  '502': 'bad-gateway',
  '503': 'unavailable',
  '504': 'timeout',
  '529': 'overloaded',
};

/** `name` as a fault, or undefined if it names none. */
export function faultOfName(name: string): FaultShape | undefined {
  const finish = /^finish-reason:([A-Za-z][A-Za-z0-9_]*)$/.exec(name);
  if (finish) return { kind: 'finish-reason', finishReason: finish[1]! };
  return (FAULT_NAMES as readonly string[]).includes(name) ? { kind: name as (typeof FAULT_NAMES)[number] } : undefined;
}

/** A script entry as `'ok'` or a fault; undefined if it is neither. */
export function scriptStep(entry: string | number): 'ok' | FaultShape | undefined {
  const text = String(entry);
  if (text === 'ok') return 'ok';
  const status = SCRIPT_STATUSES[text];
  return status ? { kind: status } as FaultShape : faultOfName(text);
}

const KNOWN = `${FAULT_NAMES.join(', ')} or finish-reason:<REASON>`;
const ms = z.number({ error: 'expected milliseconds (a number)' }).min(0, { error: 'expected milliseconds ≥ 0' });
const PROBABILITY = 'expected a probability from 0 to 1';
const chance = z.number({ error: PROBABILITY }).min(0, { error: PROBABILITY }).max(1, { error: PROBABILITY });
const oneOrMore = <T extends z.ZodType>(item: T, expected: string) => z.union([item, z.array(item).min(1)], { error: `expected ${expected}, or a list of them` });

const MatchSchema = z
  .strictObject({
    provider: oneOrMore(z.enum(PROVIDER_IDS, { error: `expected one of ${PROVIDER_IDS.join(', ')}` }), `one of ${PROVIDER_IDS.join(', ')}`)
      .optional()
      .describe(`the provider mock the request goes to (${PROVIDER_IDS.join(', ')}), or a list of them`),
    model: oneOrMore(z.string().min(1), 'a model id')
      .optional()
      .describe('the model id the request names (not its quota family), e.g. "gemini-2.5-flash", or a list of them'),
    api: oneOrMore(z.string().min(1), 'an operation name')
      .optional()
      .describe('the wire operation, e.g. "streamGenerateContent", "chat.completions", "messages", or a list of them'),
    stream: z.boolean().optional().describe('true matches only streamed requests, false only unstreamed ones'),
  })
  .describe('which requests the rule applies to: every field given must match (default: all requests)');

const WindowSchema = z
  .strictObject({
    fromMs: ms.optional().describe('start of the window, ms after the run starts (default: the start)'),
    untilMs: ms.optional().describe('end of the window, ms after the run starts, not included (default: the end)'),
  })
  .refine((window) => window.fromMs === undefined || window.untilMs === undefined || window.fromMs < window.untilMs, {
    error: 'expected untilMs after fromMs',
    path: ['untilMs'],
  });

const ProbabilitySchema = z.union([
  chance,
  /** min(max, base + perThousandPromptTokens × promptTokens / 1000): bigger prompts fail more. */
  z
    .strictObject({
      base: chance.optional().describe('the chance of a request with an empty prompt (default 0)'),
      perThousandPromptTokens: z.number().min(0, { error: 'expected a rate ≥ 0' }).describe('added chance per 1,000 prompt tokens'),
      max: chance.optional().describe('the chance never exceeds this (default 1)'),
    })
    .describe('a chance that grows with the prompt: min(max, base + perThousandPromptTokens × promptTokens / 1000)'),
]);

const floorMs = ms.optional().describe('no delay is shorter than this, in ms');
const ceilingMs = ms.optional().describe('no delay is longer than this, in ms');
const meanMs = ms.describe('the average delay, in ms');
const LatencySchema = z.discriminatedUnion('distribution', [
  z.strictObject({ distribution: z.literal('fixed').describe('the same delay every time'), ms: ms.describe('the delay, in ms') }),
  z
    .strictObject({
      distribution: z.literal('uniform').describe('a delay drawn evenly from minMs to maxMs'),
      minMs: ms.describe('the shortest delay, in ms'),
      maxMs: ms.describe('the longest delay, in ms'),
    })
    .refine((spec) => spec.minMs <= spec.maxMs, { error: 'expected maxMs ≥ minMs', path: ['maxMs'] }),
  z.strictObject({
    distribution: z.literal('normal').describe('a delay drawn from a normal (bell) curve around meanMs'),
    meanMs,
    stdDevMs: ms.describe('the standard deviation of the delay, in ms'),
    minMs: floorMs,
    maxMs: ceilingMs,
  }),
  z.strictObject({
    distribution: z.literal('exponential').describe('a delay drawn from an exponential distribution: mostly short, sometimes long'),
    meanMs,
    minMs: floorMs,
    maxMs: ceilingMs,
  }),
]);

const FaultNameSchema = z.string().refine((name) => faultOfName(name) !== undefined, { error: `expected a fault: ${KNOWN}` });

const ScriptEntrySchema = z
  .union([z.string(), z.number()])
  .refine((entry) => scriptStep(entry) !== undefined, { error: `expected ok, ${Object.keys(SCRIPT_STATUSES).join(', ')} or a fault: ${KNOWN}` });

const RuleSchema = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .optional()
      .describe('the rule\'s label in the journal and its random stream: name a rule to keep its draws when rules are inserted before it'),
    match: MatchSchema.optional(),
    when: oneOrMore(WindowSchema, 'a window { fromMs, untilMs }')
      .optional()
      .describe('when the rule applies: a window { fromMs, untilMs } of virtual time from the run\'s start, or a list of them (default: always)'),
    script: z
      .array(ScriptEntrySchema.describe('"ok", "429", "500", "503", "529" or a fault name'))
      .min(1)
      .optional()
      .describe('exact answers, one per matching request per provider/model: e.g. ["429", "429", "ok"]; then the rule stops matching, or repeats'),
    repeat: z.boolean().optional().describe('start the script again after its last entry (needs script)'),
    fault: FaultNameSchema.optional().describe(`the fault every matching request gets (with probability): ${KNOWN}`),
    probability: ProbabilitySchema.optional().describe('the chance a matching request gets the fault: 0 to 1 (default 1), or { base, perThousandPromptTokens, max }'),
    latency: LatencySchema.optional().describe('a delay before the answer: { distribution: "fixed" | "uniform" | "normal" | "exponential", … }'),
    retryAfterMs: ms.optional().describe('the retry hint of the 429s this rule forces (rate-limit, error-in-stream), in ms'),
  })
  .superRefine((rule, context) => {
    const problem = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    if (rule.script && rule.fault) problem('fault', 'expected a script or a fault, not both');
    if (rule.script && rule.probability !== undefined) problem('probability', 'expected no probability beside a script (a script is exact; use fault + probability)');
    if (rule.repeat !== undefined && !rule.script) problem('repeat', 'expected a script for repeat to repeat');
    if (!rule.script && !rule.fault && !rule.latency) problem('fault', 'expected a script, a fault or a latency in every rule');
  });

export const FaultScheduleSchema = z
  .strictObject({
    rules: z
      .array(RuleSchema.describe('one rule: match × when × an outcome (script, fault, latency)'))
      .describe('the rules, in order: every rule that matches a request takes its step; the first that fires with a fault decides the answer, and latencies add up'),
  })
  .superRefine((schedule, context) => {
    // A name is a PRNG stream name too: two rules sharing one would share draws.
    const seen = new Set<string>();
    schedule.rules.forEach((rule, index) => {
      if (rule.name === undefined) return;
      if (seen.has(rule.name)) context.addIssue({ code: 'custom', path: ['rules', index, 'name'], message: 'expected a name no earlier rule has' });
      seen.add(rule.name);
    });
  });

export type FaultSchedule = z.infer<typeof FaultScheduleSchema>;
export type FaultRule = z.infer<typeof RuleSchema>;
export type FaultMatch = z.infer<typeof MatchSchema>;
export type TimeWindow = z.infer<typeof WindowSchema>;
export type FaultProbability = z.infer<typeof ProbabilitySchema>;
export type LatencySpec = z.infer<typeof LatencySchema>;

/**
 * Validates `input` as a schedule, or throws a `UserError` (exit 2) naming
 * each bad path, what it must be and what it was:
 * `Invalid fault schedule in s.json5: at rules[1].probability, expected a probability from 0 to 1, got 1.5.`
 */
export function parseFaultSchedule(input: unknown, source = 'the scenario'): FaultSchedule {
  const result = FaultScheduleSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((issue) => describeIssue(issue, input));
  return fail(`Invalid fault schedule in ${source}: ${[...new Set(problems)].join('; ')}.`);
}

function fail(message: string): never {
  throw new UserError(message);
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string[] {
  const path = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `at ${formatConfigPath([...path, key])}, unknown key`);
  const found = valueAt(input, path);
  const got = found === undefined ? 'but it is missing' : `got ${preview(found)}`;
  // Own messages read "expected …"; zod's defaults start upper-case ("Invalid option: expected one of …").
  return [`at ${formatConfigPath(path)}, ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}, ${got}`];
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function preview(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
