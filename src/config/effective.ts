import { tryParseByteSize } from './byte-size.ts';
import { DURATION_DEFAULT_UNITS, parseDurationMs } from './duration.ts';
import { DEFAULT_AGENT_MAX_CONCURRENT, DEFAULT_SUBAGENT_MAX_CONCURRENT } from './defaults.ts';
import type { RuntimeDefaults } from './runtime-defaults.ts';
import type { CommandsConfig, OpenClawConfig } from './schema.ts';

/** Every setting the embedded gateway runs with: the config where set, the version's runtime default where not. */
export type EffectiveSettings = {
  model: { primary: string | null; fallbacks: string[] };
  /** `agents.defaults.contextTokens`: a cap on the context the agent uses, or null for the model's window. */
  contextTokens: number | null;
  heartbeat: {
    enabled: boolean;
    everyMs: number;
    /** heartbeat.model, else the primary model. */
    model: string | null;
    /** null = the agent's main session. */
    session: string | null;
    target: string;
    ackMaxChars: number;
    prompt: string;
    isolatedSession: boolean;
    lightContext: boolean;
    activeHours: { start: string | null; end: string | null; timezone: string | null } | null;
  };
  contextPruning: {
    mode: 'off' | 'cache-ttl';
    /** Where the mode came from: the file, OpenClaw's Anthropic auto-default, or the built-in off. */
    source: 'config' | 'anthropic-auto' | 'default';
    ttlMs: number;
    keepLastAssistants: number;
    softTrimRatio: number;
    hardClearRatio: number;
    minPrunableToolChars: number;
    softTrim: { maxChars: number; headChars: number; tailChars: number };
    hardClear: { enabled: boolean; placeholder: string };
    tools: { allow: string[] | null; deny: string[] | null };
  };
  lanes: {
    mainMaxConcurrent: number;
    subagentMaxConcurrent: number;
    cronMaxConcurrentRuns: number;
    nestedMaxConcurrent: number;
    sessionMaxConcurrent: number;
  };
  maintenance: {
    mode: 'enforce' | 'warn';
    pruneAfterMs: number;
    maxEntries: number;
    rotateBytes: number | null;
    /** null = archives are kept until disk pressure (2026.9) or the key was set to false. */
    resetArchiveRetentionMs: number | null;
    maxDiskBytes: number | null;
    highWaterBytes: number | null;
    capTrigger: RuntimeDefaults['maintenance']['capTrigger'];
  };
  queue: {
    mode: string;
    debounceMs: number;
    cap: number;
    drop: 'old' | 'new' | 'summarize';
    byChannel: Record<string, string>;
    debounceMsByChannel: Record<string, number>;
  };
  cron: { enabled: boolean; sessionRetentionMs: number | null; reaperMinSweepIntervalMs: number };
  cooldowns: {
    billingBackoffHours: number;
    billingBackoffHoursByProvider: Record<string, number>;
    billingMaxHours: number;
    authPermanentBackoffMinutes: number;
    authPermanentMaxMinutes: number;
    failureWindowHours: number;
    overloadedProfileRotations: number;
    overloadedBackoffMs: number;
    rateLimitedProfileRotations: number;
    /** Successive rate-limit/overload cooldown lengths for one profile; the last repeats. */
    stepsMs: readonly number[];
  };
  commands: CommandsConfig;
  telegram: {
    enabled: boolean;
    apiRoot: string;
    nativeCommands: boolean;
    nativeSkills: boolean;
    maxCommands: number;
    /** null where the profile has no text budget (2026.2). */
    commandTextBudgetChars: number | null;
    tooManyCommandsRetryRatio: number;
    retry: { attempts: number; minDelayMs: number; maxDelayMs: number; jitter: number };
  };
};

/**
 * Resolves what the gateway actually runs with, over one version's runtime defaults. Unlike `config get`,
 * this fills in runtime defaults: maintenance warn/500/30d (2026.2) or enforce (2026.9),
 * heartbeat 30m, contextPruning's 5m ttl and thresholds, queue collect/1000/20/summarize,
 * cooldowns, cron's 24h retention, Telegram's command caps.
 *
 * `config` is a loaded (validated, materialized) config, so values are already well-formed.
 */
