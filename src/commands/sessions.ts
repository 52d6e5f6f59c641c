import { resolve } from 'node:path';
import { createPrng } from '../clock/prng.ts';
import { effectiveSettings, loadConfig, parseConfigText, type OpenClawConfig } from '../config/index.ts';
import { PROFILES, profileWithSessionStore, type ProfileName } from '../gateway/profiles/index.ts';
import { UserError } from '../errors.ts';
import { cleanupSummary, previewCleanup, renderCleanupApplied, renderCleanupDryRun, type CleanupSummary } from '../openclaw-store/cleanup-view.ts';
import type { SessionEntry } from '../gateway/sessions/entry.ts';
import { renderSessionList, sessionListJson } from '../openclaw-store/list-view.ts';
import { createSessionStore } from '../gateway/sessions/store.ts';
import { readSessionStoreFile } from '../gateway/sessions/store-file.ts';
import { isSqliteFile } from '../openclaw-store/sqlite/store.ts';
import { displayDefaults } from '../openclaw-store/table.ts';
import { runSqliteSessions, runSqliteSessionsCleanup } from './sessions-sqlite.ts';

/** Where the store is and the instant it is read at. */
type SessionsStoreOptions = {
  store?: string;
  /** A run directory: the runner writes `<run>/sessions.json`. */
  run?: string;
  json?: boolean;
  /** The instant ages and staleness are measured from (epoch ms); default: the store's newest updatedAt. */
  now?: number;
  /** An OpenClaw config: the default model and context size shown, and (cleanup) the maintenance settings. */
  config?: string;
};

export type SessionsListOptions = SessionsStoreOptions & {
  active?: number;
  /** openclaw@2026.9.6's `--limit N|all`; a sessions.json store (2026.2.26) lists everything. */
  limit?: string;
};

export type SessionsCleanupOptions = SessionsStoreOptions & {
  profile: ProfileName;
  /** True when --profile was given, not defaulted: a SQLite store is 2026.9.6's whatever the default says. */
  profileGiven?: boolean;
  dryRun?: boolean;
  enforce?: boolean;
  activeKey?: string;
};

/**
 * `quotastorm sessions`: what `openclaw sessions --store <file>` prints for
 * a run's store: openclaw@2026.2.26's format for a sessions.json,
 * openclaw@2026.9.6's for its SQLite store. Ages are measured from `--now`,
 * else from the store's newest updatedAt — the store as of its last write —
 * never from the wall clock, so a store prints the same table every time.
 */
export async function runSessions(options: SessionsListOptions): Promise<number> {
  const storePath = storePathOf(options);
  if (isSqliteStore(storePath)) return runSqliteSessions(storePath, options, await readConfig(options.config), options.config);
  if (options.limit !== undefined) {
    throw new UserError(`--limit is openclaw@2026.9.6's; ${storePath} is a 2026.2.26 sessions.json, which \`openclaw sessions\` lists in full. Drop --limit.`);
  }
  const target = await openStore(options);
  const config = await readConfig(options.config);
  const input = { ...target, activeMinutes: options.active, defaults: displayDefaults(config) };
  process.stdout.write(options.json === true ? `${JSON.stringify(sessionListJson(input), null, 2)}\n` : renderSessionList(input));
  return 0;
}

/**
 * `quotastorm sessions cleanup`: `openclaw sessions cleanup --store <file>`.
 * Maintenance settings come from `--config` (none: the profile's defaults);
 * `--enforce` applies them even in warn mode. Without `--dry-run` a
 * sessions.json is rewritten, as OpenClaw does; 2026.9.6's SQLite store is
 * only ever previewed (sessions-sqlite.ts).
 */
