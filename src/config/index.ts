// The OpenClaw config module's public surface; see each file for the why.
export { loadConfig, parseConfigText } from './load.ts';
export { getConfigPath, formatConfigValue } from './get.ts';
export { redact } from './redact.ts';
export { effectiveSettings } from './effective.ts';
export { tryParseDurationMs } from './duration.ts';
export type { OpenClawConfig } from './schema.ts';
