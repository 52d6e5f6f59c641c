/**
 * Where the provider journal keeps its entries: one row per request in
 * typed-array columns, turned back into `JournalEntry` objects only when
 * someone reads them.
 *
 * Why not an array of objects: a journal grows by one entry per request and
 * is never trimmed, and an entry as objects is seven of them (the entry, two
 * quota snapshots, four dimension usages). Under `mocks serve` at ten
 * thousand requests a second, tracing and copying that growing graph took a
 * quarter of the server's CPU (test/bench/mocks.bench.ts, measured with and
 * without retention). Numbers in typed arrays are invisible to the garbage
 * collector; strings are interned, so a row holds small integers.
 *
 * Reading is incremental: `entries` builds the rows recorded since the last
 * read and keeps them, so a reader polling during a run pays once per row.
 * A built entry has the key order `record` was given by the exchange
 * (exchange.ts), so the JSONL export is byte for byte what the objects gave.
 */
import { logQueries } from '../record-log.ts';
import type { Journal, JournalEntry, JournalRecord, Outcome } from './journal.ts';
import type { DimensionUsage, QuotaSnapshot } from './ledger.ts';
import type { ProviderId } from './models.ts';
import { QUOTA_DIMENSIONS, type QuotaDimension } from './tiers.ts';

export function createJournal(): Journal {
  const rows = createRows();
  const built: JournalEntry[] = [];
  const entries = (): JournalEntry[] => {
    for (let row = built.length; row < rows.count; row++) built.push(buildEntry(rows, row));
    return built;
  };
  return {
    get entries() {
      return entries();
    },
    get length() {
      return rows.count;
    },
    record(entry) {
      appendRow(rows, entry);
    },
    ...logQueries(entries),
  };
}

/** Strings and rare values kept once, rows point at them by index. */
type Rows = {
  count: number;
  capacity: number;
  numbers: Record<NumberColumn, Float64Array>;
  /** Bit per optional number column: set when the value is defined. */
  defined: Uint8Array;
  strings: Record<StringColumn, Int32Array>;
  stream: Uint8Array;
  /** Index into `snapshots`, or -1. */
  quotaBefore: Int32Array;
  quotaAfter: Int32Array;
  snapshots: SnapshotPool;
  /** Interned strings: index ↔ text. */
  texts: string[];
  textIds: Map<string, number>;
  /** Only 429s have violations: kept by row, sparse. */
  violations: Map<number, readonly QuotaDimension[]>;
};

const NUMBER_COLUMNS = ['atMs', 'clientRetryCount', 'latencyMs', 'inputTokens', 'outputTokens', 'status', 'retryAfterMs'] as const;
type NumberColumn = (typeof NUMBER_COLUMNS)[number];
const OPTIONAL_BIT: Partial<Record<NumberColumn, number>> = { clientRetryCount: 1, latencyMs: 2, retryAfterMs: 4 };

const STRING_COLUMNS = ['provider', 'api', 'model', 'scopeKey', 'fault', 'outcome', 'errorType'] as const;
type StringColumn = (typeof STRING_COLUMNS)[number];

const NONE = -1;
const INITIAL_ROWS = 1_024;

function createRows(): Rows {
  const capacity = INITIAL_ROWS;
  return {
    count: 0,
    capacity,
    numbers: columns(NUMBER_COLUMNS, () => new Float64Array(capacity)),
    defined: new Uint8Array(capacity),
    strings: columns(STRING_COLUMNS, () => new Int32Array(capacity)),
    stream: new Uint8Array(capacity),
    quotaBefore: new Int32Array(capacity),
    quotaAfter: new Int32Array(capacity),
    snapshots: createSnapshotPool(),
    texts: [],
    textIds: new Map(),
    violations: new Map(),
  };
}

function appendRow(rows: Rows, entry: JournalRecord): void {
  if (rows.count === rows.capacity) grow(rows);
  const row = rows.count++;
  const { numbers, strings } = rows;
  numbers.atMs[row] = entry.atMs;
  numbers.inputTokens[row] = entry.inputTokens;
  numbers.outputTokens[row] = entry.outputTokens;
  numbers.status[row] = entry.status;
  rows.defined[row] =
    setOptional(rows, 'clientRetryCount', row, entry.clientRetryCount) |
    setOptional(rows, 'latencyMs', row, entry.latencyMs) |
    setOptional(rows, 'retryAfterMs', row, entry.retryAfterMs);
  strings.provider[row] = textId(rows, entry.provider);
  strings.api[row] = textId(rows, entry.api);
  strings.model[row] = textId(rows, entry.model);
  strings.scopeKey[row] = textId(rows, entry.scopeKey);
  strings.fault[row] = textId(rows, entry.fault);
  strings.outcome[row] = textId(rows, entry.outcome);
  strings.errorType[row] = textId(rows, entry.errorType);
  rows.stream[row] = entry.stream ? 1 : 0;
  rows.quotaBefore[row] = addSnapshot(rows.snapshots, entry.quotaBefore);
  rows.quotaAfter[row] = addSnapshot(rows.snapshots, entry.quotaAfter);
  if (entry.violations !== undefined) rows.violations.set(row, entry.violations);
}

