/**
 * A provider's quota policy for one run: its tier table, the scope its
 * buckets use, its metering (window kinds, what counts) and the scenario's
 * overrides, resolved once when the ledger is created.
 */
import { METERING, type Metering } from './metering.ts';
import type { ModelInfo, ProviderId } from './models.ts';
import type { QuotaScope } from './scope.ts';
import { type QuotaDimension, type QuotaLimits, strictestLimits, type TierTable, tierTable } from './tiers.ts';
import type { WindowSpec } from './windows.ts';

export type ProviderQuotaConfig = {
  /** Tier name from tiers.ts, e.g. `tier1`; default per provider in metering.ts. */
  readonly tier?: string;
  readonly scope?: Partial<QuotaScope>;
  /** Overrides merged over the tier row, keyed by quota family or model id (model id wins). */
  readonly limits?: Readonly<Record<string, QuotaLimits>>;
  /** Limits of the one bucket under `scope.models: 'shared'`; default: the strictest of the tier. */
  readonly sharedLimits?: QuotaLimits;
  /** Replace the provider's window kind for some dimensions. */
  readonly windows?: Readonly<Partial<Record<QuotaDimension, WindowSpec>>>;
  /** API key → account (project, org, team, user); unlisted keys belong to `default`. */
  readonly accounts?: Readonly<Record<string, string>>;
};

export type ProviderPolicy = {
  readonly tier: string;
  readonly table: TierTable;
  readonly scope: QuotaScope;
  readonly metering: Metering;
  readonly limitOverrides: Readonly<Record<string, QuotaLimits>>;
  readonly sharedLimits: QuotaLimits | undefined;
  readonly accounts: Readonly<Record<string, string>>;
};

/** Provider defaults (metering.ts) with the scenario's config laid over them; an unknown tier throws. */
export function resolvePolicy(provider: ProviderId, config: ProviderQuotaConfig): ProviderPolicy {
  const base = METERING[provider];
  const tier = config.tier ?? base.defaultTier;
  return {
    tier,
    table: tierTable(provider, tier),
    scope: { ...base.defaultScope, ...config.scope },
    metering: config.windows ? { ...base, windows: { ...base.windows, ...config.windows } } : base,
    limitOverrides: config.limits ?? {},
    sharedLimits: config.sharedLimits,
    accounts: config.accounts ?? {},
  };
}

/**
 * The limits a request meters against: under a shared scope the one shared
 * row; otherwise the tier row of its family (or the account row), with
 * family then model-id overrides on top. No row at all is a config error
 * that names the fix.
 */
export function limitsFor(policy: ProviderPolicy, request: { provider: ProviderId; model: ModelInfo }): QuotaLimits {
  if (policy.scope.models === 'shared') return policy.sharedLimits ?? strictestLimits(policy.table);
  const { quotaFamily, id } = request.model;
  const published = policy.table.perFamily[quotaFamily] ?? request.model.published?.limits ?? policy.table.perAccount;
  const overrides = [policy.limitOverrides[quotaFamily], policy.limitOverrides[id]];
  if (!published && overrides.every((entry) => entry === undefined)) {
    throw new RangeError(
      `ledger: no ${request.provider} ${policy.tier} limits for model "${id}" (quota family "${quotaFamily}"); ` +
        `add providers.${request.provider}.limits["${quotaFamily}"] to the mock config`,
    );
  }
  return Object.assign({}, published, ...overrides);
}
