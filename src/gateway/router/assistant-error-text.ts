/**
 * What openclaw@2026.2.26 makes of a failed model call's raw error text
 * (pi-ai's `errorMessage`: "529 {"type":"error",…}", "429 You exceeded your
 * current quota…", Gemini's error JSON), read in its dist/pi-embedded-helpers-qnfs15AW.js,
 * src/agents/pi-embedded-helpers/errors.ts:
 *
 * - `classifyFailoverReason`: the failover reason, from the text alone — not the
 *   HTTP status (runEmbeddedPiAgent fails over when it is not null,
 *   `isFailoverAssistantError`). An overload counts as a rate limit, a leading
 *   5xx/529 status as a timeout; Gemini's 503 body (no leading status, "The service is
 *   currently unavailable.") as nothing, so it is not failed over (golden trace
 *   test/golden/openclaw-2026.2.26/flash-503-pro-ok.json).
 * - `formatAssistantErrorText`: the text a failed attempt is recorded with. It is
 *   the FailoverError's message when a fallback is configured (runEmbeddedPiAgent,
 *   dist/pi-embedded-CQnl8oWA.js), so the log line "embedded run agent end: … error=…"
 *   and the all-failed summary show it; and it is the reply itself when no fallback
 *   is configured (`buildEmbeddedRunPayloads` pushes it as an error payload).
 * - `sanitizeUserFacingText(text, {errorContext: true})`: the pass every error
 *   payload takes on its way to the channel (dist/pi-embedded-CQnl8oWA.js
 *   `normalizeStreamingText`).
 *
 * Golden traces test/golden/openclaw-2026.2.26/anthropic-only-529.json (Anthropic 529 →
 * the overload copy) and openai-only-insufficient-quota.json (OpenAI insufficient_quota
 * 429 → the rate-limit copy, the rate-limit test coming before the billing one).
 * Branches about tools, images and sandboxes cannot arise from the embedded providers
 * and are left out.
 */

import type { FailoverReason } from './classify.ts';

const RATE_LIMIT_COPY = '⚠️ API rate limit reached. Please try again later.';
const OVERLOADED_COPY = 'The AI service is temporarily overloaded. Please try again in a moment.';
const UNKNOWN_ERROR_COPY = 'LLM request failed with an unknown error.';
const TIMEOUT_COPY = 'LLM request timed out.';
const CONTEXT_OVERFLOW_COPY = 'Context overflow: prompt too large for the model. Try /reset (or /new) to start a fresh session, or use a larger-context model.';
const ROLE_ORDERING_COPY = 'Message ordering conflict - please try again. If this persists, use /new to start a fresh session.';
const REASONING_REQUIRED_COPY = 'Reasoning is required for this model endpoint. Use /think minimal (or any non-off level) and try again.';
const MAX_RAW_CHARS = 600;

