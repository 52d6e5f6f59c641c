import type { ModelDefinitionConfig, ModelProviderConfig, OpenClawConfig } from './schema.ts';

/**
 * Adds the defaults `openclaw config get` shows, and only those.
 *
 * `config get` prints `materializeRuntimeConfig(validated, "snapshot")` (openclaw/openclaw@2026.4.12
 * `src/cli/config-cli.ts` runConfigGet, `src/config/materialize.ts` and `src/config/defaults.ts`).
 * The snapshot profile runs, in this order: message defaults, logging defaults, session
 * defaults, agent defaults, model defaults. It skips the contextPruning and compaction defaults.
 * zod defaults (`commands`, Telegram `dmPolicy`/`groupPolicy`) are already in `config`, because
 * OpenClaw prints the validated config too (schema.ts).
 *
 * Deliberately NOT materialized, because `config get` does not print them:
 * - `session.maintenance`: `config get session.maintenance` on a file without it fails with
 *   `Config path not found`. Its defaults (warn/500/30d…) live in runtime-defaults.ts.
 * - `agents.defaults.contextPruning` and `compaction` (excluded from the snapshot profile),
 *   including the Anthropic auto-default (cache-ttl/1h), which only the "load" profile applies.
 * - heartbeat, `messages.queue`, cron, `auth.cooldowns`, Telegram caps: runtime constants, not
 *   config defaults (runtime-defaults.ts has them for the gateway).
 * - `~` expansion in path fields (`normalizeConfigPaths`): it depends on $HOME, and quotastorm
 *   prints the same thing on every machine. `talk` normalization: `talk` is opaque here.
 * - Later OpenClaw versions also add `subagents.archiveAfterMinutes: 60` and
 *   `cron.maxConcurrentRuns`; they are left out because the snapshot modelled here is 2026.4.12's.
 */
export function materializeDefaults(config: OpenClawConfig): OpenClawConfig {
  let next = applyMessageDefaults(config);
  next = applyLoggingDefaults(next);
  next = applySessionDefaults(next);
  next = applyAgentDefaults(next);
  return applyModelDefaults(next);
}

/** Main-lane concurrency when unset (`DEFAULT_AGENT_MAX_CONCURRENT`, openclaw/openclaw@2026.4.12 src/config/agent-limits.ts). */
export const DEFAULT_AGENT_MAX_CONCURRENT = 4;
/** Subagent-lane concurrency when unset (`DEFAULT_SUBAGENT_MAX_CONCURRENT`, same file). */
export const DEFAULT_SUBAGENT_MAX_CONCURRENT = 8;
/** A custom model's contextWindow when unset (`DEFAULT_CONTEXT_TOKENS`, openclaw/openclaw@2026.4.12 src/agents/defaults.ts). */
const DEFAULT_CONTEXT_TOKENS = 200_000;
/** A custom model's maxTokens when unset, capped by its contextWindow (applyModelDefaults, openclaw/openclaw@2026.4.12 src/config/defaults.ts). */
const DEFAULT_MODEL_MAX_TOKENS = 8_192;

/**
 * Aliases OpenClaw adds to `agents.defaults.models` entries that exist and have none
 * (`DEFAULT_MODEL_ALIASES`, src/config/defaults.ts). The table changes between releases; this is
 * the one read at 2026.4.12. It only matters for configs that
 * use `agents.defaults.models`.
 */
const DEFAULT_MODEL_ALIASES: Readonly<Record<string, string>> = {
  opus: 'anthropic/claude-opus-4-6',
  sonnet: 'anthropic/claude-sonnet-4-6',
  gpt: 'openai/gpt-5.4',
  'gpt-mini': 'openai/gpt-5-mini',
  gemini: 'google/gemini-3.1-pro-preview',
  'gemini-flash': 'google/gemini-3-flash-preview',
  'gemini-flash-lite': 'google/gemini-3.1-flash-lite-preview',
};

// applyMessageDefaults: always sets messages.ackReactionScope, creating `messages` if needed.
function applyMessageDefaults(config: OpenClawConfig): OpenClawConfig {
  if (config.messages?.ackReactionScope !== undefined) return config;
  return { ...config, messages: { ...config.messages, ackReactionScope: 'group-mentions' } };
}

