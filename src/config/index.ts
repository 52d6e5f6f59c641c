// The OpenClaw config module's public surface; see each file for the why.
export { loadConfig, parseConfigText, type LoadedConfig } from './load.ts';
export { getConfigPath, formatConfigValue, type ConfigPathResult } from './get.ts';
export { redact, redactText, collectSecrets, REDACTED } from './redact.ts';
export { materializeDefaults } from './defaults.ts';
export { effectiveSettings, type EffectiveSettings } from './effective.ts';
export { HEARTBEAT_PROMPT, type RuntimeDefaults } from './runtime-defaults.ts';
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