const RATE_LIMIT_PATTERNS: readonly (string | RegExp)[] = [
  /rate[_ ]limit|too many requests|429/,
  'model_cooldown',
  'cooling down',
  'exceeded your current quota',
  'resource has been exhausted',
  'quota exceeded',
  'resource_exhausted',
  'usage limit',
  'tpm',
  'tokens per minute',
];
const OVERLOADED_PATTERNS: readonly (string | RegExp)[] = [/overloaded_error|"type"\s*:\s*"overloaded_error"/i, 'overloaded', 'service unavailable', 'high demand'];
const TIMEOUT_PATTERNS: readonly (string | RegExp)[] = [
  'timeout',
  'timed out',
  'deadline exceeded',
  'context deadline exceeded',
  /without sending (?:any )?chunks?/i,
  /\bstop reason:\s*abort\b/i,
  /\breason:\s*abort\b/i,
  /\bunhandled stop reason:\s*abort\b/i,
];
const BILLING_PATTERNS: readonly (string | RegExp)[] = [
  /["']?(?:status|code)["']?\s*[:=]\s*402\b|\bhttp\s*402\b|\berror(?:\s+code)?\s*[:=]?\s*402\b|\b(?:got|returned|received)\s+(?:a\s+)?402\b|^\s*402\s+payment/i,
  'payment required',
  'insufficient credits',
  'credit balance',
  'plans & billing',
  'insufficient balance',
];
const BILLING_HEAD = /^(?:error[:\s-]+)?billing(?:\s+error)?(?:[:\s-]+|$)|^(?:error[:\s-]+)?(?:credit balance|insufficient credits?|payment required|http\s*402\b)/i;
const BILLING_HARD_402 = /["']?(?:status|code)["']?\s*[:=]\s*402\b|\bhttp\s*402\b|\berror(?:\s+code)?\s*[:=]?\s*402\b|^\s*402\s+payment/i;
const BILLING_MAX_CHARS = 512;
const ERROR_PREFIX = /^(?:error|api\s*error|openai\s*error|anthropic\s*error|gateway\s*error|request failed|failed|exception)[:\s-]+/i;
const ERROR_PAYLOAD_PREFIX = /^(?:error|api\s*error|apierror|openai\s*error|anthropic\s*error|gateway\s*error)[:\s-]+/i;
const HTTP_STATUS_PREFIX = /^(?:http\s*)?(\d{3})\s+(.+)$/i;
const HTTP_STATUS_CODE_PREFIX = /^(?:http\s*)?(\d{3})(?:\s+([\s\S]+))?$/i;
const HTML_PREFIX = /^\s*(?:<!doctype\s+html\b|<html\b)/i;
const CLOUDFLARE_HTML_STATUSES = new Set([521, 522, 523, 524, 525, 526, 530]);
const HTTP_ERROR_HINTS = ['error', 'bad request', 'not found', 'unauthorized', 'forbidden', 'internal server', 'service unavailable', 'gateway', 'rate limit', 'overloaded', 'timeout', 'timed out', 'invalid', 'too many requests', 'permission'];
const CONTEXT_OVERFLOW_HEAD = /^(?:context overflow:|request_too_large\b|request size exceeds\b|request exceeds the maximum size\b|context length exceeded\b|maximum context length\b|prompt is too long\b|exceeds model context window\b)/i;

const TRANSIENT_HTTP_STATUSES = new Set([500, 502, 503, 504, 521, 522, 523, 524, 529]);
const FORMAT_PATTERNS: readonly (string | RegExp)[] = [
  'string should match pattern',
  'tool_use.id',
  'tool_use_id',
  'messages.1.content.1.tool_use.id',
  'invalid request format',
  /tool call id was.*must be/i,
];
const AUTH_PERMANENT_PATTERNS: readonly (string | RegExp)[] = [
  /api[_ ]?key[_ ]?(?:revoked|invalid|deactivated|deleted)/i,
  'invalid_api_key',
  'key has been disabled',
  'key has been revoked',
  'account has been deactivated',
  /could not (?:authenticate|validate).*(?:api[_ ]?key|credentials)/i,
];
const AUTH_PATTERNS: readonly (string | RegExp)[] = [
  /invalid[_ ]?api[_ ]?key/,
  'incorrect api key',
  'invalid token',
  'authentication',
  're-authenticate',
  'oauth token refresh failed',
  'unauthorized',
  'forbidden',
  'access denied',
  'insufficient permissions',
  'insufficient permission',
  /missing scopes?:/i,
  'expired',
  'token has expired',
  /\b401\b/,
  /\b403\b/,
  'no credentials found',
  'no api key found',
];

/** `classifyFailoverReason` on an attempt's raw error text; null: not a failover (the text is the reply). */
export function textFailoverReason(rawError: string): FailoverReason | null {
  const raw = rawError;
  // Checked before failover by runEmbeddedPiAgent (`isLikelyContextOverflowError`): compaction, then the overflow reply.
  if (isContextOverflow(raw)) return 'context_overflow';
  if (/image dimensions exceed max allowed size/i.test(raw) || /image exceeds\s*\d+(?:\.\d+)?\s*mb/i.test(raw)) return null;
  if (isModelNotFound(raw)) return 'model_not_found';
  const status = leadingHttpStatus(raw.trim());
  if (status !== undefined && TRANSIENT_HTTP_STATUSES.has(status.code)) return 'timeout';
  const lower = raw.toLowerCase();
  if (lower.includes('"type":"api_error"') && lower.includes('internal server error')) return 'timeout';
  if (matches(raw, RATE_LIMIT_PATTERNS) || matches(raw, OVERLOADED_PATTERNS)) return 'rate_limit';
  if (matches(raw, FORMAT_PATTERNS)) return 'format';
  if (isBilling(raw)) return 'billing';
  if (matches(raw, TIMEOUT_PATTERNS)) return 'timeout';
  if (matches(raw, AUTH_PERMANENT_PATTERNS)) return 'auth_permanent';
  if (matches(raw, AUTH_PATTERNS)) return 'auth';
  return null;
}

/** `isModelNotFoundErrorMessage`. */
function isModelNotFound(raw: string): boolean {
  const lower = raw.toLowerCase();
  if (
    lower.includes('unknown model') ||
    lower.includes('model not found') ||
    lower.includes('model_not_found') ||
    lower.includes('not_found_error') ||
    (lower.includes('does not exist') && lower.includes('model')) ||
    (lower.includes('invalid model') && !lower.includes('invalid model reference'))
  ) {
    return true;
  }
  return /models\/[^\s]+ is not found/i.test(raw) || (/\b404\b/.test(raw) && /not[-_ ]?found/i.test(raw));
}

/** `formatAssistantErrorText` on an attempt's raw error; `provider`/`model` name it in the billing copy. */
export function assistantErrorCopy(rawError: string, provider: string, model: string): string {
  const raw = rawError.trim();
  if (raw === '') return UNKNOWN_ERROR_COPY;
  if (isContextOverflow(raw)) return CONTEXT_OVERFLOW_COPY;
  if (isReasoningConstraint(raw)) return REASONING_REQUIRED_COPY;
  if (/incorrect role information|roles must alternate|400.*role|"message".*role.*information/i.test(raw)) return ROLE_ORDERING_COPY;
  const invalidRequest = /"type":"invalid_request_error".*?"message":"([^"]+)"/.exec(raw);
  if (invalidRequest?.[1] !== undefined) return `LLM request rejected: ${invalidRequest[1]}`;
  const transient = rateLimitOrOverloadedCopy(raw);
  if (transient !== undefined) return transient;
  if (matches(raw, TIMEOUT_PATTERNS)) return TIMEOUT_COPY;
  if (isBilling(raw)) return billingCopy(provider, model);
  if (isLikelyHttpErrorText(raw) || isRawApiErrorPayload(raw)) return rawErrorForUi(raw);
  return raw.length > MAX_RAW_CHARS ? `${raw.slice(0, MAX_RAW_CHARS)}…` : raw;
}

