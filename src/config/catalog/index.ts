/**
 * The providers and models an OpenClaw version knows without a
 * `models.providers` entry: its built-in catalog, read from the pinned
 * install (test/config/extract-catalog.ts) and committed as data, one file
 * per version. A config's own `models.providers.<id>` comes first; a field it
 * leaves out (the `api`) is the catalog's, as OpenClaw merges an explicit
 * provider over its built-in one.
 *
 * A version may also add providers of its own accord when their API key is
 * in the environment or an auth profile (2026.2.26 `resolveImplicitProviders`,
 * test/config/extract-implicit-providers.ts → implicit-<version>.json). A
 * simulation assumes that key is set — quotastorm talks to its mocks with its
 * own keys — and says so (`origin: 'implicit'`, `assumedEnvVar`).
 */
import { existsSync, readFileSync } from 'node:fs';
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

/** A provider the version registers when its key variable is set; `discovery` names the startup request its models come from. */
type ImplicitProvider = CatalogProvider & { readonly envVar: string; readonly discovery?: string };

export type ProviderCatalog = {
  /** The release the data was read from. */
  readonly openclawVersion: string;
  /** Where in that release's install it came from. */
  readonly source: string;
  readonly providers: Readonly<Record<string, CatalogProvider>>;
  /** Providers registered from an API key alone; empty where the version has none. */
  readonly implicitProviders: Readonly<Record<string, ImplicitProvider>>;
};

/** A provider as the gateway calls it: where, which API kind, which key, and the models it declares. */
export type ResolvedProvider = {
  readonly baseUrl: string;
  readonly api: string | undefined;
  readonly apiKey?: unknown;
  readonly models: readonly { readonly id: string; readonly api?: string | undefined; readonly contextWindow?: number | undefined; readonly maxTokens?: number | undefined }[];
  /** Where it came from: the config's `models.providers`, the version's built-in catalog, or an implicit provider. */
  readonly origin: 'config' | 'catalog' | 'implicit';
  /** For an implicit provider: the key variable the simulation takes as set. */
  readonly assumedEnvVar?: string;
  /** For a provider whose models the gateway discovers at startup: the request it makes. */
  readonly discovery?: string;
};

export function loadCatalog(release: string): ProviderCatalog {
  const catalog = JSON.parse(readFileSync(new URL(`./openclaw-${release}.json`, import.meta.url), 'utf8')) as Omit<ProviderCatalog, 'implicitProviders'>;
  const implicitFile = new URL(`./implicit-${release}.json`, import.meta.url);
  const implicit = existsSync(implicitFile) ? (JSON.parse(readFileSync(implicitFile, 'utf8')) as { providers: ProviderCatalog['implicitProviders'] }).providers : {};
  return { ...catalog, implicitProviders: implicit };
}

/** The provider a chain names: the config's own entry (completed from the catalog), else the catalog's; undefined when neither knows it. */
export function resolveProvider(config: ModelRefConfig, providerId: string, rules: ModelRefRules, catalog: ProviderCatalog): ResolvedProvider | undefined {
  const builtIn = byProviderId(catalog.providers, providerId, rules);
  const implicit = byProviderId(catalog.implicitProviders, providerId, rules);
  const configured = configuredProvider(config, providerId, rules);
  if (configured !== undefined) {
    return {
      baseUrl: configured.baseUrl,
      api: configured.api ?? configured.models?.[0]?.api ?? builtIn?.api ?? implicit?.api,
      apiKey: configured.apiKey,
      models: configured.models ?? [],
      origin: 'config',
      ...(implicit?.discovery === undefined || (configured.models ?? []).length > 0 ? {} : { discovery: implicit.discovery }),
    };
  }
  if (builtIn !== undefined) {
    // models.json's implicit entry adds its models to the built-in provider's (pi-coding-agent ModelRegistry merges by id).
    const added = (implicit?.models ?? []).filter((model) => !builtIn.models.some((known) => known.id === model.id));
    return { baseUrl: builtIn.baseUrl, api: builtIn.api, models: [...builtIn.models, ...added], origin: 'catalog' };
  }
  if (implicit === undefined) return undefined;
  return {
    baseUrl: implicit.baseUrl,
    api: implicit.api,
    models: implicit.models,
    origin: 'implicit',
    assumedEnvVar: implicit.envVar,
    ...(implicit.discovery === undefined ? {} : { discovery: implicit.discovery }),
  };
}

function byProviderId<T>(providers: Readonly<Record<string, T>>, providerId: string, rules: ModelRefRules): T | undefined {
  const wanted = rules.normalizeProviderId(providerId);
  const key = Object.keys(providers).find((name) => rules.normalizeProviderId(name) === wanted);
  return key === undefined ? undefined : providers[key];
}
