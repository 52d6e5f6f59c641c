/**
 * When a user turn first failed over: the first candidate of its runs that
 * failed or was skipped (cooldown) while a later candidate was left to try.
 * That is where OpenClaw's `runWithModelFallback` moves on to
 * `candidates[i + 1]` (dist/pi-embedded-CQnl8oWA.js in openclaw@2026.2.26,
 * dist/model-fallback-runner-C-B-h8RR.mjs in openclaw@2026.9.6): a cooldown
 * skip `continue`s, a failed candidate is caught and the loop goes on.
 * Undefined when the turn never left its first candidate.
 */
import type { DecisionEvent } from './router/decision-log.ts';

export function firstFallbackAtMs(events: readonly DecisionEvent[], runIds: ReadonlySet<string>, chain: readonly string[]): number | undefined {
  return events.find((event) => runIds.has(event.runId) && movedOn(event, chain))?.atMs;
}

function movedOn(event: DecisionEvent, chain: readonly string[]): boolean {
  if (event.decision === 'candidate_failed') return event.next !== undefined;
  // A skip carries no `next`; a later candidate exists unless the skipped one is the chain's last.
  return event.decision === 'skip_candidate' && chain.indexOf(event.modelRef) < chain.length - 1;
}
