/**
 * What `openclaw sessions cleanup --dry-run` would do to a 2026.9.6 store
 * (`planSessionEntryMaintenance` with the write profile and forced
 * maintenance, as `previewStoreCleanup` runs it; `store-maintenance.ts`):
 *
 * 1. over the entry cap, gateway model-run probes older than a day are removed;
 * 2. dashboard sessions idle past `archiveDashboardAfter` (7 d) are archived;
 * 3. entries older than `pruneAfter` are removed if synthetic (cron, hook,
 *    subagent, …) and archived otherwise;
 * 4. the unarchived entries over `maxEntries`, oldest activity first (equal
 *    ones: later in key order first), are removed or archived the same way.
 *
 * Preserved entries are never touched but count toward the cap: archived,
 * pinned, model-locked and running ones, the `--active-key`, recent ones
 * under `preserveRecent`, and protected conversations (the main session,
 * threads, external channels' DMs and groups). The configured mode does not
 * matter: the preview shows what enforce would do.
 *
 * quotastorm's embedded gateway runs its own model of this (gateway/sessions/maintenance-protected.ts,
 * for the entries it writes); this one follows OpenClaw for stores OpenClaw wrote.
 */
import type { SessionEntry } from '../../gateway/sessions/entry.ts';
import { isProtectedSessionKey, isSyntheticSessionKey, mainSessionKey, parseAgentSessionKey } from '../../gateway/sessions/keys.ts';
import type { SqliteSessionEntry } from './store.ts';

export type CleanupSettings = {
  readonly pruneAfterMs: number;
  readonly maxEntries: number;
  /** null: dashboards are never archived for idleness (`archiveDashboardAfter: false`). */
  readonly archiveDashboardAfterMs: number | null;
  readonly preserveRecentMs: number | null;
};

export type CleanupAction2026 = 'keep' | 'prune-model-run' | 'archive-dashboard' | 'archive-cap' | 'archive-age' | 'prune-stale' | 'cap-overflow';

export type CleanupPlan = {
  /** Per key, what the dry run's table says; `keep` for keys not in the map. */
  readonly actions: ReadonlyMap<string, CleanupAction2026>;
  readonly modelRunPruned: number;
  /** Archived by the dashboard and age passes (`Would archive inactive sessions`). */
  readonly archived: number;
  readonly capArchived: number;
  readonly pruned: number;
  readonly capped: number;
  /** Entries left, archived ones included. */
  readonly afterCount: number;
};

/** OpenClaw's defaults for the two settings quotastorm's config model does not carry. */
export const DEFAULT_ARCHIVE_DASHBOARD_AFTER_MS = 7 * 24 * 3_600_000;
const MODEL_RUN_PRUNE_AFTER_MS = 24 * 3_600_000;

export function planCleanup(
  entries: readonly (readonly [string, SqliteSessionEntry])[],
  settings: CleanupSettings,
  at: { readonly nowMs: number; readonly activeKey?: string | undefined },
): CleanupPlan {
  const store = new Map(entries.map(([key, entry]) => [key, { archived: entry['archivedAt'] !== undefined, entry }]));
  const actions = new Map<string, CleanupAction2026>();
  const preserved = (key: string, slot: Slot) =>
    slot.archived || isPreservedUnarchived(key, slot.entry, at.nowMs, settings.preserveRecentMs) || key === at.activeKey;
  const live = () => [...store].filter(([key, slot]) => !slot.archived && !preserved(key, slot));
  const remove = (key: string, action: CleanupAction2026) => {
    store.delete(key);
    actions.set(key, action);
  };
  const archive = (key: string, action: CleanupAction2026) => {
    store.get(key)!.archived = true;
    actions.set(key, action);
  };
  const initialUnarchived = [...store.values()].filter((slot) => !slot.archived).length;
  if (initialUnarchived > settings.maxEntries) {
    for (const [key, slot] of live()) if (isModelRunKey(key) && slot.entry.updatedAt < at.nowMs - MODEL_RUN_PRUNE_AFTER_MS) remove(key, 'prune-model-run');
  }
  if (settings.archiveDashboardAfterMs !== null && settings.archiveDashboardAfterMs > 0) {
    const cutoffMs = at.nowMs - settings.archiveDashboardAfterMs;
    for (const [key, slot] of live()) {
      const activityAt = activityAtOf(slot.entry);
      if (parseAgentSessionKey(key)?.rest.startsWith('dashboard:') === true && activityAt > 0 && activityAt < cutoffMs) archive(key, 'archive-dashboard');
    }
  }
  if (settings.pruneAfterMs > 0) {
    const cutoffMs = at.nowMs - settings.pruneAfterMs;
    for (const [key, slot] of live()) {
      if (slot.entry.updatedAt >= cutoffMs) continue;
      if (isSyntheticKey(key)) remove(key, 'prune-stale');
      else archive(key, 'archive-age');
    }
  }
  const unarchived = [...store].filter(([, slot]) => !slot.archived);
  const overflow = unarchived.length - Math.max(0, settings.maxEntries);
  if (overflow > 0) {
    const eligible = unarchived.filter(([key, slot]) => !preserved(key, slot)).toReversed();
    const victims = eligible.toSorted(([, a], [, b]) => activityAtOf(a.entry) - activityAtOf(b.entry)).slice(0, overflow);
    for (const [key] of victims) {
      if (isSyntheticKey(key)) remove(key, 'cap-overflow');
      else archive(key, 'archive-cap');
    }
  }
  const count = (action: CleanupAction2026) => [...actions.values()].filter((value) => value === action).length;
  return {
    actions,
    modelRunPruned: count('prune-model-run'),
    archived: count('archive-dashboard') + count('archive-age'),
    capArchived: count('archive-cap'),
    pruned: count('prune-stale'),
    capped: count('cap-overflow'),
    afterCount: store.size,
  };
}

