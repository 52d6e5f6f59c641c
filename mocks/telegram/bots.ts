/**
 * Several bots on one mock: a gateway with `channels.telegram.accounts` runs one bot per account,
 * each with its own token. Every bot keeps its own updates, chats, menus and sent messages, as each
 * real bot does; the Bot API routes (handlers.ts) pick the bot by the token in the URL.
 */
import { createTelegramState, type TelegramState } from './state.ts';

/** The bots of a run by token; `state` answers any other accepted token. */
export type TelegramBots = { readonly state: TelegramState; readonly bots: Map<string, TelegramState> };

/**
 * Serves `token` as the bot of `accountId`: the first bot added is the mock's own `state`
 * (a single-bot run is unchanged), later ones are new bots named `quotastorm_<account>_bot`.
 * Their update ids start a million apart: a run record keys messages by update id.
 */
export function addTelegramBot(telegram: TelegramBots, token: string, accountId: string): TelegramState {
  const known = telegram.bots.get(token);
  if (known !== undefined) return known;
  const state =
    telegram.bots.size === 0
      ? telegram.state
      : createTelegramState({
          botToken: token,
          username: `quotastorm_${accountId.replace(/[^A-Za-z0-9_]/g, '_')}_bot`,
          firstUpdateId: telegram.bots.size * UPDATE_IDS_PER_BOT + 1,
          ...(telegram.state.keepSent === undefined ? {} : { keepSent: telegram.state.keepSent }),
        });
  telegram.bots.set(token, state);
  return state;
}

const UPDATE_IDS_PER_BOT = 1_000_000;
