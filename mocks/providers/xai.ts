/**
 * xAI (Grok) mock on https://api.x.ai: OpenAI-compatible Chat Completions
 * with xAI's own, non-OpenAI error body `{"code":"<gRPC status text>",
 * "error":"<message>"}` (real 429s, e.g. cline/cline#4826). openai-node then sets
 * `err.error` to the string and leaves `.type` / `.code` undefined.
 *
 * Rate-limit and retry headers are not documented, so none are sent.
 * Metering (metering.ts): per team × model, RPM enforced as RPS = RPM/60, all
 * tokens (prompt and completion) count toward TPM.
 */
import type { MockRoute } from '../routes.ts';
import { jsonReply } from '../wire-reply.ts';
import type { Refusal } from './ledger.ts';
import { type BodyProblem, chatCompletionsRoutes, type ChatFlavour } from './chat-completions.ts';
import { type Answer, type Call, errorAnswer, type ErrorFormat, type FaultTable } from './dialect.ts';
import type { ProviderMockSpec } from './exchange.ts';
import { keyLabel } from './scope.ts';

export const XAI_ORIGIN = 'https://api.x.ai';

export function xaiRoutes(spec: ProviderMockSpec): MockRoute[] {
  return chatCompletionsRoutes(spec, XAI_FLAVOUR);
}

/** gRPC canonical status texts xAI puts in `code`. */
const GRPC = {
  resourceExhausted: 'Some resource has been exhausted',
  invalidArgument: 'Client specified an invalid argument',
  notFound: 'Some requested entity (e.g., file or directory) was not found',
  internal: 'Internal error',
  unavailable: 'The service is currently unavailable',
  unauthenticated: 'The request does not have valid authentication credentials',
  permissionDenied: 'The caller does not have permission to execute the specified operation',
  deadlineExceeded: 'Deadline expired before operation could complete',
  failedPrecondition: "The system is not in a state required for the operation's execution",
  unknown: 'Unknown error',
} as const;

/** xAI's whole error body: `code` a gRPC status text, `error` the message; no headers. */
type XaiError = { readonly code: string; readonly error: string };

const XAI_ERRORS: ErrorFormat<XaiError> = {
  errorType: (body) => body.code,
  reply: (status, { code, error }) => jsonReply({ code, error }, { status }),
};

/** Error-status faults (faults.ts) as xAI answers them; its overload is a 429, like its quota refusals. */
const XAI_FAULTS: FaultTable<XaiError> = {
  overloaded: { status: 429, error: { code: GRPC.resourceExhausted, error: 'The service is temporarily at capacity. Please retry your request shortly.' } },
  'server-error': { status: 500, error: { code: GRPC.internal, error: 'Internal error' } },
  // gRPC UNAVAILABLE in the same {code, error} shape; the wording is unverified.
  unavailable: { status: 503, error: { code: GRPC.unavailable, error: 'Service temporarily unavailable' } },
  'budget-exhausted': {
    status: 429,
    errorFor: (call) => creditsSpent(call),
  },
  // Credits spent is the budget 429 itself.
  billing: { status: 429, errorFor: (call) => creditsSpent(call) },
  // xAI answers a bad key with this text in a 400 (Client specified an invalid argument); the 401 puts it under UNAUTHENTICATED, unverified.
  auth: {
    status: 401,
    errorFor: (call) => ({
      code: GRPC.unauthenticated,
      error: `Incorrect API key provided: ${(call.apiKey ?? '').slice(0, 2)}***${(call.apiKey ?? '').slice(-2)}. You can obtain an API key from https://console.x.ai.`,
    }),
  },
  // gRPC statuses in the same shape; the wordings are unverified.
  forbidden: { status: 403, errorFor: (call) => ({ code: GRPC.permissionDenied, error: `The team ${teamOf(call)} does not have permission to access the model ${call.model.id}.` }) },
  'payment-required': { status: 402, error: { code: GRPC.failedPrecondition, error: 'Payment required' } },
  'bad-gateway': { status: 502, error: { code: GRPC.unknown, error: 'Bad gateway' } },
  timeout: { status: 504, error: { code: GRPC.deadlineExceeded, error: 'Deadline expired before operation could complete' } },
  'context-length': { status: 400, errorFor: (call) => promptTooLong(call.model.contextWindowTokens, call.model.contextWindowTokens + 1) },
  // xAI sends no retry headers on any 429; the wait is never told (cline/cline#4826's wording, 16,000 TPM shown one over).
  'rate-limit-no-retry-after': {
    status: 429,
    errorFor: (call) => ({
      code: GRPC.resourceExhausted,
      error:
        `Too many tokens for team ${teamOf(call)} and model ${call.model.id}. Your team's rate limit is — ` +
        'Tokens per Minute (actual/limit): 16001/16000. You can view your team rate limits at https://console.x.ai.',
    }),
  },
};