export async function runSessionsCleanup(options: SessionsCleanupOptions): Promise<number> {
  const storePath = storePathOf(options);
  if (isSqliteStore(storePath)) {
    const sqliteProfile = profileWithSessionStore('sqlite');
    if (options.profileGiven === true && PROFILES[options.profile] !== sqliteProfile) {
      throw new UserError(`${storePath} is openclaw@${sqliteProfile.release}'s SQLite store, so its maintenance is the ${sqliteProfile.name} profile's; drop --profile ${options.profile} or give a sessions.json.`);
    }
    return runSqliteSessionsCleanup(storePath, options, await readConfig(options.config), options.config);
  }
  const target = await openStore(options);
  const config = await readConfig(options.config);
  const profile = PROFILES[options.profile];
  const settings = effectiveSettings(config, profile.runtimeDefaults).maintenance;
  const mode = options.enforce === true ? 'enforce' : settings.mode;
  const cleanup = { ...target, settings, order: profile.maintenanceOrder, mode };
  if (options.dryRun === true) {
    const preview = previewCleanup(cleanup);
    const text = options.json === true ? `${JSON.stringify(preview.summary, null, 2)}\n` : renderCleanupDryRun(preview, target.nowMs, displayDefaults(config));
    process.stdout.write(text);
    return 0;
  }
  const lines: { level: 'info' | 'warn' | 'error'; text: string }[] = [];
  const store = createSessionStore({
    clock: { now: () => target.nowMs },
    settings,
    order: profile.maintenanceOrder,
    rng: createPrng('sessions-cleanup'), // no entry is created, so no id is drawn
    log: { write: (level, subsystem, message) => lines.push({ level, text: `[${subsystem}] ${message}\n` }) },
  });
  store.preload(target.entries);
  const report = store.write(() => {}, { mode, force: true, activeKey: options.activeKey ?? null });
  await store.save(target.storePath);
  const summary: CleanupSummary = {
    ...cleanupSummary(cleanup, report.plan, { dryRun: false, beforeCount: report.beforeCount, afterCount: report.afterCount }),
    mode: report.mode,
    applied: true,
    appliedCount: store.count(),
  };
  // OpenClaw's console logger: info lines on stdout before the summary, warnings on stderr.
  // With --json every line goes to stderr, so stdout stays one JSON document.
  for (const line of lines) (line.level === 'info' && options.json !== true ? process.stdout : process.stderr).write(line.text);
  process.stdout.write(options.json === true ? `${JSON.stringify(summary, null, 2)}\n` : renderCleanupApplied(summary));
  return 0;
}

async function openStore(options: SessionsStoreOptions): Promise<{ storePath: string; entries: Map<string, SessionEntry>; nowMs: number }> {
  const storePath = storePathOf(options);
  const entries = await readSessionStoreFile(storePath);
  return { storePath, entries, nowMs: options.now ?? newestUpdatedAt(entries) };
}

/** 2026.9.6's store: an SQLite file, or (to name a broken one) a file called `*.sqlite`. */
function isSqliteStore(storePath: string): boolean {
  return isSqliteFile(storePath) || /\.(?:sqlite3?|db)$/i.test(storePath);
}

function storePathOf(options: SessionsStoreOptions): string {
  if (options.store !== undefined && options.run !== undefined) {
    throw new UserError(`Give the session store once: --store ${options.store} or --run ${options.run}, not both.`);
  }
  if (options.store !== undefined) return resolve(options.store);
  if (options.run !== undefined) return resolve(options.run, 'sessions.json');
  throw new UserError('Which session store? Give --store <sessions.json or openclaw-agent.sqlite> or --run <run directory> (the runner writes <run>/sessions.json).');
}

function newestUpdatedAt(entries: ReadonlyMap<string, SessionEntry>): number {
  let newest = 0;
  for (const entry of entries.values()) if (entry.updatedAt !== undefined && entry.updatedAt > newest) newest = entry.updatedAt;
  return newest;
}

async function readConfig(file: string | undefined): Promise<OpenClawConfig> {
  if (file === undefined) return parseConfigText('{}', '(no config)').config;
  const loaded = await loadConfig(file);
  for (const warning of loaded.warnings) process.stderr.write(`warning: ${warning}\n`);
  return loaded.config;
}
