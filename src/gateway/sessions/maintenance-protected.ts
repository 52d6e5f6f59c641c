/**
 * The `protected` eviction order, from openclaw@2026.9.6's own code
 * (`dist/store-maintenance-*.mjs`, `store-maintenance-plan.ts`,
 * `store-maintenance-operations.ts`). Where it differs from later OpenClaw
 * source (`isProtectedSessionMaintenanceEntry` on main), the pinned 2026.9.6 wins:
 * - Preserved entries are never touched but count toward the cap:
 *   protected keys (keys.ts), archived, pinned, model-locked and running
 *   entries, and the write's active session (it is in the preserve set), so
 *   warn mode never has an active session to warn about.
 * - Age prune runs on every enforced write: stale synthetic rows (cron,
 *   heartbeat, subagent, hook, …) are removed, stale ordinary ones archived
 *   (`archivedAt`, reason `age-retention`) and kept in the store.
 * - The cap runs at the high-water trigger over *unarchived* entries and
 *   takes the oldest non-preserved ones by activity, with no synthetic-first
 *   pass: synthetic victims are removed, ordinary ones archived
 *   (`active-session-cap`). No 25-entry floor exists in 2026.9.6.
 * Not modelled: `preserveRecent` (opt-in), the dashboard and model-run
 * probe passes (quotastorm writes no such keys), the disk budget.
 */
import type { SessionEntry } from './entry.ts';
import { isProtectedSessionKey, isSubagentKey, isSyntheticSessionKey, mainSessionKey, parseAgentSessionKey } from './keys.ts';
import { MAINTENANCE_LOG } from './log-lines.ts';
import type { ArchiveReason, MaintenanceInput, MaintenanceLogLine, MaintenancePlan } from './maintenance-plan.ts';

type Archive = { key: string; reason: ArchiveReason };

export function planProtectedMaintenance(input: MaintenanceInput, capTriggerEntries: number): MaintenancePlan {
  const { entries } = input;
  if (input.settings.mode === 'warn') {
    return { pruned: [], capped: [], archived: [], keptCount: entries.size, log: [], oldestUpdatedAtMs: input.oldestUpdatedAtMs ?? Number.NEGATIVE_INFINITY };
  }
  const isPreserved = (key: string, entry: SessionEntry) => key === input.activeKey || isPreservedEntry(key, entry);
  const age = ageRetention(input, isPreserved);
  const unarchived = countUnarchived(entries) - age.pruned.length - age.archived.length;
  const gone = new Set([...age.pruned, ...age.archived.map((archive) => archive.key)]);
  const cap = input.force === true || unarchived >= capTriggerEntries
    ? capVictims(entries, gone, unarchived - input.settings.maxEntries, isPreserved)
    : { removed: [], archived: [] };
  const log: MaintenanceLogLine[] = [];
  if (age.pruned.length > 0) log.push({ level: 'info', message: MAINTENANCE_LOG.pruned });
  if (cap.removed.length + cap.archived.length > 0) log.push({ level: 'info', message: MAINTENANCE_LOG.cappedUnarchived });
  return {
    pruned: age.pruned,
    capped: cap.removed,
    archived: [...age.archived, ...cap.archived],
    keptCount: entries.size - age.pruned.length - cap.removed.length,
    log,
    oldestUpdatedAtMs: age.oldestKeptMs,
  };
}

/**
 * shouldPreserveMaintenanceEntry, less the per-write active key and the
 * opt-in preserveRecent. Memoized per entry object: a store over its cap
 * with protected entries asks again on every write, and the store replaces
 * an entry on every change instead of editing it, so an answer cannot go stale.
 */
function isPreservedEntry(key: string, entry: SessionEntry): boolean {
  const known = preservedByEntry.get(entry);
  if (known !== undefined && known.key === key) return known.preserved;
  const preserved = computePreserved(key, entry);
  preservedByEntry.set(entry, { key, preserved });
  return preserved;
}

const preservedByEntry = new WeakMap<SessionEntry, { readonly key: string; readonly preserved: boolean }>();

function computePreserved(key: string, entry: SessionEntry): boolean {
  if (entry.archivedAt !== undefined) return true;
  if (entry.pinnedAt !== undefined && isPinnable(key, entry)) return true;
  return entry.modelSelectionLocked === true || entry.status === 'running' || isProtectedSessionKey(key, entry);
}

// isPinnableSessionEntry: not a subagent, and spawned by nobody but its agent's main session.
function isPinnable(key: string, entry: SessionEntry): boolean {
  if (isSubagentKey(key) || (entry.spawnedBy ?? '').trim() !== '') return false;
  const parent = (entry.parentSessionKey ?? '').trim();
  if (parent === '') return true;
  const agentId = parseAgentSessionKey(key)?.agentId;
  return agentId !== undefined && parent === mainSessionKey(agentId);
}

/** pruneStaleEntries: stale synthetic rows removed, stale ordinary ones archived; preserved ones untouched. */
function ageRetention(
  input: MaintenanceInput,
  isPreserved: (key: string, entry: SessionEntry) => boolean,
): { pruned: string[]; archived: Archive[]; oldestKeptMs: number } {
  const cutoffMs = input.nowMs - input.settings.pruneAfterMs;
  const known = input.oldestUpdatedAtMs ?? Number.NEGATIVE_INFINITY;
  if (known >= cutoffMs) return { pruned: [], archived: [], oldestKeptMs: known };
  const pruned: string[] = [];
  const archived: Archive[] = [];
  let oldestKeptMs = Number.POSITIVE_INFINITY;
  for (const [key, entry] of input.entries) {
    const updatedAt = entry.updatedAt;
    if (updatedAt === undefined || entry.archivedAt !== undefined) continue;
    if (updatedAt >= cutoffMs || isPreserved(key, entry)) {
      // Preserved entries stay in the bound: the active key or a running status may not protect them next write.
      if (updatedAt < oldestKeptMs) oldestKeptMs = updatedAt;
    } else if (isSyntheticSessionKey(key)) pruned.push(key);
    else archived.push({ key, reason: 'age-retention' });
  }
  return { pruned, archived, oldestKeptMs };
}

function countUnarchived(entries: ReadonlyMap<string, SessionEntry>): number {
  let count = 0;
  for (const entry of entries.values()) if (entry.archivedAt === undefined) count++;
  return count;
}

/**
 * selectSessionEntryCapVictims + capEntryCount: the `overflow` oldest
 * eligible entries by activity (ties: later in store order first, from its
 * reverse-then-sort), synthetic ones removed, the rest archived.
 */
function capVictims(
  entries: ReadonlyMap<string, SessionEntry>,
  gone: ReadonlySet<string>,
  overflow: number,
  isPreserved: (key: string, entry: SessionEntry) => boolean,
): { removed: string[]; archived: Archive[] } {
  if (overflow <= 0) return { removed: [], archived: [] };
  const eligible: string[] = [];
  for (const [key, entry] of entries) if (!gone.has(key) && !isPreserved(key, entry)) eligible.push(key);
  eligible.reverse();
  // getSessionMaintenanceActivityAt: quotastorm's entries carry no lastInteractionAt/lastActivityAt/sessionStartedAt.
  eligible.sort((a, b) => (entries.get(a)?.updatedAt ?? 0) - (entries.get(b)?.updatedAt ?? 0));
  const removed: string[] = [];
  const archived: Archive[] = [];
  for (const key of eligible.slice(0, overflow)) {
    if (isSyntheticSessionKey(key)) removed.push(key);
    else archived.push({ key, reason: 'active-session-cap' });
  }
  return { removed, archived };
}
