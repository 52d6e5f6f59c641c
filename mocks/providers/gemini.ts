/**
 * Google Gemini API mock: `models/{model}:generateContent` and
 * `:streamGenerateContent?alt=sse` under `v1` (what @google/genai 3 uses by
 * default) and `v1beta`, on the real hostname.
 *
 * Wire details follow googleapis/js-genai (src/_api_client.ts, src/types.ts,
 * the recorded answers in test/system/recordings/) and real 429s quoted in
 * public issues (googleapis/python-genai#2044, continuedev/continue#11552):
 * usage in `usageMetadata`; SSE is bare
 * `data:` events with CRLF separators, no `[DONE]`, final usage on the last
 * chunk; the 429 is `RESOURCE_EXHAUSTED` with Help, QuotaFailure (one
 * violation per exceeded dimension, `quotaValue` a string) and RetryInfo
 * (`retryDelay` whole seconds, the message the fractional value), and **no**
 * retry headers; every JSON answer is `application/json; charset=UTF-8`
 * because the SDK only parses error bodies with that content-type.
 */
import { z } from 'zod';
import type { Refusal, Violation } from './ledger.ts';
import { type Answer, type Call, type Dialect, errorAnswer, type ErrorFormat, type FaultTable, invalidBody, MALFORMED_JSON, type Route } from './dialect.ts';
import { createExchange, type ProviderMockSpec } from './exchange.ts';
import type { Reply } from './reply.ts';
import { chunkText } from './reply.ts';
import type { MockRoute } from '../routes.ts';
import { jsonReply, resetAfterHeadersReply, sseReply, type WireReply } from '../wire-reply.ts';
import { finishReasonFor, type StreamFaultBody } from './stream-faults.ts';
import type { ProviderId } from './models.ts';
import type { QuotaDimension } from './tiers.ts';
import { randomId } from './wire.ts';

export const GEMINI_ORIGIN = 'https://generativelanguage.googleapis.com';
const GEMINI_API_VERSIONS = ['v1', 'v1beta'] as const;

/** Routes of the Gemini API (../routes.ts); `spec` carries the clock, PRNG, ledger, journal and faults. */
export function geminiRoutes(spec: ProviderMockSpec): MockRoute[] {
  const exchange = createExchange(spec, geminiDialect(spec.ledger.policies.gemini.tier, GEMINI_FLAVOUR));
  return GEMINI_API_VERSIONS.flatMap((version) =>
    (['generateContent', 'streamGenerateContent'] as const).map((api): MockRoute => ({
      method: 'POST',
      origin: GEMINI_ORIGIN,
      path: `/${version}/models/{model}:${api}`,
      handle: (request, params) => exchange(request, { api, version, modelId: params['model']!, stream: api === 'streamGenerateContent' }),
    })),
  );
}

const Part = z.looseObject({ text: z.string().optional() });
const Content = z.looseObject({ role: z.string().optional(), parts: z.array(Part) });
const GeminiRequest = z.looseObject({
  contents: z.array(Content).min(1),
  systemInstruction: z.looseObject({ parts: z.array(Part) }).optional(),
  generationConfig: z.looseObject({ maxOutputTokens: z.number().int().positive().optional() }).optional(),
});
export type GeminiRequest = z.infer<typeof GeminiRequest>;

const JSON_UTF8 = 'application/json; charset=UTF-8';
/** Response headers of real answers (js-genai's test/system/recordings/); no request id, no rate-limit headers. */
const GOOGLE_HEADERS = {
  server: 'scaffolding on HTTPServer2',
  vary: 'Origin, X-Origin, Referer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'x-xss-protection': '0',
} as const;
const RATE_LIMITS_URL = 'https://ai.google.dev/gemini-api/docs/rate-limits';
const QUOTA_HELP = { '@type': 'type.googleapis.com/google.rpc.Help', links: [{ description: 'Learn more about Gemini API quotas', url: RATE_LIMITS_URL }] };

/** What differs between Google's errors: the envelope repeats the HTTP status as `code`. */
export type GoogleError = { readonly status: string; readonly message: string; readonly details?: readonly object[] };

