/**
 * The 2026.9.6 session index: per-agent SQLite,
 * `~/.openclaw/agents/main/agent/openclaw-agent.sqlite`, one row per session
 * key in `session_nodes` (observed on openclaw@2026.9.6; the docs in its npm
 * package, docs/reference/session-management-compaction/store.md).
 *
 * Seeding goes through the version's own CLI rather than SQL: a legacy
 * `sessions.json` (the 2026.2.26 format) is written where older installs kept
 * it and imported with `openclaw doctor --session-sqlite import`, OpenClaw's
 * documented migration path (docs/cli/doctor/sqlite-maintenance.md), with the
 * gateway stopped. Its schema has triggers and validation state that a
 * hand-written INSERT would have to imitate. Reading is plain SQL, read-only.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

function sqliteStoreFile(home: string): string {
  return join(home, '.openclaw', 'agents', 'main', 'agent', 'openclaw-agent.sqlite');
}

export type SqliteSessionKeys = { readonly live: string[]; readonly archived: string[] };

/** Session keys, sorted: rows that are live, and rows maintenance archived (`archived_at` set). */
export function readSqliteSessionKeys(home: string): SqliteSessionKeys {
  const file = sqliteStoreFile(home);
  if (!existsSync(file)) return { live: [], archived: [] };
  const database = new DatabaseSync(file, { readOnly: true });
  try {
    const rows = database.prepare('SELECT session_key, archived_at FROM session_nodes ORDER BY session_key').all() as {
      session_key: string;
      archived_at: number | null;
    }[];
    return {
      live: rows.filter((row) => row.archived_at === null).map((row) => row.session_key),
      archived: rows.filter((row) => row.archived_at !== null).map((row) => row.session_key),
    };
  } finally {
    database.close();
  }
}
