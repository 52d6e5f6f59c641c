import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/gateway/providers/provider-error.ts';
import { classify } from '../../src/gateway/router/classify.ts';

const error = (init: Partial<ConstructorParameters<typeof ProviderError>[0]>) =>
  new ProviderError({ message: 'x', providerId: 'openai', modelId: 'm', phase: 'http', httpRequests: 1, ...init });

describe('classify (OpenClaw failover reasons, openclaw/openclaw src/agents/pi-embedded-helpers/errors.ts)', () => {
  it.each([
    [{ status: 429, body: { error: { status: 'RESOURCE_EXHAUSTED' } } }, 'rate_limit'],
    [{ status: 429, body: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } }, 'rate_limit'],
    [{ status: 429, body: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } }, 'billing'],
    [{ status: 429, providerId: 'moonshot', body: { message: 'quota', type: 'exceeded_current_quota_error' } }, 'billing'],
    [{ status: 429, providerId: 'xai', message: '429 Your team has used all available credits' }, 'billing'],
    [{ status: 429, providerId: 'moonshot', body: { message: 'busy', type: 'engine_overloaded_error' } }, 'overloaded'],
    [{ status: 529, providerId: 'anthropic', body: { type: 'error', error: { type: 'overloaded_error' } } }, 'overloaded'],
    [{ status: 402, message: 'Payment required: credit balance too low' }, 'billing'],
    [{ status: 401 }, 'auth'],
    [{ status: 404 }, 'model_not_found'],
    [{ status: 408 }, 'timeout'],
    [{ status: 500 }, 'timeout'],
    [{ status: 503, message: 'The model is overloaded. Please try again later.' }, 'overloaded'],
    [{ status: 400, message: "This model's maximum context length is 128000 tokens" }, 'context_overflow'],
    [{ status: 400, message: 'prompt is too long: 250000 tokens > 200000 maximum' }, 'context_overflow'],
    [{ status: 400, message: 'Invalid value for temperature' }, 'format'],
  ] as const)('%j → %s', (init, reason) => {
    expect(classify(error(init as never))).toBe(reason);
  });

  it('leaves "An unknown error occurred" unclassified except for Anthropic (timeout)', () => {
    expect(classify(error({ phase: 'stream', message: 'An unknown error occurred', providerId: 'google' }))).toBeNull();
    expect(classify(error({ phase: 'stream', message: 'An unknown error occurred', providerId: 'anthropic' }))).toBe('timeout');
  });

  it('leaves a reset stream ("terminated") unclassified', () => {
    expect(classify(error({ phase: 'stream', message: 'terminated' }))).toBeNull();
  });

  it("takes Google's own code over the message for a 5xx (classifyGoogleFailoverCode, openclaw@2026.9.6)", () => {
    const unavailable = { status: 503, providerId: 'google', message: 'The service is currently unavailable.', body: { error: { code: 503, status: 'UNAVAILABLE' } } };
    expect(classify(error(unavailable))).toBe('overloaded');
    expect(classify(error({ ...unavailable, providerId: 'openai', body: { error: { code: 'UNAVAILABLE' } } }))).toBe('timeout');
  });
});
