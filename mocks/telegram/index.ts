/**
 * Telegram Bot API mock: the bot's world as data (state.ts), Bot API
 * routes over it (handlers.ts), and a journal of every call.
 *
 * @example
 * const state = createTelegramState({ botToken });
 * const journal = createTelegramJournal();
 * const fetch = createRouteFetch(createRouteTable(telegramRoutes({ clock, state, journal })), clock);
 * clock.setTimeout(() => injectMessage(state, clock, { from: { id: 424242, firstName: 'Ada' }, text: 'hi' }), 5_000);
 */
export { DEFAULT_COMMAND_LIMITS, menuTextChars, type CommandLimits } from './commands.ts';
export { BOT_API_ERRORS, type BotApiError } from './errors.ts';
export { DEFAULT_FLOOD_LIMITS, type FloodLimits } from './flood.ts';
export { MAX_MESSAGE_CHARS, TELEGRAM_ORIGIN, telegramRoutes, type TelegramMockSpec } from './handlers.ts';
export { createTelegramJournal, type TelegramJournal, type TelegramJournalEntry } from './journal.ts';
export {
  createTelegramState,
  injectMessage,
  type BotCommand,
  type InboundMessage,
  type SentMessage,
  type TelegramMessage,
  type TelegramState,
  type TelegramUpdate,
} from './state.ts';