export function effectiveSettings(config: OpenClawConfig, runtime: RuntimeDefaults): EffectiveSettings {
  const model = resolveModel(config);
  return {
    model,
    contextTokens: config.agents?.defaults?.contextTokens ?? null,
    heartbeat: resolveHeartbeat(config, runtime, model.primary),
    contextPruning: resolveContextPruning(config, runtime),
    lanes: resolveLanes(config, runtime),
    maintenance: resolveMaintenance(config, runtime),
    queue: resolveQueue(config, runtime),
    cron: resolveCron(config, runtime),
    cooldowns: { ...runtime.cooldowns, ...config.auth?.cooldowns, stepsMs: runtime.cooldownStepsMs },
    commands: config.commands,
    telegram: resolveTelegram(config, runtime),
  };
}

function resolveModel(config: OpenClawConfig): EffectiveSettings['model'] {
  const model = config.agents?.defaults?.model;
  if (model === undefined) return { primary: null, fallbacks: [] };
  if (typeof model === 'string') return { primary: model, fallbacks: [] };
  return { primary: model.primary ?? null, fallbacks: [...(model.fallbacks ?? [])] };
}

function resolveHeartbeat(
  config: OpenClawConfig,
  runtime: RuntimeDefaults,
  primary: string | null,
): EffectiveSettings['heartbeat'] {
  const heartbeat = config.agents?.defaults?.heartbeat;
  const everyMs = heartbeatEveryMs(config, runtime);
  const hours = heartbeat?.activeHours;
  return {
    enabled: everyMs > 0,
    everyMs,
    model: heartbeat?.model ?? primary,
    session: heartbeat?.session ?? null,
    target: heartbeat?.target ?? runtime.heartbeat.target,
    ackMaxChars: heartbeat?.ackMaxChars ?? runtime.heartbeat.ackMaxChars,
    prompt: heartbeat?.prompt ?? runtime.heartbeat.prompt,
    // openclaw@2026.2.26 predates isolatedSession (PR #46634, 2026-03-14); it is passed on as set.
    isolatedSession: heartbeat?.isolatedSession ?? false,
    lightContext: heartbeat?.lightContext ?? false,
    activeHours: hours === undefined ? null : { start: hours.start ?? null, end: hours.end ?? null, timezone: hours.timezone ?? null },
  };
}

// Set → as set; else OpenClaw's Anthropic auto-default (1h for OAuth/token auth, 30m for API keys;
// openclaw/openclaw@2026.4.12 extensions/anthropic/config-defaults.ts); else 30m.
function heartbeatEveryMs(config: OpenClawConfig, runtime: RuntimeDefaults): number {
  const every = config.agents?.defaults?.heartbeat?.every;
  const unit = DURATION_DEFAULT_UNITS['agents.defaults.heartbeat.every'];
  if (every !== undefined) return parseDurationMs(every, { defaultUnit: unit, path: 'agents.defaults.heartbeat.every' });
  return anthropicAuthMode(config) === 'oauth' ? 60 * 60_000 : runtime.heartbeat.everyMs;
}

