/**
 * The compare report's tokens-and-cost section: per provider, tokens sent,
 * output tokens and the estimated cost at list prices, then the prices used
 * with their sources. A model without a known price is named, never costed.
 */
import { providerOf } from '../config/model-ref.ts';
// Usage rows are `provider/model` keys built from the mock journal: any version's rules read the same provider.
import { MODEL_REF_RULES_2026_2 } from '../config/model-ref-rules-2026-2.ts';
import type { RunResult } from '../scenario/result.ts';
import { providerCosts, type ProviderCost } from './cost.ts';
import { formatCount, formatSignedCount, formatUsd } from './format.ts';
import { codeSpan, escapeInline, table } from './markdown-text.ts';
import { priceOf, type PriceOverrides } from './prices.ts';

type Entry = { readonly label: string; readonly result: RunResult };

export function costSection(entries: readonly Entry[], overrides: PriceOverrides): string[] {
  const costs = entries.map(({ result }) => providerCosts(result.usage.filter((usage) => usage.requests > 0), overrides));
  const providers: string[] = [];
  for (const perRun of costs) for (const cost of perRun) if (!providers.includes(cost.provider)) providers.push(cost.provider);
  if (providers.length === 0) return [];
  const rows = [
    ...providers.flatMap((provider) => providerRows(provider, costs)),
    ['**Total est. cost**', ...costs.map((perRun, index) => usdCell(total(perRun), index === 0 ? undefined : total(costs[0]!)))],
  ];
  return [
    '### Tokens and estimated cost per provider',
    '',
    'Cost at list prices (below). Refused requests are not billed; the result counts input tokens of every request sent, ' +
      'so billed input is estimated as tokens sent × answered ÷ requests per model.',
    '',
    ...table(['Provider', ...entries.map((entry) => escapeInline(entry.label))], rows, ['left', ...entries.map(() => 'right' as const)]),
    '',
    ...pricesUsed(entries, overrides),
  ];
}

function providerRows(provider: string, costs: readonly (readonly ProviderCost[])[]): string[][] {
  const of = (index: number) => costs[index]!.find((cost) => cost.provider === provider);
  const counted = (label: string, pick: (cost: ProviderCost) => number) => [
    `${codeSpan(provider)} ${label}`,
    ...costs.map((_, index) => {
      const value = pick(of(index) ?? EMPTY);
      return index === 0 ? formatCount(value) : `${formatCount(value)} (${formatSignedCount(value - pick(of(0) ?? EMPTY))})`;
    }),
  ];
  return [
    counted('input tokens sent', (cost) => cost.inputTokensSent),
    counted('output tokens', (cost) => cost.outputTokens),
    [`${codeSpan(provider)} est. cost`, ...costs.map((_, index) => usdCell(asTotal(of(index)), index === 0 ? undefined : asTotal(of(0))))],
  ];
}

const EMPTY: ProviderCost = { provider: '', inputTokensSent: 0, billedInputTokens: 0, outputTokens: 0, knownUsd: 0, unpricedModels: [] };

type Total = { readonly usd: number; readonly unpriced: readonly string[] };

function asTotal(cost: ProviderCost | undefined): Total {
  return { usd: cost?.knownUsd ?? 0, unpriced: cost?.unpricedModels ?? [] };
}

function total(perRun: readonly ProviderCost[]): Total {
  return { usd: perRun.reduce((sum, cost) => sum + cost.knownUsd, 0), unpriced: perRun.flatMap((cost) => cost.unpricedModels) };
}

/** `$3.71`, `$3.71 + unpriced: moonshot/kimi-k2.5`; a delta only when both sides are fully priced. */
function usdCell(value: Total, base: Total | undefined): string {
  const unpriced = value.unpriced.length === 0 ? '' : ` + unpriced: ${value.unpriced.map(codeSpan).join(', ')}`;
  const comparable = base !== undefined && base.unpriced.length === 0 && value.unpriced.length === 0;
  const delta = comparable ? ` (${signedUsd(value.usd - base.usd)})` : '';
  return `${formatUsd(value.usd)}${unpriced}${delta}`;
}

function signedUsd(delta: number): string {
  const cents = Math.round(delta * 100);
  if (cents === 0) return '±$0.00';
  return `${cents > 0 ? '+' : '-'}${formatUsd(Math.abs(cents) / 100)}`;
}

/** The prices behind the estimate, for every model with traffic in any run, with sources and caveats. */
function pricesUsed(entries: readonly Entry[], overrides: PriceOverrides): string[] {
  const refs: string[] = [];
  for (const { result } of entries) for (const usage of result.usage) if (usage.requests > 0 && !refs.includes(usage.modelRef)) refs.push(usage.modelRef);
  // Code-unit order, not localeCompare: the bytes must not depend on the ICU build.
  const sorted = [...refs].sort((a, b) => compare(providerOf(a, MODEL_REF_RULES_2026_2), providerOf(b, MODEL_REF_RULES_2026_2)) || compare(a, b));
  const rows = sorted.map((ref) => {
    const price = priceOf(ref, overrides);
    return price.kind === 'known'
      ? [codeSpan(ref), perMTok(price.inputUsdPerMTok), perMTok(price.outputUsdPerMTok), escapeInline(price.source)]
      : [codeSpan(ref), 'unknown', 'unknown', escapeInline(price.source)];
  });
  const notes = sorted.flatMap((ref) => {
    const price = priceOf(ref, overrides);
    return price.kind === 'known' && price.note !== undefined ? [`- ${codeSpan(ref)}: ${escapeInline(price.note)}`] : [];
  });
  return [
    'Prices used, USD per 1M tokens (override with `compare --prices FILE`):',
    '',
    ...table(['Model', 'Input', 'Output', 'Source'], rows, ['left', 'right', 'right', 'left']),
    '',
    ...(notes.length > 0 ? [...notes, ''] : []),
  ];
}

/** `$0.30`, `$0.075`: cents always, a third decimal only when the price has one. */
function perMTok(usd: number): string {
  const text = usd.toFixed(3);
  return `$${text.endsWith('0') ? usd.toFixed(2) : text}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
