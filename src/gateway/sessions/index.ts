// The embedded gateway's session store: public surface. See each file for the why.
export { createSessionStore, type SessionStore, type SessionStoreOptions, type WriteOptions, type WriteReport, type SessionStoreStats } from './store.ts';
export { planMaintenance, capTriggerEntries, type MaintenanceInput, type MaintenancePlan, type MaintenanceSettings, type MaintenanceLogLine } from './maintenance.ts';
export { createCronReaper, type CronReaper, type CronReaperOptions, type SweepResult } from './cron-reaper.ts';
export { buildStaleSessions, type StaleSessionKind, type StaleSessionSpec } from './preload.ts';
export { mergeSessionEntry, seededSessionId, transcriptFileName, type SessionEntry, type SessionPatch } from './entry.ts';
export {
  DEFAULT_AGENT_ID, MAIN_SESSION_KEY, mainSessionKey, directSessionKey, groupSessionKey, threadSessionKey, cronSessionKey, cronRunSessionKey,
  heartbeatSessionKey, parseAgentSessionKey, isCronRunSessionKey, isSubagentKey, sessionKindOf, isSyntheticSessionKey, isProtectedSessionKey,
  type DmScope, type SessionKind,
} from './keys.ts';
export { MAINTENANCE_LOG, SESSIONS_LOG_SUBSYSTEM, CRON_LOG_SUBSYSTEM, reaperPrunedLine } from './log-lines.ts';
export { readSessionStoreFile, parseSessionStoreJson } from './store-file.ts';
