/**
 * The providers and models an OpenClaw version knows without a
 * `models.providers` entry: its built-in catalog, read from the pinned
 * install (test/config/extract-catalog.ts) and committed as data, one file
 * per version. A config's own `models.providers.<id>` comes first; a field it
 * leaves out (the `api`) is the catalog's, as OpenClaw merges an explicit
 * provider over its built-in one.
 */
import { readFileSync } from 'node:fs';
import { type ModelRefConfig, type ModelRefRules, configuredProvider } from '../model-ref.ts';

type CatalogModel = {
  readonly id: string;
  /** Set where the model's API kind differs from its provider's. */
  readonly api?: string;
  readonly baseUrl?: string;
  readonly contextWindow?: number;
  readonly maxTokens?: number;
};

type CatalogProvider = { readonly api: string; readonly baseUrl: string; readonly models: readonly CatalogModel[] };

export type ProviderCatalog = {
  /** The release the data was read from. */
  readonly openclawVersion: string;
  /** Where in that release's install it came from. */
  readonly source: string;
  readonly providers: Readonly<Record<string, CatalogProvider>>;
};

/** A provider as the gateway calls it: where, which API kind, which key, and the models it declares. */
export type ResolvedProvider = {
  readonly baseUrl: string;
  readonly api: string | undefined;
  readonly apiKey?: unknown;
  readonly models: readonly { readonly id: string; readonly api?: string | undefined; readonly contextWindow?: number | undefined; readonly maxTokens?: number | undefined }[];
  /** Where it came from: the config's `models.providers`, or the version's built-in catalog. */
  readonly origin: 'config' | 'catalog';
};

export function loadCatalog(release: string): ProviderCatalog {
  return JSON.parse(readFileSync(new URL(`./openclaw-${release}.json`, import.meta.url), 'utf8')) as ProviderCatalog;
}

/** The provider a chain names: the config's own entry (completed from the catalog), else the catalog's; undefined when neither knows it. */
export function resolveProvider(config: ModelRefConfig, providerId: string, rules: ModelRefRules, catalog: ProviderCatalog): ResolvedProvider | undefined {
  const builtIn = catalogProvider(catalog, providerId, rules);
  const configured = configuredProvider(config, providerId, rules);
  if (configured !== undefined) {
    return { baseUrl: configured.baseUrl, api: configured.api ?? configured.models?.[0]?.api ?? builtIn?.api, apiKey: configured.apiKey, models: configured.models ?? [], origin: 'config' };
  }
  if (builtIn === undefined) return undefined;
  return { baseUrl: builtIn.baseUrl, api: builtIn.api, models: builtIn.models, origin: 'catalog' };
}

function catalogProvider(catalog: ProviderCatalog, providerId: string, rules: ModelRefRules): CatalogProvider | undefined {
  const wanted = rules.normalizeProviderId(providerId);
  const key = Object.keys(catalog.providers).find((name) => rules.normalizeProviderId(name) === wanted);
  return key === undefined ? undefined : catalog.providers[key];
}