type Slot = { archived: boolean; readonly entry: SqliteSessionEntry };

// shouldPreserveNonArchivedMaintenanceEntry, less the active key (the caller adds it).
function isPreservedUnarchived(key: string, entry: SqliteSessionEntry, nowMs: number, preserveRecentMs: number | null): boolean {
  if (entry['pinnedAt'] !== undefined && isPinnable(key, entry)) return true;
  if (entry['modelSelectionLocked'] === true || entry['status'] === 'running') return true;
  if (preserveRecentMs !== null && !isSyntheticKey(key)) {
    const activityAt = activityAtOf(entry);
    if (activityAt > 0 && nowMs - activityAt <= preserveRecentMs) return true;
  }
  return isProtectedEntry(key, entry);
}

// isProtectedSessionMaintenanceEntry: an external delivery, or a protected key or chat type.
function isProtectedEntry(key: string, entry: SqliteSessionEntry): boolean {
  if (isSyntheticKey(key)) return false;
  const delivery = entry['delivery'] as { kind?: unknown; origin?: { chatType?: unknown } } | undefined;
  if (delivery?.kind === 'external') return true;
  const chatType = entry['chatType'] ?? (delivery?.kind === 'external' ? delivery.origin?.chatType : undefined);
  return isProtectedSessionKey(key, { chatType: typeof chatType === 'string' ? (chatType as SessionEntry['chatType']) : undefined });
}

// isPinnableSessionEntry: not a subagent, spawned by nobody, parented (if at all) by its agent's main session.
function isPinnable(key: string, entry: SqliteSessionEntry): boolean {
  if (parseAgentSessionKey(key)?.rest.startsWith('subagent:') === true || key.trim().toLowerCase().startsWith('subagent:')) return false;
  if (typeof entry['spawnedBy'] === 'string' && entry['spawnedBy'].trim() !== '') return false;
  const parent = typeof entry['parentSessionKey'] === 'string' ? entry['parentSessionKey'].trim() : '';
  if (parent === '') return true;
  const agentId = parseAgentSessionKey(key)?.agentId;
  return agentId !== undefined && parent === mainSessionKey(agentId);
}

// getSessionMaintenanceActivityAt: the latest of the session's activity stamps.
function activityAtOf(entry: SqliteSessionEntry): number {
  const stamp = (field: string) => (typeof entry[field] === 'number' ? (entry[field] as number) : 0);
  return Math.max(stamp('lastInteractionAt'), stamp('lastActivityAt'), stamp('sessionStartedAt'), entry.updatedAt);
}

function isSyntheticKey(key: string): boolean {
  return isModelRunKey(key) || isSyntheticSessionKey(key);
}

// isGatewayModelRunSessionKey: the probe sessions `openclaw models run` leaves, `agent:<id>:explicit:model-run-<uuid>`.
function isModelRunKey(key: string): boolean {
  return /^agent:[^:\s]+:explicit:model-run-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key);
}
