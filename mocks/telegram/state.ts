/**
 * The Telegram side of a run: the bot, the chats its users write in, the
 * updates waiting to be fetched, the command menus and every message the bot
 * sent. Plain data plus a few functions; the handlers (handlers.ts) read and
 * change it, scenarios inject user messages into it.
 */
import type { Clock } from '../../src/clock/clock.ts';

type TelegramUser = { id: number; is_bot: boolean; first_name: string; last_name?: string; username?: string; language_code?: string };
type TelegramChat =
  | { id: number; type: 'private'; first_name: string; last_name?: string; username?: string }
  | { id: number; type: 'group' | 'supergroup'; title: string };
type MessageEntity = { type: string; offset: number; length: number };
export type TelegramMessage = {
  message_id: number;
  from?: TelegramUser;
  chat: TelegramChat;
  date: number;
  text?: string;
  entities?: MessageEntity[];
};
export type TelegramUpdate = { update_id: number; message: TelegramMessage };
export type BotCommand = { command: string; description: string };

/** A message the bot sent, as checks read it. */
type SentMessage = { atMs: number; chatId: number; messageId: number; text: string; parseMode: string | undefined };

export type TelegramState = {
  readonly bot: TelegramUser;
  /** Updates not yet confirmed by a getUpdates offset, oldest first. */
  pending: TelegramUpdate[];
  nextUpdateId: number;
  /** Per chat: the next message id (Telegram numbers messages per chat). */
  readonly nextMessageId: Map<number, number>;
  readonly chats: Map<number, TelegramChat>;
  /** Command menus by scope key (`scopeKey(scope, language)`). */
  readonly menus: Map<string, BotCommand[]>;
  readonly sent: SentMessage[];
  /** A served mock keeps only this many of the newest sent messages (recordSent); undefined: all, as a run record needs. */
  readonly keepSent: number | undefined;
  webhookUrl: string;
  /** The long poll currently waiting, if any: a newer one ends it with 409. */
  poll: PendingPoll | undefined;
  /** Set by `closeTelegram`: long polls answer at once instead of parking on the clock. */
  closed: boolean;
};

type PendingPoll = { readonly wake: (reason: 'update' | 'conflict' | 'closed') => void };

export type InboundMessage = {
  from: { id: number; firstName: string; lastName?: string; username?: string; languageCode?: string };
  /** Omitted: a private chat with the sender. */
  chat?: { id: number; type: 'group' | 'supergroup'; title: string };
  text: string;
};

export type TelegramStateOptions = {
  botToken?: string;
  keepSent?: number;
  /** The bot's username; default `quotastorm_bot`. */
  username?: string;
  /** The first update id; default 1. */
  firstUpdateId?: number;
};

export function createTelegramState(options: TelegramStateOptions = {}): TelegramState {
  const botId = Number((options.botToken ?? '123456:quotastorm').split(':')[0]) || 123456;
  return {
    bot: { id: botId, is_bot: true, first_name: 'quotastorm bot', username: options.username ?? 'quotastorm_bot' },
    pending: [],
    nextUpdateId: options.firstUpdateId ?? 1,
    nextMessageId: new Map(),
    chats: new Map(),
    menus: new Map(),
    sent: [],
    keepSent: options.keepSent,
    webhookUrl: '',
    poll: undefined,
    closed: false,
  };
}

/**
 * The world is closing: a parked long poll answers now with what is pending
 * (as at its timeout), and later ones do not park, so no request is left
 * holding a timer on the clock after a run ends.
 */
export function closeTelegram(state: TelegramState): void {
  state.closed = true;
  state.poll?.wake('closed');
}

/**
 * A user writes to the bot: the message becomes an update, and a long poll
 * that is waiting wakes up. Returns the update, as the bot will receive it.
 */
export function injectMessage(state: TelegramState, clock: Clock, inbound: InboundMessage): TelegramUpdate {
  const from: TelegramUser = {
    id: inbound.from.id,
    is_bot: false,
    first_name: inbound.from.firstName,
    ...(inbound.from.lastName === undefined ? {} : { last_name: inbound.from.lastName }),
    ...(inbound.from.username === undefined ? {} : { username: inbound.from.username }),
    ...(inbound.from.languageCode === undefined ? {} : { language_code: inbound.from.languageCode }),
  };
  const chat: TelegramChat = inbound.chat ?? {
    id: from.id,
    type: 'private',
    first_name: from.first_name,
    ...(from.username === undefined ? {} : { username: from.username }),
  };
  state.chats.set(chat.id, chat);
  const message: TelegramMessage = {
    message_id: takeMessageId(state, chat.id),
    from,
    chat,
    date: Math.floor(clock.now() / 1000),
    text: inbound.text,
    ...commandEntities(inbound.text),
  };
  const update = { update_id: state.nextUpdateId++, message };
  state.pending.push(update);
  state.poll?.wake('update');
  return update;
}

export function takeMessageId(state: TelegramState, chatId: number): number {
  const id = state.nextMessageId.get(chatId) ?? 1;
  state.nextMessageId.set(chatId, id + 1);
  return id;
}

/** Telegram marks a leading `/command` (optionally `@botname`) as a bot_command entity. */
function commandEntities(text: string): { entities?: MessageEntity[] } {
  const match = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]+)?/.exec(text);
  return match === null ? {} : { entities: [{ type: 'bot_command', offset: 0, length: match[0].length }] };
}

/** Appends a sent message; past twice `keepSent`, drops the oldest down to `keepSent` (amortized: one splice per `keepSent` sends). */
export function recordSent(state: TelegramState, message: SentMessage): void {
  state.sent.push(message);
  if (state.keepSent !== undefined && state.sent.length >= 2 * state.keepSent) state.sent.splice(0, state.sent.length - state.keepSent);
}