/** `sanitizeUserFacingText(text, {errorContext: true})`: an error payload's text as the channel gets it. */
export function redeliveredErrorText(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (/incorrect role information|roles must alternate/i.test(trimmed)) return ROLE_ORDERING_COPY;
  if (isContextOverflow(trimmed) && (isRawApiErrorPayload(trimmed) || isLikelyHttpErrorText(trimmed) || ERROR_PREFIX.test(trimmed) || CONTEXT_OVERFLOW_HEAD.test(trimmed))) {
    return CONTEXT_OVERFLOW_COPY;
  }
  if (isBilling(trimmed)) return billingCopy(undefined, undefined);
  if (isRawApiErrorPayload(trimmed) || isLikelyHttpErrorText(trimmed)) return rawErrorForUi(trimmed);
  if (ERROR_PREFIX.test(trimmed)) return rateLimitOrOverloadedCopy(trimmed) ?? (matches(trimmed, TIMEOUT_PATTERNS) ? TIMEOUT_COPY : rawErrorForUi(trimmed));
  return text.replace(/^(?:[ \t]*\r?\n)+/, '');
}

/** `formatRateLimitOrOverloadedErrorCopy`: the rate-limit test comes first. */
function rateLimitOrOverloadedCopy(raw: string): string | undefined {
  if (matches(raw, RATE_LIMIT_PATTERNS)) return RATE_LIMIT_COPY;
  if (matches(raw, OVERLOADED_PATTERNS)) return OVERLOADED_COPY;
  return undefined;
}

