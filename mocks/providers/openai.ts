/**
 * OpenAI Chat Completions and Responses mock on https://api.openai.com (JSON and SSE).
 *
 * The 429 is `{"error":{message,type,param:null,code}}` with `type`
 * `requests` or `tokens` and `code: "rate_limit_exceeded"`; a request larger
 * than TPM alone is "Request too large" (same type and code, no retry hint);
 * billing exhaustion is `insufficient_quota`, also 429
 * (https://developers.openai.com/docs/guides/error-codes, and real 429s such
 * as continuedev/continue#11472).
 * Every answer carries `x-ratelimit-{limit,remaining,reset}-{requests,tokens}`
 * with resets in OpenAI's Go-style durations (`1s`, `6m0s`, `174ms`), and a
 * 429 carries `retry-after` in whole seconds (undocumented by OpenAI but sent
 * by the mock so the SDK's honoured path is exercised; switch off with
 * `retryAfterHeader: false`).
 */
import type { MockRoute } from '../routes.ts';
import { jsonReply } from '../wire-reply.ts';
import type { Refusal, QuotaSnapshot, Violation } from './ledger.ts';
import { type BodyProblem, chatCompletionsRoutes, type ChatFlavour } from './chat-completions.ts';
import { type Call, errorAnswer, type ErrorFormat, type FaultTable } from './dialect.ts';
import type { ProviderMockSpec } from './exchange.ts';
import type { OpenAiError } from './openai-error.ts';
import { responsesRoutesAt } from './responses.ts';
import type { QuotaDimension } from './tiers.ts';
import { randomId, retryAfterSeconds } from './wire.ts';

export const OPENAI_ORIGIN = 'https://api.openai.com';

export type OpenAiWireOptions = {
  /** Send `x-ratelimit-*` on every answer (default true; some real 429s had none, openai/openai-node#1477). */
  readonly rateLimitHeaders?: boolean;
  /** Send `retry-after` on rate-limit 429s (default true). */
  readonly retryAfterHeader?: boolean;
  /** Organization id in 429 messages. */
  readonly organization?: string;
};

/** Chat Completions and Responses (responses.ts), one flavour: the same envelope, headers and request ids. */
export function openaiRoutes(spec: ProviderMockSpec, options: OpenAiWireOptions = {}): MockRoute[] {
  const flavour = openaiFlavour(spec, options);
  return [...chatCompletionsRoutes(spec, flavour), ...responsesRoutesAt(spec, flavour, '/v1/responses')];
}

/** Go's `time.Duration` string, as OpenAI prints resets and "try again in": `644ms`, `18.642s`, `1m47.58s`, `6m0s`. */
export function formatGoDuration(durationMs: number): string {
  const ms = Math.max(0, Math.round(durationMs));
  if (ms < 1000) return `${ms}ms`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = `${Number(((ms % 60_000) / 1000).toFixed(3))}s`;
  if (hours > 0) return `${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${minutes}m${seconds}`;
  return seconds;
}

const RATE_LIMITS_URL = 'https://platform.openai.com/account/rate-limits';

/** How OpenAI names each dimension in its 429 messages ("on tokens per min (TPM)", continuedev/continue#11472). */
const LIMIT_NAMES: Readonly<Partial<Record<QuotaDimension, { text: string; type: 'requests' | 'tokens' }>>> = {
  requestsPerMinute: { text: 'requests per min (RPM)', type: 'requests' },
  requestsPerDay: { text: 'requests per day (RPD)', type: 'requests' },
  tokensPerMinute: { text: 'tokens per min (TPM)', type: 'tokens' },
  tokensPerDay: { text: 'tokens per day (TPD)', type: 'tokens' },
};

/**
 * Error-status faults (faults.ts) as OpenAI answers them (https://developers.openai.com/docs/guides/error-codes:
 * 401 invalid_api_key, 403 unsupported_country_region_territory, 429 insufficient_quota, 500, 503).
 */
