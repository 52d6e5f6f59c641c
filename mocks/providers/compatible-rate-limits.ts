/**
 * The 429 each public OpenAI-compatible API sends when a published limit
 * (published-limits.ts) is spent, by the config's provider id; any other
 * provider gets OpenAI's envelope (openai.ts). Bodies are the providers' own,
 * as users have posted them:
 *
 * - Groq: `{"error":{"message":"Rate limit reached for model `m` in organization `org_…` service tier `on_demand`
 *   on tokens per minute (TPM): Limit 12000, Used 2542, Requested 9855. Please try again in 1.98s. Need more
 *   tokens? Upgrade to Dev Tier today at https://console.groq.com/settings/billing","type":"tokens","code":"rate_limit_exceeded"}}`
 *   with `retry-after` (continuedev/continue#10920, ago19800/HomeMind#29; https://console.groq.com/docs/rate-limits).
 * - OpenRouter: `{"error":{"message":"Rate limit exceeded: free-models-per-day. Add 10 credits to unlock 1000 free
 *   model requests per day","code":429,"metadata":{"headers":{"X-RateLimit-Limit":"50","X-RateLimit-Remaining":"0",
 *   "X-RateLimit-Reset":"…"},"provider_name":null}},"user_id":"user_…"}` (Gitlawb/openclaude#936, cline/cline#5301).
 * - Mistral: `{"object":"error","message":"Rate limit exceeded","type":"rate_limited","param":null,"code":"1300"}`
 *   (cline/cline#9085, raycast/extensions#31107).
 */
import { jsonReply } from '../wire-reply.ts';
import type { Answer, Call } from './dialect.ts';
import type { Refusal, Violation } from './ledger.ts';
import { formatGoDuration } from './openai.ts';
import type { QuotaDimension } from './tiers.ts';
import { retryAfterSeconds } from './wire.ts';

type RateLimitBody = (call: Call<unknown>, violation: Violation, nowMs: number) => { body: object; errorType: string; headers: Record<string, string>; status?: number };

const GROQ_NAMES: Partial<Record<QuotaDimension, { text: string; type: string }>> = {
  requestsPerMinute: { text: 'requests per minute (RPM)', type: 'requests' },
  requestsPerDay: { text: 'requests per day (RPD)', type: 'requests' },
  tokensPerMinute: { text: 'tokens per minute (TPM)', type: 'tokens' },
  tokensPerDay: { text: 'tokens per day (TPD)', type: 'tokens' },
};

const BODIES: Readonly<Record<string, RateLimitBody>> = {
  groq: (call, violation) => {
    const name = GROQ_NAMES[violation.dimension] ?? { text: violation.dimension, type: 'requests' };
    const where = `for model \`${call.model.id}\` in organization \`org_quotastorm\` service tier \`on_demand\` on ${name.text}`;
    const message = violation.tooLarge
      ? `Request too large ${where}: Limit ${violation.limit}, Requested ${violation.requested}, please reduce your message size and try again. Need more tokens? Upgrade to Dev Tier today at https://console.groq.com/settings/billing`
      : `Rate limit reached ${where}: Limit ${violation.limit}, Used ${violation.used}, Requested ${violation.requested}. Please try again in ${formatGoDuration(violation.retryAfterMs ?? 0)}. Need more tokens? Upgrade to Dev Tier today at https://console.groq.com/settings/billing`;
    // A request over the limit on its own is a 413 at Groq, with the same code (HunorLaczko/ha-groq-cloud-api#27).
    const status = violation.tooLarge ? 413 : 429;
    return { body: { error: { message, type: name.type, code: 'rate_limit_exceeded' } }, errorType: 'rate_limit_exceeded', headers: retryAfter(violation), status };
  },
  openrouter: (_call, violation, nowMs) => {
    const perDay = violation.dimension === 'requestsPerDay';
    const message = perDay ? 'Rate limit exceeded: free-models-per-day. Add 10 credits to unlock 1000 free model requests per day' : 'Rate limit exceeded: free-models-per-min. ';
    const resetMs = nowMs + (violation.retryAfterMs ?? 0);
    const headers = { 'X-RateLimit-Limit': String(violation.limit), 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(resetMs) };
    return { body: { error: { message, code: 429, metadata: { headers, provider_name: null } }, user_id: 'user_quotastorm' }, errorType: 'rate_limit_exceeded', headers: {} };
  },
  mistral: (_call, violation) => ({
    body: { object: 'error', message: 'Rate limit exceeded', type: 'rate_limited', param: null, code: '1300' },
    errorType: 'rate_limited',
    headers: retryAfter(violation),
  }),
};

/** The provider's own 429 for a refusal, or undefined to keep OpenAI's. */
export function compatibleRateLimited(providerId: string | undefined, call: Call<unknown>, admission: Refusal, nowMs: number): Answer | undefined {
  const build = providerId === undefined ? undefined : BODIES[providerId];
  if (build === undefined) return undefined;
  const violation = admission.violations[0]!;
  const { body, errorType, headers, status = 429 } = build(call, violation, nowMs);
  const outcome = admission.retryAfterMs === undefined ? 'too-large' : 'rate-limited';
  const answer: Answer = { reply: jsonReply(body, { status, headers }), outcome, errorType };
  return admission.retryAfterMs === undefined ? answer : { ...answer, retryAfterMs: admission.retryAfterMs };
}

function retryAfter(violation: Violation): Record<string, string> {
  return violation.retryAfterMs === undefined ? {} : { 'retry-after': retryAfterSeconds(violation.retryAfterMs) };
}
