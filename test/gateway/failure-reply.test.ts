/**
 * The all-failed reply of 2026.9 against what openclaw@2026.9.6's own
 * functions return for the same attempts. The expected texts were produced by
 * running the installed dist (.cache/openclaw/2026.9.6): a FailoverError with
 * these attempts (dist/error-ON38hPhx.mjs) through the text choice of
 * `handleAgentExecutionError` (`resolveReplyFailoverFacts`,
 * `resolveReplyFailureSummary`, `buildExternalRunFailureReply`) and the
 * delivery pass `renderUserFacingText(text, {errorContext: true})`. Two were
 * also seen end to end: all-models-429.json, and a Flash → Pro chain with
 * both 429 ("The AI service is temporarily overloaded…", a scratch recording).
 */
import { describe, expect, it } from 'vitest';
import { allFailedReply, type FailureAttempt, unclassifiedFailureReply } from '../../src/gateway/router/failure-reply.ts';
import { fallbackSummary } from '../../src/gateway/router/texts.ts';
import { PROFILES } from '../../src/gateway/profiles/index.ts';

const GEMINI_429 =
  '429: Google Generative AI API error (429): You exceeded your current quota, please check your plan and billing details. ' +
  'For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. To monitor your current usage, ' +
  'head to: https:… [code=RESOURCE_EXHAUSTED]';
const OPENAI_429 =
  '429 Rate limit reached for gpt-4o-mini in organization org-quotastorm on requests per min (RPM): Limit 500, Used 500, Requested 1. ' +
  'Please try again in 2m0s. Visit https://platform.openai.com/account/rate-limits to learn more.; Retry-After: 120 seconds';
const ANTHROPIC_529 = '529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}';
const GEMINI_503 = '503: Google Generative AI API error (503): The model is overloaded. Please try again later. [code=UNAVAILABLE]';

const flash: FailureAttempt = { modelRef: 'google/gemini-2.5-flash', reason: 'rate_limit', errorText: GEMINI_429, status: 429 };
const pro: FailureAttempt = { ...flash, modelRef: 'google/gemini-2.5-pro' };
const gpt: FailureAttempt = { modelRef: 'openai/gpt-4o-mini', reason: 'rate_limit', errorText: OPENAI_429, status: 429 };
const NOW_MS = 1_000_000;

function reply(attempts: FailureAttempt[], soonestCooldownExpiryMs?: number): string {
  return allFailedReply(attempts, { summary: fallbackSummary(attempts), soonestCooldownExpiryMs, nowMs: NOW_MS, modelRefs: PROFILES['2026.9'].modelRefs });
}

