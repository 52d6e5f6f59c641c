/**
 * `openclaw sessions cleanup [--dry-run] [--enforce] [--json]` for one store
 * (openclaw@2026.2.26 `src/commands/sessions-cleanup.ts`,
 * checked against its real output).
 *
 * The dry run previews maintenance as enforce mode would apply it, whatever
 * the configured mode, with no active session — 2026.2.26 calls
 * pruneStaleEntries and capEntryCount directly — so a warn-mode store still
 * shows what enforce would remove. `Would prune missing transcripts` is
 * always 0 (that needs `--fix-missing`, not modelled) and the disk-budget
 * line is never printed (no `maxDiskBytes` in 2026.2; 2026.9's budget is not
 * modelled). The 2026.2.26 layout is kept for the 2026.9 profile too; its
 * archived entries show as 2026.9.6's `archive-age`/`archive-cap` actions.
 */
import type { SessionEntry } from '../gateway/sessions/entry.ts';
import { planMaintenance, type MaintenanceOrder, type MaintenancePlan, type MaintenanceSettings } from '../gateway/sessions/maintenance.ts';
import { ageCell, displayModel, flagsCell, PAD, sessionRows, truncateSessionKey, type DisplayDefaults, type SessionRow } from './table.ts';

type CleanupAction = 'keep' | 'prune-missing' | 'prune-stale' | 'cap-overflow' | 'evict-budget' | 'archive-age' | 'archive-cap';

/** The `--json` summary per store, fields in 2026.2.26's order. */
export type CleanupSummary = {
  agentId: string;
  storePath: string;
  mode: MaintenanceSettings['mode'];
  dryRun: boolean;
  beforeCount: number;
  afterCount: number;
  missing: number;
  pruned: number;
  capped: number;
  diskBudget: null;
  wouldMutate: boolean;
  applied?: true;
  appliedCount?: number;
};

export type CleanupPreview = {
  readonly summary: CleanupSummary;
  readonly actions: readonly { readonly row: SessionRow; readonly action: CleanupAction }[];
};

export type CleanupInput = {
  readonly storePath: string;
  readonly entries: ReadonlyMap<string, SessionEntry>;
  readonly settings: MaintenanceSettings;
  /** The version profile's `maintenanceOrder`. */
  readonly order: MaintenanceOrder;
  /** What `Maintenance mode:` says: `--enforce`, else the configured mode. */
  readonly mode: MaintenanceSettings['mode'];
  readonly nowMs: number;
};

export function previewCleanup(input: CleanupInput): CleanupPreview {
  const plan = planMaintenance({
    entries: input.entries,
    settings: { ...input.settings, mode: 'enforce' },
    nowMs: input.nowMs,
    order: input.order,
    force: true,
  });
  const summary = cleanupSummary(input, plan, { dryRun: true, beforeCount: input.entries.size, afterCount: plan.keptCount });
  const action = actionOf(plan);
  return { summary, actions: sessionRows(input.entries, input.nowMs).map((row) => ({ row, action: action(row.key) })) };
}

/** The summary of a dry run, or of an applied write (`beforeCount`/`afterCount` from its report). */
export function cleanupSummary(
  input: Pick<CleanupInput, 'storePath' | 'mode'>,
  plan: MaintenancePlan,
  counts: { dryRun: boolean; beforeCount: number; afterCount: number },
): CleanupSummary {
  const wouldMutate = plan.pruned.length + plan.capped.length + plan.archived.length > 0;
  return {
    agentId: 'main',
    storePath: input.storePath,
    mode: input.mode,
    dryRun: counts.dryRun,
    beforeCount: counts.beforeCount,
    afterCount: counts.afterCount,
    missing: 0,
    pruned: plan.pruned.length,
    capped: plan.capped.length,
    diskBudget: null,
    wouldMutate,
  };
}

// resolveSessionCleanupAction's precedence: missing, stale, cap, budget, keep.
function actionOf(plan: MaintenancePlan): (key: string) => CleanupAction {
  const actions = new Map<string, CleanupAction>();
  for (const { key, reason } of plan.archived) actions.set(key, reason === 'age-retention' ? 'archive-age' : 'archive-cap');
  for (const key of plan.capped) actions.set(key, 'cap-overflow');
  for (const key of plan.pruned) actions.set(key, 'prune-stale');
  return (key) => actions.get(key) ?? 'keep';
}

export function renderCleanupDryRun(preview: CleanupPreview, nowMs: number, defaults: DisplayDefaults): string {
  const { summary } = preview;
  const lines = [
    `Session store: ${summary.storePath}`,
    `Maintenance mode: ${summary.mode}`,
    `Entries: ${summary.beforeCount} -> ${summary.afterCount} (remove ${summary.beforeCount - summary.afterCount})`,
    `Would prune missing transcripts: ${summary.missing}`,
    `Would prune stale: ${summary.pruned}`,
    `Would cap overflow: ${summary.capped}`,
  ];
  if (preview.actions.length > 0) {
    lines.push('', 'Planned session actions:');
    lines.push(['Action'.padEnd(PAD.action), 'Key'.padEnd(PAD.key), 'Age'.padEnd(PAD.age), 'Model'.padEnd(PAD.model), 'Flags'].join(' '));
    for (const { row, action } of preview.actions) {
      const line = [action.padEnd(PAD.action), truncateSessionKey(row.key).padEnd(PAD.key), ageCell(row.updatedAt, nowMs), displayModel(row, defaults).padEnd(PAD.model), flagsCell(row)];
      lines.push(line.join(' ').trimEnd());
    }
  }
  return `${lines.join('\n')}\n`;
}

export function renderCleanupApplied(summary: Pick<CleanupSummary, 'storePath' | 'appliedCount'>): string {
  return `Session store: ${summary.storePath}\nApplied maintenance. Current entries: ${summary.appliedCount ?? 0}\n`;
}
