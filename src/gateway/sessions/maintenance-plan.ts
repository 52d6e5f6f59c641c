/** The shape of a maintenance plan and what it is planned from (maintenance.ts plans it). */
import type { EffectiveSettings } from '../../config/effective.ts';
import type { SessionEntry } from './entry.ts';

/**
 * How a version evicts: `oldest-first` with nothing protected (openclaw@2026.2.26), or
 * `protected` — active, main and synthetic sessions kept, archives instead of deletes
 * (openclaw@2026.9.6, maintenance-protected.ts).
 */
export type MaintenanceOrder = 'oldest-first' | 'protected';

export type MaintenanceSettings = Pick<EffectiveSettings['maintenance'], 'mode' | 'pruneAfterMs' | 'maxEntries' | 'capTrigger'>;

export type MaintenanceInput = {
  readonly entries: ReadonlyMap<string, SessionEntry>;
  readonly settings: MaintenanceSettings;
  readonly nowMs: number;
  /** The session this write is for; undefined for writes without one (cron run bookkeeping, the reaper, cleanup). */
  readonly activeKey?: string | undefined;
  readonly order: MaintenanceOrder;
  /** `sessions cleanup`: cap now, whatever the 2026.9 high-water trigger says (its maintenanceOverride). */
  readonly force?: boolean;
  /** A lower bound on updatedAt over every entry that could be pruned; -Infinity or absent = unknown. */
  readonly oldestUpdatedAtMs?: number;
  /** An upper bound on updatedAt over every entry but the active one; +Infinity or absent = unknown. */
  readonly newestOtherUpdatedAtMs?: number;
};

export type MaintenanceLogLine = { readonly level: 'info' | 'warn'; readonly message: string };

export type ArchiveReason = NonNullable<SessionEntry['archiveReason']>;

export type MaintenancePlan = {
  /** Removed for age: `updatedAt < now − pruneAfter`. */
  readonly pruned: readonly string[];
  /** Removed to bring the count down to maxEntries: the oldest entries. */
  readonly capped: readonly string[];
  /** 2026.9 only: kept in the store with archivedAt set, out of the cap count. */
  readonly archived: readonly { readonly key: string; readonly reason: ArchiveReason }[];
  /** Entries left in the store once the plan is applied (archived ones included). */
  readonly keptCount: number;
  /** Lines for the `sessions/store` subsystem, in order (log-lines.ts). OpenClaw's counts go to its JSON log only. */
  readonly log: readonly MaintenanceLogLine[];
  /** The new lower bound on updatedAt over prunable entries, for the next write's input. */
  readonly oldestUpdatedAtMs: number;
};
