// The embedded gateway's session store: public surface. See each file for the why.
export { createSessionStore, type SessionStore } from './store.ts';
export { planMaintenance, capTriggerEntries, type MaintenanceInput, type MaintenanceSettings } from './maintenance.ts';
export { createCronReaper } from './cron-reaper.ts';
export { buildStaleSessions, type StaleSessionSpec } from './preload.ts';
export { mergeSessionEntry, seededSessionId, type SessionEntry } from './entry.ts';
export {
  MAIN_SESSION_KEY, mainSessionKey, directSessionKey, groupSessionKey, threadSessionKey, cronSessionKey, cronRunSessionKey,
  heartbeatSessionKey, parseAgentSessionKey, isCronRunSessionKey, sessionKindOf, isSyntheticSessionKey, isProtectedSessionKey,
} from './keys.ts';
export { MAINTENANCE_LOG } from './log-lines.ts';
