/**
 * Bot API error answers: `{ok: false, error_code, description, parameters?}`
 * with the same HTTP status as error_code, as api.telegram.org answers.
 * Descriptions are Telegram's own texts, which clients match on (OpenClaw
 * looks for BOT_COMMANDS_TOO_MUCH in the description).
 */
import { jsonReply, type WireReply } from '../wire-reply.ts';
export type BotApiError = { status: number; description: string; retryAfterS?: number };

export const BOT_API_ERRORS = {
  unauthorized: { status: 401, description: 'Unauthorized' },
  notFound: { status: 404, description: 'Not Found' },
  commandsTooMuch: { status: 400, description: 'Bad Request: BOT_COMMANDS_TOO_MUCH' },
  messageTooLong: { status: 400, description: 'Bad Request: message is too long' },
  messageEmpty: { status: 400, description: 'Bad Request: message text is empty' },
  chatNotFound: { status: 400, description: 'Bad Request: chat not found' },
  pollConflict: {
    status: 409,
    description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
  },
  webhookConflict: {
    status: 409,
    description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
  },
} as const satisfies Record<string, BotApiError>;

export function badRequest(detail: string): BotApiError {
  return { status: 400, description: `Bad Request: ${detail}` };
}

export function tooManyRequests(retryAfterS: number): BotApiError {
  return { status: 429, description: `Too Many Requests: retry after ${retryAfterS}`, retryAfterS };
}

export function errorReply(error: BotApiError): WireReply {
  const body = {
    ok: false,
    error_code: error.status,
    description: error.description,
    ...(error.retryAfterS === undefined ? {} : { parameters: { retry_after: error.retryAfterS } }),
  };
  return jsonReply(body, { status: error.status });
}

export function okReply(result: unknown): WireReply {
  return jsonReply({ ok: true, result }, { status: 200 });
}
