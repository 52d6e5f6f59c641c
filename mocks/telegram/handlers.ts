/**
 * The Telegram Bot API as a mock route (../routes.ts): `https://api.telegram.org/bot<token>/<method>`.
 *
 * Enough of the API for a gateway's Telegram channel (the Bot API calls the
 * golden traces record, e.g. test/golden/openclaw-2026.9.6/all-ok.json): getMe,
 * webhook calls, getUpdates long polling parked on the clock, the command
 * menu with Telegram's BOT_COMMANDS_TOO_MUCH, sendMessage with the 4,096
 * character limit and flood control, and quiet `true` for the decorative
 * calls (chat actions, reactions). Unknown methods get Telegram's 404.
 */
import type { Clock } from '../../src/clock/clock.ts';
import type { MockRequest, MockRoute, RouteParams } from '../routes.ts';
import type { WireReply } from '../wire-reply.ts';
import { DEFAULT_COMMAND_LIMITS, menuKey, menuTextChars, validateCommands, type CommandLimits } from './commands.ts';
import { BOT_API_ERRORS, badRequest, errorReply, okReply, tooManyRequests, type BotApiError } from './errors.ts';
import { admitSend, createFloodState, DEFAULT_FLOOD_LIMITS, type FloodLimits } from './flood.ts';
import type { TelegramJournal, TelegramJournalEntry } from './journal.ts';
import { integer, readParams, structured, type BotApiParams } from './params.ts';
import { recordSent, takeMessageId, type TelegramMessage, type TelegramState } from './state.ts';

export const TELEGRAM_ORIGIN = 'https://api.telegram.org';

/** Telegram's limit on a message text, after entity parsing (core.telegram.org/bots/api#sendmessage). */
const MAX_MESSAGE_CHARS = 4_096;
/** Telegram caps a long poll at 50 seconds (getUpdates `timeout`). */
const MAX_POLL_TIMEOUT_S = 50;

export type TelegramMockSpec = {
  readonly clock: Clock;
  /** The bot that answers every accepted token `bots` does not name. */
  readonly state: TelegramState;
  /** Further bots by token (bots.ts): each has its own updates, menus and chats, as each real bot does. */
  readonly bots?: ReadonlyMap<string, TelegramState>;
  readonly journal: TelegramJournal;
  /** Tokens the bot answers to; any other gets 401. Default: any `<digits>:<secret>` token. */
  readonly botTokens?: readonly string[];
  readonly commandLimits?: CommandLimits;
  readonly floodLimits?: FloodLimits;
  /** Where the API lives; a server can mount the same handlers under another origin. */
  readonly origin?: string;
};

type MethodResult = { result: unknown; journal?: Partial<TelegramJournalEntry> } | { error: BotApiError; journal?: Partial<TelegramJournalEntry> };
type Method = (params: BotApiParams, request: MockRequest) => MethodResult | Promise<MethodResult>;

export function telegramRoutes(spec: TelegramMockSpec): MockRoute[] {
  const methodsByBot = new Map<TelegramState, Record<string, Method>>();
  const methodsOf = (state: TelegramState) => {
    let methods = methodsByBot.get(state);
    if (methods === undefined) methodsByBot.set(state, (methods = botMethods(spec, state)));
    return methods;
  };
  const handle = async (request: MockRequest, params: RouteParams): Promise<WireReply> => {
    const method = params['method']!;
    const started = spec.clock.now();
    const bot = params['bot']!;
    const state = spec.bots?.get(bot.slice(3)) ?? spec.state;
    const outcome = await answer(spec, methodsOf(state), bot, method, request);
    // A single bot's journal stays as it always was; with several, each line names its bot.
    const named = spec.bots !== undefined && spec.bots.size > 1 ? { bot: state.bot.username ?? String(state.bot.id) } : {};
    spec.journal.record({ atMs: started, method, status: 'error' in outcome ? outcome.error.status : 200, ...named, ...journalFields(outcome) });
    return 'error' in outcome ? errorReply(outcome.error) : okReply(outcome.result);
  };
  return [{ method: 'ALL', origin: spec.origin ?? TELEGRAM_ORIGIN, path: '/{bot}/{method}', handle }];
}

function journalFields(outcome: MethodResult): Partial<TelegramJournalEntry> {
  if (!('error' in outcome)) return { ...outcome.journal };
  const { description, retryAfterS } = outcome.error;
  return { description, ...(retryAfterS === undefined ? {} : { retryAfterS }), ...outcome.journal };
}

async function answer(
  spec: TelegramMockSpec,
  methods: Record<string, Method>,
  bot: string,
  method: string,
  request: MockRequest,
): Promise<MethodResult> {
  if (!bot.startsWith('bot') || !tokenAccepted(spec, bot.slice(3))) return { error: BOT_API_ERRORS.unauthorized };
  // Telegram's method names are case-insensitive.
  const handler = methods[method.toLowerCase()];
  if (handler === undefined) return { error: BOT_API_ERRORS.notFound };
  const params = await readParams(request);
  if (params === undefined) return { error: badRequest("can't parse JSON object") };
  return handler(params, request);
}

function tokenAccepted(spec: TelegramMockSpec, token: string): boolean {
  if (spec.bots?.has(token) === true) return true;
  return spec.botTokens === undefined ? /^\d+:[\w-]+$/.test(token) : spec.botTokens.includes(token);
}

