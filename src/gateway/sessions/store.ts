/**
 * The embedded gateway's session store: OpenClaw's `sessions.json` held in
 * memory (src/config/sessions/store.ts in OpenClaw 2026.4.12).
 *
 * Every write runs maintenance before anything could be serialized, as
 * 2026.2.26's `saveSessionStoreUnlocked` does: `update`, `write` and
 * `delete` are all store writes. Reading a store in (`load`, `preload`) does
 * not: the real gateway does not prune at startup, only on the first turn's
 * write (golden trace test/golden/openclaw-2026.2.26/stale-cron-sessions.json:
 * the 56 stale entries survive startup and go with the first message).
 *
 * The file is written when the runner asks (`save`), not on every write: a
 * simulated day writes thousands of times and the bytes would be the same.
 * Transcripts live here too, by sessionId, as `<sessionId>.jsonl` beside a
 * real store; an evicted session's transcript goes when no entry refers to
 * it any more (OpenClaw archives the file), so a session that comes back
 * after eviction starts over with a new sessionId and an empty transcript.
 */
import type { Clock } from '../../clock/clock.ts';
import type { Prng } from '../../clock/prng.ts';
import { writeFileAtomic } from '../../io/write-file-atomic.ts';
import { emptyTranscript, type Transcript } from '../context.ts';
import type { GatewayLog } from '../log.ts';
import { mergeSessionEntry, seededSessionId, type SessionEntry, type SessionPatch } from './entry.ts';
import { SESSIONS_LOG_SUBSYSTEM } from './log-lines.ts';
import { planMaintenance, type MaintenanceOrder, type MaintenancePlan, type MaintenanceSettings } from './maintenance.ts';
import { readSessionStoreFile } from './store-file.ts';

export type SessionStoreOptions = {
  readonly clock: Pick<Clock, 'now'>;
  /** `effectiveSettings(config, runtimeDefaults).maintenance`. */
  readonly settings: MaintenanceSettings;
  /** The version profile's `maintenanceOrder`. */
  readonly order: MaintenanceOrder;
  /** Source of new session ids, e.g. `rng.fork('sessions')`. */
  readonly rng: Prng;
  /** Where maintenance's lines go (`[sessions/store] …`); none = dropped. */
  readonly log?: Pick<GatewayLog, 'write'>;
};

type WriteOptions = {
  /**
   * The session the write is for: 2026.2 warn mode warns when it would be
   * evicted, 2026.9 never evicts it. `update` defaults to its own key, as
   * OpenClaw's per-session writes do; null = none (cron run bookkeeping, the reaper).
   */
  readonly activeKey?: string | null;
  /** This write's mode instead of the configured one (`sessions cleanup --enforce`). */
  readonly mode?: MaintenanceSettings['mode'];
  /** Cap now, below the 2026.9 high-water trigger (`sessions cleanup`). */
  readonly force?: boolean;
};

/** What one write's maintenance did (OpenClaw's onMaintenanceApplied report). */
type WriteReport = {
  readonly mode: MaintenanceSettings['mode'];
  readonly beforeCount: number;
  readonly afterCount: number;
  readonly plan: MaintenancePlan;
};

type SessionStoreStats = { writes: number; pruned: number; capped: number; archived: number };

export type SessionStore = {
  get(key: string): Readonly<SessionEntry> | undefined;
  entries(): IterableIterator<[string, Readonly<SessionEntry>]>;
  count(): number;
  /**
   * One session's write: `patch` sees the current entry (or undefined) and
   * returns the fields to change, or null to skip the write. The result is
   * merged as mergeSessionEntry does (new sessionId for a new entry,
   * updatedAt = max(old, now)), then maintenance runs. Returns the entry as
   * written, which maintenance may already have evicted.
   */
  update(key: string, patch: (current: Readonly<SessionEntry> | undefined) => SessionPatch | null, options?: WriteOptions): Readonly<SessionEntry> | undefined;
  /**
   * A write of many entries at once (updateSessionStore): mutate the map,
   * then maintenance runs. Set new entry objects rather than editing ones in
   * the map: maintenance remembers answers per entry object.
   */
  write(mutate: (entries: Map<string, SessionEntry>) => void, options?: WriteOptions): WriteReport;
  /** Deletes one entry; a store write like any other. */
  delete(key: string, options?: WriteOptions): boolean;
  /** Puts entries in as a gateway finds them at startup: no maintenance. Later keys replace earlier ones. */
  preload(entries: Iterable<readonly [string, SessionEntry]>): void;
  /** `preload` from a sessions.json file. */
  load(file: string): Promise<void>;
  /** Exactly what OpenClaw writes: `JSON.stringify(store, null, 2)`, store order, no trailing newline. */
  toJson(): string;
  /** Writes `toJson()` to `file` atomically (tmp + rename). */
  save(file: string): Promise<void>;
  newSessionId(): string;
  /** The session's transcript (context.ts), created empty on first use. */
  transcript(sessionId: string): Transcript;
  readonly stats: Readonly<SessionStoreStats>;
  readonly lastWrite: WriteReport | undefined;
};

