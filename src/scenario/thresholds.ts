/**
 * `--threshold`: a check's limit replaced from the command line, written as
 * k6 writes thresholds — a name, optional `{tag:value}` filters, an
 * operator and a number:
 *
 *   session-count<=10
 *   rate-limit-errors{step:burst of 3 messages 5 s apart}<=2
 *   peak-usage{model:google/gemini-2.5-flash,metric:tpm}<=500000
 *   replies-delivered>=all
 *   rate_limit_errors==0
 *
 * `<=` sets the check's `max`, `>=` its `min` (the parameters scenario
 * files give it, both inclusive). The checks count whole things, so `<N`
 * is `<=N-1`, `>N` is `>=N+1`, and `==0` is `<=0` (a count is never below
 * zero; `==` with another number is refused, since no check holds a count
 * to an exact value). A name may be written with `_` for `-`, as k6 names
 * its metrics. Tags pick which
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
import type { CheckSpec } from './schema.ts';

/** A step as thresholds see it: a saved run's step record, or a scenario's step before it runs. */
type NamedStep = { readonly name: string };

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

/** Every name a threshold may use, as the message for an unknown one lists them. */
const METRIC_NAMES = [...CHECK_NAMES.filter((name) => name !== 'reply-time'), 'pN_reply (e.g. p50_reply, p95_reply, p99_reply)', 'max_reply'].join(', ');

const THRESHOLD_FORM =
  `METRIC<=N, METRIC<N, METRIC>=N, METRIC>N or METRIC==0 with METRIC one of ${METRIC_NAMES}, optionally filtered k6-style as METRIC{TAG:VALUE,…}<=N (tags: step, window, or a parameter of the check such as model or metric), ` +
  "e.g. 'session-count<=10', 'rate-limit-errors{step:one Telegram message}<=2', 'peak-usage{model:google/gemini-2.5-flash,metric:tpm}<=500000', " +
  "or for time to reply pN_reply<DURATION or <=DURATION, e.g. 'p95_reply<30s', 'max_reply<=2m' (docs/thresholds.md)";

const GRAMMAR = /^\s*([a-z_-]+)\s*(?:\{([^}]*)\})?\s*(<=|>=|==|<|>)\s*(\d+|limit|all)\s*$/;
const REPLY_GRAMMAR = /^\s*(?:p(\d+(?:\.\d+)?)|(max))_reply\s*(?:\{([^}]*)\})?\s*(<=|<)\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/;
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000 } as const;

export function parseThreshold(source: string): Threshold {
  if (/^\s*(?:p[\d.]+|max)_reply\b/.test(source)) return parseReplyThreshold(source);
  const match = GRAMMAR.exec(source);
  if (match === null) throw badThreshold(source, 'is not a threshold');
  const [, written = '', tagText, operator = '', valueText = ''] = match;
  const name = written.replaceAll('_', '-');
  if (!(CHECK_NAMES as readonly string[]).includes(name)) throw badThreshold(source, `names no metric`);
  if (name === 'reply-time') throw badThreshold(source, `sets reply-time, which takes ${parametersOf('reply-time')}`);
  const value = /^\d+$/.test(valueText) ? Number(valueText) : (valueText as 'limit' | 'all');
  const tags = tagText === undefined ? {} : parseTags(source, tagText);
  return { source, check: name as CheckName, tags, ...boundOf(source, operator, value) };
}

/** The check parameter and value an operator sets: the checks count whole things, so a strict bound is the inclusive one next to it. */
function boundOf(source: string, operator: string, value: number | 'limit' | 'all'): Pick<Threshold, 'parameter' | 'value'> {
  if (operator === '<=' || operator === '>=') return { parameter: operator === '<=' ? 'max' : 'min', value };
  if (typeof value !== 'number') throw badThreshold(source, `uses ${operator} with "${value}", which takes only <= or >=`);
  if (operator === '==') {
    if (value !== 0) throw badThreshold(source, 'uses == with a number other than 0: no check holds a count to an exact value, so write <= or >=');
    return { parameter: 'max', value: 0 };
  }
  if (operator === '<') {
    if (value === 0) throw badThreshold(source, 'asks for a count below 0, which no count can be');
    return { parameter: 'max', value: value - 1 };
  }
  return { parameter: 'min', value: value + 1 };
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
export function withThresholds<S extends NamedStep>(steps: readonly S[], checksOf: (step: S) => readonly CheckSpec[], thresholds: readonly Threshold[]): (step: S) => readonly CheckSpec[] {
  const used = new Set<Threshold>();
  const changed = new Map<S, readonly CheckSpec[]>();
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
function stepFor<S extends NamedStep>(threshold: Threshold, steps: readonly S[]): S | undefined {
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

function matches(threshold: Threshold, step: NamedStep, spec: CheckSpec): boolean {
  if (spec.check !== threshold.check) return false;
  const params = parseCheckParams(spec, `Step "${step.name}"`) as Record<string, unknown>;
  const valueOf = (tag: string) => (tag === 'step' ? step.name : tag === 'window' ? spec.window : params[tag]);
  return Object.entries(threshold.tags).every(([tag, value]) => valueOf(tag) !== undefined && String(valueOf(tag)) === value);
}

/** The spec with its title, max and min replaced: a check given both judges by its min, so the other one goes. */
function applied(threshold: Threshold, spec: CheckSpec, step: NamedStep): CheckSpec {
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

function describeChecks<S extends NamedStep>(steps: readonly S[], checksOf: (step: S) => readonly CheckSpec[]): string {
  const names = steps.flatMap((step) => checksOf(step).map((spec) => `${spec.check}{step:${step.name}}`));
  return names.length === 0 ? 'none' : names.join(', ');
}

function badThreshold(source: string, why: string): UserError {
  return new UserError(`--threshold '${source}' ${why}. Expected ${THRESHOLD_FORM}.`);
}
