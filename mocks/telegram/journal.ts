/**
 * Every Bot API call the gateway made, with what the mock answered: the
 * Telegram half of the evidence (e.g. how many setMyCommands calls got
 * BOT_COMMANDS_TOO_MUCH, how many replies were refused by flood control).
 */
export type TelegramJournalEntry = {
  readonly seq: number;
  readonly atMs: number;
  readonly method: string;
  readonly status: number;
  readonly chatId?: number;
  /** Telegram's description for an error answer. */
  readonly description?: string;
  readonly retryAfterS?: number;
  /** setMyCommands: how many commands were offered, and their text size. */
  readonly commandCount?: number;
  readonly commandChars?: number;
  /** sendMessage: the text length. */
  readonly textChars?: number;
};

export type TelegramJournal = {
  readonly entries: readonly TelegramJournalEntry[];
  record(entry: Omit<TelegramJournalEntry, 'seq'>): TelegramJournalEntry;
  where(predicate: (entry: TelegramJournalEntry) => boolean): TelegramJournalEntry[];
  toJsonl(): string;
};

export function createTelegramJournal(): TelegramJournal {
  const entries: TelegramJournalEntry[] = [];
  return {
    entries,
    record(entry) {
      const recorded = { seq: entries.length + 1, ...entry };
      entries.push(recorded);
      return recorded;
    },
    where: (predicate) => entries.filter(predicate),
    toJsonl: () => entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''),
  };
}
