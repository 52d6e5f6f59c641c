/**
 * `quotastorm sessions` and `sessions cleanup --dry-run` on openclaw@2026.9.6's
 * SQLite session store: what that version's `openclaw sessions --store
 * <file.sqlite>` prints (src/openclaw-store/sqlite/). The store is read,
 * never written; ages are measured from `--now`, else from the store's
 * newest updatedAt, so the same file always prints the same text.
 */
import { effectiveSettings, getConfigPath, tryParseDurationMs, type OpenClawConfig } from '../config/index.ts';
import { UserError } from '../errors.ts';
import { profileWithSessionStore } from '../gateway/profiles/index.ts';
import { DEFAULT_ARCHIVE_DASHBOARD_AFTER_MS, planCleanup } from '../openclaw-store/sqlite/cleanup-plan.ts';
import { cleanupSummary, renderCleanupDryRun } from '../openclaw-store/sqlite/cleanup-view.ts';
import { measureSessionDiskUsage } from '../openclaw-store/sqlite/disk-usage.ts';
import { displayDefaultsOf } from '../openclaw-store/sqlite/display-model.ts';
import { DEFAULT_SESSIONS_LIMIT, renderSqliteSessionList, sqliteSessionListJson } from '../openclaw-store/sqlite/list-view.ts';
import { readSqliteSessionStore, type SqliteSessionStore } from '../openclaw-store/sqlite/store.ts';

export type SqliteListOptions = {
  readonly json?: boolean;
  readonly now?: number;
  readonly active?: number;
  /** `--limit`: a positive whole number or `all`; default 100, as OpenClaw. */
  readonly limit?: string;
};

export type SqliteCleanupOptions = {
  readonly json?: boolean;
  readonly now?: number;
  readonly dryRun?: boolean;
  readonly enforce?: boolean;
  readonly activeKey?: string;
};

export function runSqliteSessions(storePath: string, options: SqliteListOptions, config: OpenClawConfig, configFile: string | undefined): number {
  const store = readSqliteSessionStore(storePath);
  warnUnmodelled(config, configFile);
  const input = {
    store,
    nowMs: options.now ?? newestUpdatedAt(store),
    activeMinutes: options.active,
    limit: parseLimit(options.limit),
    defaults: displayDefaultsOf(config),
  };
  process.stdout.write(options.json === true ? `${JSON.stringify(sqliteSessionListJson(input), null, 2)}\n` : renderSqliteSessionList(input));
  return 0;
}

/** The dry run only: applying maintenance means writing OpenClaw's database, which only OpenClaw should do. */
export function runSqliteSessionsCleanup(storePath: string, options: SqliteCleanupOptions, config: OpenClawConfig, configFile: string | undefined): number {
  if (options.dryRun !== true) {
    throw new UserError(
      `sessions cleanup without --dry-run is not supported for SQLite stores: quotastorm does not write openclaw@2026.9.6's database (${storePath}). Preview with --dry-run, and apply with that version's own \`openclaw sessions cleanup --store ${storePath}\` while the gateway is stopped.`,
    );
  }
  const store = readSqliteSessionStore(storePath);
  warnUnmodelled(config, configFile);
  const maintenance = effectiveSettings(config, profileWithSessionStore('sqlite').runtimeDefaults).maintenance;
  const nowMs = options.now ?? newestUpdatedAt(store);
  const plan = planCleanup(store.entries, { ...maintenance, ...extraMaintenance(config) }, { nowMs, activeKey: options.activeKey });
  const usage = measureSessionDiskUsage(storePath);
  const mode = options.enforce === true ? 'enforce' : maintenance.mode;
  if (usage.artifactFiles > 0) {
    process.stderr.write(`warning: ${usage.artifactFiles} file(s) beside the store: OpenClaw may prune unreferenced ones by age; quotastorm counts them but previews no removal.\n`);
  }
  if (maintenance.maxDiskBytes !== null && usage.totalBytes > maintenance.maxDiskBytes) {
    process.stderr.write(`warning: the store takes ${usage.totalBytes} bytes, over its disk budget; OpenClaw's history eviction is not previewed.\n`);
  }
  const input = { store, plan, mode, pruneAfterMs: maintenance.pruneAfterMs, diskBudget: maintenance, usage, nowMs, defaults: displayDefaultsOf(config) } as const;
  process.stdout.write(options.json === true ? `${JSON.stringify(cleanupSummary(input), null, 2)}\n` : renderCleanupDryRun(input));
  return 0;
}

// `--limit 25`, `--limit all`; anything else is the same mistake OpenClaw rejects.
function parseLimit(raw: string | undefined): number | undefined {
  if (raw === undefined) return DEFAULT_SESSIONS_LIMIT;
  const trimmed = raw.trim();
  if (trimmed.toLowerCase() === 'all') return undefined;
  const limit = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(limit) || limit <= 0) throw new UserError(`--limit must be a positive integer or "all", for example --limit 25; got "${raw}".`);
  return limit;
}

// archiveDashboardAfter and preserveRecent: 2026.9.6 keys quotastorm's config model passes through unread.
function extraMaintenance(config: OpenClawConfig): { archiveDashboardAfterMs: number | null; preserveRecentMs: number | null } {
  const set = (getConfigPath(config, 'session.maintenance') as { found: boolean; value?: Record<string, unknown> }).value ?? {};
  const duration = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? tryParseDurationMs(value, 'd') : undefined);
  const dashboard = set['archiveDashboardAfter'];
  const archiveDashboardAfterMs =
    dashboard === false || dashboard === 0 ? null : dashboard === undefined ? DEFAULT_ARCHIVE_DASHBOARD_AFTER_MS : (duration(dashboard) ?? DEFAULT_ARCHIVE_DASHBOARD_AFTER_MS);
  const recent = set['preserveRecent'];
  return { archiveDashboardAfterMs: archiveDashboardAfterMs === 0 ? null : archiveDashboardAfterMs, preserveRecentMs: recent === undefined || recent === false ? null : (duration(recent) ?? null) };
}

/**
 * Settings OpenClaw reads for these columns that quotastorm's model of the
 * listing does not: it shows what 2026.9.6 prints with them unset.
 */
const UNMODELLED_SETTINGS = ['models.providers', 'agents.list', 'agents.defaults.agentRuntime', 'agents.defaults.models', 'session.mainKey', 'session.scope', 'session.identityLinks'] as const;

function warnUnmodelled(config: OpenClawConfig, configFile: string | undefined): void {
  const set = UNMODELLED_SETTINGS.filter((path) => getConfigPath(config, path).found);
  if (set.length === 0) return;
  process.stderr.write(
    `warning: ${configFile} sets ${set.join(', ')}; quotastorm shows 2026.9.6's listing as if unset, so Model, Runtime and Tokens may differ from openclaw's.\n`,
  );
}

function newestUpdatedAt(store: SqliteSessionStore): number {
  return store.entries.reduce((newest, [, entry]) => Math.max(newest, entry.updatedAt), 0);
}
