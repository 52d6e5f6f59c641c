/**
 * setMyCommands as Telegram judges it. More than 100 commands is
 * BOT_COMMANDS_TOO_MUCH (core.telegram.org/bots/api#setmycommands). Telegram
 * also refuses menus under 100 whose text is too large, with the same error
 * and no published limit (openclaw/openclaw#66699: 78 commands refused);
 * OpenClaw keeps its menus under 5,700 characters of names and descriptions
 * for that reason (`TELEGRAM_TOTAL_COMMAND_TEXT_BUDGET` in openclaw/openclaw
 * extensions/telegram/src/bot-native-command-menu.ts, 2026.4.12), and the mock takes that figure
 * as the budget unless a scenario sets another.
 */
import { BOT_API_ERRORS, badRequest, type BotApiError } from './errors.ts';
import type { BotCommand } from './state.ts';

export type CommandLimits = { maxCommands: number; textBudgetChars: number };

export const DEFAULT_COMMAND_LIMITS: CommandLimits = { maxCommands: 100, textBudgetChars: 5_700 };

const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;

export function validateCommands(value: unknown, limits: CommandLimits): { ok: true; commands: BotCommand[] } | { ok: false; error: BotApiError } {
  if (!Array.isArray(value)) return { ok: false, error: badRequest("can't parse commands JSON object") };
  const commands: BotCommand[] = [];
  for (const item of value as unknown[]) {
    const { command, description } = (item ?? {}) as { command?: unknown; description?: unknown };
    if (typeof command !== 'string' || !COMMAND_NAME.test(command)) return { ok: false, error: badRequest('BOT_COMMAND_INVALID') };
    if (typeof description !== 'string' || description.length < 1 || description.length > 256) {
      return { ok: false, error: badRequest('BOT_COMMAND_DESCRIPTION_INVALID') };
    }
    commands.push({ command, description });
  }
  if (commands.length > limits.maxCommands || menuTextChars(commands) > limits.textBudgetChars) {
    return { ok: false, error: BOT_API_ERRORS.commandsTooMuch };
  }
  return { ok: true, commands };
}

export function menuTextChars(commands: readonly BotCommand[]): number {
  return commands.reduce((sum, { command, description }) => sum + command.length + description.length, 0);
}

/** Menus are kept per scope and language, as Telegram keeps them. */
export function menuKey(scope: unknown, languageCode: unknown): string {
  const scopeObject = scope !== null && typeof scope === 'object' ? scope : { type: 'default' };
  return `${JSON.stringify(scopeObject)}|${typeof languageCode === 'string' ? languageCode : ''}`;
}
