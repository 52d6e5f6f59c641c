import { describe, expect, it } from 'vitest';
import type { ModelUsage } from '../../src/scenario/result.ts';
import { modelCost, providerCosts } from '../../src/report/cost.ts';
import { PRICES, priceOf } from '../../src/report/prices.ts';

const usage = (modelRef: string, requests: number, ok: number, inputTokensSent: number, outputTokens: number): ModelUsage => ({
  modelRef,
  requests,
  ok,
  rateLimited: requests - ok,
  otherErrors: 0,
  inputTokensSent,
  outputTokens,
  peakTokensPerMinute: { value: 0, atMs: 0 },
  peakRequestsPerMinute: { value: 0, atMs: 0 },
  largestRequestTokens: 0,
  limits: {},
  perMinute: [],
});

describe('prices', () => {
  it('names a source for every row, and never prices a model it could not source', () => {
    for (const [ref, price] of Object.entries(PRICES)) {
      expect(price.source.length, ref).toBeGreaterThan(10);
      if (price.kind === 'known') expect(price.inputUsdPerMTok).toBeGreaterThan(0);
    }
    expect(priceOf('moonshot/kimi-k2.5').kind).toBe('unknown');
    expect(priceOf('acme/new-model')).toEqual({ kind: 'unknown', source: 'not in the price table; pass an override' });
  });
  it('lets an override replace or add a row', () => {
    expect(priceOf('google/gemini-2.5-flash', { 'google/gemini-2.5-flash': { inputUsdPerMTok: 0.5, outputUsdPerMTok: 3 } })).toEqual({
      kind: 'known',
      inputUsdPerMTok: 0.5,
      outputUsdPerMTok: 3,
      source: 'caller override',
    });
  });
});

describe('cost', () => {
  it('bills only the answered share of input tokens, and all output tokens, at list price', () => {
    // 4 requests, 1 answered: a quarter of 4M input tokens is billed. 1M × $0.30 + 1M × $2.50.
    const cost = modelCost(usage('google/gemini-2.5-flash', 4, 1, 4_000_000, 1_000_000));
    expect(cost.billedInputTokens).toBe(1_000_000);
    expect(cost.usd).toBeCloseTo(2.8, 10);
  });
  it('sums per provider and names models with traffic but no price', () => {
    const costs = providerCosts([
      usage('google/gemini-2.5-flash', 1, 1, 1_000_000, 0),
      usage('google/gemini-2.5-pro', 1, 1, 1_000_000, 0),
      usage('moonshot/kimi-k2.5', 2, 2, 10, 10),
      usage('moonshot/kimi-k2-thinking', 2, 0, 10, 0),
    ]);
    expect(costs.map((c) => c.provider)).toEqual(['google', 'moonshot']);
    expect(costs[0]!.knownUsd).toBeCloseTo(1.55, 10);
    expect(costs[1]!.unpricedModels).toEqual(['moonshot/kimi-k2.5']); // the refused-only model bills nothing
  });
});
