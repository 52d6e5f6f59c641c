/**
 * List prices per model, USD per 1M tokens, for the estimated cost in
 * `compare`. Data, not constants: providers change prices, so every row
 * names its source, and users override any row (or add models) with
 * `compare --prices FILE` (prices-file.ts). A model without a price we could source
 * is `unknown`, and reports say so instead of printing an invented number.
 *
 * Standard (non-batch, uncached) text rates. Prompt caching, batch discounts
 * and thinking-token details are out of scope: the estimate is for comparing
 * configs on one scenario, not for billing.
 */

export type ModelPrice =
  | {
      readonly kind: 'known';
      readonly inputUsdPerMTok: number;
      readonly outputUsdPerMTok: number;
      readonly source: string;
      /** What the estimate leaves out for this model, shown under the price table. */
      readonly note?: string;
    }
  | { readonly kind: 'unknown'; readonly source: string };

/** Caller-supplied prices by `provider/model`; a row here replaces the table's. */
export type PriceOverrides = Readonly<
  Record<string, { readonly inputUsdPerMTok: number; readonly outputUsdPerMTok: number; readonly source?: string }>
>;

const known = (inputUsdPerMTok: number, outputUsdPerMTok: number, source: string, note?: string): ModelPrice =>
  note === undefined ? { kind: 'known', inputUsdPerMTok, outputUsdPerMTok, source } : { kind: 'known', inputUsdPerMTok, outputUsdPerMTok, source, note };

export const PRICES: Readonly<Record<string, ModelPrice>> = {
  // Paid tier, text/image/video input; output includes thinking tokens. No long-prompt surcharge on Flash.
  'google/gemini-2.5-flash': known(0.3, 2.5, 'ai.google.dev/gemini-api/docs/pricing (paid tier), as quoted in 2026 copies'),
  // ≤200K-token prompts; longer prompts bill $2.50 / $15, which a per-model total cannot apply.
  'google/gemini-2.5-pro': known(1.25, 10, 'ai.google.dev/gemini-api/docs/pricing (paid tier, prompts ≤200K)', 'prompts over 200K tokens bill $2.50 in / $15 out; the run result has no per-request sizes, so this is a lower bound when turns exceed 200K'),
  'google/gemini-2.5-flash-lite': known(0.1, 0.4, 'ai.google.dev/gemini-api/docs/pricing (paid tier), as quoted in 2026 copies'),
  'anthropic/claude-haiku-4-5': known(1, 5, 'anthropic.com/pricing (Haiku 4.5), as quoted in 2026 copies'),
  'anthropic/claude-sonnet-4-6': known(3, 15, 'anthropic.com/pricing (Sonnet 4.6), as quoted in 2026 copies (deploybase.ai, latentbrief.com)'),
  'anthropic/claude-opus-4-6': known(5, 25, 'anthropic.com/pricing (Opus 4.6), as quoted in 2026 copies (deploybase.ai)'),
  // Most copies agree on $1.75 / $14; one (crazyrouter.com, 2026-04) says $1.50 / $10. Not read from openai.com here.
  'openai/gpt-5.2': known(1.75, 14, 'openai.com/api/pricing (GPT-5.2), as quoted in 2026 copies; one copy disagrees', 'one secondary source lists $1.50 in / $10 out; override if your invoice says otherwise'),
  'xai/grok-3': known(3, 15, 'docs.x.ai/docs/models (grok-3), archived 2025-06'),
  // Moonshot's own price page was not read; resellers quote different rates, so no number is given.
  'moonshot/kimi-k2.5': { kind: 'unknown', source: "platform.moonshot.ai pricing not verified (resellers' rates differ); pass an override" },
  'moonshot/kimi-k2-thinking': { kind: 'unknown', source: "platform.moonshot.ai pricing not verified (resellers' rates differ); pass an override" },
};

/** The price used for a model: the caller's override, else the table, else unknown. */
export function priceOf(modelRef: string, overrides: PriceOverrides = {}): ModelPrice {
  const override = overrides[modelRef];
  if (override !== undefined) {
    return known(override.inputUsdPerMTok, override.outputUsdPerMTok, override.source ?? 'caller override');
  }
  return PRICES[modelRef] ?? { kind: 'unknown', source: 'not in the price table; pass an override' };
}
