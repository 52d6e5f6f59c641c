/**
 * A log for a long-lived served mock: exact counters, the most recent
 * entries in a ring buffer, and every entry handed to a sink (a JSONL file)
 * as it is recorded. Memory stays bounded however long the server runs and
 * however many requests arrive; the in-process runs keep their full,
 * exact logs (record-log.ts, journal-store.ts), which the run record needs.
 *
 * Entries are kept as their JSON line, not as objects: a line is one flat
 * string the garbage collector never traces into, the journal endpoint
 * writes it as it is, and the sink needs it anyway. Objects are parsed back
 * only when code reads `entries` (tests, a debugging session).
 */
import { logQueries } from './record-log.ts';

/** What a served log counts exactly, whatever the ring has dropped. */
export type LogCounts = {
  /** Entries recorded since the server started; also the last `seq`. */
  readonly total: number;
  /** Entries still in the ring, the newest ones. */
  readonly retained: number;
  /** Entries by the status answered, e.g. `{"200": 950, "429": 50}`. */
  readonly byStatus: Readonly<Record<string, number>>;
};

export type RecentLog<Entry extends { readonly seq: number }> = {
  /** The retained entries, oldest first: at most the ring's capacity. */
  readonly entries: readonly Entry[];
  /** Entries recorded so far, including those the ring dropped. */
  readonly length: number;
  record(entry: Omit<Entry, 'seq'>): Entry;
  where(filter: Partial<Entry> | ((entry: Entry) => boolean)): Entry[];
  /** The retained entries, one JSON object per line. */
  toJsonl(): string;
  /** Retained JSON lines with `seq > since`, oldest first, at most `limit`. */
  linesSince(since: number, limit: number): string[];
  counts(): LogCounts;
};

export type RecentLogOptions = {
  /** Ring size: how many of the newest entries stay in memory. */
  readonly capacity: number;
  /** Receives every entry's JSON line as it is recorded (no newline). */
  readonly sink?: (line: string) => void;
};

export function createRecentLog<Entry extends { readonly seq: number; readonly status?: number | undefined }>(
  options: RecentLogOptions,
): RecentLog<Entry> {
  const { capacity, sink } = options;
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`a recent log needs a whole capacity ≥ 1, got ${capacity}`);
  const ring: string[] = [];
  const byStatus: Record<string, number> = {};
  let total = 0;
  const oldestSeq = () => Math.max(1, total - capacity + 1);
  const linesSince = (since: number, limit: number): string[] => {
    const lines: string[] = [];
    for (let seq = Math.max(oldestSeq(), Math.floor(since) + 1); seq <= total && lines.length < limit; seq++) lines.push(ring[(seq - 1) % capacity]!);
    return lines;
  };
  const entries = (): Entry[] => linesSince(0, capacity).map((line) => JSON.parse(line) as Entry);
  return {
    get entries() {
      return entries();
    },
    get length() {
      return total;
    },
    record(entry) {
      const recorded = { seq: ++total, ...entry } as Entry;
      const line = JSON.stringify(recorded);
      ring[(total - 1) % capacity] = line;
      const status = String(recorded.status);
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      sink?.(line);
      return recorded;
    },
    ...logQueries(entries),
    linesSince,
    counts: () => ({ total, retained: Math.min(total, capacity), byStatus: { ...byStatus } }),
  };
}
