/**
 * The gateway's session index, read and seeded from outside while the
 * gateway is stopped:
 *
 * - 2026.2.26: `~/.openclaw/agents/main/sessions/sessions.json`, one JSON
 *   object keyed by session key (observed on openclaw@2026.2.26).
 * - 2026.9.6: SQLite; see session-store-sqlite.ts.
 *
 * Seeded entries are what the incident's store held: isolated cron runs,
 * `agent:main:cron:<job>:run:<uuid>`, last updated long ago, with no
 * transcript file (pruning does not need one: golden trace
 * test/golden/openclaw-2026.2.26/stale-cron-sessions.json).
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Prng } from '../clock/prng.ts';
import { readSqliteSessionKeys } from './session-store-sqlite.ts';
import type { SessionStoreKind } from './versions.ts';
import { makeDirectories } from '../io/output-path.ts';

export type SeededSession = { readonly key: string; readonly sessionId: string; readonly updatedAtMs: number };

export type CronRunPreload = {
  readonly kind: 'cron-runs';
  readonly count: number;
  /** Runs are spread over `job0` … `job<jobs-1>`. */
  readonly jobs: number;
  readonly ageHours: number;
};

/** The entries a preload stands for: keys and ids from the case's seed, so a trace's keys are the same on every recording. */
export function preloadEntries(preloads: readonly CronRunPreload[], prng: Prng, nowMs: number): SeededSession[] {
  const ids = prng.fork('sessions');
  return preloads.flatMap((preload) =>
    Array.from({ length: preload.count }, (_, index) => {
      const sessionId = uuidFrom(ids);
      return {
        key: `agent:main:cron:job${index % preload.jobs}:run:${sessionId}`,
        sessionId,
        // A minute apart, so "newest first" orders are stable.
        updatedAtMs: nowMs - preload.ageHours * 3_600_000 - index * 60_000,
      };
    }),
  );
}

function uuidFrom(prng: Prng): string {
  const hex = Array.from({ length: 32 }, () => prng.int(0, 15).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[prng.int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function sessionsJsonFile(home: string): string {
  return join(home, '.openclaw', 'agents', 'main', 'sessions', 'sessions.json');
}

/**
 * Adds `entries` to the store while the gateway is stopped. sessions.json
 * stores get them directly; SQLite stores (2026.9.6) get them through a
 * legacy sessions.json and `importLegacy`, which runs the version's own
 * `openclaw doctor --session-sqlite import` (session-store-sqlite.ts).
 */
export async function seedSessions(
  kind: SessionStoreKind,
  home: string,
  entries: readonly SeededSession[],
  importLegacy: () => Promise<void>,
): Promise<void> {
  if (entries.length === 0) return;
  const file = sessionsJsonFile(home);
  const store = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>) : {};
  for (const entry of entries) store[entry.key] = { sessionId: entry.sessionId, updatedAt: entry.updatedAtMs };
  await makeDirectories(dirname(file));
  await writeFile(file, `${JSON.stringify(store, null, 2)}\n`);
  if (kind === 'sqlite') await importLegacy();
}

export type SessionKeys = { readonly live: string[]; readonly archived: string[] };

/** The store's session keys, sorted; `archived` only exists in SQLite stores. Empty if there is no store yet. */
export async function readSessionKeys(kind: SessionStoreKind, home: string): Promise<SessionKeys> {
  if (kind === 'sqlite') return readSqliteSessionKeys(home);
  const file = sessionsJsonFile(home);
  if (!existsSync(file)) return { live: [], archived: [] };
  return { live: Object.keys(JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>).sort(), archived: [] };
}
