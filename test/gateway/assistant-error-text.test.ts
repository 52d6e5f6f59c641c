/**
 * openclaw@2026.2.26's reading of a failed attempt's raw error text. Every expected value below is what
 * its own functions return for the same text (dist/pi-embedded-helpers-qnfs15AW.js: formatAssistantErrorText,
 * classifyFailoverReason, sanitizeUserFacingText with errorContext), run on the installed dist; 25 texts of
 * every provider's fault table agreed.
 */
import { describe, expect, it } from 'vitest';
import { assistantErrorCopy, redeliveredErrorText, textFailoverReason } from '../../src/gateway/router/assistant-error-text.ts';

const ANTHROPIC_529 = '529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_1"}';
const OPENAI_INSUFFICIENT_QUOTA =
  '429 You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.';
const GEMINI_503 = '{"error":{"code":503,"message":"The service is currently unavailable.","status":"UNAVAILABLE"}}';
const GEMINI_OVERLOADED = '{"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}';
const ANTHROPIC_CREDIT =
  '400 {"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits."}}';
const OVERLOADED = 'The AI service is temporarily overloaded. Please try again in a moment.';
const RATE_LIMITED = '⚠️ API rate limit reached. Please try again later.';
const BILLING_GENERIC =
  "⚠️ API provider returned a billing error — your API key has run out of credits or has an insufficient balance. Check your provider's billing dashboard and top up or switch to a different API key.";

describe('formatAssistantErrorText (2026.2.26)', () => {
  it('words an Anthropic 529 as the overload copy', () => {
    expect(assistantErrorCopy(ANTHROPIC_529, 'anthropic', 'claude-sonnet-4-6')).toBe(OVERLOADED);
  });

  it('words an OpenAI insufficient_quota 429 as a rate limit: the rate-limit test comes before the billing one', () => {
    expect(assistantErrorCopy(OPENAI_INSUFFICIENT_QUOTA, 'openai', 'gpt-4o-mini')).toBe(RATE_LIMITED);
  });

  it('shows an unrecognised error payload as "LLM error: <message>"', () => {
    expect(assistantErrorCopy(GEMINI_503, 'google', 'gemini-2.5-flash')).toBe('LLM error: The service is currently unavailable.');
  });

  it('rewrites an HTTP status and a payload type', () => {
    expect(assistantErrorCopy('500 {"type":"error","error":{"type":"api_error","message":"Internal server error"}}', 'anthropic', 'm')).toBe(
      'HTTP 500 api_error: Internal server error',
    );
  });

  it('keeps an error without a known shape as it came', () => {
    expect(assistantErrorCopy('An unknown error occurred', 'google', 'gemini-2.5-pro')).toBe('An unknown error occurred');
    expect(assistantErrorCopy('terminated', 'google', 'gemini-2.5-flash')).toBe('terminated');
  });
});

describe('sanitizeUserFacingText on an error payload (2026.2.26)', () => {
  it('turns a provider-named billing copy into the generic one', () => {
    expect(redeliveredErrorText(assistantErrorCopy(ANTHROPIC_CREDIT, 'anthropic', 'claude-sonnet-4-6'))).toBe(BILLING_GENERIC);
  });

  it('separates an HTTP status from the payload type', () => {
    expect(redeliveredErrorText('HTTP 401 authentication_error: invalid x-api-key')).toBe('HTTP 401: authentication_error: invalid x-api-key');
  });

  it('leaves the overload and rate-limit copies alone', () => {
    expect(redeliveredErrorText(OVERLOADED)).toBe(OVERLOADED);
    expect(redeliveredErrorText(RATE_LIMITED)).toBe(RATE_LIMITED);
  });
});

describe('classifyFailoverReason (2026.2.26): from the text, not the status', () => {
  it('reads a leading 5xx or 529 as a timeout', () => {
    expect(textFailoverReason(ANTHROPIC_529)).toBe('timeout');
    expect(textFailoverReason('502 Bad gateway')).toBe('timeout');
  });

  it('reads an overload without a leading status as a rate limit', () => {
    expect(textFailoverReason(GEMINI_OVERLOADED)).toBe('rate_limit');
  });

  it('does not fail over a Gemini 503 whose message names no known failure', () => {
    expect(textFailoverReason(GEMINI_503)).toBeNull();
  });

  it('reads a credit balance as billing and an invalid key as auth', () => {
    expect(textFailoverReason(ANTHROPIC_CREDIT)).toBe('billing');
    expect(textFailoverReason('401 {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}')).toBe('auth');
  });

  it('leaves a reset stream unclassified', () => {
    expect(textFailoverReason('terminated')).toBeNull();
  });
});
