import { describe, expect, it } from 'vitest';
import { hasLongWindowRateLimitEvidence, retryAfterMsFromText } from '../../src/gateway/router/retry-evidence.ts';

describe('2026.9 rate-limit retry evidence (retry-evidence.ts of openclaw@2026.9.6)', () => {
  it('reads the retry floor from "Retry-After: N seconds" and "try again in N<unit>", the largest one', () => {
    expect(retryAfterMsFromText('429 Rate limit reached; Retry-After: 120 seconds')).toBe(120_000);
    expect(retryAfterMsFromText('Please try again in 20s. Retry-After: 5')).toBe(20_000);
    expect(retryAfterMsFromText('try again in 1.5 minutes')).toBe(90_000);
    // OpenAI's "2m0s" has no word boundary after its unit: the real pattern does not read it.
    expect(retryAfterMsFromText('Please try again in 2m0s. Visit …')).toBeUndefined();
    expect(retryAfterMsFromText('quota exceeded')).toBeUndefined();
  });

  it("finds long-window evidence in Gemini's quota text, not in a per-minute limit", () => {
    expect(hasLongWindowRateLimitEvidence('You exceeded your current quota, please check your plan and billing details.')).toBe(true);
    expect(hasLongWindowRateLimitEvidence('Rate limit reached for gpt-4o-mini on requests per day (RPD)')).toBe(true);
    expect(hasLongWindowRateLimitEvidence('Rate limit reached for gpt-4o-mini on requests per min (RPM): Limit 500')).toBe(false);
    expect(hasLongWindowRateLimitEvidence('Rate limit reached')).toBe(false);
  });
});
