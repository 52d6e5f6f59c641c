/**
 * An openclaw@2026.9.6 session store, read-only: the per-agent SQLite file
 * `~/.openclaw/agents/<agent>/agent/openclaw-agent.sqlite` (observed on
 * openclaw@2026.9.6), one row per session key in `session_nodes` with the entry as JSON.
 *
 * Entries are read as `openclaw sessions` reads them
 * (`session-accessor.sqlite-entry-list.read`, `-entry-cache`, `-status` in
 * its dist): rows in session-key order; a row whose JSON is not an object
 * with a string `sessionId` and a finite `updatedAt` equal to the row's
 * `updated_at` is skipped; the hidden `internal-session-effects` rows are
 * skipped; retired fields are dropped and `color` kept only if it is one of
 * OpenClaw's eight; the owner comes from the row's owner columns and the
 * participants from `session_participants`. The file is opened read-only
 * and never written (SQLite itself may create the empty -wal and -shm files a
 * WAL database is read through, as OpenClaw's own listing does).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { UserError } from '../../errors.ts';

/** An entry as OpenClaw stored it: JSON, so every field but the two checked ones is unknown. */
export type SqliteSessionEntry = { readonly sessionId: string; readonly updatedAt: number } & Readonly<Record<string, unknown>>;

export type SqliteSessionStore = {
  readonly storePath: string;
  /** In session-key order, as OpenClaw lists them before sorting. */
  readonly entries: readonly (readonly [string, SqliteSessionEntry])[];
};

/** The schema openclaw@2026.9.6 writes (`schema_meta.schema_version`, `PRAGMA user_version`). */
const AGENT_SCHEMA_VERSION = 23;

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** True when the file starts like an SQLite database: `--store` takes a sessions.json or one of these. */
export function isSqliteFile(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const header = Buffer.alloc(SQLITE_MAGIC.length);
    return readSync(fd, header, 0, header.length, 0) === header.length && header.toString('latin1') === SQLITE_MAGIC;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function readSqliteSessionStore(storePath: string): SqliteSessionStore {
  const database = openReadOnly(storePath);
  try {
    assertAgentStore(database, storePath);
    const participants = participantsByKey(database);
    const entries: [string, SqliteSessionEntry][] = [];
    for (const row of database.prepare(SESSION_ROWS).iterate() as Iterable<SessionRow>) {
      if (isInternalEffectsKey(row.session_key)) continue;
      const entry = parseEntry(row);
      if (entry === undefined) continue;
      entries.push([row.session_key, withParticipants(withOwner(entry, row), participants.get(row.session_key))]);
    }
    return { storePath, entries };
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw notAStore(storePath, error instanceof Error ? error.message : String(error));
  } finally {
    database.close();
  }
}

const SESSION_ROWS =
  'SELECT session_key, entry_json, updated_at, owner_actor_type, owner_actor_id, owner_assigned_by_type, owner_assigned_by_id, owner_assigned_at FROM session_nodes ORDER BY session_key';

type SessionRow = {
  session_key: string;
  entry_json: string;
  updated_at: number;
  owner_actor_type: string | null;
  owner_actor_id: string | null;
  owner_assigned_by_type: string | null;
  owner_assigned_by_id: string | null;
  owner_assigned_at: number | null;
};

function openReadOnly(storePath: string): DatabaseSync {
  if (!statSync(storePath, { throwIfNoEntry: false })?.isFile()) {
    throw new UserError(`Session store ${storePath} does not exist. Give --store the openclaw@2026.9.6 agent store, e.g. ~/.openclaw/agents/main/agent/openclaw-agent.sqlite.`);
  }
  try {
    return new DatabaseSync(storePath, { readOnly: true });
  } catch (error) {
    throw notAStore(storePath, error instanceof Error ? error.message : String(error));
  }
}

// The store's own record of what wrote it; an older or newer OpenClaw's schema is not what quotastorm reads.
function assertAgentStore(database: DatabaseSync, storePath: string): void {
  const tables = new Set((database.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name));
  const missing = ['schema_meta', 'session_nodes', 'session_participants'].filter((table) => !tables.has(table));
  if (missing.length > 0) throw notAStore(storePath, `it is an SQLite database without the ${missing.join(', ')} table${missing.length === 1 ? '' : 's'}`);
  const meta = database.prepare("SELECT role, schema_version, app_version FROM schema_meta WHERE meta_key = 'primary'").get() as
    | { role: string; schema_version: number; app_version: string }
    | undefined;
  if (meta === undefined || meta.role !== 'agent') throw notAStore(storePath, `its schema_meta names no agent store${meta === undefined ? '' : ` (role ${meta.role})`}`);
  if (meta.schema_version !== AGENT_SCHEMA_VERSION) {
    throw new UserError(
      `Session store ${storePath} has schema version ${meta.schema_version} (written by openclaw ${meta.app_version}); quotastorm reads openclaw@2026.9.6's, version ${AGENT_SCHEMA_VERSION}. List it with that version's own \`openclaw sessions --store ${storePath}\`.`,
    );
  }
}

function notAStore(storePath: string, reason: string): UserError {
  return new UserError(
    `Session store ${storePath} is not an openclaw@2026.9.6 agent store (${reason}). --store takes a 2026.2.26 sessions.json or 2026.9.6's SQLite store, ~/.openclaw/agents/<agent>/agent/openclaw-agent.sqlite.`,
  );
}

// isInternalSessionEffectsKey: `agent:<id>:internal-session-effects:…` rows only hold a suppressed run's effects.
function isInternalEffectsKey(key: string): boolean {
  if (!key.startsWith('agent:')) return false;
  const agentEnd = key.indexOf(':', 6);
  return agentEnd >= 0 && key.startsWith('internal-session-effects:', agentEnd + 1);
}

// parseSqliteSessionEntryRecord + projectCanonicalSessionEntryShape, for the fields a listing can show.
function parseEntry(row: SessionRow): SqliteSessionEntry | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.entry_json);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const record = parsed as Record<string, unknown>;
  if (typeof record['sessionId'] !== 'string' || typeof record['updatedAt'] !== 'number' || !Number.isFinite(record['updatedAt'])) return undefined;
  if (record['updatedAt'] !== row.updated_at) return undefined;
  const { sessionFile: _sessionFile, transcriptPath: _transcriptPath, owner: _owner, participants: _participants, participantCount: _count, ...entry } = record;
  const color = typeof entry['color'] === 'string' ? SESSION_COLORS.find((id) => id === (entry['color'] as string).trim().toLowerCase()) : undefined;
  if (color === undefined) delete entry['color'];
  else entry['color'] = color;
  return entry as SqliteSessionEntry;
}

