import { describe, expect, it } from 'vitest';
import {
  type Admission,
  admit,
  createLedger,
  type Ledger,
  type LedgerConfig,
  type MeteredRequest,
  quotaSnapshot,
  type Refusal,
  release,
  settle,
} from '../../mocks/providers/ledger.ts';
import { DEFAULT_MODELS, findModel, type ProviderId } from '../../mocks/providers/models.ts';

const T0 = Date.UTC(2026, 1, 27, 18, 0, 0);

function request(provider: ProviderId, modelId: string, fields: Partial<MeteredRequest> = {}): MeteredRequest {
  const model = findModel(DEFAULT_MODELS, provider, modelId);
  if (!model) throw new Error(`test model ${modelId} missing`);
  return { provider, model, apiKey: 'key-a', inputTokens: 10, maxOutputTokens: undefined, ...fields };
}

/** Admits and settles at once with `outputTokens`, as a non-streaming answer does. */
function serve(ledger: Ledger, metered: MeteredRequest, nowMs: number, outputTokens = 0) {
  const admission = admit(ledger, metered, nowMs);
  if (admission.admitted) {
    settle(ledger, admission, outputTokens, nowMs);
    release(ledger, admission, nowMs);
  }
  return admission;
}

function refusal(admission: Admission): Refusal {
  if (admission.admitted) throw new Error('expected the ledger to refuse the request');
  return admission;
}

function ledgerWith(config: LedgerConfig) {
  return createLedger(config);
}

describe('admit', () => {
  it('admits within every limit, reports the quota before and charges it', () => {
    const ledger = createLedger();
    const flash = request('gemini', 'gemini-2.5-flash', { inputTokens: 600 });
    const admission = admit(ledger, flash, T0);
    expect(admission.admitted).toBe(true);
    expect(admission.before.requestsPerMinute).toEqual({ limit: 1_000, used: 0, remaining: 1_000, resetInMs: 0 });
    expect(quotaSnapshot(ledger, flash, T0).requestsPerMinute).toMatchObject({ used: 1, remaining: 999, resetInMs: 60_000 });
    expect(quotaSnapshot(ledger, flash, T0).tokensPerMinute).toMatchObject({ used: 600 });
  });

  it('lists every exceeded dimension, and waits for the slowest', () => {
    const ledger = ledgerWith({ providers: { gemini: { limits: { 'gemini-2.5-flash': { requestsPerMinute: 1, requestsPerDay: 1 } } } } });
    serve(ledger, request('gemini', 'gemini-2.5-flash'), T0);
    const refused = refusal(admit(ledger, request('gemini', 'gemini-2.5-flash'), T0 + 1_000));
    expect(refused.violations.map((violation) => violation.dimension)).toEqual(['requestsPerMinute', 'requestsPerDay']);
    expect(refused.retryAfterMs).toBe(Date.UTC(2026, 1, 28, 8) - (T0 + 1_000));
  });

  it('refuses a request larger than a limit as too large, with no retry hint', () => {
    const refused = refusal(admit(createLedger(), request('openai', 'gpt-4o', { inputTokens: 30_001 }), T0));
    expect(refused.violations).toEqual([
      { dimension: 'tokensPerMinute', limit: 30_000, used: 0, requested: 30_001, retryAfterMs: undefined, tooLarge: true },
    ]);
    expect(refused.retryAfterMs).toBeUndefined();
  });

  it('charges nothing for a refused request, except OpenAI request capacity ("unsuccessful requests count")', () => {
    const geminiLedger = ledgerWith({ providers: { gemini: { limits: { 'gemini-2.5-flash': { tokensPerMinute: 100 } } } } });
    const geminiRefused = refusal(admit(geminiLedger, request('gemini', 'gemini-2.5-flash', { inputTokens: 101 }), T0));
    expect(geminiRefused.after).toEqual(geminiRefused.before);
    const openaiRefused = refusal(admit(createLedger(), request('openai', 'gpt-4o', { inputTokens: 30_001 }), T0));
    expect(openaiRefused.after.requestsPerMinute?.used).toBe(1);
    expect(openaiRefused.after.tokensPerMinute?.used).toBe(0);
  });
});

