/**
 * A seeded `FaultPlan` that runs a fault schedule (fault-schedule.ts).
 *
 * Every request that reaches the fault hook is offered to each rule in
 * order. A rule that matches (`match` and a `when` window) takes its step:
 * a script rule consumes its next entry, a probability rule draws once (even
 * at 0 or 1, so a stream's k-th draw always belongs to the k-th matching
 * request). The rule *fires* on a fault or `ok` script entry, or a
 * successful draw. Among firing rules the first with a fault decides the
 * answer; the latency is that rule's own plus the latencies of the firing
 * rules without a fault (a dropped fault takes its latency with it).
 *
 * State and randomness are per rule × provider × model: a script counts
 * each model's requests separately, and draws come from
 * `prng.fork('<provider>/<model>/<rule name or rule-N>')` (latency from a
 * `/latency` child), so traffic to one model, or a rule added for another,
 * never changes a model's decisions. Time is virtual: `when` windows are
 * [fromMs, untilMs) counted from `startMs`, the run's start.
 */
import type { Prng } from '../../src/clock/prng.ts';
import type { Fault, FaultPlan, FaultRequest } from './faults.ts';
import {
  type FaultMatch,
  type FaultProbability,
  type FaultRule,
  type FaultSchedule,
  type FaultShape,
  faultOfName,
  scriptStep,
  type TimeWindow,
} from './fault-schedule.ts';
import { drawLatencyMs } from './latency.ts';

export type FaultPlanOptions = {
  /** The run's faults stream, e.g. `rng.fork('faults')`. */
  readonly prng: Prng;
  /** Virtual epoch ms the run started at (`clock.now()` then); `when` windows count from it. */
  readonly startMs: number;
};

export function createFaultPlan(schedule: FaultSchedule, options: FaultPlanOptions): FaultPlan {
  const rules = schedule.rules.map(compile);
  const cursors = new Map<string, Cursor>();
  const cursorOf = (rule: CompiledRule, request: FaultRequest): Cursor => {
    const id = `${rule.index}/${request.provider}/${request.model}`;
    let cursor = cursors.get(id);
    if (!cursor) {
      const draws = options.prng.fork(`${request.provider}/${request.model}/${rule.streamName}`);
      cursor = { steps: 0, draws, latency: draws.fork('latency') };
      cursors.set(id, cursor);
    }
    return cursor;
  };
  return {
    decide(request) {
      let fault: Fault | undefined;
      let latencyMs = 0;
      for (const rule of rules) {
        if (!matches(rule.spec.match, request) || !inWindows(rule.spec.when, request.atMs - options.startMs)) continue;
        const fired = fire(rule, cursorOf(rule, request), request);
        if (!fired) continue;
        if (fired.fault) {
          if (fault) continue;
          fault = fired.fault;
        }
        latencyMs += fired.latencyMs;
      }
      return fault || latencyMs > 0 ? { fault, latencyMs } : undefined;
    },
  };
}

type CompiledRule = {
  readonly spec: FaultRule;
  readonly index: number;
  /** `rule 2` or `rule 2 "storm"`: how the journal names it. */
  readonly title: string;
  readonly streamName: string;
  readonly fault: FaultShape | undefined;
  readonly steps: readonly ('ok' | FaultShape)[] | undefined;
};

type Cursor = { steps: number; readonly draws: Prng; readonly latency: Prng };

function compile(spec: FaultRule, index: number): CompiledRule {
  return {
    spec,
    index,
    title: spec.name === undefined ? `rule ${index + 1}` : `rule ${index + 1} "${spec.name}"`,
    streamName: spec.name ?? `rule-${index + 1}`,
    // The schema has checked every name and entry.
    fault: spec.fault === undefined ? undefined : faultOfName(spec.fault)!,
    steps: spec.script?.map((entry) => scriptStep(entry)!),
  };
}

/** The rule's step for this request: undefined if it does not fire. */
function fire(rule: CompiledRule, cursor: Cursor, request: FaultRequest): { fault: Fault | undefined; latencyMs: number } | undefined {
  let fault: Fault | undefined;
  if (rule.steps) {
    const step = cursor.steps++;
    const length = rule.steps.length;
    if (step >= length && rule.spec.repeat !== true) return undefined;
    const entry = rule.steps[step % length]!;
    const round = step >= length ? `, round ${Math.floor(step / length) + 1}` : '';
    const label = `${rule.title}: script ${rule.spec.script![step % length]} (${(step % length) + 1}/${length}${round})`;
    if (entry !== 'ok') fault = labelled(entry, label, rule.spec.retryAfterMs);
  } else {
    const probability = probabilityOf(rule.spec.probability, request.inputTokens);
    if (!(cursor.draws.float() < probability)) return undefined;
    if (rule.fault) fault = labelled(rule.fault, `${rule.title}: ${rule.spec.fault}${describe(rule.spec.probability, probability, request)}`, rule.spec.retryAfterMs);
  }
  return { fault, latencyMs: rule.spec.latency ? drawLatencyMs(rule.spec.latency, cursor.latency) : 0 };
}

/** A plain probability, or one that grows with the prompt: min(max, base + perThousandPromptTokens × tokens / 1000). */
function probabilityOf(probability: FaultProbability | undefined, inputTokens: number): number {
  if (probability === undefined) return 1;
  if (typeof probability === 'number') return probability;
  return Math.min(probability.max ?? 1, (probability.base ?? 0) + (probability.perThousandPromptTokens * inputTokens) / 1000);
}

function describe(probability: FaultProbability | undefined, value: number, request: FaultRequest): string {
  if (probability === undefined) return '';
  const p = `p=${Number(value.toFixed(4))}`;
  return typeof probability === 'number' ? ` (${p})` : ` (${p} at ${request.inputTokens} prompt tokens)`;
}

function labelled(shape: FaultShape, label: string, retryAfterMs: number | undefined): Fault {
  if (shape.kind === 'finish-reason') return { kind: 'finish-reason', finishReason: shape.finishReason, label };
  return retryAfterMs === undefined ? { kind: shape.kind, label } : { kind: shape.kind, label, retryAfterMs };
}

function matches(match: FaultMatch | undefined, request: FaultRequest): boolean {
  if (!match) return true;
  return (
    oneOf(match.provider, request.provider) &&
    oneOf(match.model, request.model) &&
    oneOf(match.api, request.api) &&
    (match.stream === undefined || match.stream === request.stream)
  );
}

function oneOf<T>(wanted: T | T[] | undefined, actual: T): boolean {
  if (wanted === undefined) return true;
  return Array.isArray(wanted) ? wanted.includes(actual) : wanted === actual;
}

function inWindows(when: TimeWindow | TimeWindow[] | undefined, elapsedMs: number): boolean {
  if (when === undefined) return true;
  const windows = Array.isArray(when) ? when : [when];
  return windows.some((window) => (window.fromMs ?? Number.NEGATIVE_INFINITY) <= elapsedMs && elapsedMs < (window.untilMs ?? Number.POSITIVE_INFINITY));
}
