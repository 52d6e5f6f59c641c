/**
 * A trace case as data (scenarios/trace-cases/<name>.json5, one per file):
 * which config the real gateway runs with, how the mock providers behave
 * (a fault schedule, mocks/providers/fault-schedule.ts), which sessions are
 * in the store before it starts, and what Telegram users write to it.
 *
 * @example
 * { description: "Flash 429 ×4 → Pro ok",
 *   faults: { rules: [{ match: { model: "gemini-2.5-flash" }, script: ["429", "429", "429", "429"] }] },
 *   turns: [{ text: "hello" }] }
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { formatConfigPath } from '../config/path.ts';
import { UserError } from '../errors.ts';
import { parseJson5 } from '../config/load.ts';
import { type FaultSchedule, parseFaultSchedule } from '../../mocks/providers/fault-schedule.ts';
import { SUPPORTED_VERSIONS } from './versions.ts';

export const TRACE_CASES_DIR = resolve(dirname(new URL(import.meta.url).pathname), '../../scenarios/trace-cases');
export const DEFAULT_CHAT_USER = { id: 424242, firstName: 'Tester', username: 'tester' } as const;

const ms = z.number().int().min(0);

const UserSchema = z.strictObject({
  id: z.number().int().positive(),
  firstName: z.string().min(1),
  username: z.string().min(1).optional(),
});

const TurnSchema = z.strictObject({
  text: z.string().min(1),
  /** Default: the allow-listed tester 424242, in a private chat. */
  from: UserSchema.optional(),
  /** The turn is over once nothing (provider request, Telegram call) has happened for this long. */
  settleMs: ms.optional(),
  /** Give up waiting for the turn to settle after this long (the trace then says `settled: false`). */
  timeoutMs: ms.optional(),
  /**
   * Send this turn this many ms after the previous turn was sent (the first turn: after startup has
   * settled), even if that turn is not over yet (turn-timing.ts). Default: once the previous turn is over.
   */
  atMs: ms.optional(),
});

/** Warm-up turns run one after another: the recording starts after them. */
const WarmupTurnSchema = TurnSchema.omit({ atMs: true });

const PreloadSchema = z.strictObject({
  kind: z.literal('cron-runs'),
  count: z.number().int().min(1),
  jobs: z.number().int().min(1),
  ageHours: z.number().min(0),
});

const VersionOverrideSchema = z.strictObject({
  /** Merged after the case's own overrides (keys one version's strict schema lacks, …). */
  configOverrides: z.record(z.string(), z.unknown()).optional(),
  /** Why this version is not recorded for the case; the recorder says so and writes no trace. */
  skip: z.string().min(1).optional(),
});

const TraceCaseSchema = z.strictObject({
  description: z.string().min(1),
  seed: z.number().int().min(0).default(20260227),
  /**
   * Base OpenClaw config (JSON5), relative to the folder of the case file (not the working folder);
   * its per-version overlay `<base>.<V>.openclaw.json5` is looked up beside it (recorder.ts `buildConfig`).
   */
  config: z.string().min(1).default('base.openclaw.json5'),
  /** Deep-merged into the base config: objects merge, other values replace, null deletes. */
  configOverrides: z.record(z.string(), z.unknown()).default({}),
  /** The mock providers' fault schedule (mocks/providers/fault-schedule.ts); validated there. */
  faults: z.unknown().default({ rules: [] }),
  /** Sessions written into the store before the recorded start. */
  sessions: z.array(PreloadSchema).default([]),
  /**
   * Start the gateway once first, optionally with turns, then stop it; the recording is the next start.
   * A first start differs: the agent workspace only exists after the first turn, and with it the
   * workspace skills of the command menu (observed on openclaw@2026.2.26: 39 commands on the
   * first start, more on later ones once workspace skills are eligible).
   */
  warmup: z.union([z.boolean(), z.strictObject({ turns: z.array(WarmupTurnSchema).min(1) })]).default(false),
  turns: z.array(TurnSchema).default([]),
  /** Defaults for every turn. */
  settleMs: ms.default(12_000),
  turnTimeoutMs: ms.default(240_000),
  versions: z.record(z.enum(SUPPORTED_VERSIONS as [string, ...string[]]), VersionOverrideSchema).default({}),
});

export type TraceCase = Omit<z.infer<typeof TraceCaseSchema>, 'faults'> & {
  readonly name: string;
  readonly file: string;
  readonly faults: FaultSchedule;
};

/** A case by name (`all-ok`) or path (`scenarios/trace-cases/all-ok.json5`). */
function caseFile(nameOrPath: string): string {
  return /[/\\]|\.json5?$/.test(nameOrPath) ? resolve(nameOrPath) : join(TRACE_CASES_DIR, `${nameOrPath}.json5`);
}

export async function loadTraceCase(nameOrPath: string): Promise<TraceCase> {
  const file = caseFile(nameOrPath);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError(`Trace case ${file} was not found. Cases live in scenarios/trace-cases/<name>.json5; pass a name or a path.`);
  }
  return parseTraceCase(text, file);
}

export function parseTraceCase(text: string, file: string): TraceCase {
  const parsed = TraceCaseSchema.safeParse(parseJson5(text, file, 'trace case'));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `at ${formatConfigPath(issue.path as (string | number)[])}, ${issue.message}`);
    throw new UserError(`Invalid trace case ${file}: ${problems.join('; ')}.`);
  }
  const faults = parseFaultSchedule(parsed.data.faults, file);
  return { ...parsed.data, faults, name: basename(file).replace(/\.json5?$/, ''), file };
}

/** Every `*.json5` case in the folder except the base configs and their per-version overlays (`*.openclaw.json5`). */
export function isCaseFileName(name: string): boolean {
  return name.endsWith('.json5') && !name.endsWith('.openclaw.json5');
}