const SESSION_COLORS = ['red', 'blue', 'green', 'yellow', 'purple', 'orange', 'pink', 'cyan'] as const;

type Actor = { type: 'human' | 'agent' | 'system'; id: string };

function actorOf(type: string | null, id: string | null): Actor | undefined {
  const trimmed = id?.trim();
  return (type === 'human' || type === 'agent' || type === 'system') && trimmed ? { type, id: trimmed } : undefined;
}

// readSqliteSessionOwner: the owner columns, not the JSON, say who owns a session.
function withOwner(entry: SqliteSessionEntry, row: SessionRow): SqliteSessionEntry {
  const actor = actorOf(row.owner_actor_type, row.owner_actor_id);
  if (actor === undefined) return entry;
  const assignedBy = actorOf(row.owner_assigned_by_type, row.owner_assigned_by_id);
  const assignedAt = typeof row.owner_assigned_at === 'number' && Number.isFinite(row.owner_assigned_at) ? row.owner_assigned_at : undefined;
  return { ...entry, owner: { actor, ...(assignedBy ? { assignedBy } : {}), ...(assignedAt !== undefined ? { assignedAt } : {}) } };
}

type Participant = { identity: Record<string, unknown> };

function withParticipants(entry: SqliteSessionEntry, participants: Participant[] | undefined): SqliteSessionEntry {
  return participants === undefined ? entry : { ...entry, participants, participantCount: participants.length };
}

// participantRecordsBySessionKey: identity = the namespace JSON plus the actor id, in OpenClaw's row order.
function participantsByKey(database: DatabaseSync): Map<string, Participant[]> {
  const byKey = new Map<string, Participant[]>();
  const rows = database
    .prepare('SELECT session_key, identity_namespace, actor_id FROM session_participants ORDER BY session_key, first_prompted_at, actor_id, identity_namespace')
    .all() as { session_key: string; identity_namespace: string; actor_id: string }[];
  for (const row of rows) {
    const namespace = JSON.parse(row.identity_namespace) as Record<string, unknown>;
    const list = byKey.get(row.session_key) ?? [];
    list.push({ identity: { ...namespace, id: row.actor_id } });
    byKey.set(row.session_key, list);
  }
  return byKey;
}
