/**
 * An append-only, numbered record of what a mock saw: the shape both the
 * provider journal and the Telegram journal share. Entries are numbered in
 * the order they were recorded, which on a virtual clock is deterministic.
 */
export type RecordLog<Entry extends { readonly seq: number }> = {
  /** Every entry so far, oldest first. */
  readonly entries: readonly Entry[];
  record(entry: Omit<Entry, 'seq'>): Entry;
  /** Entries matching every field of `filter`, or the predicate. */
  where(filter: Partial<Entry> | ((entry: Entry) => boolean)): Entry[];
  /** One JSON object per line, oldest first, newline-terminated. */
  toJsonl(): string;
};

export function createRecordLog<Entry extends { readonly seq: number }>(): RecordLog<Entry> {
  const entries: Entry[] = [];
  return {
    entries,
    record(entry) {
      const recorded = { seq: entries.length + 1, ...entry } as Entry;
      entries.push(recorded);
      return recorded;
    },
    ...logQueries(() => entries),
  };
}

/** `where` and `toJsonl` over a log's entries, however it stores them (the provider journal: journal-store.ts). */
export function logQueries<Entry extends { readonly seq: number }>(entries: () => readonly Entry[]): Pick<RecordLog<Entry>, 'where' | 'toJsonl'> {
  return {
    where: (filter) => entries().filter(typeof filter === 'function' ? filter : matchesFields(filter)),
    toJsonl: () => entries().map((entry) => `${JSON.stringify(entry)}\n`).join(''),
  };
}

function matchesFields<Entry>(filter: Partial<Entry>): (entry: Entry) => boolean {
  const pairs = Object.entries(filter) as [keyof Entry, unknown][];
  return (entry) => pairs.every(([field, value]) => entry[field] === value);
}
