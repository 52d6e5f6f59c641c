/**
 * `--threshold`: a check's limit replaced from the command line, written as
 * k6 writes thresholds — a name, optional `{tag:value}` filters, an
 * operator and a number:
 *
 *   session-count<=10
 *   rate-limit-errors{step:burst of 3 messages 5 s apart}<=2
 *   peak-usage{model:google/gemini-2.5-flash,metric:tpm}<=500000
 *   replies-delivered>=all
 *
 * `<=` sets the check's `max`, `>=` its `min` (the parameters scenario
 * files give it; both are inclusive, so there is no `<`). Tags pick which
 * of the run's checks it applies to: `step` (the step's name), `window`,
 * or any parameter the check was given (`model`, `metric`); without tags,
 * every check of that name. A threshold that matches no check, or sets a
 * parameter its check does not have, is bad input.
 *
 * Time to reply takes k6's trend names and its `<` (strictly under) too:
 *
 *   p95_reply<30s     p99_reply<=45000     max_reply<2m
 *
 * `pN_reply` (`max_reply`: the 100th percentile) is the `reply-time` check
 * of that percentile; a value without a unit is milliseconds, as in k6.
 * `<` sets its `belowMs`, `<=` its `maxMs`. A run without such a check
 * gets one judging the whole run, added to its last step (or the step the
 * `step` tag names), so any saved run can be held to a reply-time budget.
 */
import { UserError } from '../errors.ts';
import { parseCheckParams } from './checks/index.ts';
import { CHECK_NAMES, type CheckName } from './checks/names.ts';
import type { ChecksOfStep } from './judge.ts';
import type { StepRecord } from './record.ts';
import type { CheckSpec } from './schema.ts';

export type Threshold = {
  /** As the user wrote it, for messages. */
  readonly source: string;
  readonly check: CheckName;
  readonly tags: Readonly<Record<string, string>>;
  readonly parameter: 'max' | 'min' | 'maxMs' | 'belowMs';
  readonly value: number | 'limit' | 'all';
};

/** The parameters a threshold can set: a changed check keeps none of the others. */
const LIMIT_PARAMETERS = ['max', 'min', 'maxMs', 'belowMs'] as const;

const THRESHOLD_FORM =
  'CHECK<=N or CHECK>=N, optionally filtered k6-style as CHECK{TAG:VALUE,…}<=N (tags: step, window, or a parameter of the check such as model or metric), ' +
  "e.g. 'session-count<=10', 'rate-limit-errors{step:one Telegram message}<=2', 'peak-usage{model:google/gemini-2.5-flash,metric:tpm}<=500000', " +
  "or for time to reply pN_reply<DURATION or <=DURATION, e.g. 'p95_reply<30s', 'max_reply<=2m'";

const GRAMMAR = /^\s*([a-z-]+)\s*(?:\{([^}]*)\})?\s*(<=|>=)\s*(\d+|limit|all)\s*$/;
const REPLY_GRAMMAR = /^\s*(?:p(\d+(?:\.\d+)?)|(max))_reply\s*(?:\{([^}]*)\})?\s*(<=|<)\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/;
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000 } as const;

export function parseThreshold(source: string): Threshold {
  if (/^\s*(?:p[\d.]+|max)_reply\b/.test(source)) return parseReplyThreshold(source);
  const match = GRAMMAR.exec(source);
  if (match === null && /[<>](?!=)/.test(source)) throw badThreshold(source, 'uses < or >, but a check\'s max and min are inclusive: write <= or >=');
  if (match === null) throw badThreshold(source, 'is not a threshold');
  const [, name = '', tagText, operator, value = ''] = match;
  if (!(CHECK_NAMES as readonly string[]).includes(name)) throw badThreshold(source, `names no check (known: ${CHECK_NAMES.join(', ')})`);
  if (name === 'reply-time') throw badThreshold(source, `sets reply-time, which takes ${parametersOf('reply-time')}`);
  return {
    source,
    check: name as CheckName,
    tags: tagText === undefined ? {} : parseTags(source, tagText),
    parameter: operator === '<=' ? 'max' : 'min',
    value: /^\d+$/.test(value) ? Number(value) : (value as 'limit' | 'all'),
  };
}

/** `p95_reply<30s` → the reply-time check of the 95th percentile with `belowMs: 30000`. */
function parseReplyThreshold(source: string): Threshold {
  const match = REPLY_GRAMMAR.exec(source);
  if (match === null) throw badThreshold(source, 'is not a reply-time threshold');
  const [, percentileText, maxName, tagText, operator, amount = '', unit = 'ms'] = match;
  const percentile = maxName === undefined ? Number(percentileText) : 100;
  if (!(percentile > 0 && percentile <= 100)) throw badThreshold(source, `asks for percentile ${percentileText}, which is not above 0 and at most 100`);
  const tags = tagText === undefined ? {} : parseTags(source, tagText);
  return {
    source,
    check: 'reply-time',
    tags: { ...tags, percentile: String(percentile) },
    parameter: operator === '<' ? 'belowMs' : 'maxMs',
    value: Math.round(Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS]),
  };
}

