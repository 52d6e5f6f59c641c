/**
 * Session-store maintenance (src/config/sessions/store-maintenance.ts), as a pure
 * plan: which keys a store write would prune for age, cap for count, or
 * (2026.9) archive, and the log lines it would write. The store applies the
 * plan before serializing, on every write, as `saveSessionStoreUnlocked`
 * does; nothing runs at load or startup.
 *
 * Two eviction orders; the version profile names its own:
 * - `oldest-first` (openclaw@2026.2.26 `src/config/sessions/store.ts`, as in 2026.4.12):
 *   no protection at all. Age prune, then keep the newest `maxEntries` by
 *   updatedAt; in enforce mode even the active session can go. Warn mode
 *   evicts nothing and only says so when the active session would go.
 * - `protected` (openclaw@2026.9.6 `store-maintenance.ts`): see
 *   maintenance-protected.ts.
 *
 * Cost: a write must not sort or copy the store. The age scan is skipped
 * when the caller's lower bound on updatedAt (`oldestUpdatedAtMs`) proves
 * nothing is stale; the cap sorts only when the store is over its trigger;
 * warn mode ranks the active session only when the caller's upper bound
 * (`newestOtherUpdatedAtMs`) does not already prove it the newest entry.
 */
import type { SessionEntry } from './entry.ts';
import { MAINTENANCE_LOG } from './log-lines.ts';
import type { MaintenanceInput, MaintenanceLogLine, MaintenanceOrder, MaintenancePlan, MaintenanceSettings } from './maintenance-plan.ts';
import { planProtectedMaintenance } from './maintenance-protected.ts';

export type { MaintenanceInput, MaintenanceOrder, MaintenancePlan, MaintenanceSettings } from './maintenance-plan.ts';

export function planMaintenance(input: MaintenanceInput): MaintenancePlan {
  return PLANNERS[input.order](input);
}

const PLANNERS: Readonly<Record<MaintenanceOrder, (input: MaintenanceInput) => MaintenancePlan>> = {
  'oldest-first': (input) => (input.settings.mode === 'warn' ? planWarnOnly(input) : planOldestFirst(input)),
  protected: (input) => planProtectedMaintenance(input, capTriggerEntries(input.settings)),
};

/**
 * The entry count at which the cap runs: over maxEntries on every write
 * (2026.2), or at the 2026.9 high-water mark maxEntries + max(25, ⌈10 %⌉),
 * strictly (maxEntries + 1) for caps ≤ 49 (resolveSessionEntryMaintenanceHighWater in openclaw@2026.9.6's dist).
 */
export function capTriggerEntries(settings: Pick<MaintenanceSettings, 'maxEntries' | 'capTrigger'>): number {
  const { maxEntries } = settings;
  if (settings.capTrigger === 'every-write' || maxEntries <= STRICT_MAX_ENTRIES) return maxEntries + 1;
  return maxEntries + Math.max(MIN_HIGH_WATER_SLACK_ENTRIES, Math.ceil(maxEntries * HIGH_WATER_SLACK_RATIO));
}

const STRICT_MAX_ENTRIES = 49; // STRICT_ENTRY_MAINTENANCE_MAX_ENTRIES
const MIN_HIGH_WATER_SLACK_ENTRIES = 25; // MIN_BATCHED_ENTRY_MAINTENANCE_SLACK
const HIGH_WATER_SLACK_RATIO = 0.1; // BATCHED_ENTRY_MAINTENANCE_SLACK_RATIO

// Entries without updatedAt sort last, so the cap removes them first (getEntryUpdatedAt).
function updatedAtOrMinusInfinity(entry: SessionEntry | undefined): number {
  return entry?.updatedAt ?? Number.NEGATIVE_INFINITY;
}

/** 2026.2 enforce: pruneStaleEntries, then capEntryCount, no entry protected. */
function planOldestFirst(input: MaintenanceInput): MaintenancePlan {
  const { entries, settings } = input;
  const cutoffMs = input.nowMs - settings.pruneAfterMs;
  const scan = scanStale(input, cutoffMs);
  const remaining = entries.size - scan.stale.length;
  const capped = remaining > settings.maxEntries ? newestFirstOverflow(entries, new Set(scan.stale), settings.maxEntries) : [];
  const log: MaintenanceLogLine[] = [];
  if (scan.stale.length > 0) log.push({ level: 'info', message: MAINTENANCE_LOG.pruned });
  if (capped.length > 0) log.push({ level: 'info', message: MAINTENANCE_LOG.capped });
  return {
    pruned: scan.stale,
    capped,
    archived: [],
    keptCount: remaining - capped.length,
    log,
    oldestUpdatedAtMs: scan.oldestKeptMs,
  };
}

