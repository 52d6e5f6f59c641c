/**
 * Moonshot AI (Kimi) mock on https://api.moonshot.ai: OpenAI-compatible
 * Chat Completions with Moonshot's own errors
 * (https://platform.kimi.ai/docs/api/errors.md).
 *
 * Errors are `{"error":{message,type}}` — no `code`, no `param`, so
 * openai-node sees `.type` and an undefined `.code`. The 429 family:
 * `rate_limit_reached_error` (concurrency / RPM / TPM / TPD, the retry hint
 * only in the text: "please try again after N seconds"), `engine_overloaded_error`
 * (capacity) and `exceeded_current_quota_error` (balance; not transient).
 * No rate-limit headers are sent (the help centre's `X-RateLimit-*` is
 * unverified). Streamed usage rides in `choices[0].usage` of the final
 * chunk (as client parsers of Moonshot's stream read it). Metering (metering.ts): one bucket for all models of the
 * account, prompt + max_tokens reserved and never refunded.
 */
import type { MockRoute } from '../routes.ts';
import { jsonReply } from '../wire-reply.ts';
import type { Refusal, Violation } from './ledger.ts';
import { type BodyProblem, chatCompletionsRoutes, type ChatFlavour } from './chat-completions.ts';
import { type Answer, type Call, errorAnswer, type ErrorFormat, type FaultTable } from './dialect.ts';
import type { ProviderMockSpec } from './exchange.ts';
import { keyLabel } from './scope.ts';

export const MOONSHOT_ORIGIN = 'https://api.moonshot.ai';

export function moonshotRoutes(spec: ProviderMockSpec): MockRoute[] {
  return chatCompletionsRoutes(spec, MOONSHOT_FLAVOUR);
}

/** Moonshot's error object: no `code`, no `param`; the envelope is `{"error": …}` and no headers. */
type MoonshotError = { readonly type: string; readonly message: string };

const MOONSHOT_ERRORS: ErrorFormat<MoonshotError> = {
  errorType: (error) => error.type,
  reply: (status, { type, message }) => jsonReply({ error: { message, type } }, { status }),
};

const INSUFFICIENT_BALANCE: MoonshotError = {
  type: 'exceeded_current_quota_error',
  message: 'Your account is suspended due to insufficient balance, please recharge your account or check your plan and billing details',
};

/** Error-status faults (faults.ts) as Moonshot answers them; its overload is a 429, like its quota refusals. */
const MOONSHOT_FAULTS: FaultTable<MoonshotError> = {
  overloaded: { status: 429, error: { type: 'engine_overloaded_error', message: 'The engine is currently overloaded, please try again later' } },
  'server-error': { status: 500, error: { type: 'server_error', message: 'unexpected output' } },
  // No 503 in Moonshot's error list: its server_error type with a generic text, unverified.
  unavailable: { status: 503, error: { type: 'server_error', message: 'The service is temporarily unavailable, please try again later' } },
  'budget-exhausted': { status: 429, error: INSUFFICIENT_BALANCE },
  // Moonshot's credit error is the balance 429 itself.
  billing: { status: 429, error: INSUFFICIENT_BALANCE },
  // The documented 401 and 403 types and texts.
  auth: { status: 401, error: { type: 'invalid_authentication_error', message: 'Invalid Authentication' } },
  forbidden: { status: 403, error: { type: 'permission_denied_error', message: 'The API you are accessing is not open' } },
  // No 402, 502 or 504 in Moonshot's list: its types with the statuses' own words, unverified.
  'payment-required': { status: 402, error: { type: 'invalid_request_error', message: 'Payment required' } },
  'bad-gateway': { status: 502, error: { type: 'server_error', message: 'Bad gateway' } },
  timeout: { status: 504, error: { type: 'server_error', message: 'Gateway timeout' } },
  'context-length': { status: 400, errorFor: (call) => tokenLimitExceeded(call.model.contextWindowTokens) },
  // The TPM 429 carries no wait at all (LLM-Red-Team/kimi-cc#16); 32,000 TPM shown, one over.
  'rate-limit-no-retry-after': {
    status: 429,
    errorFor: (call) => ({ type: 'rate_limit_reached_error', message: `Your account ${accountOf(call)} request reached organization TPM rate limit, current: 32001, limit: 32000` }),
  },
};