/**
 * The checks of each step with the thresholds laid over them. Every
 * threshold must match at least one check, and the changed check must still
 * be a valid one; a changed check's title is the check's own, since a
 * scenario's title states the threshold it was written with.
 */
export function withThresholds(steps: readonly StepRecord[], checksOf: ChecksOfStep, thresholds: readonly Threshold[]): ChecksOfStep {
  const used = new Set<Threshold>();
  const changed = new Map<StepRecord, readonly CheckSpec[]>();
  for (const step of steps) {
    changed.set(
      step,
      checksOf(step).map((spec) => {
        let result = spec;
        for (const threshold of thresholds.filter((candidate) => matches(candidate, step, spec))) {
          used.add(threshold);
          result = applied(threshold, result, step);
        }
        return result;
      }),
    );
  }
  for (const threshold of thresholds.filter((candidate) => !used.has(candidate) && candidate.check === 'reply-time')) {
    const step = stepFor(threshold, steps);
    if (step === undefined) continue;
    used.add(threshold);
    changed.set(step, [...(changed.get(step) ?? []), addedReplyCheck(threshold)]);
  }
  const unused = thresholds.find((threshold) => !used.has(threshold));
  if (unused !== undefined) throw badThreshold(unused.source, `matches no check of this run; its checks are ${describeChecks(steps, checksOf)}`);
  return (step) => changed.get(step) ?? checksOf(step);
}

/** Where a reply-time threshold with no check to change adds one: the step its `step` tag names, else the run's last. */
function stepFor(threshold: Threshold, steps: readonly StepRecord[]): StepRecord | undefined {
  const { step: named, window, ...others } = threshold.tags;
  if (Object.keys(others).some((tag) => tag !== 'percentile') || (window !== undefined && window !== 'run' && window !== 'step')) return undefined;
  return named === undefined ? steps.at(-1) : steps.find((step) => step.name === named);
}

/** A reply-time check from a threshold alone: the whole run unless the threshold picks the step's window. */
function addedReplyCheck(threshold: Threshold): CheckSpec {
  const window = threshold.tags['window'] ?? (threshold.tags['step'] === undefined ? 'run' : 'step');
  return { check: 'reply-time', window, percentile: Number(threshold.tags['percentile']), [threshold.parameter]: threshold.value } as CheckSpec;
}

function parseTags(source: string, text: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const colon = pair.indexOf(':');
    const key = pair.slice(0, colon).trim();
    const value = pair.slice(colon + 1).trim();
    if (colon < 0 || key === '' || value === '') throw badThreshold(source, `has a tag "${pair.trim()}" that is not TAG:VALUE`);
    tags[key] = value;
  }
  return tags;
}

function matches(threshold: Threshold, step: StepRecord, spec: CheckSpec): boolean {
  if (spec.check !== threshold.check) return false;
  const params = parseCheckParams(spec, `Step "${step.name}"`) as Record<string, unknown>;
  const valueOf = (tag: string) => (tag === 'step' ? step.name : tag === 'window' ? spec.window : params[tag]);
  return Object.entries(threshold.tags).every(([tag, value]) => valueOf(tag) !== undefined && String(valueOf(tag)) === value);
}

/** The spec with its title, max and min replaced: a check given both judges by its min, so the other one goes. */
function applied(threshold: Threshold, spec: CheckSpec, step: StepRecord): CheckSpec {
  const rest: Record<string, unknown> = { ...spec };
  for (const key of ['title', ...LIMIT_PARAMETERS]) delete rest[key];
  const changed = { ...rest, [threshold.parameter]: threshold.value } as CheckSpec;
  try {
    parseCheckParams(changed, `step "${step.name}"`);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw badThreshold(threshold.source, `does not fit ${threshold.check}, which takes ${parametersOf(threshold.check)}`);
  }
  return changed;
}

/** Which operator each check takes, for the message when one does not fit. */
function parametersOf(check: CheckName): string {
  if (check === 'reply-time') return 'its own names: pN_reply<DURATION (belowMs) or pN_reply<=DURATION (maxMs)';
  const accepts = (parameter: 'max' | 'min', value: number) => {
    try {
      parseCheckParams({ check, window: 'step', ...(check === 'peak-usage' ? { model: 'x/y' } : {}), [parameter]: value } as CheckSpec, '');
      return true;
    } catch {
      return false;
    }
  };
  const operators = [...(accepts('max', 0) ? ['<= (its max)'] : []), ...(accepts('min', 0) ? ['>= (its min)'] : [])];
  return operators.length === 0 ? 'no threshold' : operators.join(' or ');
}

function describeChecks(steps: readonly StepRecord[], checksOf: ChecksOfStep): string {
  const names = steps.flatMap((step) => checksOf(step).map((spec) => `${spec.check}{step:${step.name}}`));
  return names.length === 0 ? 'none' : names.join(', ');
}

function badThreshold(source: string, why: string): UserError {
  return new UserError(`--threshold '${source}' ${why}. Expected ${THRESHOLD_FORM}.`);
}
