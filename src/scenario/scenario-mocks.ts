/**
 * The mocks a scenario asks for, whichever gateway runs against them: the
 * fault schedule and the quota ledger, with a variant's changes laid over the
 * scenario's own. The embedded run (runner.ts) and the real gateway's run
 * (real-gateway-run.ts) build their mock worlds from the same two values.
 */
import { resolveProvider } from '../config/catalog/index.ts';
import { parseModelRef } from '../config/model-ref.ts';
import type { OpenClawConfig } from '../config/schema.ts';
import { UserError } from '../errors.ts';
import type { VersionProfile } from '../gateway/profiles/profile.ts';
import type { LedgerConfig } from '../../mocks/providers/ledger.ts';
import { LIMIT_KEYS } from '../../mocks/providers/limit-spec.ts';
import type { LoadedScenario } from './load.ts';
import { servedModelsOf } from './provider-mounts.ts';

/** The scenario and the variant a run chose. */
type ScenarioChoice = { readonly loaded: LoadedScenario; readonly variant?: string | undefined };

/** The fault schedule the run's mocks follow: the variant's, else the scenario's. */
export function faultScheduleOf(options: ScenarioChoice) {
  const { scenario } = options.loaded;
  if (options.variant === undefined) return scenario.mocks.faults;
  const variant = scenario.variants[options.variant];
  if (variant === undefined) throw new Error(`unknown variant ${options.variant}`); // checked by the command first
  return variant.faults ?? scenario.mocks.faults;
}

/** The scenario's mocks block with the variant's scope laid over it. */
export function mocksOf(options: ScenarioChoice): LoadedScenario['scenario']['mocks'] {
  const { scenario } = options.loaded;
  const scope = options.variant === undefined ? undefined : scenario.variants[options.variant]?.scope;
  return scope === undefined ? scenario.mocks : { ...scenario.mocks, scope: { ...scenario.mocks.scope, ...scope } };
}

/**
 * The scenario's `mocks` block → the ledger's config (providers named as the mocks name them). A
 * limit on a provider the fixed mocks do not serve meters the mock the config points it at
 * (OpenAI-compatible or ollama); one the config cannot resolve is the scenario's mistake.
 */
export function ledgerConfigOf(mocks: LoadedScenario['scenario']['mocks'], profile: VersionProfile, config: OpenClawConfig): LedgerConfig {
  const modelRefs = profile.modelRefs;
  const providers: Record<string, { tier?: string; scope?: object; limits?: Record<string, object> }> = {};
  const models = servedModelsOf(config, profile);
  const entry = (name: string) => (providers[name === 'google' ? 'gemini' : name] ??= {});
  for (const [name, tier] of Object.entries(mocks.tiers)) if (tier !== undefined) entry(name).tier = tier;
  for (const [name, scope] of Object.entries(mocks.scope)) if (scope !== undefined) entry(name).scope = scope;
  for (const [ref, limits] of Object.entries(mocks.limits)) {
    // The gateway sends the model id its version normalizes to; the limit has to meter that id.
    const parsed = parseModelRef(ref, modelRefs);
    if (parsed === null) throw new Error(`mocks.limits: "${ref}" names no model; write it as provider/model`);
    const { provider, model } = parsed;
    const mapped = Object.fromEntries(Object.entries(limits).map(([key, value]) => [LIMIT_KEYS[key as keyof typeof LIMIT_KEYS], value]));
    const target = entry(mockProviderOf(ref, provider, profile, config));
    target.limits = { ...target.limits, [model]: mapped };
  }
  return { providers, ...(models === undefined ? {} : { models }) } as LedgerConfig;
}

const FIXED_MOCKS: ReadonlySet<string> = new Set(['google', 'gemini', 'openai', 'anthropic', 'moonshot', 'xai']);
const MOCK_OF_API: Readonly<Record<string, string>> = {
  'openai-completions': 'compatible',
  'openai-responses': 'compatible',
  'azure-openai-responses': 'compatible',
  'openai-codex-responses': 'compatible',
  ollama: 'ollama',
  'google-vertex': 'vertex',
  'google-gemini-cli': 'gemini-cli',
  'bedrock-converse-stream': 'bedrock',
};

function mockProviderOf(ref: string, provider: string, profile: VersionProfile, config: OpenClawConfig): string {
  if (FIXED_MOCKS.has(provider)) return provider;
  const resolved = resolveProvider(config, provider, profile.modelRefs, profile.catalog);
  const mock = MOCK_OF_API[resolved?.api ?? resolved?.models[0]?.api ?? ''];
  if (mock !== undefined) return mock;
  throw new UserError(
    `mocks.limits: "${ref}" names provider "${provider}", which ${resolved === undefined ? `neither the config's models.providers nor OpenClaw ${profile.catalog.openclawVersion}'s built-in catalog declares` : `uses API kind "${resolved.api}", which the mocks do not serve`}. ` +
      'Limit a provider/model the config runs.',
  );
}
