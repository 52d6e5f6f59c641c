/**
 * What openclaw@2026.9.6 sends the user when every candidate failed: the text
 * `handleAgentExecutionError` picks for the FallbackSummaryError
 * (dist/agent-runner.runtime-DH-TOu7I.mjs, with dist/commentary-progress-owner-C2HSv4QR.mjs
 * `resolveReplyFailureSummary`, dist/user-copy-DfLWtdTx.mjs `renderRateLimitReplyCopy`
 * and dist/assistant-request-failure-copy-D0cfsUk2.mjs), then rendered once
 * more on delivery, because an error payload's text goes through
 * `renderUserFacingText(text, {errorContext: true})` again (dist/normalize-reply-gZujyBo1.mjs).
 *
 * In order:
 * 1. any attempt `billing` → the billing copy;
 * 2. the provider-request copies, from the last attempt: HTTP 401 auth, model
 *    not found, a 503 (the provider-internal copy);
 * 3. every attempt `overloaded` → "The AI service is temporarily overloaded. …";
 * 4. every attempt `rate_limit`/`overloaded` → the rate-limit copy:
 *    a. the first rate-limited attempt on provider `openai`: "⚠️ " + its text
 *       (meant for Codex usage limits, it catches every OpenAI 429), which the
 *       delivery pass prefixes once more → "⚠️ ⚠️ Rate limit reached for …"
 *       (golden trace test/golden/openclaw-2026.9.6/all-models-429.json);
 *    b. a cooldown of the candidates' auth profiles still running → "⚠️ Rate-limited — ready in ~N…";
 *    c. more than one model → "⚠️ All attempted models were rate-limited or
 *       overloaded. …", which the delivery pass reads as an overload and turns
 *       into "The AI service is temporarily overloaded. Please try again in a
 *       moment." (observed on openclaw@2026.9.6 with a non-OpenAI chain);
 *    d. else "⚠️ The model request was rate-limited. …";
 * 5. otherwise the classified copy of the last attempt: "⚠️ p/m request failed
 *    (request timed out, HTTP 408). …", or "⚠️ Agent run failed (model: p/m)."
 *    for an unclassified one, or the schema-rejection copy for `format`.
 *
 * Every branch was checked against the real functions run on the same
 * attempts (test/gateway/failure-reply.test.ts lists the texts they returned).
 * A chain of one candidate is rethrown without a summary and is not modelled
 * here (router.ts keeps texts.ts's reply for it). The Cloudflare/HTML, OAuth, CLI and Codex app-server
 * branches cannot arise from the embedded providers.
 */
import { providerOf, type ModelRefRules } from '../../config/model-ref.ts';
import type { FailoverReason } from './classify.ts';

export type FailureAttempt = {
  readonly modelRef: string;
  readonly reason: FailoverReason;
  readonly errorText: string;
  /** The attempt's HTTP status, else its reason's default (FAILOVER_STATUS: timeout 408, rate_limit 429, …). */
  readonly status?: number | undefined;
};

export type FailureContext = {
  /** `All models failed (N): …`, the summary's message. */
  readonly summary: string;
  /** The soonest end of a cooldown among the candidates' auth profiles (none for inline keys). */
  readonly soonestCooldownExpiryMs: number | undefined;
  readonly nowMs: number;
  /** How the version resolves the candidates' refs (its profile's `modelRefs`). */
  readonly modelRefs: ModelRefRules;
};

export const OVERLOADED_REPLY = 'The AI service is temporarily overloaded. Please try again in a moment.';
const RATE_LIMIT_USER_MESSAGE = '⚠️ API rate limit reached. Please try again later.';
const RATE_LIMIT_RETRY_MESSAGE = '⚠️ The model request was rate-limited. Please try again in a few minutes.';
const ALL_RATE_LIMITED_MESSAGE = '⚠️ All attempted models were rate-limited or overloaded. Please try again in a few minutes.';
const MODEL_CAPACITY_MESSAGE = '⚠️ Selected model is at capacity. Try a different model, or wait and retry.';
const BILLING_MESSAGE =
  "⚠️ API provider returned a billing error — your API key has run out of credits or has an insufficient balance. Check your provider's billing dashboard and top up or switch to a different API key.";
const AUTH_MESSAGE =
  '⚠️ Authentication failed (provider returned HTTP 401). Your provider token may have expired — try the request again in a moment. If the failure persists, re-authenticate this provider.';
const MODEL_UNAVAILABLE_MESSAGE =
  "⚠️ The configured model is unavailable from the provider — it may have been renamed, retired, or is not offered on this account. This needs a config update (agents.defaults.model); retrying or starting a new session won't fix it.";
const PROVIDER_INTERNAL_MESSAGE =
  '⚠️ The model provider returned a temporary internal error before replying. Try again in a moment, or switch to another model if it keeps happening.';
