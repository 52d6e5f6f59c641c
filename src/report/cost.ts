/**
 * Estimated cost of a run per model and per provider, from list prices.
 *
 * Refused requests (429s, context too long) are not billed, but the result
 * counts input tokens of every request *sent*. Until it also records the
 * input tokens of answered requests, billed input is estimated as
 * `inputTokensSent × ok / requests`, which assumes answered and refused
 * requests were the same size. Output tokens come only from answers.
 */
import { providerOf } from '../config/model-ref.ts';
// Usage rows are `provider/model` keys built from the mock journal: any version's rules read the same provider.
import { MODEL_REF_RULES_2026_2 } from '../config/model-ref-rules-2026-2.ts';
import type { ModelUsage } from '../scenario/result.ts';
import { priceOf, type ModelPrice, type PriceOverrides } from './prices.ts';

export type ModelCost = {
  readonly modelRef: string;
  readonly billedInputTokens: number;
  readonly outputTokens: number;
  readonly price: ModelPrice;
  /** Undefined when the price is unknown. */
  readonly usd: number | undefined;
};

export type ProviderCost = {
  readonly provider: string;
  readonly inputTokensSent: number;
  readonly billedInputTokens: number;
  readonly outputTokens: number;
  /** The sum over models with a known price. */
  readonly knownUsd: number;
  /** Models with traffic and no known price: the total leaves them out. */
  readonly unpricedModels: readonly string[];
};

export function modelCost(usage: ModelUsage, overrides: PriceOverrides = {}): ModelCost {
  const billedInputTokens = usage.requests === 0 ? 0 : Math.round((usage.inputTokensSent * usage.ok) / usage.requests);
  const price = priceOf(usage.modelRef, overrides);
  const usd =
    price.kind === 'unknown'
      ? undefined
      : (billedInputTokens * price.inputUsdPerMTok + usage.outputTokens * price.outputUsdPerMTok) / 1_000_000;
  return { modelRef: usage.modelRef, billedInputTokens, outputTokens: usage.outputTokens, price, usd };
}

/** Providers in order of first appearance in `usage`. */
export function providerCosts(usage: readonly ModelUsage[], overrides: PriceOverrides = {}): ProviderCost[] {
  const byProvider = new Map<string, ProviderCost>();
  for (const row of usage) {
    const provider = providerOf(row.modelRef, MODEL_REF_RULES_2026_2);
    const cost = modelCost(row, overrides);
    const sum = byProvider.get(provider) ?? { provider, inputTokensSent: 0, billedInputTokens: 0, outputTokens: 0, knownUsd: 0, unpricedModels: [] };
    const billable = cost.billedInputTokens > 0 || cost.outputTokens > 0;
    byProvider.set(provider, {
      provider,
      inputTokensSent: sum.inputTokensSent + row.inputTokensSent,
      billedInputTokens: sum.billedInputTokens + cost.billedInputTokens,
      outputTokens: sum.outputTokens + cost.outputTokens,
      knownUsd: sum.knownUsd + (cost.usd ?? 0),
      unpricedModels: cost.usd === undefined && billable ? [...sum.unpricedModels, row.modelRef] : sum.unpricedModels,
    });
  }
  return [...byProvider.values()];
}