function botMethods(spec: TelegramMockSpec, state: TelegramState): Record<string, Method> {
  const { clock } = spec;
  const commandLimits = spec.commandLimits ?? DEFAULT_COMMAND_LIMITS;
  const floodLimits = spec.floodLimits ?? DEFAULT_FLOOD_LIMITS;
  const flood = createFloodState();
  const yes = (): MethodResult => ({ result: true });

  return {
    getme: () => ({ result: { ...state.bot, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false } }),
    getwebhookinfo: () => ({ result: { url: state.webhookUrl, has_custom_certificate: false, pending_update_count: state.pending.length } }),
    deletewebhook: (params) => {
      state.webhookUrl = '';
      if (params['drop_pending_updates'] === true || params['drop_pending_updates'] === 'true') state.pending = [];
      return yes();
    },
    setwebhook: (params) => {
      state.webhookUrl = typeof params['url'] === 'string' ? params['url'] : '';
      return yes();
    },
    getupdates: (params, request) => getUpdates(spec.clock, state, params, request.signal),

    setmycommands: (params) => {
      const offered = structured(params['commands']);
      const counted = Array.isArray(offered) ? { commandCount: offered.length, commandChars: menuTextChars(offered as never) } : {};
      const verdict = validateCommands(offered, commandLimits);
      if (!verdict.ok) return { error: verdict.error, journal: counted };
      state.menus.set(menuKey(structured(params['scope']), params['language_code']), verdict.commands);
      return { result: true, journal: counted };
    },
    deletemycommands: (params) => {
      state.menus.delete(menuKey(structured(params['scope']), params['language_code']));
      return yes();
    },
    getmycommands: (params) => ({ result: state.menus.get(menuKey(structured(params['scope']), params['language_code'])) ?? [] }),

    sendmessage: (params) => {
      const chatId = integer(params['chat_id']);
      const text = typeof params['text'] === 'string' ? params['text'] : '';
      const journal = { ...(chatId === undefined ? {} : { chatId }), textChars: text.length };
      const chat = chatId === undefined ? undefined : state.chats.get(chatId);
      if (chat === undefined) return { error: BOT_API_ERRORS.chatNotFound, journal };
      if (text.trim().length === 0) return { error: BOT_API_ERRORS.messageEmpty, journal };
      if (text.length > MAX_MESSAGE_CHARS) return { error: BOT_API_ERRORS.messageTooLong, journal };
      const admitted = admitSend(flood, floodLimits, { id: chat.id, isGroup: chat.type !== 'private' }, clock.now());
      if (!admitted.ok) return { error: tooManyRequests(admitted.retryAfterS), journal };
      const message: TelegramMessage = { message_id: takeMessageId(state, chat.id), from: state.bot, chat, date: Math.floor(clock.now() / 1000), text };
      const parseMode = typeof params['parse_mode'] === 'string' ? params['parse_mode'] : undefined;
      recordSent(state, { atMs: clock.now(), chatId: chat.id, messageId: message.message_id, text, parseMode });
      return { result: message, journal };
    },

    // Decorative calls a gateway makes around a reply; they change nothing the checks read.
    sendchataction: yes,
    setmessagereaction: yes,
    answercallbackquery: yes,
    deletemessage: yes,
    editmessagetext: (params) => {
      const chatId = integer(params['chat_id']);
      const chat = chatId === undefined ? undefined : state.chats.get(chatId);
      if (chat === undefined) return { error: BOT_API_ERRORS.chatNotFound };
      return { result: { message_id: integer(params['message_id']) ?? 0, from: state.bot, chat, date: Math.floor(clock.now() / 1000), text: params['text'] } };
    },
    close: yes,
    logout: yes,
  };
}

/**
 * Long polling: updates at or after `offset` (confirming, and so dropping,
 * the ones before), up to `limit`. With none pending and `timeout` > 0 the
 * request parks on the clock until a user writes or the timeout passes; a
 * newer getUpdates ends a waiting one with Telegram's 409 conflict.
 */
async function getUpdates(clock: Clock, state: TelegramState, params: BotApiParams, signal: AbortSignal): Promise<MethodResult> {
  if (state.webhookUrl !== '') return { error: BOT_API_ERRORS.webhookConflict };
  const offset = integer(params['offset']);
  if (offset !== undefined && offset > 0) state.pending = state.pending.filter((update) => update.update_id >= offset);
  const limit = Math.min(100, Math.max(1, integer(params['limit']) ?? 100));
  const timeoutS = Math.min(MAX_POLL_TIMEOUT_S, Math.max(0, integer(params['timeout']) ?? 0));

  state.poll?.wake('conflict');
  if (state.pending.length === 0 && timeoutS > 0 && !state.closed) {
    const woken = await waitForUpdate(clock, state, timeoutS * 1_000, signal);
    if (woken === 'conflict') return { error: BOT_API_ERRORS.pollConflict };
  }
  return { result: state.pending.slice(0, limit) };
}

type WakeReason = 'update' | 'conflict' | 'closed' | 'timeout';

function waitForUpdate(clock: Clock, state: TelegramState, timeoutMs: number, signal: AbortSignal): Promise<WakeReason> {
  return new Promise((resolve) => {
    // A client that gives up (a gateway stopping) ends the wait, as a closed connection would.
    if (signal.aborted) return resolve('timeout');
    signal.addEventListener('abort', () => finish('timeout'), { once: true });
    // Park on a clock timer, and clear it when woken early: a tracked request
    // must never hold a timer it no longer waits on, or virtual time could jump.
    const timer = clock.setTimeout(() => finish('timeout'), timeoutMs);
    const poll = { wake: (reason: 'update' | 'conflict' | 'closed') => finish(reason) };
    state.poll = poll;
    function finish(reason: WakeReason): void {
      clock.clearTimeout(timer);
      if (state.poll === poll) state.poll = undefined;
      resolve(reason);
    }
  });
}
