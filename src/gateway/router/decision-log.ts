/**
 * Every routing decision as a structured event, and the gateway log lines
 * the version writes for it (its profile's `decisionLines`). The lines are what the incident
 * write-up's own check greps (`grep -c 'rate limit' gateway.err.log`), so
 * they follow the real formats, as the golden traces' log lines show them
 * (test/golden/openclaw-2026.2.26/all-models-429.json,
 * test/golden/openclaw-2026.9.6/flash-429-pro-429-other-ok.json).
 */
import type { Clock } from '../../clock/clock.ts';
import type { GatewayLog, LogLevel } from '../log.ts';
import type { FailoverReason } from './classify.ts';

type Decision =
  | 'attempt'
  | 'attempt_failed'
  | 'retry'
  /** 2026.9: same-model retries stop before the budget (window elapsed, retry floor above the cap). */
  | 'retry_stopped'
  /** 2026.9: an unclassified error without output resubmitted at once. */
  | 'empty_error_retry'
  | 'rotate_profile'
  | 'skip_candidate'
  | 'candidate_failed'
  | 'candidate_succeeded'
  | 'surface_error'
  | 'context_overflow'
  | 'transient_chain_retry'
  | 'all_failed'
  /** Compaction (compaction.ts): begins on the run's model, one event per summary request, a failed pass, the result. */
  | 'compaction_start'
  | 'compaction_call'
  | 'compaction_pass_failed'
  | 'compaction_end';

export type DecisionEvent = {
  readonly atMs: number;
  readonly runId: string;
  readonly decision: Decision;
  readonly modelRef: string;
  readonly reason?: FailoverReason | null;
  readonly detail?: string;
  /** The provider's raw error message. */
  readonly raw?: string;
  readonly httpRequests?: number;
  readonly next?: string;
  /** A same-model retry's number and budget ("transient same-model retry 2/8"). */
  readonly retryNumber?: number;
  readonly retryBudget?: number;
  /** `compaction_pass_failed`: the full pass, or the second one without oversized messages. */
  readonly pass?: 'full' | 'partial';
};

type LogLine = { readonly atMs: number; readonly level: LogLevel; readonly subsystem: string; readonly message: string; readonly text: string };

export type DecisionLog = {
  readonly events: readonly DecisionEvent[];
  readonly lines: readonly LogLine[];
  record(event: Omit<DecisionEvent, 'atMs'>): void;
};

/** Events and lines stay queryable here; with a gateway log, the lines are written there too. */
export function createDecisionLog(clock: Clock, linesOf: DecisionLines, sink?: GatewayLog): DecisionLog {
  const events: DecisionEvent[] = [];
  const lines: LogLine[] = [];
  // When each run's current candidate began: 2026.2 enqueues every candidate as its own lane task,
  // so its `lane task error` duration is the candidate's, not the turn's.
  const candidateStartMs = new Map<string, number>();
  return {
    events,
    lines,
    record(event) {
      const stamped = { atMs: clock.now(), ...event };
      events.push(stamped);
      if (event.decision === 'attempt' && event.detail === 'attempt 1') candidateStartMs.set(event.runId, stamped.atMs);
      for (const line of linesOf(stamped, candidateStartMs.get(event.runId) ?? stamped.atMs)) {
        const { subsystem, message } = splitSubsystem(line.text);
        lines.push({ atMs: stamped.atMs, level: line.level, subsystem, message, text: line.text });
        sink?.write(line.level, subsystem, message);
      }
    },
  };
}

/** The log lines a version writes for one decision; `candidateStartMs` is when the run's current candidate began. */
export type DecisionLines = (event: DecisionEvent, candidateStartMs: number) => ReadonlyArray<{ readonly level: LogLevel; readonly text: string }>;

/**
 * A compaction the safeguard cancelled for lack of conversation; a completed one logs at debug
 * level only (not in the gateway's files). Other cancellations: `cancelledCompaction`.
 */
export function emptyCompactionLines(event: DecisionEvent): Array<{ level: LogLevel; text: string }> {
  return cancelledCompaction(event) === 'no real conversation messages to summarize'
    ? [{ level: 'warn', text: '[compaction-safeguard] Compaction safeguard: cancelling compaction with no real conversation messages to summarize.' }]
    : [];
}

/** Why a `compaction_end` event says the compaction was cancelled, or undefined when it was not. */
export function cancelledCompaction(event: DecisionEvent): string | undefined {
  return /^cancelled: (.*)$/s.exec(event.detail ?? '')?.[1];
}

/** The candidate's last error text travels on the candidate_failed event as `detail` when set. */
export function lastDetailPlaceholder(event: DecisionEvent): string {
  return event.detail ?? `${event.reason}`;
}

/** `[agent/embedded] message` → subsystem and message; a line without a prefix has none. */
function splitSubsystem(text: string): { subsystem: string; message: string } {
  const match = /^\[([^\]]+)\] (.*)$/s.exec(text);
  return match === null ? { subsystem: '', message: text } : { subsystem: match[1]!, message: match[2]! };
}