export const GOOGLE_ERRORS: ErrorFormat<GoogleError> = {
  errorType: (error) => error.status,
  reply: (code, { status, message, details }) =>
    jsonReply({ error: details ? { code, message, status, details } : { code, message, status } }, { status: code, headers: GOOGLE_HEADERS }, JSON_UTF8),
};

/**
 * Error-status faults (faults.ts) as Gemini answers them (https://ai.google.dev/gemini-api/docs/troubleshooting).
 * Gemini has no 529: its overload is a 503.
 */
const GEMINI_FAULTS: FaultTable<GoogleError> = {
  overloaded: { status: 503, error: { status: 'UNAVAILABLE', message: 'The model is overloaded. Please try again later.' } },
  // Wording observed in google-gemini/gemini-cli#11196.
  unavailable: { status: 503, error: { status: 'UNAVAILABLE', message: 'The service is currently unavailable.' } },
  'server-error': {
    status: 500,
    error: {
      status: 'INTERNAL',
      message: 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
    },
  },
  // Seen as "Deadline expired before operation could complete."; the troubleshooting page lists 504 DEADLINE_EXCEEDED.
  timeout: { status: 504, error: { status: 'DEADLINE_EXCEEDED', message: 'Deadline expired before operation could complete.' } },
  // No google.rpc code maps to 502 or 402: UNKNOWN / FAILED_PRECONDITION with the statuses' own words, unverified.
  'bad-gateway': { status: 502, error: { status: 'UNKNOWN', message: 'Bad Gateway' } },
  'payment-required': { status: 402, error: { status: 'FAILED_PRECONDITION', message: 'Payment required.' } },
  // Prepaid credits at zero (wording quoted in dyad-sh/dyad#3626); the 429 RESOURCE_EXHAUSTED status is unverified.
  billing: {
    status: 429,
    error: {
      status: 'RESOURCE_EXHAUSTED',
      message: 'Your prepayment credits are depleted. Please go to AI Studio at https://ai.studio/projects to manage your project and billing.',
    },
  },
  // The Gemini API answers a bad API key with 400 API_KEY_INVALID; a 401 is Google's answer to bad OAuth credentials (Vertex AI, Cloud Code Assist).
  auth: {
    status: 401,
    error: {
      status: 'UNAUTHENTICATED',
      message:
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. ' +
        'See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    },
  },
  forbidden: { status: 403, error: { status: 'PERMISSION_DENIED', message: 'The caller does not have permission' } },
  'context-length': { status: 400, errorFor: (call) => inputTooLong(call.model.contextWindowTokens + 1, call.model.contextWindowTokens) },
  // The bare 429, no QuotaFailure, no RetryInfo (real answers quoted in continuedev/continue#10479).
  'rate-limit-no-retry-after': { status: 429, error: { status: 'RESOURCE_EXHAUSTED', message: 'Resource has been exhausted (e.g. check quota).' } },
  // Prepaid/billing exhaustion: unverified; the quota 429's status and help link, without metric lines or RetryInfo.
  'budget-exhausted': {
    status: 429,
    error: {
      status: 'RESOURCE_EXHAUSTED',
      message: `You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: ${RATE_LIMITS_URL}.`,
      details: [QUOTA_HELP],
    },
  },
};

/**
 * What differs between the services that speak Gemini's format (the Gemini
 * API, Vertex AI, Cloud Code Assist): who answers, how the request and each
 * response chunk are wrapped, and their own 404 and 429. Bodies, usage, SSE
 * framing, faults and every other error are the Gemini API's.
 */
export type GoogleFlavour = {
  readonly provider: ProviderId;
  /** The Gemini request inside the service's body, and the model it names when the URL does not. */
  readonly unwrap?: (json: unknown) => { readonly request: unknown; readonly modelId?: string | undefined };
  /** Each response chunk (JSON answer or SSE event) as the service wraps it. */
  readonly wrapChunk?: (chunk: object) => object;
  readonly notFoundMessage: (modelId: string, route: Route) => string;
  readonly rateLimited: (call: Call<GeminiRequest>, admission: Refusal, tier: string) => Answer;
};

/** The Gemini API (generativelanguage.googleapis.com). */
export const GEMINI_FLAVOUR: GoogleFlavour = {
  provider: 'gemini',
  notFoundMessage: (modelId, route) =>
    `models/${modelId} is not found for API version ${route.version ?? 'v1beta'}, or is not supported for ${route.api}. ` +
    'Call ListModels to see the list of available models and their supported methods.',
  rateLimited: quotaExceeded,
};

/** A Gemini request with the model the wrapper named, for services that put it in the body. */
type Unwrapped = GeminiRequest & { readonly [WRAPPED_MODEL]?: string };
const WRAPPED_MODEL: unique symbol = Symbol('model named in the wrapper');

export function geminiDialect(tier: string, flavour: GoogleFlavour): Dialect<GeminiRequest, string, GoogleError> {
  const wrap = flavour.wrapChunk ?? ((chunk: object) => chunk);
  return {
    provider: flavour.provider,
    parseBody(json) {
      if (json === MALFORMED_JSON) return invalidBody('Invalid JSON payload received. Unexpected token.');
      const unwrapped = flavour.unwrap ? flavour.unwrap(json) : { request: json };
      const parsed = GeminiRequest.safeParse(unwrapped.request);
      if (parsed.success) return unwrapped.modelId === undefined ? parsed.data : Object.assign(parsed.data, { [WRAPPED_MODEL]: unwrapped.modelId });
      const issue = parsed.error.issues[0]!;
      return invalidBody(`* GenerateContentRequest.${issue.path.join('.')}: ${issue.message}\n`);
    },
    // The SDK sends `x-goog-api-key` (js-genai src/node/_node_auth.ts); `?key=` is the other way Google APIs take a key;
    // Vertex AI and Cloud Code Assist callers with Google credentials send an OAuth bearer token instead.
    apiKey: (request) =>
      request.headers.get('x-goog-api-key') ?? new URL(request.url).searchParams.get('key') ?? bearerToken(request.headers.get('authorization')),
    modelId: (body, route) => route.modelId ?? (body as Unwrapped)[WRAPPED_MODEL] ?? '',
    isStream: (_body, route) => route.stream ?? false,
    promptTexts,
    maxOutputTokens: (body) => body.generationConfig?.maxOutputTokens,
    badRequest: (message) => errorAnswer(GOOGLE_ERRORS, 400, { status: 'INVALID_ARGUMENT', message }, 'bad-request'),
    notFound: (modelId, route) => errorAnswer(GOOGLE_ERRORS, 404, { status: 'NOT_FOUND', message: flavour.notFoundMessage(modelId, route) }, 'not-found'),
    contextTooLong(call) {
      if (call.inputTokens <= call.model.contextWindowTokens) return undefined;
      return errorAnswer(GOOGLE_ERRORS, 400, inputTooLong(call.inputTokens, call.model.contextWindowTokens), 'context-too-long');
    },
    rateLimited: (call, admission) => flavour.rateLimited(call, admission, tier),
    errors: GOOGLE_ERRORS,
    faults: GEMINI_FAULTS,
    streamFault: (call, body) => streamFault(call, body, wrap),
    success: (call, reply, _quota, onSent) => (call.stream ? streamAnswer(call, reply, onSent, wrap) : jsonAnswer(call, reply, onSent, wrap)),
  };
}

function inputTooLong(inputTokens: number, windowTokens: number): GoogleError {
  return { status: 'INVALID_ARGUMENT', message: `The input token count (${inputTokens}) exceeds the maximum number of tokens allowed (${windowTokens}).` };
}

function bearerToken(authorization: string | null): string | undefined {
  return authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
}

function* promptTexts(body: GeminiRequest): Iterable<string> {
  for (const part of body.systemInstruction?.parts ?? []) if (part.text) yield part.text;
  for (const content of body.contents) for (const part of content.parts) if (part.text) yield part.text;
}

type Wrap = (chunk: object) => object;

function jsonAnswer(call: Call<GeminiRequest>, reply: Reply, onSent: () => void, wrap: Wrap): Answer {
  onSent();
  return {
    reply: jsonReply(wrap(completeChunk(call, reply, reply.text)), { status: 200, headers: GOOGLE_HEADERS }, JSON_UTF8),
    outcome: 'ok',
  };
}

function streamAnswer(call: Call<GeminiRequest>, reply: Reply, onSent: () => void, wrap: Wrap): Answer {
  const responseId = randomId(call.ids, 22);
  const pieces = chunkText(reply.text);
  const events = pieces.map((piece, index) =>
    index === pieces.length - 1
      ? completeChunk(call, reply, piece, responseId)
      : {
          candidates: [{ content: { role: 'model', parts: [{ text: piece }] }, index: 0 }],
          // Intermediate chunks carry prompt usage only; the last one is authoritative (unverified: no doc says which chunk's usage counts).
          usageMetadata: { promptTokenCount: call.inputTokens, totalTokenCount: call.inputTokens },
          modelVersion: call.model.id,
          responseId,
        },
  );
  if (events.length === 0) events.push(completeChunk(call, reply, '', responseId));
  return { reply: sseReply(events.map((event) => sseEvent(wrap(event))), { status: 200, headers: GOOGLE_HEADERS }, onSent), outcome: 'ok' };
}

/** Google separates events with CRLF; the SDK accepts \n\n, \r\r or \r\n\r\n (js-genai src/_api_client.ts). */
function sseEvent(event: object | string): string {
  return `data: ${typeof event === 'string' ? event : JSON.stringify(event)}\r\n\r\n`;
}

/**
 * What the fake Gemini that OpenClaw 2026.2.26 was observed against sent:
 * `finish:<REASON>` is one chunk with empty text and that finishReason;
 * `partial` one text chunk without one; `sseerror` the 429 JSON as a data
 * chunk (js-genai's `processStreamResponse` throws on any chunk with an
 * `error` key); `empty` no chunks. Non-stream: the same as JSON.
 */
function streamFault(call: Call<GeminiRequest>, body: StreamFaultBody, wrap: Wrap): WireReply {
  const init = { status: 200, headers: GOOGLE_HEADERS };
  // An error chunk is the service's error JSON as it is, not wrapped as a response.
  const framed = (event: object | string) => (typeof event === 'string' ? event : wrap(event));
  const answer = (event: object | string | undefined) =>
    call.stream
      ? sseReply(event === undefined ? [] : [sseEvent(framed(event))], init, () => undefined)
      : jsonReply(typeof event === 'string' ? JSON.parse(event) : wrap(event ?? partialChunk(call, undefined)), init, JSON_UTF8);
  switch (body.kind) {
    case 'finish-reason':
      return answer(partialChunk(call, { text: '', finishReason: finishReasonFor('gemini', body.finishReason) }));
    case 'truncated':
      return answer(partialChunk(call, { text: body.text }));
    case 'error-in-stream':
      return answer(body.rateLimitJson);
    case 'empty-stream':
      return answer(undefined);
    case 'reset-after-headers':
      return resetAfterHeadersReply(init, call.stream ? 'text/event-stream' : JSON_UTF8);
  }
}

/** A chunk with prompt usage only; no candidate at all for an empty answer. */
function partialChunk(call: Call<GeminiRequest>, candidate: { text: string; finishReason?: string } | undefined) {
  return {
    candidates: candidate
      ? [{ content: { role: 'model', parts: [{ text: candidate.text }] }, ...(candidate.finishReason ? { finishReason: candidate.finishReason } : {}), index: 0 }]
      : [],
    usageMetadata: { promptTokenCount: call.inputTokens, totalTokenCount: call.inputTokens },
    modelVersion: call.model.id,
    responseId: randomId(call.ids, 22),
  };
}

function completeChunk(call: Call<GeminiRequest>, reply: Reply, text: string, responseId = randomId(call.ids, 22)) {
  return {
    candidates: [
      {
        content: { role: 'model', parts: [{ text }] },
        finishReason: reply.truncated ? 'MAX_TOKENS' : 'STOP',
        index: 0,
      },
    ],
    usageMetadata: {
      promptTokenCount: call.inputTokens,
      candidatesTokenCount: reply.outputTokens,
      totalTokenCount: call.inputTokens + reply.outputTokens,
      promptTokensDetails: [{ modality: 'TEXT', tokenCount: call.inputTokens }],
    },
    modelVersion: call.model.id,
    responseId,
  };
}

/** The 429 format of late 2025 → 2026, as quoted in continuedev/continue#11552. */
function quotaExceeded(call: Call<GeminiRequest>, admission: Refusal, tier: string): Answer {
  const retryAfterMs = geminiRetryAfterMs(admission.violations);
  const family = call.model.quotaFamily;
  const violations = admission.violations.map((violation) => quotaViolation(violation, tier, family));
  const message =
    'You exceeded your current quota, please check your plan and billing details. ' +
    `For more information on this error, head to: ${RATE_LIMITS_URL}. To monitor your current usage, head to: https://ai.dev/rate-limit. ` +
    violations.map((entry) => `\n* Quota exceeded for metric: ${entry.quotaMetric}, limit: ${entry.quotaValue}, model: ${family}`).join('') +
    (retryAfterMs === undefined ? '' : `\nPlease retry in ${retryAfterMs / 1000}s.`);
  const details: object[] = [QUOTA_HELP, { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations }];
  // `retryDelay` is whole seconds, truncated ("37s" for 37.52 s); absent when waiting cannot help (a paid-tier `limit: 0`).
  if (retryAfterMs !== undefined) {
    details.push({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${Math.floor(retryAfterMs / 1000)}s` });
  }
  return {
    ...errorAnswer(GOOGLE_ERRORS, 429, { status: 'RESOURCE_EXHAUSTED', message, details }, admission.retryAfterMs === undefined ? 'too-large' : 'rate-limited'),
    retryAfterMs,
  };
}

/**
 * Observed in googleapis/python-genai#2044: with an RPD violation in the list,
 * `retryDelay` was still short, i.e. it follows the per-minute dimensions. Only
 * a request refused on the daily quota alone is told to wait for midnight.
 */
function geminiRetryAfterMs(violations: readonly Violation[]): number | undefined {
  if (violations.some((violation) => violation.tooLarge)) return undefined;
  const perMinute = violations.filter((violation) => violation.dimension !== 'requestsPerDay' && violation.dimension !== 'tokensPerDay');
  const considered = perMinute.length > 0 ? perMinute : violations;
  return Math.max(...considered.map((violation) => violation.retryAfterMs ?? 0));
}

function quotaViolation(violation: Violation, tier: string, family: string) {
  const { metric, quotaId } = quotaIdentity(violation.dimension, tier);
  return {
    quotaMetric: `generativelanguage.googleapis.com/${metric}`,
    quotaId,
    quotaDimensions: { location: 'global', model: family },
    quotaValue: String(violation.limit),
  };
}

/**
 * Metric / quotaId pairs seen in real 429s (e.g. python-genai#2044, glidea/one-balance#22); tier 2/3 token
 * metric names follow the tier-1 name, unverified.
 */
function quotaIdentity(dimension: QuotaDimension, tier: string): { metric: string; quotaId: string } {
  const free = tier === 'free';
  switch (dimension) {
    case 'requestsPerMinute':
      return free
        ? { metric: 'generate_content_free_tier_requests', quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier' }
        : { metric: 'generate_requests_per_model', quotaId: 'GenerateRequestsPerMinutePerProjectPerModel' };
    case 'requestsPerDay':
      return free
        ? { metric: 'generate_content_free_tier_requests', quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier' }
        : { metric: 'generate_requests_per_model_per_day', quotaId: 'GenerateRequestsPerDayPerProjectPerModel' };
    case 'tokensPerMinute':
      if (free) {
        return { metric: 'generate_content_free_tier_input_token_count', quotaId: 'GenerateContentInputTokensPerModelPerMinute-FreeTier' };
      }
      return {
        metric: tier === 'tier1' ? 'generate_content_paid_tier_input_token_count' : `generate_content_paid_${tier.replace('tier', 'tier_')}_input_token_count`,
        quotaId: 'GenerateContentPaidTierInputTokensPerModelPerMinute',
      };
    default:
      return { metric: `quotastorm_${dimension}`, quotaId: `${dimension}PerProjectPerModel` };
  }
}