function resolveContextPruning(config: OpenClawConfig, runtime: RuntimeDefaults): EffectiveSettings['contextPruning'] {
  const pruning = config.agents?.defaults?.contextPruning;
  const defaults = runtime.contextPruning;
  const auto = pruning?.mode === undefined && anthropicAuthMode(config) !== null;
  const ttlUnit = DURATION_DEFAULT_UNITS['agents.defaults.contextPruning.ttl'];
  const ttlMs =
    pruning?.ttl !== undefined
      ? parseDurationMs(pruning.ttl, { defaultUnit: ttlUnit, path: 'agents.defaults.contextPruning.ttl' })
      : auto
        ? defaults.anthropicAutoTtlMs
        : defaults.ttlMs;
  return {
    mode: pruning?.mode ?? (auto ? 'cache-ttl' : 'off'),
    source: pruning?.mode !== undefined ? 'config' : auto ? 'anthropic-auto' : 'default',
    ttlMs,
    keepLastAssistants: pruning?.keepLastAssistants ?? defaults.keepLastAssistants,
    softTrimRatio: pruning?.softTrimRatio ?? defaults.softTrimRatio,
    hardClearRatio: pruning?.hardClearRatio ?? defaults.hardClearRatio,
    minPrunableToolChars: pruning?.minPrunableToolChars ?? defaults.minPrunableToolChars,
    softTrim: { ...defaults.softTrim, ...pruning?.softTrim },
    hardClear: { ...defaults.hardClear, ...pruning?.hardClear },
    tools: { allow: pruning?.tools?.allow ?? null, deny: pruning?.tools?.deny ?? null },
  };
}

/**
 * OpenClaw's `resolveAnthropicDefaultAuthMode`, from `auth.profiles`/`auth.order` only. The real
 * one also reads ANTHROPIC_OAUTH_TOKEN / ANTHROPIC_API_KEY from the environment; quotastorm does
 * not, so a run does not change with the shell it is started from. Declare an Anthropic auth
 * profile in the config to get the auto-default.
 */
function anthropicAuthMode(config: OpenClawConfig): 'api_key' | 'oauth' | null {
  const profiles = config.auth?.profiles ?? {};
  for (const id of config.auth?.order?.['anthropic'] ?? []) {
    const profile = profiles[id];
    if (profile?.provider !== 'anthropic') continue;
    return profile.mode === 'api_key' ? 'api_key' : 'oauth';
  }
  const modes = Object.values(profiles).filter((profile) => profile.provider === 'anthropic').map((profile) => profile.mode);
  const hasApiKey = modes.includes('api_key');
  const hasOauth = modes.some((mode) => mode === 'oauth' || mode === 'token');
  if (hasApiKey !== hasOauth) return hasApiKey ? 'api_key' : 'oauth';
  return null;
}

function resolveLanes(config: OpenClawConfig, runtime: RuntimeDefaults): EffectiveSettings['lanes'] {
  const defaults = config.agents?.defaults;
  return {
    // Materialized by defaults.ts; the fallbacks only matter for a config built by hand.
    mainMaxConcurrent: defaults?.maxConcurrent ?? DEFAULT_AGENT_MAX_CONCURRENT,
    subagentMaxConcurrent: defaults?.subagents?.maxConcurrent ?? DEFAULT_SUBAGENT_MAX_CONCURRENT,
    cronMaxConcurrentRuns: config.cron?.maxConcurrentRuns ?? runtime.lanes.cronMaxConcurrentRuns,
    nestedMaxConcurrent: runtime.lanes.nestedMaxConcurrent,
    sessionMaxConcurrent: runtime.lanes.sessionMaxConcurrent,
  };
}

function resolveMaintenance(config: OpenClawConfig, runtime: RuntimeDefaults): EffectiveSettings['maintenance'] {
  const set = config.session?.maintenance;
  const defaults = runtime.maintenance;
  const pruneAfterMs = maintenancePruneAfterMs(set?.pruneAfter, set?.pruneDays, defaults.pruneAfterMs);
  const maxDiskBytes = set?.maxDiskBytes !== undefined ? (tryParseByteSize(set.maxDiskBytes) ?? null) : defaults.maxDiskBytes;
  const highWaterBytes =
    set?.highWaterBytes !== undefined
      ? (tryParseByteSize(set.highWaterBytes) ?? null)
      : maxDiskBytes === null
        ? null
        : Math.floor(maxDiskBytes * defaults.highWaterRatio);
  return {
    mode: set?.mode ?? defaults.mode,
    pruneAfterMs,
    maxEntries: set?.maxEntries ?? defaults.maxEntries,
    // 2026.9 removed rotateBytes (its schema rejects the key), so a set value only counts on 2026.2.
    rotateBytes: defaults.rotateBytes === null ? null : set?.rotateBytes !== undefined ? (tryParseByteSize(set.rotateBytes) ?? null) : defaults.rotateBytes,
    resetArchiveRetentionMs: resetArchiveRetentionMs(set?.resetArchiveRetention, pruneAfterMs, defaults.resetArchiveRetention),
    maxDiskBytes,
    highWaterBytes,
    capTrigger: defaults.capTrigger,
  };
}

