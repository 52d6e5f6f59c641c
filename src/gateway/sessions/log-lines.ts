/**
 * The session store's log lines, verbatim from the 2026.2.26 / 2026.9.6
 * dists. OpenClaw passes the counts as structured
 * metadata (`{pruned, maxAgeMs}`, `{removed, maxEntries}`), which its console
 * line does not show — observed on openclaw@2026.2.26: the bare
 * `[sessions/store] pruned stale session entries` — so neither does
 * quotastorm's gateway.log. The reaper's line has its count in the text.
 */
export const SESSIONS_LOG_SUBSYSTEM = 'sessions/store';

/** The cron service's logger (`getChildLogger({ module: "cron" })`). */
export const CRON_LOG_SUBSYSTEM = 'cron';

export const MAINTENANCE_LOG = {
  pruned: 'pruned stale session entries',
  capped: 'capped session entry count',
  /** openclaw@2026.9.6 renamed the line when capping began to archive ordinary sessions. */
  cappedUnarchived: 'capped unarchived session entry count',
  /** Warn mode, 2026.2 only: in 2026.9.6 the active session is always preserved, so it never fires. */
  activeWouldBeEvicted: 'session maintenance would evict active session; skipping enforcement',
} as const;

export function reaperPrunedLine(pruned: number): string {
  return `cron-reaper: pruned ${pruned} expired cron run session(s)`;
}
