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
export { telegramRoutes } from './handlers.ts';
export { createTelegramJournal } from './journal.ts';
export { createTelegramState, injectMessage, type TelegramState } from './state.ts';