/** `formatBillingErrorMessage(provider, model)`. */
function billingCopy(provider: string | undefined, model: string | undefined): string {
  const providerName = provider?.trim();
  const modelName = model?.trim();
  const label = providerName && modelName ? `${providerName} (${modelName})` : providerName || undefined;
  if (label !== undefined) {
    return `⚠️ ${label} returned a billing error — your API key has run out of credits or has an insufficient balance. Check your ${providerName} billing dashboard and top up or switch to a different API key.`;
  }
  return "⚠️ API provider returned a billing error — your API key has run out of credits or has an insufficient balance. Check your provider's billing dashboard and top up or switch to a different API key.";
}

/** `isBillingErrorMessage`. */
function isBilling(raw: string): boolean {
  const value = raw.toLowerCase();
  if (value === '') return false;
  if (raw.length > BILLING_MAX_CHARS) return BILLING_HARD_402.test(value);
  if (matches(value, BILLING_PATTERNS)) return true;
  if (!BILLING_HEAD.test(raw)) return false;
  return ['upgrade', 'credits', 'payment', 'plan'].some((word) => value.includes(word));
}

/** `isContextOverflowError`. */
function isContextOverflow(raw: string): boolean {
  const lower = raw.toLowerCase();
  if (lower.includes('tpm') || lower.includes('tokens per minute') || isReasoningConstraint(raw)) return false;
  const hasContextWindow = lower.includes('context window') || lower.includes('context length') || lower.includes('maximum context length');
  const phrases = [
    'request_too_large',
    'request exceeds the maximum size',
    'context length exceeded',
    'maximum context length',
    'prompt is too long',
    'exceeds model context window',
    'model token limit',
    'context overflow:',
    'exceed context limit',
    "exceeds the model's maximum context",
  ];
  return (
    phrases.some((phrase) => lower.includes(phrase)) ||
    (lower.includes('request size exceeds') && hasContextWindow) ||
    (lower.includes('max_tokens') && lower.includes('exceed') && lower.includes('context')) ||
    (lower.includes('input length') && lower.includes('exceed') && lower.includes('context')) ||
    (lower.includes('413') && lower.includes('too large')) ||
    ['上下文过长', '上下文超出', '上下文长度超', '超出最大上下文', '请压缩上下文'].some((phrase) => raw.includes(phrase))
  );
}

function isReasoningConstraint(raw: string): boolean {
  const lower = raw.toLowerCase();
  return (
    lower.includes('reasoning is mandatory') ||
    lower.includes('reasoning is required') ||
    lower.includes('requires reasoning') ||
    (lower.includes('reasoning') && lower.includes('cannot be disabled'))
  );
}

/** `isLikelyHttpErrorText`: "<status ≥ 400> <words with an error hint>", or a Cloudflare/HTML error page. */
function isLikelyHttpErrorText(raw: string): boolean {
  if (isCloudflareOrHtmlErrorPage(raw)) return true;
  const match = HTTP_STATUS_PREFIX.exec(raw);
  if (match === null || Number(match[1]) < 400) return false;
  const message = match[2]!.toLowerCase();
  return HTTP_ERROR_HINTS.some((hint) => message.includes(hint));
}

function isCloudflareOrHtmlErrorPage(raw: string): boolean {
  const status = leadingHttpStatus(raw.trim());
  if (status === undefined || status.code < 500) return false;
  if (CLOUDFLARE_HTML_STATUSES.has(status.code)) return true;
  return status.code < 600 && HTML_PREFIX.test(status.rest) && /<\/html>/i.test(status.rest);
}

function leadingHttpStatus(raw: string): { code: number; rest: string } | undefined {
  const match = HTTP_STATUS_CODE_PREFIX.exec(raw);
  return match === null ? undefined : { code: Number(match[1]), rest: (match[2] ?? '').trim() };
}

