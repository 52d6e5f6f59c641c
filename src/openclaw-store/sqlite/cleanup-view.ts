/**
 * What `openclaw sessions cleanup --dry-run [--enforce] [--active-key K]
 * [--json] --store <file.sqlite>` prints with openclaw@2026.9.6
 * (`src/commands/sessions-cleanup.ts`, `cleanup-service.ts` in its dist),
 * checked byte for byte against its real output
 * (test/fixtures/sessions-2026.9.6/). Pure: store, plan and disk usage → text.
 *
 * Always 0 here, as in a run without `--fix-missing` / `--fix-dm-scope`:
 * missing transcripts and retired DM rows. The unreferenced-artifact scan is
 * counted (its line appears when the store's folder holds files) but never
 * removes anything: OpenClaw decides that by file modification times against
 * its wall clock, which a repeatable preview cannot use.
 */
import { renderBoxTable, type BoxColumn } from './box-table.ts';
import type { CleanupAction2026, CleanupPlan } from './cleanup-plan.ts';
import { displayModelRef, type DisplayDefaults } from './display-model.ts';
import { ageCell, byUpdatedAtDescending, flagsCell, keyCell, modelCell, toDisplayRow, type DisplayRow } from './display-row.ts';
import type { SqliteSessionStore } from './store.ts';
import { sanitizeText } from './terminal-text.ts';
import { textWidth } from './text-width.ts';

type DiskBudgetSettings = { readonly maxDiskBytes: number | null; readonly highWaterBytes: number | null };

export type CleanupPreviewInput = {
  readonly store: SqliteSessionStore;
  readonly plan: CleanupPlan;
  /** `Maintenance mode:`: `--enforce`, else the configured mode. */
  readonly mode: 'enforce' | 'warn';
  readonly pruneAfterMs: number;
  readonly diskBudget: DiskBudgetSettings;
  /** What the store and its session folder hold on disk (disk-usage.ts). */
  readonly usage: { readonly totalBytes: number; readonly artifactFiles: number };
  readonly nowMs: number;
  readonly defaults: DisplayDefaults;
};

/** The `--json` summary, fields in 2026.9.6's order. */
export function cleanupSummary(input: CleanupPreviewInput): object {
  const { plan } = input;
  const diskBudget = diskBudgetOf(input);
  const unreferencedArtifacts = { scannedFiles: input.usage.artifactFiles, removedFiles: 0, freedBytes: 0, olderThanMs: input.pruneAfterMs };
  return {
    agentId: 'main',
    storePath: input.store.storePath,
    mode: input.mode,
    dryRun: true,
    beforeCount: input.store.entries.length,
    afterCount: plan.afterCount,
    missing: 0,
    dmScopeRetired: 0,
    modelRunPruned: plan.modelRunPruned,
    archived: plan.archived,
    capArchived: plan.capArchived,
    pruned: plan.pruned,
    capped: plan.capped,
    unreferencedArtifacts,
    diskBudget,
    wouldMutate: plan.modelRunPruned + plan.archived + plan.capArchived + plan.pruned + plan.capped > 0,
  };
}

/** createPhysicalBudgetResult: the measured size against the budget; nothing evicted in a preview under budget. */
function diskBudgetOf(input: CleanupPreviewInput): object | null {
  const { maxDiskBytes, highWaterBytes } = input.diskBudget;
  if (maxDiskBytes === null || highWaterBytes === null) return null;
  const bytes = input.usage.totalBytes;
  return { totalBytesBefore: bytes, totalBytesAfter: bytes, removedFiles: 0, removedEntries: 0, freedBytes: 0, maxBytes: maxDiskBytes, highWaterBytes, overBudget: bytes > maxDiskBytes };
}

const COLUMNS: readonly BoxColumn[] = [
  { key: 'action', header: 'Action' },
  { key: 'key', header: 'Key' },
  { key: 'age', header: 'Age' },
  { key: 'model', header: 'Model' },
  { key: 'flags', header: 'Flags', flex: true },
];

export function renderCleanupDryRun(input: CleanupPreviewInput): string {
  const { plan } = input;
  const before = input.store.entries.length;
  const lines = [
    `Session store: ${input.store.storePath}`,
    `Maintenance mode: ${input.mode}`,
    `Entries: ${before} -> ${plan.afterCount} (remove ${before - plan.afterCount})`,
    'Would prune missing transcripts: 0',
    'Would retire stale direct DM sessions: 0',
    `Would prune stale model-run probes: ${plan.modelRunPruned}`,
    `Would archive inactive sessions: ${plan.archived}`,
    `Would archive cap overflow: ${plan.capArchived}`,
    `Would prune stale: ${plan.pruned}`,
    `Would cap overflow: ${plan.capped}`,
  ];
  if (input.usage.artifactFiles > 0) lines.push('Would prune unreferenced artifacts: 0');
  if (diskBudgetOf(input) !== null) lines.push(`Would enforce disk budget: ${input.usage.totalBytes} -> ${input.usage.totalBytes} bytes (files 0, entries 0)`);
  const rows = actionRows(input);
  if (rows.length > 0) {
    lines.push('', 'Planned session actions:', renderBoxTable(COLUMNS, rows.map((row) => cells(row, input))).trimEnd());
    lines.push(...labelSummary(rows));
  }
  return `${lines.join('\n')}\n`;
}

type ActionRow = DisplayRow & { readonly action: CleanupAction2026 };

// buildActionRows: every entry before cleanup, newest first, with what would happen to it.
function actionRows(input: CleanupPreviewInput): ActionRow[] {
  const rows = input.store.entries.map(([key, entry]) => ({ ...toDisplayRow(key, entry, input.nowMs), action: input.plan.actions.get(key) ?? ('keep' as const) }));
  return byUpdatedAtDescending(rows);
}

function cells(row: ActionRow, input: CleanupPreviewInput): Record<string, string> {
  return {
    action: row.action,
    key: keyCell(row.key),
    age: ageCell(row.updatedAt, input.nowMs),
    model: modelCell(displayModelRef(row, input.defaults).model),
    flags: flagsCell(row),
  };
}

const KEPT: ReadonlySet<CleanupAction2026> = new Set(['keep', 'archive-dashboard', 'archive-cap', 'archive-age']);

// renderLabelSummaries: per label (unlabeled ones together), how many stay (archived ones do) and how many go.
function labelSummary(rows: readonly ActionRow[]): string[] {
  const byLabel = new Map<string, { kept: number; pruned: number }>();
  for (const row of rows) {
    const label = sanitizeText(typeof row.label === 'string' ? row.label.trim() : '') || '(unlabeled)';
    const summary = byLabel.get(label) ?? { kept: 0, pruned: 0 };
    if (KEPT.has(row.action)) summary.kept += 1;
    else summary.pruned += 1;
    byLabel.set(label, summary);
  }
  const labels = [...byLabel.keys()].toSorted((a, b) => a.localeCompare(b));
  const width = Math.max(...labels.map(textWidth));
  const lines = ['', 'Summary by Label:'];
  for (const label of labels) {
    const { kept, pruned } = byLabel.get(label)!;
    lines.push(`${label}${' '.repeat(width - textWidth(label))}  ${kept} kept, ${pruned} pruned`);
  }
  const total = (field: 'kept' | 'pruned') => [...byLabel.values()].reduce((sum, summary) => sum + summary[field], 0);
  lines.push(`Total: ${total('kept')} kept, ${total('pruned')} pruned`);
  return lines;
}
