/**
 * `--limit provider/model:rpm=N,tpm=N,rpd=N`: quick quota overrides from the
 * command line, laid over the tier tables. Providers are named as in
 * OpenClaw configs (`google`) or as the mocks name them (`gemini`).
 */
import { UserError } from '../../src/errors.ts';
import type { LedgerConfig, ProviderQuotaConfig } from './ledger.ts';
import { DEFAULT_MODELS, findModel, PROVIDER_IDS, type ProviderId } from './models.ts';
import type { QuotaScope } from './scope.ts';
import type { QuotaDimension, QuotaLimits } from './tiers.ts';

const LIMIT_SPEC_GRAMMAR =
  'provider/model:key=N[,key=N…] with provider one of google (or gemini), openai, anthropic, moonshot, xai and ' +
  'key one of rpm, tpm, rpd, tpd, itpm, otpm, concurrency; e.g. google/gemini-2.5-flash:rpm=1000,tpm=1000000,rpd=10000';

/** The short limit names scenarios and `--limit` use, and the ledger's dimensions they mean. */
export const LIMIT_KEYS = {
  rpm: 'requestsPerMinute',
  tpm: 'tokensPerMinute',
  rpd: 'requestsPerDay',
  tpd: 'tokensPerDay',
  itpm: 'inputTokensPerMinute',
  otpm: 'outputTokensPerMinute',
  concurrency: 'concurrentRequests',
} as const satisfies Readonly<Record<string, QuotaDimension>>;

const SCOPE_GRAMMAR = 'per-model or shared, optionally followed by ,per-account or ,per-key (e.g. shared,per-key)';

/** Builds the ledger config for a list of `--limit` specs and an optional `--scope`. */
export function ledgerConfigFromFlags(limitSpecs: readonly string[], scopeSpec?: string): LedgerConfig {
  const providers: Partial<Record<ProviderId, { limits: Record<string, QuotaLimits>; scope?: Partial<QuotaScope> }>> = {};
  for (const spec of limitSpecs) {
    const { provider, model, limits } = parseLimitSpec(spec);
    const entry = (providers[provider] ??= { limits: {} });
    entry.limits[model] = { ...entry.limits[model], ...limits };
  }
  if (scopeSpec !== undefined) {
    const scope = parseScope(scopeSpec);
    for (const provider of PROVIDER_IDS) (providers[provider] ??= { limits: {} }).scope = scope;
  }
  return { providers: providers as Partial<Record<ProviderId, ProviderQuotaConfig>> };
}

function parseLimitSpec(spec: string): { provider: ProviderId; model: string; limits: QuotaLimits } {
  const match = /^([a-z]+)\/([^:\s]+):(.+)$/.exec(spec.trim());
  if (match === null) throw badLimit(spec, 'it does not have the shape provider/model:key=N');
  const [, providerName, model, pairs] = match as unknown as [string, string, string, string];
  const provider = providerName === 'google' ? 'gemini' : providerName;
  if (!(PROVIDER_IDS as readonly string[]).includes(provider)) throw badLimit(spec, `"${providerName}" is not a provider`);
  if (findModel(DEFAULT_MODELS, provider as ProviderId, model) === undefined) {
    const known = DEFAULT_MODELS[provider as ProviderId].map((entry) => entry.id).join(', ');
    throw badLimit(spec, `the mocks serve no model "${model}" for ${providerName} (they serve ${known})`);
  }
  const limits: Record<string, number> = {};
  for (const pair of pairs.split(',')) {
    const [key = '', value = ''] = pair.split('=');
    const dimension = (LIMIT_KEYS as Readonly<Record<string, QuotaDimension>>)[key.trim()];
    if (dimension === undefined) throw badLimit(spec, `"${key.trim()}" is not a limit key`);
    const number = Number(value.trim().replaceAll('_', ''));
    if (!Number.isInteger(number) || number < 0) throw badLimit(spec, `${key.trim()} needs a whole number ≥ 0, got "${value.trim()}"`);
    limits[dimension] = number;
  }
  return { provider: provider as ProviderId, model, limits };
}

function parseScope(spec: string): Partial<QuotaScope> {
  const [models, keys, extra] = spec.split(',').map((part) => part.trim());
  const scope: { models?: QuotaScope['models']; keys?: QuotaScope['keys'] } = {};
  if (models === 'per-model' || models === 'shared') scope.models = models;
  else throw new UserError(`--scope "${spec}" is not valid: expected ${SCOPE_GRAMMAR}.`);
  if (keys === 'per-account' || keys === 'per-key') scope.keys = keys;
  else if (keys !== undefined || extra !== undefined) throw new UserError(`--scope "${spec}" is not valid: expected ${SCOPE_GRAMMAR}.`);
  return scope;
}

function badLimit(spec: string, why: string): UserError {
  return new UserError(`--limit "${spec}" is not valid: ${why}. Expected ${LIMIT_SPEC_GRAMMAR}.`);
}
