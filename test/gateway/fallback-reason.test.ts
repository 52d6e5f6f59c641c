import { describe, expect, it } from 'vitest';
import { fallbackReasonSummary, formatRawErrorForUi } from '../../src/gateway/router/fallback-reason.ts';

const GEMINI_429 =
  '429: Google Generative AI API error (429): You exceeded your current quota, please check your plan and billing details. ' +
  'For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. To monitor your current usage, ' +
  'head to: https:… [code=RESOURCE_EXHAUSTED]';

describe("2026.9's fallback notice reason (fallback-state.ts buildFallbackReasonSummary)", () => {
  it('shows the first failed attempt as "HTTP 429: …", cut at 80 characters, and counts the others', () => {
    // test/golden/openclaw-2026.9.6/flash-429-pro-429-other-ok.json and primary-429-cross-provider-ok.json.
    const flash = { reason: 'rate_limit' as const, errorText: GEMINI_429 };
    expect(fallbackReasonSummary([flash, flash])).toBe('HTTP 429: Google Generative AI API error (429): You exceeded your current quota… (+1 more attempts)');
    expect(fallbackReasonSummary([flash])).toBe('HTTP 429: Google Generative AI API error (429): You exceeded your current quota…');
  });

  it('falls back to the reason when the error text has no hint, or the reason is not transient', () => {
    // empty-stream.json: "(selected google/gemini-2.5-flash; timeout)".
    expect(fallbackReasonSummary([{ reason: 'timeout', errorText: 'Google stream ended before a terminal finish reason' }])).toBe('timeout');
    expect(fallbackReasonSummary([{ reason: 'unknown', errorText: 'Google generation stopped (MALFORMED_FUNCTION_CALL)' }])).toBe('unknown');
    expect(fallbackReasonSummary([{ reason: 'rate_limit', errorText: 'Provider google is in cooldown (all profiles unavailable)' }])).toBe('rate limit');
    expect(fallbackReasonSummary([{ reason: 'model_not_found', errorText: '404 The model does not exist' }])).toBe('model not found');
  });

  it('formats errors for the UI as formatRawAssistantErrorForUi does', () => {
    expect(formatRawErrorForUi('429 Rate limit reached for gpt-4o-mini')).toBe('HTTP 429: Rate limit reached for gpt-4o-mini');
    expect(formatRawErrorForUi('529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}')).toBe('HTTP 529 overloaded_error: Overloaded');
    expect(formatRawErrorForUi('   ')).toBe('LLM request failed with an unknown error.');
  });
});
