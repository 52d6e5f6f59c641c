import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/gateway/providers/provider-error.ts';
import { rawErrorText } from '../../src/gateway/router/error-projection.ts';

/** The Gemini mock's quota 429 body (mocks/providers/gemini.ts), as @google/genai hands it over. */
const GEMINI_429_BODY = {
  error: {
    code: 429,
    status: 'RESOURCE_EXHAUSTED',
    message:
      'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: ' +
      'https://ai.google.dev/gemini-api/docs/rate-limits. To monitor your current usage, head to: https://ai.dev/rate-limit. ' +
      '\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_requests_per_model, limit: 1000, model: gemini-2.5-flash',
  },
};

function httpError(init: { status: number; message: string; body?: unknown; headers?: Headers }): ProviderError {
  return new ProviderError({ providerId: 'p', modelId: 'm', phase: 'http', httpRequests: 1, ...init });
}

describe("2026.9's rawError for a failed attempt", () => {
  it('formats a Gemini 429 as its own Google transport does: label, message cut at 220, code', () => {
    const error = httpError({ status: 429, message: JSON.stringify(GEMINI_429_BODY), body: GEMINI_429_BODY });
    // test/golden/openclaw-2026.9.6/all-models-429.json, "rawErrorPreview" of Flash and Pro.
    expect(rawErrorText(error, 'google-generative-ai')).toBe(
      '429: Google Generative AI API error (429): You exceeded your current quota, please check your plan and billing details. ' +
        'For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. To monitor your current usage, ' +
        'head to: https:… [code=RESOURCE_EXHAUSTED]',
    );
  });

  it('labels a Vertex AI error as the same transport does for kind google-vertex (openclaw@2026.9.6 openGoogleSseChunks)', () => {
    const body = { error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'Resource exhausted. Please try again later.' } };
    expect(rawErrorText(httpError({ status: 429, message: JSON.stringify(body), body }), 'google-vertex')).toBe(
      '429: Google Vertex AI API error (429): Resource exhausted. Please try again later. [code=RESOURCE_EXHAUSTED]',
    );
  });

  it("keeps an SDK message that starts with the status, and adds the Retry-After header's seconds", () => {
    const error = httpError({ status: 429, message: '429 Rate limit reached for gpt-4o-mini.', headers: new Headers({ 'retry-after': '120' }) });
    // all-models-429.json, GPT-4o mini: "429 Rate limit reached for gpt-4o-mini … to learn more.; Retry-After: 120 seconds".
    expect(rawErrorText(error, 'openai-completions')).toBe('429 Rate limit reached for gpt-4o-mini.; Retry-After: 120 seconds');
  });

  it('puts the status in front of a message that lacks it', () => {
    expect(rawErrorText(httpError({ status: 503, message: 'Service Unavailable' }), 'anthropic-messages')).toBe('503: Service Unavailable');
  });

  it("names a Gemini error finish reason the way @openclaw/ai's Google stream does", () => {
    const stopped = new ProviderError({
      providerId: 'google',
      modelId: 'gemini-2.5-pro',
      phase: 'stream',
      httpRequests: 1,
      message: 'An unknown error occurred',
      body: { stopReason: 'MALFORMED_FUNCTION_CALL' },
    });
    // flash-429-pro-malformed-function-call.json: "rawErrorPreview":"Google generation stopped (MALFORMED_FUNCTION_CALL)".
    expect(rawErrorText(stopped, 'google-generative-ai')).toBe('Google generation stopped (MALFORMED_FUNCTION_CALL)');
    const reset = new ProviderError({ providerId: 'google', modelId: 'gemini-2.5-flash', phase: 'stream', httpRequests: 1, message: 'terminated' });
    expect(rawErrorText(reset, 'google-generative-ai')).toBe('terminated');
  });
});
