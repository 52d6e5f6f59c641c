import { UserError } from '../errors.ts';

export type DurationUnit = 'ms' | 's' | 'm' | 'h' | 'd';

/**
 * What a bare number means, per key. OpenClaw passes a different `defaultUnit` to its
 * `parseDurationMs` at each call site, so `pruneAfter: 30` is 30 days while `ttl: "30"` is
 * 30 minutes. Sources: `src/config/zod-schema.session.ts` (pruneAfter, resetArchiveRetention: "d"),
 * `zod-schema.agent-runtime.ts` HeartbeatSchema (every: "m"), `zod-schema.ts` cron
 * (sessionRetention: "h"), `src/agents/pi-hooks/context-pruning/settings.ts` (contextPruning ttl: bare
 * numbers are minutes); all in openclaw/openclaw@2026.4.12.
 */
export const DURATION_DEFAULT_UNITS = {
  'session.maintenance.pruneAfter': 'd',
  'session.maintenance.resetArchiveRetention': 'd',
  'agents.defaults.contextPruning.ttl': 'm',
  'agents.defaults.heartbeat.every': 'm',
  'cron.sessionRetention': 'h',
} as const satisfies Record<string, DurationUnit>;

const UNIT_MS: Record<DurationUnit, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * Parses an OpenClaw duration: `"6h"`, `"30m"`, `"30d"`, `"1h30m"`, `"2m500ms"`, or a bare number
 * (`30`, `"30"`) in `defaultUnit`. Units are case-insensitive; the result is rounded to whole ms,
 * as OpenClaw's `src/cli/parse-duration.ts` does.
 *
 * Bad input throws a `UserError` that names `path` when given, so a config error points at the key.
 */
export function parseDurationMs(
  value: string | number,
  options: { defaultUnit: DurationUnit; path?: string },
): number {
  const ms = tryParseDurationMs(value, options.defaultUnit);
  if (ms !== undefined) return ms;
  const where = options.path === undefined ? '' : `${options.path}: `;
  throw new UserError(
    `${where}invalid duration ${JSON.stringify(value)}: expected ${describeDuration(options.defaultUnit)}.`,
  );
}

/** Same as `parseDurationMs`, but `undefined` for bad input (for schema refinements). */
export function tryParseDurationMs(
  value: string | number,
  defaultUnit: DurationUnit,
): number | undefined {
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  const text = String(value).trim().toLowerCase();
  const single = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text);
  if (single !== null) {
    return Math.round(Number(single[1]) * UNIT_MS[(single[2] as DurationUnit) ?? defaultUnit]);
  }
  return parseComposite(text);
}

/** What a duration in `defaultUnit` looks like, for the "expected …" half of an error message. */
export function describeDuration(defaultUnit: DurationUnit): string {
  return (
    'a duration like "30m", "6h", "30d" or "1h30m" (units ms, s, m, h, d; ' +
    `a bare number means ${UNIT_NAMES[defaultUnit]})`
  );
}

const UNIT_NAMES: Record<DurationUnit, string> = {
  ms: 'milliseconds',
  s: 'seconds',
  m: 'minutes',
  h: 'hours',
  d: 'days',
};

// "1h30m": every character must belong to a <number><unit> token, and there must be one.
function parseComposite(text: string): number | undefined {
  let totalMs = 0;
  let consumed = 0;
  for (const match of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) {
    if (match.index !== consumed) return undefined;
    totalMs += Number(match[1]) * UNIT_MS[match[2] as DurationUnit];
    consumed += match[0].length;
  }
  if (consumed === 0 || consumed !== text.length) return undefined;
  return Math.round(totalMs);
}