// pruneAfter (bare number = days), else the deprecated pruneDays, else the default.
function maintenancePruneAfterMs(pruneAfter: string | number | undefined, pruneDays: number | undefined, fallbackMs: number): number {
  const unit = DURATION_DEFAULT_UNITS['session.maintenance.pruneAfter'];
  if (pruneAfter !== undefined) return parseDurationMs(pruneAfter, { defaultUnit: unit, path: 'session.maintenance.pruneAfter' });
  return pruneDays !== undefined ? pruneDays * 86_400_000 : fallbackMs;
}

function resetArchiveRetentionMs(
  set: string | number | false | undefined,
  pruneAfterMs: number,
  fallback: RuntimeDefaults['maintenance']['resetArchiveRetention'],
): number | null {
  if (set === false) return null;
  const unit = DURATION_DEFAULT_UNITS['session.maintenance.resetArchiveRetention'];
  if (set !== undefined) return parseDurationMs(set, { defaultUnit: unit, path: 'session.maintenance.resetArchiveRetention' });
  return fallback === 'pruneAfter' ? pruneAfterMs : null;
}

function resolveQueue(config: OpenClawConfig, runtime: RuntimeDefaults): EffectiveSettings['queue'] {
  const queue = config.messages?.queue;
  return {
    mode: queue?.mode ?? runtime.queue.mode,
    debounceMs: queue?.debounceMs ?? runtime.queue.debounceMs,
    cap: queue?.cap ?? runtime.queue.cap,
    drop: queue?.drop ?? runtime.queue.drop,
    byChannel: { ...queue?.byChannel },
    debounceMsByChannel: { ...queue?.debounceMsByChannel },
  };
}

function resolveCron(config: OpenClawConfig, runtime: RuntimeDefaults): EffectiveSettings['cron'] {
  const retention = config.cron?.sessionRetention;
  const unit = DURATION_DEFAULT_UNITS['cron.sessionRetention'];
  return {
    enabled: config.cron?.enabled ?? runtime.cron.enabled,
    sessionRetentionMs:
      retention === false
        ? null
        : retention === undefined
          ? runtime.cron.sessionRetentionMs
          : parseDurationMs(retention, { defaultUnit: unit, path: 'cron.sessionRetention' }),
    reaperMinSweepIntervalMs: runtime.cron.reaperMinSweepIntervalMs,
  };
}

// Per-channel commands override the global ones; "auto" means on for Telegram (openclaw/openclaw@2026.4.12 src/config/commands.ts).
function resolveTelegram(config: OpenClawConfig, runtime: RuntimeDefaults): EffectiveSettings['telegram'] {
  const telegram = config.channels?.telegram;
  const defaults = runtime.telegram;
  const native = telegram?.commands?.native ?? config.commands.native;
  const nativeSkills = telegram?.commands?.nativeSkills ?? config.commands.nativeSkills;
  return {
    enabled: telegram !== undefined && telegram.enabled !== false,
    apiRoot: telegram?.apiRoot ?? defaults.apiRoot,
    nativeCommands: native === 'auto' ? defaults.nativeCommandsAuto : native,
    nativeSkills: nativeSkills === 'auto' ? defaults.nativeSkillsAuto : nativeSkills,
    maxCommands: defaults.maxCommands,
    commandTextBudgetChars: runtime.telegramCommandTextBudgetChars,
    tooManyCommandsRetryRatio: defaults.tooManyCommandsRetryRatio,
    retry: { ...defaults.retry, ...telegram?.retry },
  };
}
