/**
 * Every routing decision as a structured event, and the gateway log lines
 * the profile's real version writes for it. The lines are what the incident
 * write-up's own check greps (`grep -c 'rate limit' gateway.err.log`), so
 * they follow the real formats (reference/openclaw.md §6; 2026.2.26's in
 * openclaw-2026-2-run.md §4, 2026.9.6's in openclaw-run.md §4).
 */
import type { Clock } from '../../clock/clock.ts';
import type { GatewayProfile } from '../../config/runtime-defaults.ts';
import { parseModelRef } from '../../config/model-ref.ts';
import { MODEL_REF_RULES_2026_9 } from '../../config/model-ref-rules-2026-9.ts';
import type { GatewayLog, LogLevel } from '../log.ts';
import type { FailoverReason } from './classify.ts';

export type Decision =
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

export type LogLine = { readonly atMs: number; readonly level: LogLevel; readonly subsystem: string; readonly message: string; readonly text: string };

export type DecisionLog = {
  readonly events: readonly DecisionEvent[];
  readonly lines: readonly LogLine[];
  record(event: Omit<DecisionEvent, 'atMs'>): void;
};

/** Events and lines stay queryable here; with a gateway log, the lines are written there too. */
export function createDecisionLog(clock: Clock, profile: GatewayProfile, sink?: GatewayLog): DecisionLog {
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
      for (const line of LINES[profile](stamped, candidateStartMs.get(event.runId) ?? stamped.atMs)) {
        const { subsystem, message } = splitSubsystem(line.text);
        lines.push({ atMs: stamped.atMs, level: line.level, subsystem, message, text: line.text });
        sink?.write(line.level, subsystem, message);
      }
    },
  };
}

type LineOf = (event: DecisionEvent, candidateStartMs: number) => Array<{ level: LogLevel; text: string }>;

const LINES: Record<GatewayProfile, LineOf> = {
  // 2026.2.26 writes only these three kinds (openclaw-2026-2-run.md §4 [obs]).
  '2026.2': (event, candidateStartMs) => {
    switch (event.decision) {
      case 'attempt_failed':
        return [{ level: 'warn', text: `[agent/embedded] embedded run agent end: runId=${event.runId} isError=true error=${event.detail}` }];
      case 'candidate_failed': {
        const durationMs = Math.round(event.atMs - candidateStartMs);
        const error = `FailoverError: ${lastDetailPlaceholder(event)}`;
        return [
          { level: 'error', text: `[diagnostic] lane task error: lane=main durationMs=${durationMs} error="${error}"` },
          { level: 'error', text: `[diagnostic] lane task error: lane=session:agent:main:main durationMs=${durationMs} error="${error}"` },
        ];
      }
      case 'all_failed':
        return [{ level: 'error', text: `Embedded agent failed before reply: ${event.detail}` }];
      // [src] dist/pi-embedded-CQnl8oWA.js src/agents/compaction.ts and compaction-safeguard.ts (log.warn).
      case 'compaction_pass_failed':
        return [{ level: 'warn', text: `[compaction] ${event.pass === 'full' ? 'Full summarization failed, trying partial' : 'Partial summarization also failed'}: ${event.detail}` }];
      case 'compaction_end':
        return compactionCancelledLines(event, '2026.2');
      default:
        return [];
    }
  },
  // 2026.9.6 adds the decision lines (openclaw-run.md §4 [obs]; reference §6 templates).
  '2026.9': (event) => {
    const { provider, model } = parseModelRef(event.modelRef, MODEL_REF_RULES_2026_9) ?? { provider: '', model: event.modelRef };
    switch (event.decision) {
      case 'attempt_failed':
        return [{ level: 'warn', text: `[agent/embedded] embedded run agent end: runId=${event.runId} isError=true model=${model} provider=${provider} error=${event.detail} rawError=${event.raw}` }];
      case 'retry':
        return [
          {
            level: 'warn',
            text: `[agent/embedded] transient same-model retry ${event.retryNumber}/${event.retryBudget} for ${event.modelRef} reason=${event.reason}: delayMs=${event.detail?.replace('ms', '')}`,
          },
        ];
      case 'retry_stopped':
        return [{ level: 'warn', text: `[agent/embedded] ${event.detail}` }];
      case 'empty_error_retry':
        return [
          {
            level: 'warn',
            text: `[agent/embedded] [empty-error-retry] stopReason=error non-visible-output; resubmitting attempt=${event.detail} provider=${provider} model=${model}`,
          },
        ];
      case 'candidate_failed':
        return [
          { level: 'warn', text: `[agent/embedded] embedded run failover decision: runId=${event.runId} stage=prompt decision=fallback_model reason=${event.reason} provider=${event.modelRef} profile=-` },
          { level: 'warn', text: `[model-fallback/decision] model fallback decision: decision=candidate_failed requested=${event.modelRef} candidate=${event.modelRef} reason=${event.reason} next=${event.next ?? 'none'}` },
        ];
      case 'skip_candidate':
        return [{ level: 'warn', text: `[model-fallback/decision] model fallback decision: decision=skip_candidate requested=${event.modelRef} candidate=${event.modelRef} reason=${event.reason} next=none detail=${event.detail}` }];
      case 'candidate_succeeded':
        return [{ level: 'info', text: `[model-fallback/decision] model fallback decision: decision=candidate_succeeded requested=${event.modelRef} candidate=${event.modelRef} reason=none next=none` }];
      case 'all_failed':
        return [{ level: 'error', text: `Embedded agent failed before reply: ${event.detail}` }];
      // [src] dist/builtin-openclaw-q1hiFm14.mjs src/agents/compaction.ts and the compaction-safeguard hook (log.warn).
      case 'compaction_pass_failed':
        return [{ level: 'warn', text: `[compaction] ${event.pass === 'full' ? 'Full summarization failed' : 'Partial summarization also failed'}: ${event.detail}` }];
      case 'compaction_end':
        return compactionCancelledLines(event, '2026.9');
      default:
        return [];
    }
  },
};

/** A cancelled compaction's warning; a completed one logs at debug level only (not in the gateway's files). */
function compactionCancelledLines(event: DecisionEvent, profile: GatewayProfile): Array<{ level: LogLevel; text: string }> {
  const cancelled = /^cancelled: (.*)$/s.exec(event.detail ?? '');
  if (cancelled === null) return [];
  if (cancelled[1] === 'no real conversation messages to summarize') {
    return [{ level: 'warn', text: '[compaction-safeguard] Compaction safeguard: cancelling compaction with no real conversation messages to summarize.' }];
  }
  return profile === '2026.9' ? [{ level: 'warn', text: `[compaction-safeguard] Compaction summarization failed; cancelling compaction to preserve history: ${cancelled[1]}` }] : [];
}

// The candidate's last error text travels on the candidate_failed event as `detail` when set.
function lastDetailPlaceholder(event: DecisionEvent): string {
  return event.detail ?? `${event.reason}`;
}

/** `[agent/embedded] message` → subsystem and message; a line without a prefix has none. */
function splitSubsystem(text: string): { subsystem: string; message: string } {
  const match = /^\[([^\]]+)\] (.*)$/s.exec(text);
  return match === null ? { subsystem: '', message: text } : { subsystem: match[1]!, message: match[2]! };
}
