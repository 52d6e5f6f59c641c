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
  readonly parameter: 'max' | 'min';
  readonly value: number | 'limit' | 'all';
};

const THRESHOLD_FORM =
  'CHECK<=N or CHECK>=N, optionally filtered k6-style as CHECK{TAG:VALUE,…}<=N (tags: step, window, or a parameter of the check such as model or metric), ' +
  "e.g. 'session-count<=10', 'rate-limit-errors{step:one Telegram message}<=2', 'peak-usage{model:google/gemini-2.5-flash,metric:tpm}<=500000'";

const GRAMMAR = /^\s*([a-z-]+)\s*(?:\{([^}]*)\})?\s*(<=|>=)\s*(\d+|limit|all)\s*$/;

export function parseThreshold(source: string): Threshold {
  const match = GRAMMAR.exec(source);
  if (match === null && /[<>](?!=)/.test(source)) throw badThreshold(source, 'uses < or >, but a check\'s max and min are inclusive: write <= or >=');
  if (match === null) throw badThreshold(source, 'is not a threshold');
  const [, name = '', tagText, operator, value = ''] = match;
  if (!(CHECK_NAMES as readonly string[]).includes(name)) throw badThreshold(source, `names no check (known: ${CHECK_NAMES.join(', ')})`);
  return {
    source,
    check: name as CheckName,
    tags: tagText === undefined ? {} : parseTags(source, tagText),
    parameter: operator === '<=' ? 'max' : 'min',
    value: /^\d+$/.test(value) ? Number(value) : (value as 'limit' | 'all'),
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
  const unused = thresholds.find((threshold) => !used.has(threshold));
  if (unused !== undefined) throw badThreshold(unused.source, `matches no check of this run; its checks are ${describeChecks(steps, checksOf)}`);
  return (step) => changed.get(step) ?? checksOf(step);
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
  const { title: _title, max: _max, min: _min, ...rest } = spec as CheckSpec & { max?: unknown; min?: unknown };
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
