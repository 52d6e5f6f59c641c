/**
 * What the user reads, character for character, per behaviour profile.
 * 2026.2 texts were observed on openclaw@2026.2.26 (openclaw-2026-2-run.md
 * §4); 2026.9 texts on openclaw@2026.9.6 (openclaw-run.md §4). Texts marked
 * "reference" come from reference/openclaw.md and were not observed.
 */
import type { GatewayProfile } from '../../config/runtime-defaults.ts';
import type { FailoverReason } from './classify.ts';

export type FailedAttempt = { readonly modelRef: string; readonly errorText: string; readonly reason: FailoverReason };

/** `All models failed (N): p/m: <error> (<reason>) | …`, FallbackSummaryError's message (§4.2 step 8). */
export function fallbackSummary(attempts: readonly FailedAttempt[]): string {
  return `All models failed (${attempts.length}): ${attempts.map((a) => `${a.modelRef}: ${a.errorText} (${a.reason})`).join(' | ')}`;
}

/** The text an attempt's error shows in the summary. */
export function attemptErrorText(profile: GatewayProfile, reason: FailoverReason | null, rawMessage: string, retryAfterS?: number): string {
  if (profile === '2026.2' && reason === 'rate_limit') return '⚠️ API rate limit reached. Please try again later.'; // [obs]
  if (profile === '2026.9' && reason === 'rate_limit') {
    // [obs] "429 Rate limit reached; Retry-After: 120 seconds": the SDK's message plus the hint.
    return retryAfterS === undefined ? rawMessage : `${rawMessage}; Retry-After: ${retryAfterS} seconds`;
  }
  return rawMessage;
}

/** The reply when every candidate failed. */
export function allFailedReply(profile: GatewayProfile, summary: string): string {
  if (profile === '2026.2') return `⚠️ Agent failed before reply: ${summary}.\nLogs: openclaw logs --follow`; // [obs]
  return 'The AI service is temporarily overloaded. Please try again in a moment.'; // [obs] Telegram, 2026.9.6
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