describe('what counts as tokens', () => {
  it('Gemini meters input only, whatever maxOutputTokens says', () => {
    const ledger = createLedger();
    const admission = serve(ledger, request('gemini', 'gemini-2.5-flash', { inputTokens: 100, maxOutputTokens: 50_000 }), T0, 400);
    expect(settle(ledger, admission, 400, T0).tokensPerMinute?.used).toBe(100);
  });

  it('OpenAI reserves max_tokens up front and settles to the actual output', () => {
    const ledger = createLedger();
    const metered = request('openai', 'gpt-4o', { inputTokens: 100, maxOutputTokens: 1_000 });
    const admission = admit(ledger, metered, T0);
    expect(quotaSnapshot(ledger, metered, T0).tokensPerMinute?.used).toBe(1_100);
    expect(settle(ledger, admission, 40, T0).tokensPerMinute?.used).toBe(140);
  });

  it('Anthropic meters ITPM from input and OTPM from max_tokens, refunded to actual output', () => {
    const ledger = createLedger();
    const metered = request('anthropic', 'claude-sonnet-4-6', { inputTokens: 300, maxOutputTokens: 2_000 });
    const admission = admit(ledger, metered, T0);
    expect(quotaSnapshot(ledger, metered, T0).inputTokensPerMinute?.used).toBe(300);
    expect(quotaSnapshot(ledger, metered, T0).outputTokensPerMinute?.used).toBe(2_000);
    expect(settle(ledger, admission, 120, T0).outputTokensPerMinute?.used).toBe(120);
  });

  it('Moonshot keeps the prompt + max_tokens reservation, and reserves the model default when none is named', () => {
    const ledger = createLedger();
    const named = admit(ledger, request('moonshot', 'kimi-k2.5', { inputTokens: 100, maxOutputTokens: 500 }), T0);
    expect(settle(ledger, named, 20, T0).tokensPerMinute?.used).toBe(600);
    const unnamed = admit(ledger, request('moonshot', 'kimi-k2.5', { inputTokens: 100 }), T0);
    expect(settle(ledger, unnamed, 20, T0).tokensPerMinute?.used).toBe(600 + 100 + 1_024);
  });

  it('xAI counts all tokens: input up front, actual output when done', () => {
    const ledger = createLedger();
    const metered = request('xai', 'grok-4', { inputTokens: 100, maxOutputTokens: 5_000 });
    const admission = admit(ledger, metered, T0);
    expect(quotaSnapshot(ledger, metered, T0).tokensPerMinute?.used).toBe(100);
    expect(settle(ledger, admission, 70, T0).tokensPerMinute?.used).toBe(170);
  });
});

describe('concurrency (Moonshot)', () => {
  it('holds a slot until release, and then frees it', () => {
    const ledger = ledgerWith({ providers: { moonshot: { tier: 'tier0' } } });
    const first = admit(ledger, request('moonshot', 'kimi-k2.5'), T0);
    const second = refusal(admit(ledger, request('moonshot', 'kimi-k2-turbo-preview'), T0));
    expect(second.violations.map((violation) => violation.dimension)).toEqual(['concurrentRequests']);
    expect(second.retryAfterMs).toBe(1_000);
    release(ledger, first, T0);
    expect(admit(ledger, request('moonshot', 'kimi-k2.5'), T0).admitted).toBe(true);
  });
});

describe('scope', () => {
  it('keys buckets per model family by default, so Sonnet 4.x aliases share one', () => {
    const ledger = createLedger();
    const a = admit(ledger, request('anthropic', 'claude-sonnet-4-6'), T0);
    const alias = request('anthropic', 'claude-sonnet-4-20250514');
    const b = admit(ledger, alias, T0);
    expect(a.scopeKey).toBe('anthropic/account:default/claude-sonnet-4.x');
    expect(b.scopeKey).toBe(a.scopeKey);
    expect(quotaSnapshot(ledger, alias, T0).requestsPerMinute?.used).toBe(2);
  });

  it('shares one bucket across all Moonshot models by default', () => {
    expect(admit(createLedger(), request('moonshot', 'kimi-k2.5'), T0).scopeKey).toBe('moonshot/account:default/*');
  });

  it('maps keys to accounts, and hashes keys in per-key scope so none leaks into the journal', () => {
    const perAccount = ledgerWith({ providers: { gemini: { accounts: { 'key-a': 'project-a' } } } });
    expect(admit(perAccount, request('gemini', 'gemini-2.5-pro'), T0).scopeKey).toBe('gemini/account:project-a/gemini-2.5-pro');
    const perKey = ledgerWith({ providers: { gemini: { scope: { keys: 'per-key' } } } });
    const scopeKey = admit(perKey, request('gemini', 'gemini-2.5-pro'), T0).scopeKey;
    expect(scopeKey).toMatch(/^gemini\/key:[0-9a-f]{8}\/gemini-2\.5-pro$/);
    expect(scopeKey).not.toContain('key-a');
  });
});

describe('overrides', () => {
  it('merges family overrides over the tier row, and model-id overrides over both', () => {
    const ledger = ledgerWith({
      providers: {
        anthropic: {
          tier: 'tier2',
          limits: { 'claude-sonnet-4.x': { requestsPerMinute: 7 }, 'claude-sonnet-4-6': { inputTokensPerMinute: 9 } },
        },
      },
    });
    expect(admit(ledger, request('anthropic', 'claude-sonnet-4-6', { inputTokens: 1 }), T0).limits).toEqual({
      requestsPerMinute: 7,
      inputTokensPerMinute: 9,
      outputTokensPerMinute: 90_000,
    });
  });

  it('lets a scenario change a window kind', () => {
    const ledger = ledgerWith({
      providers: {
        gemini: {
          limits: { 'gemini-2.5-flash': { requestsPerMinute: 1 } },
          windows: { requestsPerMinute: { kind: 'sliding', periodMs: 60_000 } },
        },
      },
    });
    serve(ledger, request('gemini', 'gemini-2.5-flash'), T0 + 59_000);
    expect(refusal(admit(ledger, request('gemini', 'gemini-2.5-flash'), T0 + 61_000)).retryAfterMs).toBe(58_000);
  });

  it('names the provider, tier, model and the fix when a model has no limits', () => {
    const ledger = ledgerWith({ providers: { gemini: { tier: 'tier2' } } });
    expect(() => admit(ledger, request('gemini', 'gemini-2.5-flash-lite'), T0)).toThrow(
      'ledger: no gemini tier2 limits for model "gemini-2.5-flash-lite" (quota family "gemini-2.5-flash-lite"); ' +
        'add providers.gemini.limits["gemini-2.5-flash-lite"] to the mock config',
    );
  });
});