describe('2026.9 all-failed reply (handleAgentExecutionError, then the delivery pass)', () => {
  it("an OpenAI 429 among them: its own sentence, with the delivery pass's second ⚠️ (all-models-429.json)", () => {
    expect(reply([flash, pro, gpt])).toBe(
      '⚠️ ⚠️ Rate limit reached for gpt-4o-mini in organization org-quotastorm on requests per min (RPM): Limit 500, Used 500, ' +
        'Requested 1. Please try again in 2m0s. Visit https://platform.openai.com/account/rate-limits to learn more.; Retry-After: 120 seconds',
    );
    expect(reply([flash, { ...gpt, errorText: '429 Rate limit reached for gpt-4o-mini' }])).toBe('⚠️ API rate limit reached. Please try again later.');
  });

  it('rate limits on other providers: "All attempted models …", which the delivery pass turns into the overload copy', () => {
    expect(reply([flash, pro])).toBe('The AI service is temporarily overloaded. Please try again in a moment.');
    expect(reply([flash, { modelRef: 'anthropic/claude-haiku-4-5', reason: 'overloaded', errorText: ANTHROPIC_529, status: 529 }])).toBe(
      'The AI service is temporarily overloaded. Please try again in a moment.',
    );
    expect(reply([flash, flash])).toBe('⚠️ The model request was rate-limited. Please try again in a few minutes.');
  });

  it("counts down to the soonest auth-profile cooldown when there is one", () => {
    expect(reply([flash, pro], NOW_MS + 42_000)).toBe('⚠️ Rate-limited — ready in ~42s. Please wait a moment.');
    expect(reply([flash, pro], NOW_MS + 150_000)).toBe('⚠️ Rate-limited — ready in ~3 min. Please try again shortly.');
  });

  it('overloads: the overload copy, unless the last one was a 503 (the provider-internal copy)', () => {
    const geminiOverloaded: FailureAttempt = { modelRef: 'google/gemini-2.5-pro', reason: 'overloaded', errorText: GEMINI_503, status: 503 };
    const haikuOverloaded: FailureAttempt = { modelRef: 'anthropic/claude-haiku-4-5', reason: 'overloaded', errorText: ANTHROPIC_529, status: 529 };
    expect(reply([geminiOverloaded, haikuOverloaded])).toBe('The AI service is temporarily overloaded. Please try again in a moment.');
    expect(reply([haikuOverloaded, geminiOverloaded])).toBe(
      '⚠️ The model provider returned a temporary internal error before replying. Try again in a moment, or switch to another model if it keeps happening.',
    );
  });

  it('billing anywhere wins', () => {
    expect(reply([flash, { ...gpt, reason: 'billing', errorText: '429 You exceeded your current quota, please check your plan and billing details.' }])).toBe(
      "⚠️ API provider returned a billing error — your API key has run out of credits or has an insufficient balance. Check your provider's billing dashboard and top up or switch to a different API key.",
    );
  });

  it('mixed reasons: the classified copy of the last attempt', () => {
    expect(reply([flash, { modelRef: 'google/gemini-2.5-pro', reason: 'timeout', errorText: 'Google stream ended before a terminal finish reason', status: 408 }])).toBe(
      '⚠️ google/gemini-2.5-pro request failed (request timed out, HTTP 408). This is usually temporary — try again shortly.',
    );
    expect(reply([flash, { modelRef: 'openai/gpt-4o-mini', reason: 'timeout', errorText: '500 The server had an error while processing your request.', status: 500 }])).toBe(
      '⚠️ openai/gpt-4o-mini request failed (provider internal error, HTTP 500). This is usually temporary — try again shortly.',
    );
    expect(reply([flash, { modelRef: 'google/gemini-2.5-pro', reason: 'unknown', errorText: 'Google generation stopped (MALFORMED_FUNCTION_CALL)', status: undefined }])).toBe(
      '⚠️ Agent run failed (model: google/gemini-2.5-pro).',
    );
    expect(reply([flash, { ...gpt, reason: 'format', errorText: '400 Invalid request', status: 400 }])).toBe(
      'LLM request failed: provider rejected the request schema or tool payload.',
    );
    expect(reply([flash, { ...gpt, reason: 'model_not_found', errorText: '404 The model does not exist', status: 404 }])).toBe(
      "⚠️ The configured model is unavailable from the provider — it may have been renamed, retired, or is not offered on this account. This needs a config update (agents.defaults.model); retrying or starting a new session won't fix it.",
    );
    expect(reply([flash, { ...gpt, reason: 'auth', errorText: '401 Incorrect API key provided', status: 401 }])).toBe(
      '⚠️ Authentication failed (provider returned HTTP 401). Your provider token may have expired — try the request again in a moment. If the failure persists, re-authenticate this provider.',
    );
  });

  it('an unclassified error of a one-model chain (observed: Flash MALFORMED_FUNCTION_CALL, no fallbacks)', () => {
    expect(unclassifiedFailureReply('google/gemini-2.5-flash', undefined, PROFILES['2026.9'].modelRefs)).toBe('⚠️ Agent run failed (model: google/gemini-2.5-flash).');
  });
});
