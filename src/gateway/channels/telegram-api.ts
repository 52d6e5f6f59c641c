/**
 * The Bot API as OpenClaw reaches it: grammY's `Api` (the client OpenClaw's
 * Telegram channel is built on) over the run's injected, clock-tracked fetch,
 * plus OpenClaw's wrapper that logs a failed call before rethrowing it
 * (`withTelegramApiErrorLogging`: `telegram <operation> failed: <error>` at
 * error level, so it lands in gateway.err.log).
 */
import { Api, GrammyError } from 'grammy';
import type { GatewayLog } from '../log.ts';

export const TELEGRAM_SUBSYSTEM = 'telegram';

export function createBotApi(options: { botToken: string; apiRoot: string; fetch: typeof fetch }): Api {
  // grammY types its fetch option as node-fetch's; the platform fetch is what it calls at runtime.
  return new Api(options.botToken, { apiRoot: options.apiRoot, fetch: options.fetch as never });
}

/**
 * Runs one Bot API call; on failure logs `<operation> failed: <error>` under [telegram] (OpenClaw
 * writes "telegram <operation> failed: …", and the subsystem prefix takes the place of "telegram")
 * unless `shouldLog` declines, then rethrows.
 */
export async function callLogged<T>(
  log: GatewayLog,
  operation: string,
  call: () => Promise<T>,
  shouldLog: (error: unknown) => boolean = () => true,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (shouldLog(error)) log.write('error', TELEGRAM_SUBSYSTEM, `${operation} failed: ${errorText(error)}`);
    throw error;
  }
}

/** OpenClaw's formatErrorMessage for what grammY throws: the error's message, e.g. `Call to 'getMe' failed! (401: Unauthorized)`. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : JSON.stringify(error);
}

/** isBotCommandsTooMuchError: Telegram's description (or the error text) names BOT_COMMANDS_TOO_MUCH. */
export function isBotCommandsTooMuch(error: unknown): boolean {
  const pattern = /\bBOT_COMMANDS_TOO_MUCH\b/i;
  if (error instanceof GrammyError) return pattern.test(error.description) || pattern.test(error.message);
  return pattern.test(errorText(error));
}

/** getTelegramRetryAfterMs: a Bot API error's `parameters.retry_after`, in milliseconds. */
export function retryAfterMs(error: unknown): number | undefined {
  if (!(error instanceof GrammyError)) return undefined;
  const seconds = error.parameters.retry_after;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? seconds * 1_000 : undefined;
}

export function isBotApiError(error: unknown, code: number): boolean {
  return error instanceof GrammyError && error.error_code === code;
}