/** The entry as the exchange recorded it: the same fields in the same order (exchange.ts `record`). */
function buildEntry(rows: Rows, row: number): JournalEntry {
  const { numbers } = rows;
  return {
    seq: row + 1,
    atMs: numbers.atMs[row]!,
    provider: text(rows, 'provider', row) as ProviderId,
    api: text(rows, 'api', row)!,
    clientRetryCount: optionalNumber(rows, 'clientRetryCount', row),
    latencyMs: optionalNumber(rows, 'latencyMs', row),
    model: text(rows, 'model', row)!,
    stream: rows.stream[row] === 1,
    scopeKey: text(rows, 'scopeKey', row),
    inputTokens: numbers.inputTokens[row]!,
    outputTokens: numbers.outputTokens[row]!,
    quotaBefore: snapshotAt(rows.snapshots, rows.quotaBefore[row]!),
    quotaAfter: snapshotAt(rows.snapshots, rows.quotaAfter[row]!),
    violations: rows.violations.get(row),
    fault: text(rows, 'fault', row),
    status: numbers.status[row]!,
    outcome: text(rows, 'outcome', row) as Outcome,
    errorType: text(rows, 'errorType', row),
    retryAfterMs: optionalNumber(rows, 'retryAfterMs', row),
  };
}

function textId(rows: Rows, value: string | undefined): number {
  if (value === undefined) return NONE;
  let id = rows.textIds.get(value);
  if (id === undefined) {
    id = rows.texts.push(value) - 1;
    rows.textIds.set(value, id);
  }
  return id;
}

function text(rows: Rows, column: StringColumn, row: number): string | undefined {
  const id = rows.strings[column][row]!;
  return id === NONE ? undefined : rows.texts[id];
}

/** Stores a defined value; returns the column's bit if it was defined, else 0. */
function setOptional(rows: Rows, column: NumberColumn, row: number, value: number | undefined): number {
  if (value === undefined) return 0;
  rows.numbers[column][row] = value;
  return OPTIONAL_BIT[column]!;
}

function optionalNumber(rows: Rows, column: NumberColumn, row: number): number | undefined {
  return (rows.defined[row]! & OPTIONAL_BIT[column]!) === 0 ? undefined : rows.numbers[column][row];
}

function grow(rows: Rows): void {
  const capacity = rows.capacity * 2;
  for (const column of NUMBER_COLUMNS) rows.numbers[column] = resized(rows.numbers[column], capacity);
  for (const column of STRING_COLUMNS) rows.strings[column] = resized(rows.strings[column], capacity);
  rows.defined = resized(rows.defined, capacity);
  rows.stream = resized(rows.stream, capacity);
  rows.quotaBefore = resized(rows.quotaBefore, capacity);
  rows.quotaAfter = resized(rows.quotaAfter, capacity);
  rows.capacity = capacity;
}

/**
 * Quota snapshots: which dimensions (a bit each, in QUOTA_DIMENSIONS order,
 * the order the ledger writes them) and four numbers per dimension.
 */
type SnapshotPool = { count: number; dimensions: Uint8Array; start: Int32Array; values: Float64Array; used: number };

const USAGE_FIELDS = 4;

function createSnapshotPool(): SnapshotPool {
  return { count: 0, dimensions: new Uint8Array(INITIAL_ROWS), start: new Int32Array(INITIAL_ROWS), values: new Float64Array(INITIAL_ROWS * 8), used: 0 };
}

function addSnapshot(pool: SnapshotPool, snapshot: QuotaSnapshot | undefined): number {
  if (snapshot === undefined) return NONE;
  if (pool.count === pool.dimensions.length) {
    pool.dimensions = resized(pool.dimensions, pool.count * 2);
    pool.start = resized(pool.start, pool.count * 2);
  }
  if (pool.values.length < pool.used + QUOTA_DIMENSIONS.length * USAGE_FIELDS) pool.values = resized(pool.values, pool.values.length * 2);
  const id = pool.count++;
  let dimensions = 0;
  pool.start[id] = pool.used;
  for (let bit = 0; bit < QUOTA_DIMENSIONS.length; bit++) {
    const usage = snapshot[QUOTA_DIMENSIONS[bit]!];
    if (usage === undefined) continue;
    dimensions |= 1 << bit;
    pool.values[pool.used++] = usage.limit;
    pool.values[pool.used++] = usage.used;
    pool.values[pool.used++] = usage.remaining;
    pool.values[pool.used++] = usage.resetInMs;
  }
  pool.dimensions[id] = dimensions;
  return id;
}

function snapshotAt(pool: SnapshotPool, id: number): QuotaSnapshot | undefined {
  if (id === NONE) return undefined;
  const snapshot: Partial<Record<QuotaDimension, DimensionUsage>> = {};
  let at = pool.start[id]!;
  for (let bit = 0; bit < QUOTA_DIMENSIONS.length; bit++) {
    if ((pool.dimensions[id]! & (1 << bit)) === 0) continue;
    const { values } = pool;
    snapshot[QUOTA_DIMENSIONS[bit]!] = { limit: values[at]!, used: values[at + 1]!, remaining: values[at + 2]!, resetInMs: values[at + 3]! };
    at += USAGE_FIELDS;
  }
  return snapshot;
}

function resized<T extends Float64Array | Int32Array | Uint8Array>(array: T, length: number): T {
  const copy = new (array.constructor as new (length: number) => T)(length);
  copy.set(array);
  return copy;
}

function columns<Name extends string, Column>(names: readonly Name[], create: () => Column): Record<Name, Column> {
  const result = {} as Record<Name, Column>;
  for (const name of names) result[name] = create();
  return result;
}