/** Keys with `updatedAt < cutoff`, in store order, and the oldest updatedAt among the rest. */
function scanStale(input: MaintenanceInput, cutoffMs: number): { stale: string[]; oldestKeptMs: number } {
  const known = input.oldestUpdatedAtMs ?? Number.NEGATIVE_INFINITY;
  if (known >= cutoffMs) return { stale: [], oldestKeptMs: known };
  const stale: string[] = [];
  let oldestKeptMs = Number.POSITIVE_INFINITY;
  for (const [key, entry] of input.entries) {
    const updatedAt = entry.updatedAt;
    if (updatedAt === undefined) continue;
    if (updatedAt < cutoffMs) stale.push(key);
    else if (updatedAt < oldestKeptMs) oldestKeptMs = updatedAt;
  }
  return { stale, oldestKeptMs };
}

/**
 * The keys past the newest `maxEntries`, as capEntryCount's stable sort by
 * updatedAt descending leaves them: ties keep store order, so the later ones
 * go. One over the cap — every new entry of a full store — needs no sort.
 */
function newestFirstOverflow(entries: ReadonlyMap<string, SessionEntry>, gone: ReadonlySet<string>, maxEntries: number): string[] {
  if (entries.size - gone.size === maxEntries + 1) return [lastInNewestFirstOrder(entries, gone)];
  const rows: { key: string; at: number }[] = [];
  for (const [key, entry] of entries) if (!gone.has(key)) rows.push({ key, at: updatedAtOrMinusInfinity(entry) });
  rows.sort((a, b) => b.at - a.at);
  return rows.slice(maxEntries).map((row) => row.key);
}

// The oldest, the later in store order among equals (−∞ included: the sort treats −∞ − −∞ = NaN as equal).
function lastInNewestFirstOrder(entries: ReadonlyMap<string, SessionEntry>, gone: ReadonlySet<string>): string {
  let lastKey = '';
  let lastAt = Number.POSITIVE_INFINITY;
  for (const [key, entry] of entries) {
    const at = updatedAtOrMinusInfinity(entry);
    if (at <= lastAt && !gone.has(key)) {
      lastKey = key;
      lastAt = at;
    }
  }
  return lastKey;
}

/**
 * 2026.2 warn (getActiveSessionMaintenanceWarning): nothing is evicted; one
 * warning when the active session itself would be pruned or capped.
 */
function planWarnOnly(input: MaintenanceInput): MaintenancePlan {
  const { entries, settings, activeKey } = input;
  const active = activeKey === undefined ? undefined : entries.get(activeKey);
  const nothing = { pruned: [], capped: [], archived: [], keptCount: entries.size, oldestUpdatedAtMs: input.oldestUpdatedAtMs ?? Number.NEGATIVE_INFINITY };
  if (active === undefined || activeKey === undefined) return { ...nothing, log: [] };
  const wouldPrune = active.updatedAt !== undefined && active.updatedAt < input.nowMs - settings.pruneAfterMs;
  // A session just written is usually strictly the newest entry, and rank 0 needs no count.
  const provablyNewest = active.updatedAt !== undefined && active.updatedAt > (input.newestOtherUpdatedAtMs ?? Number.POSITIVE_INFINITY);
  const wouldCap = entries.size > settings.maxEntries && !provablyNewest && newestFirstRank(entries, activeKey) >= settings.maxEntries;
  const log: MaintenanceLogLine[] = wouldPrune || wouldCap ? [{ level: 'warn', message: MAINTENANCE_LOG.activeWouldBeEvicted }] : [];
  return { ...nothing, log };
}

/** Where `key` would land in capEntryCount's newest-first order, counted without sorting. */
function newestFirstRank(entries: ReadonlyMap<string, SessionEntry>, key: string): number {
  const own = updatedAtOrMinusInfinity(entries.get(key));
  let rank = 0;
  let beforeInStore = true;
  for (const [other, entry] of entries) {
    if (other === key) {
      beforeInStore = false;
      continue;
    }
    const at = updatedAtOrMinusInfinity(entry);
    // A stable sort keeps store order among equal times (two −∞ compare as NaN, which it treats as equal).
    if (at > own || (beforeInStore && at === own)) rank++;
  }
  return rank;
}
