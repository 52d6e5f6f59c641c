// The OpenClaw config module's public surface; see each file for the why.
export { loadConfig, parseConfigText, type LoadedConfig } from './load.ts';
export { getConfigPath, formatConfigValue, type ConfigPathResult } from './get.ts';
export { redact, redactText, collectSecrets, REDACTED } from './redact.ts';
export { materializeDefaults } from './defaults.ts';
export { effectiveSettings, type EffectiveSettings } from './effective.ts';
export { HEARTBEAT_PROMPT, type RuntimeDefaults } from './runtime-defaults.ts';
export {
  parseModelRef,
  resolveModelRef,
  resolvePrimaryModelRef,
  resolveModelChain,
  buildModelAliasIndex,
  configuredScope,
  configuredProvider,
  configuredModel,
  modelKey,
  providerOf,
  type ModelRef,
  type ModelRefRules,
  type ModelRefScope,
  type ModelRefConfig,
  type ModelAliasIndex,
} from './model-ref.ts';
export { MODEL_REF_RULES_2026_2 } from './model-ref-rules-2026-2.ts';
export { MODEL_REF_RULES_2026_9, MODEL_REF_RULES_2026_9_STATIC } from './model-ref-rules-2026-9.ts';
export type { ConfigVersion } from './config-version.ts';
export { parseDurationMs, tryParseDurationMs, DURATION_DEFAULT_UNITS, type DurationUnit } from './duration.ts';
export { parseConfigPath, formatConfigPath, type PathSegment } from './path.ts';
export {
  OpenClawConfigSchema,
  MODEL_APIS,
  type OpenClawConfig,
  type ModelApi,
  type AgentModelConfig,
  type AgentDefaultsConfig,
  type HeartbeatConfig,
  type ContextPruningConfig,
  type SessionConfig,
  type SessionMaintenanceConfig,
  type CommandsConfig,
  type TelegramConfig,
  type ModelsConfig,
  type ModelProviderConfig,
  type ModelDefinitionConfig,
  type AuthConfig,
  type AuthCooldownsConfig,
  type CronConfig,
  type QueueConfig,
} from './schema.ts';