export function createSessionStore(options: SessionStoreOptions): SessionStore {
  const entries = new Map<string, SessionEntry>();
  const transcripts = new Map<string, Transcript>();
  const stats: SessionStoreStats = { writes: 0, pruned: 0, capped: 0, archived: 0 };
  // Bounds that let maintenance skip its scans (maintenance.ts): a lower bound on updatedAt over the
  // entries it could prune (-∞ = unknown: the next write scans) and an upper bound over all entries.
  let oldestUpdatedAtMs = Number.NEGATIVE_INFINITY;
  let newestUpdatedAtMs = Number.NEGATIVE_INFINITY;
  let lastWrite: WriteReport | undefined;
  const newSessionId = () => seededSessionId(options.rng);

  function maintain(beforeCount: number, write: WriteOptions, defaultActiveKey: string | undefined, newestOtherUpdatedAtMs: number): WriteReport {
    const nowMs = options.clock.now();
    const mode = write.mode ?? options.settings.mode;
    const activeKey = write.activeKey === undefined ? defaultActiveKey : (write.activeKey ?? undefined);
    const plan = planMaintenance({
      entries,
      settings: mode === options.settings.mode ? options.settings : { ...options.settings, mode },
      nowMs,
      activeKey,
      order: options.order,
      force: write.force === true,
      oldestUpdatedAtMs,
      newestOtherUpdatedAtMs,
    });
    applyPlan(plan, nowMs);
    stats.writes++;
    lastWrite = { mode, beforeCount, afterCount: entries.size, plan };
    return lastWrite;
  }

  function applyPlan(plan: MaintenancePlan, nowMs: number): void {
    oldestUpdatedAtMs = plan.oldestUpdatedAtMs;
    for (const line of plan.log) options.log?.write(line.level, SESSIONS_LOG_SUBSYSTEM, line.message);
    const removed: SessionEntry[] = [];
    for (const key of [...plan.pruned, ...plan.capped]) {
      const entry = entries.get(key);
      if (entry !== undefined) removed.push(entry);
      entries.delete(key);
    }
    for (const { key, reason } of plan.archived) {
      const entry = entries.get(key);
      if (entry !== undefined) entries.set(key, { ...entry, archivedAt: nowMs, archiveReason: reason });
    }
    stats.pruned += plan.pruned.length;
    stats.capped += plan.capped.length;
    stats.archived += plan.archived.length;
    if (removed.length > 0) dropOrphanedTranscripts(removed);
  }

  // OpenClaw archives a removed session's transcript unless another entry (a cron base key) still refers to it.
  // Without a list of removed entries (a bulk write), every transcript is checked.
  function dropOrphanedTranscripts(removed?: readonly SessionEntry[]): void {
    if (transcripts.size === 0) return;
    const referenced = new Set<string>();
    for (const entry of entries.values()) referenced.add(entry.sessionId);
    const candidates = removed === undefined ? [...transcripts.keys()] : removed.map((entry) => entry.sessionId);
    for (const sessionId of candidates) if (!referenced.has(sessionId)) transcripts.delete(sessionId);
  }

  function preload(loaded: Iterable<readonly [string, SessionEntry]>): void {
    for (const [key, entry] of loaded) entries.set(key, entry);
    oldestUpdatedAtMs = Number.NEGATIVE_INFINITY;
    newestUpdatedAtMs = newestOf(entries);
  }

  return {
    get: (key) => entries.get(key),
    entries: () => entries.entries(),
    count: () => entries.size,
    update(key, patch, write = {}) {
      const current = entries.get(key);
      const change = patch(current);
      if (change === null) return current;
      const next = mergeSessionEntry(current, change, options.clock.now(), newSessionId);
      const beforeCount = entries.size;
      entries.set(key, next);
      const boundBeforeMs = newestUpdatedAtMs;
      if (next.updatedAt !== undefined) {
        oldestUpdatedAtMs = Math.min(oldestUpdatedAtMs, next.updatedAt);
        newestUpdatedAtMs = Math.max(newestUpdatedAtMs, next.updatedAt);
      }
      // When the written entry is the active one, the bound from before the write covers all the others.
      const activeIsWritten = write.activeKey === undefined || write.activeKey === key;
      maintain(beforeCount, write, key, activeIsWritten ? boundBeforeMs : newestUpdatedAtMs);
      return next;
    },
    write(mutate, write = {}) {
      const beforeCount = entries.size;
      mutate(entries);
      oldestUpdatedAtMs = Number.NEGATIVE_INFINITY; // the mutator may have touched anything
      newestUpdatedAtMs = newestOf(entries);
      const report = maintain(beforeCount, write, undefined, Number.POSITIVE_INFINITY);
      dropOrphanedTranscripts();
      return report;
    },
    delete(key, write = {}) {
      const beforeCount = entries.size;
      const entry = entries.get(key);
      const deleted = entries.delete(key);
      if (entry !== undefined) dropOrphanedTranscripts([entry]);
      maintain(beforeCount, write, undefined, newestUpdatedAtMs);
      return deleted;
    },
    preload,
    async load(file) {
      preload(await readSessionStoreFile(file));
    },
    toJson: () => serialize(entries),
    async save(file) {
      await writeFileAtomic(file, serialize(entries));
    },
    newSessionId,
    transcript(sessionId) {
      let transcript = transcripts.get(sessionId);
      if (transcript === undefined) transcripts.set(sessionId, (transcript = emptyTranscript()));
      return transcript;
    },
    stats,
    get lastWrite() {
      return lastWrite;
    },
  };
}

function newestOf(entries: ReadonlyMap<string, SessionEntry>): number {
  let newest = Number.NEGATIVE_INFINITY;
  for (const entry of entries.values()) if (entry.updatedAt !== undefined && entry.updatedAt > newest) newest = entry.updatedAt;
  return newest;
}

function serialize(entries: ReadonlyMap<string, SessionEntry>): string {
  return JSON.stringify(Object.fromEntries(entries), null, 2);
}