function openaiFaults(organization: string): FaultTable<OpenAiError> {
  return {
    overloaded: {
      status: 503,
      error: { message: 'The engine is currently overloaded, please try again later', type: 'service_unavailable_error', param: null, code: 'server_is_overloaded' },
    },
    // The pre-2024 503 wording; still the text openai-python's ServiceUnavailableError shows (observed, unverified against today's API).
    unavailable: { status: 503, error: { message: 'The server is overloaded or not ready yet.', type: 'server_error', param: null, code: null } },
    'server-error': {
      status: 500,
      error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null },
    },
    // OpenAI's edge answers these two with the status as a numeric `code` (real 502s quoted in langchain-ai/langchain and sashabaranov/go-openai's tests).
    'bad-gateway': { status: 502, error: { message: 'Bad gateway.', type: 'cf_bad_gateway', param: null, code: 502 } },
    timeout: { status: 504, error: { message: 'Gateway timeout.', type: 'cf_gateway_timeout', param: null, code: 504 } },
    'budget-exhausted': { status: 429, error: INSUFFICIENT_QUOTA },
    // OpenAI's credit error is the same 429 as a spent budget: `insufficient_quota`, no retry-after.
    billing: { status: 429, error: INSUFFICIENT_QUOTA },
    // No 402 in OpenAI's list: its envelope with the status's own words (unverified).
    'payment-required': { status: 402, error: { message: 'Payment required.', type: 'invalid_request_error', param: null, code: null } },
    auth: {
      status: 401,
      errorFor: (call) => ({
        message: `Incorrect API key provided: ${maskedKey(call.apiKey)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      }),
    },
    forbidden: { status: 403, error: { message: 'Country, region, or territory not supported', type: 'request_forbidden', param: null, code: 'unsupported_country_region_territory' } },
    'context-length': { status: 400, errorFor: (call) => contextLengthExceeded(call.model.contextWindowTokens, call.model.contextWindowTokens + 1) },
    // The quota 429's body without `retry-after` (some real 429s came without headers, openai/openai-node#1477); free tier's 3 RPM shown.
    'rate-limit-no-retry-after': {
      status: 429,
      errorFor: (call) => ({
        message:
          `Rate limit reached for ${call.model.id} in organization ${organization} on requests per min (RPM): Limit 3, Used 3, Requested 1. ` +
          `Please try again in 20s. Visit ${RATE_LIMITS_URL} to learn more.`,
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      }),
    },
  };
}

const INSUFFICIENT_QUOTA: OpenAiError = {
  message:
    'You exceeded your current quota, please check your plan and billing details. For more information on this error, ' +
    'read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
  type: 'insufficient_quota',
  param: null,
  code: 'insufficient_quota',
};

/** As OpenAI prints a rejected key: its first three and last four characters around asterisks. */
function maskedKey(apiKey: string | undefined): string {
  const key = apiKey ?? '';
  return key.length <= 7 ? '*'.repeat(key.length) : `${key.slice(0, 3)}${'*'.repeat(key.length - 7)}${key.slice(-4)}`;
}

function contextLengthExceeded(windowTokens: number, inputTokens: number): OpenAiError {
  return {
    message:
      `This model's maximum context length is ${windowTokens} tokens. ` +
      `However, your messages resulted in ${inputTokens} tokens. Please reduce the length of the messages.`,
    type: 'invalid_request_error',
    param: 'messages',
    code: 'context_length_exceeded',
  };
}

export function openaiFlavour(spec: ProviderMockSpec, options: OpenAiWireOptions = {}): ChatFlavour<OpenAiError> {
  const organization = options.organization ?? 'org-quotastorm';
  const ids = spec.prng.fork('openai').fork('request-ids');
  const headers = (quota: QuotaSnapshot, extra: Readonly<Record<string, string>> = {}) => {
    const result: Record<string, string> = {
      'x-request-id': `req_${randomId(ids, 32, '0123456789abcdef')}`,
      'openai-version': '2020-10-01',
      'openai-organization': organization,
      'openai-processing-ms': '0',
    };
    if (options.rateLimitHeaders !== false) addRateLimitHeaders(result, quota);
    return Object.assign(result, extra);
  };
  const errors: ErrorFormat<OpenAiError> = {
    errorType: (body) => (typeof body.code === 'string' ? body.code : body.type),
    reply: (status, { message, type, param, code }, context) =>
      jsonReply({ error: { message, type, param, code } }, { status, headers: headers(context.quota ?? {}, context.headers) }),
  };
  return {
    provider: 'openai',
    origin: OPENAI_ORIGIN,
    usage: openaiUsage,
    streamUsage: 'trailing-chunk-if-requested',
    successHeaders: (_call, quota) => headers(quota),
    badRequest: (problem) => errorAnswer(errors, 400, badRequestBody(problem), 'bad-request'),
    notFound: (modelId) =>
      errorAnswer(
        errors,
        404,
        { message: `The model \`${modelId}\` does not exist or you do not have access to it.`, type: 'invalid_request_error', param: null, code: 'model_not_found' },
        'not-found',
      ),
    contextTooLong: (call) => errorAnswer(errors, 400, contextLengthExceeded(call.model.contextWindowTokens, call.inputTokens), 'context-too-long'),
    rateLimited(call, admission) {
      const retryAfterMs = admission.retryAfterMs;
      const retryAfter: Record<string, string> = retryAfterMs !== undefined && options.retryAfterHeader !== false ? { 'retry-after': retryAfterSeconds(retryAfterMs) } : {};
      const outcome = retryAfterMs === undefined ? 'too-large' : 'rate-limited';
      const answer = errorAnswer(errors, 429, rateLimitBody(call, admission, organization), outcome, { quota: admission.after, headers: retryAfter });
      return retryAfterMs === undefined ? answer : { ...answer, retryAfterMs };
    },
    errors,
    faults: openaiFaults(organization),
  };
}


function openaiUsage(inputTokens: number, outputTokens: number) {
  return {
    prompt_tokens: inputTokens,
    completion_tokens: outputTokens,
    total_tokens: inputTokens + outputTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

/** `x-ratelimit-{limit,remaining,reset}-{requests,tokens}`, written into `headers` (an answer builds one object). */
function addRateLimitHeaders(headers: Record<string, string>, quota: QuotaSnapshot): void {
  for (const { dimension, limit, remaining, reset } of RATE_LIMIT_HEADERS) {
    const usage = quota[dimension];
    if (!usage) continue;
    headers[limit] = String(usage.limit);
    headers[remaining] = String(usage.remaining);
    headers[reset] = formatGoDuration(usage.resetInMs);
  }
}

const RATE_LIMIT_HEADERS = (['requests', 'tokens'] as const).map((suffix) => ({
  dimension: suffix === 'requests' ? ('requestsPerMinute' as const) : ('tokensPerMinute' as const),
  limit: `x-ratelimit-limit-${suffix}`,
  remaining: `x-ratelimit-remaining-${suffix}`,
  reset: `x-ratelimit-reset-${suffix}`,
}));

function rateLimitBody(call: Call<unknown>, admission: Refusal, organization: string): OpenAiError {
  const violation = admission.violations.find((entry) => LIMIT_NAMES[entry.dimension]) ?? admission.violations[0]!;
  const name = LIMIT_NAMES[violation.dimension] ?? { text: violation.dimension, type: 'requests' as const };
  const where = `for ${call.model.id} in organization ${organization} on ${name.text}`;
  const message = violation.tooLarge
    ? `Request too large ${where}: Limit ${violation.limit}, Requested ${violation.requested}. ` +
      `The input or output tokens must be reduced in order to run successfully. Visit ${RATE_LIMITS_URL} to learn more.`
    : `Rate limit reached ${where}: Limit ${violation.limit}, Used ${violation.used}, Requested ${violation.requested}. ` +
      `Please try again in ${formatGoDuration(waitOf(violation))}. Visit ${RATE_LIMITS_URL} to learn more.`;
  return { message, type: name.type, param: null, code: 'rate_limit_exceeded' };
}

function waitOf(violation: Violation): number {
  return violation.retryAfterMs ?? 0;
}

function badRequestBody(problem: BodyProblem): OpenAiError {
  if (problem.kind === 'malformed') {
    return {
      message:
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. " +
        'The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, ' +
        'please contact us through our help center at help.openai.com.)',
      type: 'invalid_request_error',
      param: null,
      code: null,
    };
  }
  return { message: `Invalid value for '${problem.param}': ${problem.message}`, type: 'invalid_request_error', param: problem.param, code: null };
}
