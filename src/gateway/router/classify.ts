/**
 * OpenClaw's failover reasons for a provider error (src/agents/pi-embedded-helpers/errors.ts
 * and failover-matches.ts in OpenClaw 2026.4.12): by status, then error code, then message.
 * `null` means unclassified: OpenClaw hands such an error to the user as the reply text
 * instead of failing over (`surface_error` in src/agents/pi-embedded-runner/run/assistant-failover.ts).
 */
import type { ProviderError } from '../providers/provider-error.ts';

const FAILOVER_REASONS = [
  'auth',
  'auth_permanent',
  'format',
  'rate_limit',
  'overloaded',
  'billing',
  'timeout',
  'model_not_found',
  'context_overflow',
  'unknown',
] as const;
export type FailoverReason = (typeof FAILOVER_REASONS)[number];

const RATE_LIMIT_MESSAGE = /rate.?limit|too many requests|requests per (minute|hour|day)|quota|throttl|429\b|tokens per day|concurrency limit reached|(weekly|monthly) usage limit/i;
const OVERLOADED_MESSAGE = /overloaded|at capacity/i;
const CONTEXT_OVERFLOW_MESSAGE = /context.?length|context window|maximum context|too many tokens|prompt is too long|input length and `max_tokens` exceed|exceeds the (maximum|model)|token limit/i;
// Credit and spend-cap answers that arrive as 429 but are not transient. Unverified: OpenClaw is taken to count
// xAI's "used all available credits" and Moonshot's exceeded_current_quota_error as billing, not a rate limit.
const BILLING_MESSAGE = /insufficient_quota|exceeded_current_quota|used all available credits|credit balance|billing|payment required|spend(ing)? (cap|limit)/i;
const RATE_LIMIT_CODE = /^(RESOURCE_EXHAUSTED|RATE_LIMIT(ED|_EXCEEDED)?|TOO_MANY_REQUESTS|THROTTL\w*|rate_limit_error|rate_limit_exceeded|rate_limit_reached_error)$/i;
const OVERLOADED_CODE = /^(OVERLOADED(_ERROR)?|engine_overloaded_error)$/i;

/**
 * A provider plugin's own reading of its error code, which wins over the message for a 5xx: Google's
 * `classifyGoogleFailoverCode` (openclaw@2026.9.6 dist/provider-hooks-CHTcC8nt.mjs, extensions/google/provider-hooks.ts),
 * so a Gemini 503 UNAVAILABLE is an overload whatever its message says (golden trace
 * test/golden/openclaw-2026.9.6/flash-503-pro-ok.json: "transient same-model retry 1/8 … reason=overloaded").
 */
const PROVIDER_CODE_REASONS: readonly { readonly provider: RegExp; readonly reasons: Readonly<Record<string, FailoverReason>> }[] = [
  { provider: /^google/, reasons: { UNAVAILABLE: 'overloaded', DEADLINE_EXCEEDED: 'timeout' } },
];

export function classify(error: ProviderError): FailoverReason | null {
  const text = `${codeOf(error.body) ?? ''} ${error.message}`;
  const pluginReason = providerCodeReason(error.providerId, codeOf(error.body));
  if (error.status !== undefined && error.status >= 500 && pluginReason !== undefined) return pluginReason;
  if (error.status !== undefined) return byStatus(error.status, text, codeOf(error.body));
  const code = codeOf(error.body);
  if (code !== undefined && RATE_LIMIT_CODE.test(code)) return 'rate_limit';
  if (code !== undefined && OVERLOADED_CODE.test(code)) return 'overloaded';
  // A stream that died with pi-ai's generic error: OpenClaw treats it as a timeout only for Anthropic (errors.ts).
  if (error.message === 'An unknown error occurred') return error.providerId.includes('anthropic') ? 'timeout' : null;
  if (OVERLOADED_MESSAGE.test(error.message)) return 'overloaded';
  if (RATE_LIMIT_MESSAGE.test(error.message)) return 'rate_limit';
  return null;
}

function byStatus(status: number, text: string, code: string | undefined): FailoverReason {
  if (status === 429) {
    if (BILLING_MESSAGE.test(code ?? '') || /used all available credits|exceeded_current_quota/i.test(text)) return 'billing';
    if (code !== undefined && OVERLOADED_CODE.test(code)) return 'overloaded';
    return 'rate_limit';
  }
  if (status === 402) return RATE_LIMIT_MESSAGE.test(text) && !BILLING_MESSAGE.test(text) ? 'rate_limit' : 'billing';
  if (status === 401 || status === 403) return BILLING_MESSAGE.test(text) ? 'billing' : 'auth';
  if (status === 408) return 'timeout';
  if (status === 404) return 'model_not_found';
  if (status === 529) return 'overloaded';
  if (status === 503 || status === 499) return OVERLOADED_MESSAGE.test(text) ? 'overloaded' : 'timeout';
  if (status >= 500) return 'timeout';
  if (status === 400 || status === 422 || status === 413) {
    if (CONTEXT_OVERFLOW_MESSAGE.test(text)) return 'context_overflow';
    if (RATE_LIMIT_MESSAGE.test(text)) return 'rate_limit';
    return 'format';
  }
  return 'unknown';
}

function providerCodeReason(providerId: string, code: string | undefined): FailoverReason | undefined {
  if (code === undefined) return undefined;
  return PROVIDER_CODE_REASONS.find((entry) => entry.provider.test(providerId))?.reasons[code.toUpperCase()];
}

/** The provider's own error label, wherever its body keeps it (Gemini `status`, OpenAI `code`/`type`, Anthropic `error.type`). */
function codeOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const inner = (typeof record['error'] === 'object' && record['error'] !== null ? record['error'] : record) as Record<string, unknown>;
  for (const key of ['status', 'code', 'type']) {
    const value = inner[key];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return undefined;
}
