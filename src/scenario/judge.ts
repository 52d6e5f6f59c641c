/**
 * Judging a run from its record: each step's checks over the record as it
 * stood when the step ended, then the run's own error — requests no mock
 * answered. The runner judges with this once its run is over, and
 * `quotastorm check` judges a saved run folder with it: one path, so both
 * say the same.
 */
import { parseCheckParams, runCheck } from './checks/index.ts';
import type { CheckContext } from './checks/context.ts';
import { viewAtEndOf, type RunRecord, type StepRecord } from './record.ts';
import type { CheckResult, RunResult } from './result.ts';
import type { CheckSpec } from './schema.ts';
import { unmatchedRequestsError } from './unmatched-requests.ts';

/** The checks to judge a step with: by default those the scenario gave it when it ran. */
export type ChecksOfStep = (step: StepRecord) => readonly CheckSpec[];

export function judgeRecord(record: RunRecord, checksOf: ChecksOfStep = (step) => step.checks): CheckResult[] {
  const results: CheckResult[] = [];
  for (const step of record.steps) {
    const specs = checksOf(step);
    if (specs.length === 0) continue;
    const view = viewAtEndOf(record, step);
    specs.forEach((spec, index) => {
      const params = parseCheckParams(spec, `Step "${step.name}" check ${index + 1}`);
      results.push(runCheck(spec, params, contextOf(record, step, spec, view)));
    });
  }
  const unmatched = unmatchedRequestsError(record);
  return unmatched === undefined ? results : [...results, unmatched];
}

/** Counts by status; ok only when no check failed or erred over a run that was not cut short (`n/a` does not count against it). */
export function verdictOf(checks: readonly CheckResult[], incomplete: boolean): RunResult['verdict'] {
  const passed = checks.filter((check) => check.status === 'pass').length;
  const failed = checks.filter((check) => check.status === 'fail').length;
  const errors = checks.filter((check) => check.status === 'error').length;
  const notApplicable = checks.filter((check) => check.status === 'n/a').length;
  return { passed, failed, errors, notApplicable, total: checks.length, ok: !incomplete && failed === 0 && errors === 0 };
}

function contextOf(record: RunRecord, step: StepRecord, spec: CheckSpec, view: CheckContext['record']): CheckContext {
  const whole = spec.window === 'run';
  return {
    record: view,
    fromMs: whole ? record.startMs : step.fromMs,
    toMs: step.toMs,
    runStartMs: record.startMs,
    messagesSent: whole ? step.messagesSentInRun : step.messagesSent,
    step: step.name,
  };
}
