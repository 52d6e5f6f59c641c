/**
 * What the gateway asked the Telegram mock, with the parameters that matter:
 * a mock route placed before the mock's own, which records the call and
 * falls through (returns nothing). The mock's journal keeps status and
 * counts only; a golden trace needs the text sent, the command names, the
 * scopes.
 */
import type { Clock } from '../clock/clock.ts';
import type { MockRoute } from '../../mocks/routes.ts';
import { readParams, structured, type BotApiParams } from '../../mocks/telegram/params.ts';
import { TELEGRAM_ORIGIN } from '../../mocks/telegram/handlers.ts';

export type TelegramCall = {
  readonly atMs: number;
  /** As Telegram spells it (`sendMessage`), whatever case the client used. */
  readonly method: string;
  readonly params: Readonly<Record<string, unknown>>;
};

const METHOD_NAMES = [
  'getMe', 'getUpdates', 'getWebhookInfo', 'deleteWebhook', 'setWebhook', 'setMyCommands', 'deleteMyCommands', 'getMyCommands',
  'sendMessage', 'sendChatAction', 'setMessageReaction', 'editMessageText', 'deleteMessage', 'answerCallbackQuery', 'close', 'logOut',
];
const CANONICAL = new Map(METHOD_NAMES.map((name) => [name.toLowerCase(), name]));

export function telegramSpy(clock: Clock, calls: TelegramCall[], origin = TELEGRAM_ORIGIN): MockRoute {
  return {
    method: 'ALL',
    origin,
    path: '/{bot}/{method}',
    handle: async (request, params) => {
      const method = params['method']!;
      const body = await readParams(request).catch(() => undefined);
      calls.push({ atMs: clock.now(), method: CANONICAL.get(method.toLowerCase()) ?? method, params: paramsThatMatter(method, body ?? {}) });
      return undefined;
    },
  };
}

/** The parameters a trace keeps per method; the rest (timeouts, link previews) is noise. */
function paramsThatMatter(method: string, params: BotApiParams): Record<string, unknown> {
  const pick = (...names: string[]) =>
    Object.fromEntries(names.filter((name) => params[name] !== undefined).map((name) => [name, structured(params[name]) ?? params[name]]));
  switch (method.toLowerCase()) {
    case 'sendmessage':
      return pick('chat_id', 'text', 'parse_mode', 'reply_to_message_id', 'reply_parameters', 'message_thread_id');
    case 'editmessagetext':
      return pick('chat_id', 'message_id', 'text', 'parse_mode');
    case 'sendchataction':
      return pick('chat_id', 'action');
    case 'setmessagereaction':
      return pick('chat_id', 'message_id', 'reaction');
    case 'deletemessage':
      return pick('chat_id', 'message_id');
    case 'setmycommands': {
      const commands = structured(params['commands']);
      const names = Array.isArray(commands) ? commands.map((command) => String((command as { command?: unknown }).command)) : [];
      return { ...pick('scope', 'language_code'), commandCount: names.length, commands: names };
    }
    case 'deletemycommands':
      return pick('scope', 'language_code');
    case 'deletewebhook':
      return pick('drop_pending_updates');
    case 'getupdates':
      return pick('offset', 'limit', 'timeout');
    default:
      return {};
  }
}