const QUOTA_429_MESSAGE =
  '⚠️ The model provider returned HTTP 429 before replying. This can mean rate limiting, exhausted quota, or an account balance/billing issue. Check the selected provider/model, API key, and provider billing/quota dashboard, then try again.';
const SCHEMA_REJECTION_MESSAGE = 'LLM request failed: provider rejected the request schema or tool payload.';

const MODEL_CAPACITY = /\b(?:selected\s+)?model\s+(?:is\s+)?at capacity\b/i;
const RATE_LIMIT_SPECIFIC_HINT = /\bmin(ute)?s?\b|\bhours?\b|\bseconds?\b|\btry again in\b|\bresets?\b|\bplan\b|\bquota\b/i;
const LEADING_HTTP_STATUS = /^(?:http\s*)?(\d{3})(?:(?:\s*:\s*|\s+)([\s\S]+))?$/i;
const PROVIDER_503 = /\b(?:(?:unexpected\s+status|http)\s*503|503\s+service unavailable)\b|["'](?:status|code)["']\s*:\s*503\b/iu;
const ANY_429 = /\b(?:http\s*)?429\b|["'](?:status|code)["']\s*:\s*429\b/iu;

const REASON_WORDS: Partial<Record<FailoverReason | 'server_error', string>> = {
  auth: 'authentication failed',
  auth_permanent: 'authentication was rejected',
  format: 'request format rejected',
  rate_limit: 'rate limited',
  overloaded: 'provider overloaded',
  billing: 'provider billing issue',
  server_error: 'provider internal error',
  timeout: 'request timed out',
  context_overflow: 'context limit exceeded',
  model_not_found: 'model not found',
};

/** The text the user gets, as delivered. */
export function allFailedReply(attempts: readonly FailureAttempt[], context: FailureContext): string {
  const chosen = chosenReply(attempts, context);
  return chosen.providerSentence ? redeliveredProviderSentence(chosen.text) : redeliveredFixedCopy(chosen.text);
}

/**
 * The text `handleAgentExecutionError` settles the turn with; `providerSentence` when it is the
 * provider's own words (4a) rather than one of OpenClaw's fixed copies.
 */
function chosenReply(attempts: readonly FailureAttempt[], context: FailureContext): { text: string; providerSentence: boolean } {
  const fixed = (text: string) => ({ text, providerSentence: false });
  const last = attempts.at(-1);
  if (last === undefined) return fixed(RATE_LIMIT_RETRY_MESSAGE);
  if (attempts.some((attempt) => attempt.reason === 'billing')) return fixed(BILLING_MESSAGE);
  const providerRequest = providerRequestCopy(last, context.summary);
  if (providerRequest !== undefined) return fixed(providerRequest);
  if (attempts.every((attempt) => attempt.reason === 'overloaded')) return fixed(MODEL_CAPACITY.test(context.summary) ? MODEL_CAPACITY_MESSAGE : OVERLOADED_REPLY);
  if (attempts.every((attempt) => attempt.reason === 'rate_limit' || attempt.reason === 'overloaded')) {
    const openai = openAiRateLimitCopy(attempts, context.modelRefs);
    return openai === undefined ? fixed(rateLimitCopy(attempts, context)) : { text: openai, providerSentence: openai !== RATE_LIMIT_USER_MESSAGE };
  }
  if (last.reason === 'format') return fixed(SCHEMA_REJECTION_MESSAGE);
  return fixed(requestFailureCopy(last, context.modelRefs));
}

/** `resolveProviderRequestFailureCode` on the summary's facts (the last attempt's reason and status). */
function providerRequestCopy(last: FailureAttempt, summary: string): string | undefined {
  if (last.reason === 'auth' && last.status === 401) return AUTH_MESSAGE;
  if (last.reason === 'model_not_found') return MODEL_UNAVAILABLE_MESSAGE;
  const lower = summary.toLowerCase();
  const generic = lower.includes('an error occurred while processing your request') || lower.includes('something went wrong while processing your request');
  if (generic && (last.status === 429 || ANY_429.test(summary))) return QUOTA_429_MESSAGE;
  if (last.status === 503 || PROVIDER_503.test(summary)) return PROVIDER_INTERNAL_MESSAGE;
  const internal =
    lower.includes('the ai service returned an internal error') ||
    lower.includes('provider returned an internal error') ||
    (generic && (lower.includes('server_error') || lower.includes('internal error')));
  return internal ? PROVIDER_INTERNAL_MESSAGE : undefined;
}

/** `extractCodexUsageLimitErrorMessage`: the first rate-limited attempt on provider `openai`, in its own words. */
function openAiRateLimitCopy(attempts: readonly FailureAttempt[], modelRefs: ModelRefRules): string | undefined {
  const openai = attempts.find((attempt) => providerOf(attempt.modelRef, modelRefs) === 'openai' && attempt.reason === 'rate_limit' && attempt.errorText !== '');
  if (openai === undefined) return undefined;
  const message = rateLimitMessage(openai.errorText).replace(/\s*\r?\n\s*/g, ' ').trim();
  const truncated = message.length > 500 ? `${message.slice(0, 497)}...` : message;
  return truncated.startsWith('⚠️') ? truncated : `⚠️ ${truncated}`;
}

/** `renderRateLimitReplyCopy`, past its OpenAI branch. */
function rateLimitCopy(attempts: readonly FailureAttempt[], context: FailureContext): string {
  const expiryMs = context.soonestCooldownExpiryMs;
  if (expiryMs !== undefined && expiryMs > context.nowMs) {
    const secondsLeft = Math.max(1, Math.ceil((expiryMs - context.nowMs) / 1000));
    return secondsLeft <= 60
      ? `⚠️ Rate-limited — ready in ~${secondsLeft}s. Please wait a moment.`
      : `⚠️ Rate-limited — ready in ~${Math.ceil(secondsLeft / 60)} min. Please try again shortly.`;
  }
  return new Set(attempts.map((attempt) => attempt.modelRef)).size > 1 ? ALL_RATE_LIMITED_MESSAGE : RATE_LIMIT_RETRY_MESSAGE;
}

/**
 * `renderRateLimitBaseCopy`: the provider's own rate-limit sentence behind "⚠️ ", when it says how
 * long or why (minutes, "try again in", quota, …) and is short; else the generic copy.
 */
function rateLimitMessage(raw: string): string {
  if (MODEL_CAPACITY.test(raw)) return MODEL_CAPACITY_MESSAGE;
  const trimmedRaw = raw.trim();
  const candidate = (LEADING_HTTP_STATUS.exec(trimmedRaw)?.[2] ?? trimmedRaw).trim();
  if (candidate === '' || !RATE_LIMIT_SPECIFIC_HINT.test(candidate)) return RATE_LIMIT_USER_MESSAGE;
  if (candidate.length > 300 || candidate.startsWith('{') || /^(?:<!doctype\s+html\b|<html\b)/i.test(candidate)) return RATE_LIMIT_USER_MESSAGE;
  return `⚠️ ${candidate}`;
}

/**
 * The reply for an unclassified error that is not failed over (a chain of one): `renderAssistantRequestFailureCopy`
 * without a reason — "⚠️ Agent run failed (model: google/gemini-2.5-flash)." (observed on openclaw@2026.9.6 with a
 * one-model chain whose Flash answered MALFORMED_FUNCTION_CALL, after 3 empty-error resubmits; no golden trace).
 */
export function unclassifiedFailureReply(modelRef: string, status: number | undefined, modelRefs: ModelRefRules): string {
  return requestFailureCopy({ modelRef, reason: 'unknown', errorText: '', status }, modelRefs);
}

/** `renderAssistantRequestFailureCopy` for the last attempt's provider, model, reason and status. */
function requestFailureCopy(last: FailureAttempt, modelRefs: ModelRefRules): string {
  const reason = last.reason === 'timeout' && last.status !== undefined && last.status >= 500 ? 'server_error' : last.reason;
  const words = REASON_WORDS[reason];
  const status = last.status !== undefined && last.status >= 100 && last.status <= 599 ? `HTTP ${last.status}` : undefined;
  if (words === undefined && status === undefined) return `⚠️ Agent run failed (model: ${last.modelRef}).`;
  const summary = `⚠️ ${last.modelRef} request failed (${[words, status].filter(Boolean).join(', ')}).`;
  if (reason === 'overloaded' || reason === 'server_error' || reason === 'timeout' || reason === 'rate_limit') return `${summary} This is usually temporary — try again shortly.`;
  if (reason === 'auth' || reason === 'auth_permanent') return `${summary} Re-authenticate the provider and try again.`;
  if (reason === 'billing') return `${summary} Check ${providerOf(last.modelRef, modelRefs)} billing and try again.`;
  return summary;
}

/**
 * The delivery pass (`renderUserFacingText` with errorContext) classifies the text again. On a
 * provider's rate-limit sentence, already behind "⚠️ ", that adds a second "⚠️ " (or falls back to
 * the generic copy when the sentence is too long or says nothing about when).
 */
function redeliveredProviderSentence(text: string): string {
  return rateLimitMessage(text);
}

/**
 * On OpenClaw's fixed copies the pass changes one: "All attempted models were rate-limited or
 * overloaded" reads as an overload, so the user gets the overload copy. The others come through as
 * they are (each checked against the real functions, test/gateway/failure-reply.test.ts).
 */
function redeliveredFixedCopy(text: string): string {
  return text === ALL_RATE_LIMITED_MESSAGE ? OVERLOADED_REPLY : text;
}