/** `formatRawAssistantErrorForUi`. */
function rawErrorForUi(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed === '') return UNKNOWN_ERROR_COPY;
  const status = leadingHttpStatus(trimmed);
  if (status !== undefined && isCloudflareOrHtmlErrorPage(trimmed)) return `The AI service is temporarily unavailable (HTTP ${status.code}). Please try again in a moment.`;
  const httpMatch = HTTP_STATUS_PREFIX.exec(trimmed);
  if (httpMatch !== null && !httpMatch[2]!.trim().startsWith('{')) return `HTTP ${httpMatch[1]}: ${httpMatch[2]!.trim()}`;
  const info = apiErrorInfo(trimmed);
  if (info?.message !== undefined) {
    const prefix = info.httpCode === undefined ? 'LLM error' : `HTTP ${info.httpCode}`;
    const type = info.type === undefined ? '' : ` ${info.type}`;
    const requestId = info.requestId === undefined ? '' : ` (request_id: ${info.requestId})`;
    return `${prefix}${type}: ${info.message}${requestId}`;
  }
  return trimmed.length > MAX_RAW_CHARS ? `${trimmed.slice(0, MAX_RAW_CHARS)}…` : trimmed;
}

/** `parseApiErrorInfo`: a leading status, then an error payload's type, message and request id. */
function apiErrorInfo(raw: string): { httpCode?: string; type?: string; message?: string; requestId?: string } | undefined {
  let candidate = raw.trim();
  let httpCode: string | undefined;
  const prefixed = /^(\d{3})\s+(.+)$/s.exec(candidate);
  if (prefixed !== null) {
    httpCode = prefixed[1]!;
    candidate = prefixed[2]!.trim();
  }
  const payload = apiErrorPayload(candidate);
  if (payload === undefined) return undefined;
  const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const error = typeof payload['error'] === 'object' && payload['error'] !== null && !Array.isArray(payload['error']) ? (payload['error'] as Record<string, unknown>) : undefined;
  const type = str(error?.['type']) ?? str(error?.['code']) ?? str(payload['type']);
  const message = str(error?.['message']) ?? str(payload['message']);
  const requestId = str(payload['request_id']) ?? str(payload['requestId']);
  return {
    ...(httpCode === undefined ? {} : { httpCode }),
    ...(type === undefined ? {} : { type }),
    ...(message === undefined ? {} : { message }),
    ...(requestId === undefined ? {} : { requestId }),
  };
}

/** `isRawApiErrorPayload`. */
function isRawApiErrorPayload(raw: string): boolean {
  return apiErrorPayload(raw) !== undefined;
}

/** `parseApiErrorPayload`: a JSON object that looks like an error, with an optional "Error: " prefix. */
function apiErrorPayload(raw: string): Record<string, unknown> | undefined {
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  const candidates = ERROR_PAYLOAD_PREFIX.test(trimmed) ? [trimmed, trimmed.replace(ERROR_PAYLOAD_PREFIX, '').trim()] : [trimmed];
  for (const candidate of candidates) {
    if (!candidate.startsWith('{') || !candidate.endsWith('}')) continue;
    try {
      const parsed: unknown = JSON.parse(candidate);
      if (isErrorPayloadObject(parsed)) return parsed;
    } catch {
      // not JSON: the next candidate
    }
  }
  return undefined;
}

function isErrorPayloadObject(payload: unknown): payload is Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return false;
  const record = payload as Record<string, unknown>;
  if (record['type'] === 'error') return true;
  if (typeof record['request_id'] === 'string' || typeof record['requestId'] === 'string') return true;
  const error = record['error'];
  if (typeof error !== 'object' || error === null || Array.isArray(error)) return false;
  const inner = error as Record<string, unknown>;
  return typeof inner['message'] === 'string' || typeof inner['type'] === 'string' || typeof inner['code'] === 'string';
}

/** `matchesErrorPatterns`: on the lower-cased text, substrings or regular expressions. */
function matches(raw: string, patterns: readonly (string | RegExp)[]): boolean {
  const value = raw.toLowerCase();
  return patterns.some((pattern) => (typeof pattern === 'string' ? value.includes(pattern) : pattern.test(value)));
}