// applyLoggingDefaults: only when a `logging` block exists.
function applyLoggingDefaults(config: OpenClawConfig): OpenClawConfig {
  const logging = config.logging;
  if (logging === undefined || logging.redactSensitive !== undefined) return config;
  return { ...config, logging: { ...logging, redactSensitive: 'tools' } };
}

// applySessionDefaults: normalizes a set `mainKey` (blank → "main", else lowercased); adds nothing.
function applySessionDefaults(config: OpenClawConfig): OpenClawConfig {
  const session = config.session;
  if (session?.mainKey === undefined) return config;
  const trimmed = session.mainKey.trim();
  return { ...config, session: { ...session, mainKey: trimmed === '' ? 'main' : trimmed.toLowerCase() } };
}

// applyAgentDefaults: main and subagent lane sizes. This is why `config get
// agents.defaults.maxConcurrent` prints 4 on a file that never mentions it.
function applyAgentDefaults(config: OpenClawConfig): OpenClawConfig {
  const defaults = config.agents?.defaults;
  const hasMax = Number.isFinite(defaults?.maxConcurrent);
  const hasSubMax = Number.isFinite(defaults?.subagents?.maxConcurrent);
  if (hasMax && hasSubMax) return config;
  const nextDefaults = { ...defaults };
  if (!hasMax) nextDefaults.maxConcurrent = DEFAULT_AGENT_MAX_CONCURRENT;
  const subagents = { ...defaults?.subagents };
  if (!hasSubMax) subagents.maxConcurrent = DEFAULT_SUBAGENT_MAX_CONCURRENT;
  return { ...config, agents: { ...config.agents, defaults: { ...nextDefaults, subagents } } };
}

// applyModelDefaults: fills every declared model, then default aliases.
function applyModelDefaults(config: OpenClawConfig): OpenClawConfig {
  const providers = config.models?.providers;
  let next = config;
  if (providers !== undefined) {
    const filled = Object.fromEntries(
      Object.entries(providers).map(([id, provider]) => [id, fillProvider(id, provider)]),
    );
    next = { ...next, models: { ...next.models, providers: filled } };
  }
  return applyDefaultAliases(next);
}

function fillProvider(providerId: string, provider: ModelProviderConfig): ModelProviderConfig {
  if (provider.models.length === 0) return provider;
  // A provider with the id "anthropic" speaks anthropic-messages unless it says otherwise.
  const api = provider.api ?? (providerId.trim().toLowerCase() === 'anthropic' ? 'anthropic-messages' : undefined);
  const withApi = api === undefined ? provider : { ...provider, api };
  return { ...withApi, models: provider.models.map((model) => fillModel(model, api)) };
}

function fillModel(model: ModelDefinitionConfig, providerApi: ModelProviderConfig['api']): ModelDefinitionConfig {
  const contextWindow = isPositive(model.contextWindow) ? model.contextWindow : DEFAULT_CONTEXT_TOKENS;
  const rawMaxTokens = isPositive(model.maxTokens) ? model.maxTokens : Math.min(DEFAULT_MODEL_MAX_TOKENS, contextWindow);
  const filled: ModelDefinitionConfig = {
    ...model,
    reasoning: model.reasoning ?? false,
    input: model.input ?? ['text'],
    cost: {
      ...model.cost,
      input: model.cost?.input ?? 0,
      output: model.cost?.output ?? 0,
      cacheRead: model.cost?.cacheRead ?? 0,
      cacheWrite: model.cost?.cacheWrite ?? 0,
    },
    contextWindow,
    maxTokens: Math.min(rawMaxTokens, contextWindow),
  };
  const api = model.api ?? providerApi;
  return api === undefined ? filled : { ...filled, api };
}

function applyDefaultAliases(config: OpenClawConfig): OpenClawConfig {
  const models = config.agents?.defaults?.models;
  if (models === undefined || Object.keys(models).length === 0) return config;
  const next = { ...models };
  for (const [alias, target] of Object.entries(DEFAULT_MODEL_ALIASES)) {
    const entry = next[target];
    if (entry !== undefined && entry.alias === undefined) next[target] = { ...entry, alias };
  }
  return { ...config, agents: { ...config.agents, defaults: { ...config.agents?.defaults, models: next } } };
}

function isPositive(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
