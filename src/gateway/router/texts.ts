/**
 * What the user reads, character for character, per version.
 * 2026.2 texts were observed on openclaw@2026.2.26 (openclaw-2026-2-run.md
 * §4); 2026.9 texts on openclaw@2026.9.6 (openclaw-run.md §4). Texts marked
 * "reference" come from reference/openclaw.md and were not observed.
 */
import type { FailoverReason } from './classify.ts';
import { RATE_LIMIT_USER_MESSAGE } from './failure-reply.ts';

export type FailedAttempt = {
  readonly modelRef: string;
  readonly errorText: string;
  readonly reason: FailoverReason;
  /** 2026.9: the HTTP status, else the reason's default (failure-reply.ts reads it). */
  readonly status?: number | undefined;
};

/** `All models failed (N): p/m: <error> (<reason>) | …`, FallbackSummaryError's message (§4.2 step 8). */
export function fallbackSummary(attempts: readonly FailedAttempt[]): string {
  return `All models failed (${attempts.length}): ${attempts.map((a) => `${a.modelRef}: ${a.errorText} (${a.reason})`).join(' | ')}`;
}

/** The text an attempt's error shows in the summary on 2026.2 (2026.9: error-projection.ts `rawErrorText`). */
export function attemptErrorText(reason: FailoverReason | null, rawMessage: string): string {
  if (reason === 'rate_limit') return RATE_LIMIT_USER_MESSAGE; // [obs]
  return rawMessage;
}

/** The reply when every candidate failed, where the version words it as the agent's failure (2026.2 [obs]). */
export function agentFailedReply(summary: string): string {
  return `⚠️ Agent failed before reply: ${summary}.\nLogs: openclaw logs --follow`;
}

/** reference §4.6 (v4.12); the wording after the dash is elided there, so only the observed part is certain. */
export const CONTEXT_OVERFLOW_REPLY = '⚠️ Context overflow — prompt too large for this model. Try a shorter message or start a new session with /new.';

/** 2026.9 [obs]: sent before the fallback's reply. */
export function fallbackNotice(selectedRef: string, activeRef: string, detail: string): string {
  return `↪️ Model Fallback: ${activeRef} (selected ${selectedRef}; ${detail})`;
}

/** 2026.9 [obs]: sent with the next reply the primary gives in that chat. */
export function fallbackCleared(primaryRef: string, previousRef: string): string {
  return `↪️ Model Fallback cleared: ${primaryRef} (was ${previousRef})`;
}

export type { FailoverReason };
