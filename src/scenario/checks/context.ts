import type { RecordView } from '../record.ts';
import type { CheckResult } from '../result.ts';

/**
 * What a check may read: the run record as it stood when its step ended
 * (both sides: the gateway's log and deliveries, the mocks' journals) and
 * the window it judges. Never the live gateway or mocks, so a saved run can
 * be judged again.
 */
export type CheckContext = {
  readonly record: RecordView;
  /** Virtual ms; the window is [fromMs, toMs]. */
  readonly fromMs: number;
  readonly toMs: number;
  readonly runStartMs: number;
  /** User messages the workload sent inside the window. */
  readonly messagesSent: number;
  readonly step: string | undefined;
};

/** What a check decides; the library adds its name, title and step. */
export type CheckOutcome = Omit<CheckResult, 'check' | 'title' | 'step'>;

// Method syntax on purpose: the registry holds checks of different parameter types side by side.
export type Check<Params> = {
  title(params: Params): string;
  parse(raw: Record<string, unknown>): Params;
  run(context: CheckContext, params: Params): CheckOutcome;
};

/** A check whose precondition never happened: an error, never a pass. */
export function nothingTested(summary: string, figures: Record<string, number> = {}): CheckOutcome {
  return { status: 'error', summary, evidence: [], figures };
}

/** `at +12.3 s` style offsets in evidence, from the run's start. */
export function offset(context: CheckContext, atMs: number): string {
  return `+${((atMs - context.runStartMs) / 1000).toFixed(1)} s`;
}

export function inWindow(context: CheckContext, atMs: number): boolean {
  return atMs >= context.fromMs && atMs <= context.toMs;
}
