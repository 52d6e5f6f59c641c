/**
 * The reason part of 2026.9's fallback notice — "↪️ Model Fallback: <active>
 * (selected <primary>; <reason>)" — as openclaw@2026.9.6 builds it
 * (dist/agent-runner.runtime-DH-TOu7I.mjs, src/auto-reply/fallback-state.ts:
 * `buildFallbackReasonSummary`, `formatFallbackAttemptReason`,
 * `truncateFallbackReasonPart`):
 *
 * - from the first failed attempt only: its error text when the reason is
 *   transient (rate_limit, overloaded, timeout) and the text carries a hint
 *   (429, 5xx, quota, "try again in", seconds, …), formatted for the UI
 *   (`formatRawAssistantErrorForUi`: "429: …" → "HTTP 429: …"); else the reason
 *   with spaces ("timeout", "rate limit", "unknown");
 * - whitespace collapsed, cut to 80 characters ending in "…";
 * - then " (+N more attempts)" when more candidates failed.
 *
 * Observed: "HTTP 429: Google Generative AI API error (429): You exceeded your
 * current quota… (+1 more attempts)" (flash-429-pro-429-other-ok.json) and
 * "timeout" (empty-stream.json, whose "Google stream ended before a terminal
 * finish reason" has no hint).
 */
import type { FailoverReason } from './classify.ts';
import { truncateUtf16Safe } from './error-projection.ts';

export type NoticeAttempt = { readonly reason: FailoverReason | null; readonly errorText: string };

const REASON_PART_MAX_CHARS = 80;
const UI_ERROR_MAX_CHARS = 600;
const TRANSIENT_FALLBACK_REASONS: ReadonlySet<string> = new Set(['rate_limit', 'overloaded', 'timeout', 'empty_response', 'no_error_details', 'unclassified']);
const TRANSIENT_ERROR_DETAIL_HINT =
  /\b(?:429|5\d\d|too many requests|usage limit|quota|try again in|retry[- ]after|seconds?|minutes?|hours?|temporarily unavailable|overloaded|service unavailable|throttl\w*)\b/i;
/** `HTTP_STATUS_PREFIX_RE`: "429: rest" or "HTTP 429 rest" (one line: `.` stops at a newline). */
const HTTP_STATUS_PREFIX = /^(?:http\s*)?(\d{3})(?:\s*:\s*|\s+)(.+)$/i;

export function fallbackReasonSummary(attempts: readonly NoticeAttempt[]): string {
  const first = attempts[0];
  const firstReason = first === undefined ? 'selected model unavailable' : attemptReason(first);
  const more = attempts.length > 1 ? ` (+${attempts.length - 1} more attempts)` : '';
  return `${truncateReasonPart(firstReason)}${more}`;
}

function attemptReason(attempt: NoticeAttempt): string {
  const preview = errorPreview(attempt);
  if (preview !== undefined) return preview;
  if (attempt.reason !== null) return attempt.reason.replace(/_/g, ' ');
  return truncateReasonPart(attempt.errorText || 'error');
}

function errorPreview(attempt: NoticeAttempt): string | undefined {
  const raw = attempt.errorText.trim();
  if (raw === '' || attempt.reason === null || !TRANSIENT_FALLBACK_REASONS.has(attempt.reason)) return undefined;
  if (!TRANSIENT_ERROR_DETAIL_HINT.test(raw)) return undefined;
  const formatted = formatRawErrorForUi(raw).replace(/^⚠️\s*/, '').replace(/\s+/g, ' ').trim();
  return formatted === '' || /unknown error/i.test(formatted) ? undefined : formatted;
}

/**
 * `formatRawAssistantErrorForUi` (dist/redact-B5EGyLvV.mjs) for the texts the
 * embedded providers produce: a leading status becomes "HTTP <status>: ", a
 * JSON error payload becomes "HTTP <status> <type>: <message>", anything else
 * is kept (cut at 600). Its Cloudflare/HTML-page and generic-internal-error
 * branches are not modelled (the mocks never answer so).
 */
export function formatRawErrorForUi(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed === '') return 'LLM request failed with an unknown error.';
  const status = HTTP_STATUS_PREFIX.exec(trimmed);
  const code = status === null ? undefined : Number(status[1]);
  if (status !== null && code! >= 100 && code! <= 599 && !status[2]!.trim().startsWith('{')) return `HTTP ${code}: ${status[2]!.trim()}`;
  const payload = apiErrorInfo(status !== null && code! >= 100 && code! <= 599 ? status[2]!.trim() : trimmed);
  if (payload?.message !== undefined) {
    return `${code === undefined ? 'LLM error' : `HTTP ${code}`}${payload.type === undefined ? '' : ` ${payload.type}`}: ${payload.message}`;
  }
  return trimmed.length > UI_ERROR_MAX_CHARS ? `${truncateUtf16Safe(trimmed, UI_ERROR_MAX_CHARS)}…` : trimmed;
}

/** `parseApiErrorInfo`, for a plain JSON error object: its error's type (or code) and message. */
function apiErrorInfo(text: string): { type?: string; message?: string } | undefined {
  if (!text.startsWith('{') || !text.endsWith('}')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const root = parsed as Record<string, unknown>;
  const error = typeof root['error'] === 'object' && root['error'] !== null ? (root['error'] as Record<string, unknown>) : undefined;
  const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const type = error ? (str(error['code']) !== undefined && str(error['type']) === undefined ? str(error['code']) : str(error['type'])) : str(root['error']);
  const message = str(error?.['message']) ?? str(root['message']);
  return { ...(type === undefined ? {} : { type }), ...(message === undefined ? {} : { message }) };
}

/** `truncateFallbackReasonPart`: whitespace collapsed, at most 80 characters with "…". */
function truncateReasonPart(value: string): string {
  const text = value.replace(/\s+/g, ' ').trim();
  return text.length <= REASON_PART_MAX_CHARS ? text : `${truncateUtf16Safe(text, REASON_PART_MAX_CHARS - 1).trimEnd()}…`;
}
