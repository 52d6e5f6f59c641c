/**
 * What the user reads, character for character, per version.
 * 2026.2 texts were observed on openclaw@2026.2.26, 2026.9 texts on
 * openclaw@2026.9.6; the golden traces under test/golden/ show them. Texts
 * marked "unverified" were read in OpenClaw's source and never observed.
 */
import type { FailoverReason } from './classify.ts';

export type FailedAttempt = {
  readonly modelRef: string;
  readonly errorText: string;
  readonly reason: FailoverReason;
  /** 2026.9: the HTTP status, else the reason's default (failure-reply.ts reads it). */
  readonly status?: number | undefined;
  /** Failed before any request (the model registry could not resolve it): a thrown error, not a failed reply. */
  readonly beforeRequest?: boolean;
};

/** `All models failed (N): p/m: <error> (<reason>) | …`, FallbackSummaryError's message (src/agents/model-fallback.ts `throwFallbackFailureSummary`). */
export function fallbackSummary(attempts: readonly FailedAttempt[]): string {
  return `All models failed (${attempts.length}): ${attempts.map((a) => `${a.modelRef}: ${a.errorText} (${a.reason})`).join(' | ')}`;
}

/**
 * The reply when every candidate failed, where the version words it as the agent's failure (golden trace
 * test/golden/openclaw-2026.2.26/all-models-429.json): one trailing period of the message dropped, then one
 * added (openclaw@2026.2.26 dist/pi-embedded-CQnl8oWA.js, runAgentTurnWithFallback: `.replace(/\.\s*$/, "")`).
 */
export function agentFailedReply(summary: string): string {
  return `⚠️ Agent failed before reply: ${summary.replace(/\.\s*$/, '')}.\nLogs: openclaw logs --follow`;
}

/**
 * Unverified: OpenClaw 2026.4.12's src/auto-reply/reply/agent-runner-execution.ts, as far as "for this model.";
 * the sentence after it is not confirmed by any source. No golden trace overflows the context.
 */
export const CONTEXT_OVERFLOW_REPLY = '⚠️ Context overflow — prompt too large for this model. Try a shorter message or start a new session with /new.';

/** 2026.9: sent before the fallback's reply (golden trace test/golden/openclaw-2026.9.6/primary-429-cross-provider-ok.json). */
export function fallbackNotice(selectedRef: string, activeRef: string, detail: string): string {
  return `↪️ Model Fallback: ${activeRef} (selected ${selectedRef}; ${detail})`;
}

/** 2026.9: sent with the next reply the primary gives in that chat (observed on openclaw@2026.9.6). */
export function fallbackCleared(primaryRef: string, previousRef: string): string {
  return `↪️ Model Fallback cleared: ${primaryRef} (was ${previousRef})`;
}