function tokenLimitExceeded(windowTokens: number): MoonshotError {
  return { type: 'invalid_request_error', message: `Invalid request: Your request exceeded model token limit: ${windowTokens}` };
}

export const MOONSHOT_FLAVOUR: ChatFlavour<MoonshotError> = {
  provider: 'moonshot',
  origin: MOONSHOT_ORIGIN,
  usage: (inputTokens, outputTokens) => ({
    prompt_tokens: inputTokens,
    completion_tokens: outputTokens,
    total_tokens: inputTokens + outputTokens,
    cached_tokens: 0,
  }),
  streamUsage: 'final-choice',
  successHeaders: () => ({}),
  badRequest: (problem) => errorAnswer(MOONSHOT_ERRORS, 400, { type: 'invalid_request_error', message: badRequestMessage(problem) }, 'bad-request'),
  notFound: (modelId) =>
    errorAnswer(MOONSHOT_ERRORS, 404, { type: 'resource_not_found_error', message: `Not found the model ${modelId} or Permission denied` }, 'not-found'),
  // Moonshot reports the model's token limit in an invalid_request_error; the wording is unverified.
  contextTooLong: (call) => errorAnswer(MOONSHOT_ERRORS, 400, tokenLimitExceeded(call.model.contextWindowTokens), 'context-too-long'),
  rateLimited,
  errors: MOONSHOT_ERRORS,
  faults: MOONSHOT_FAULTS,
};

/** The account as Moonshot prints it in 429 texts, `org-…<ak-…>`, from a hash of the key. */
function accountOf(call: Call<unknown>): string {
  const label = keyLabel(call.apiKey ?? 'none');
  return `org-${label}${label}<ak-${label}>`;
}

function rateLimited(call: Call<unknown>, admission: Refusal): Answer {
  const violation = admission.violations[0]!;
  const retryAfterSeconds = Math.max(1, Math.ceil((violation.retryAfterMs ?? 1_000) / 1000));
  const message = rateLimitMessage(accountOf(call), violation, retryAfterSeconds);
  const answer = errorAnswer(MOONSHOT_ERRORS, 429, { type: 'rate_limit_reached_error', message }, 'rate-limited');
  return violation.tooLarge ? { ...answer, outcome: 'too-large' } : { ...answer, retryAfterMs: retryAfterSeconds * 1000 };
}

/** Texts of real 429s (LLM-Red-Team/kimi-cc#16, MoonshotAI/kimi-cli#1599). */
function rateLimitMessage(account: string, violation: Violation, retryAfterSeconds: number): string {
  const current = violation.used + violation.requested;
  switch (violation.dimension) {
    case 'concurrentRequests':
      return `Your account ${account} request reached max organization concurrency: ${violation.limit}, please try again after ${retryAfterSeconds} seconds`;
    case 'requestsPerMinute':
      return `Your account ${account} request reached organization max RPM: ${violation.limit}, please try again after ${retryAfterSeconds} seconds`;
    case 'tokensPerDay':
      return `Your account ${account} request reached organization TPD rate limit, current: ${current}, limit: ${violation.limit}`;
    default:
      return `Your account ${account} request reached organization TPM rate limit, current: ${current}, limit: ${violation.limit}`;
  }
}

function badRequestMessage(problem: BodyProblem): string {
  return problem.kind === 'malformed' ? 'Invalid request: failed to parse the request body as JSON' : `Invalid request: ${problem.param}: ${problem.message}`;
}