export const XAI_FLAVOUR: ChatFlavour<XaiError> = {
  provider: 'xai',
  origin: XAI_ORIGIN,
  usage: (inputTokens, outputTokens) => ({
    prompt_tokens: inputTokens,
    completion_tokens: outputTokens,
    total_tokens: inputTokens + outputTokens,
    prompt_tokens_details: { text_tokens: inputTokens, audio_tokens: 0, image_tokens: 0, cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    num_sources_used: 0,
  }),
  streamUsage: 'trailing-chunk-if-requested',
  successHeaders: () => ({}),
  badRequest: (problem) => errorAnswer(XAI_ERRORS, 400, { code: GRPC.invalidArgument, error: badRequestMessage(problem) }, 'bad-request'),
  notFound: (modelId) =>
    errorAnswer(XAI_ERRORS, 404, { code: GRPC.notFound, error: `The model ${modelId} does not exist or your team does not have access to it.` }, 'not-found'),
  // The wording is unverified.
  contextTooLong: (call) =>
    errorAnswer(
      XAI_ERRORS,
      400,
      promptTooLong(call.model.contextWindowTokens, call.inputTokens),
      'context-too-long',
    ),
  rateLimited,
  errors: XAI_ERRORS,
  faults: XAI_FAULTS,
};

function creditsSpent(call: Call<unknown>): XaiError {
  return {
    code: GRPC.resourceExhausted,
    error:
      `Your team ${teamOf(call)} has either used all available credits or reached its monthly spending limit. ` +
      'To continue making API requests, please purchase more credits or raise your spending limit.',
  };
}

function promptTooLong(windowTokens: number, inputTokens: number): XaiError {
  return { code: GRPC.invalidArgument, error: `This model's maximum prompt length is ${windowTokens} but the request contains ${inputTokens} tokens.` };
}

/** A team id shaped like xAI's, stable per key. */
function teamOf(call: Call<unknown>): string {
  const label = keyLabel(call.apiKey ?? 'none');
  return `${label}-${label.slice(0, 4)}-4${label.slice(1, 4)}-a${label.slice(4, 7)}-${label}${label.slice(0, 4)}`;
}

/** cline/cline#4826: "Too many tokens for team … Tokens per Minute (actual/limit): 65605/16000"; the requests wording is by analogy. */
function rateLimited(call: Call<unknown>, admission: Refusal): Answer {
  const violation = admission.violations[0]!;
  const tokens = violation.dimension !== 'requestsPerMinute';
  const what = tokens ? 'tokens' : 'requests';
  const period = tokens ? 'Tokens per Minute' : 'Requests per Second';
  const limit = tokens ? violation.limit : Math.max(1, violation.limit / 60);
  const message =
    `Too many ${what} for team ${teamOf(call)} and model ${call.model.id}. Your team's rate limit is — ` +
    `${period} (actual/limit): ${violation.used + violation.requested}/${limit}. You can view your team rate limits at https://console.x.ai.`;
  const answer = errorAnswer(XAI_ERRORS, 429, { code: GRPC.resourceExhausted, error: message }, violation.tooLarge ? 'too-large' : 'rate-limited');
  return admission.retryAfterMs === undefined ? answer : { ...answer, retryAfterMs: admission.retryAfterMs };
}

function badRequestMessage(problem: BodyProblem): string {
  return problem.kind === 'malformed' ? 'Failed to deserialize the JSON body into the target type' : `${problem.param}: ${problem.message}`;
}
