/**
 * Every Bot API call the gateway made, with what the mock answered: the
 * Telegram half of the evidence (e.g. how many setMyCommands calls got
 * BOT_COMMANDS_TOO_MUCH, how many replies were refused by flood control).
 */
import { createRecordLog, type RecordLog } from '../record-log.ts';

export type TelegramJournalEntry = {
  readonly seq: number;
  readonly atMs: number;
  readonly method: string;
  readonly status: number;
  /** The bot's username, when the mock serves several bots (bots.ts). */
  readonly bot?: string;
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

export type TelegramJournal = RecordLog<TelegramJournalEntry>;

export function createTelegramJournal(): TelegramJournal {
  return createRecordLog<TelegramJournalEntry>();
}
