/**
 * The Telegram command menu as OpenClaw builds and syncs it
 * (`extensions/telegram/src/bot-native-command-menu.ts` of the pinned
 * versions): cap the catalogue at 100 commands and, where the profile has
 * it, at a 5,700-character text budget; then, fire-and-forget at startup,
 * skip if the menu's hash is unchanged (2026.9), deleteMyCommands, and
 * setMyCommands, shrinking the list to floor(n · 0.8) on every
 * BOT_COMMANDS_TOO_MUCH until Telegram accepts it or nothing is left.
 *
 * Log lines are OpenClaw's, at its levels: `runtime.log` → info
 * (gateway.log), `runtime.error` → error (gateway.err.log).
 */
import { createHash } from 'node:crypto';
import type { Api } from 'grammy';
import type { GatewayLog } from '../log.ts';
import type { MenuCommand } from './commands-catalog.ts';
import { callLogged, isBotCommandsTooMuch, TELEGRAM_SUBSYSTEM } from './telegram-api.ts';
import type { MenuScope, TelegramBehaviour } from './telegram-behaviour.ts';

const MIN_DESCRIPTION_CHARS = 1; // TELEGRAM_MIN_COMMAND_DESCRIPTION_LENGTH
const MAX_DESCRIPTION_CHARS = 256; // TELEGRAM_MAX_COMMAND_DESCRIPTION_LENGTH (2026.9.6)

export type MenuLimits = { readonly maxCommands: number; readonly textBudgetChars: number | null };

export type BuiltMenu = {
  readonly commands: readonly MenuCommand[];
  readonly totalCommands: number;
  readonly overflowCount: number;
  readonly descriptionTrimmed: boolean;
  readonly textBudgetDropCount: number;
  readonly skillCommandsOmitted: boolean;
};

/** buildCappedTelegramMenuCommands, and the lines registerTelegramNativeCommands logs about the result. */
export function buildMenu(catalog: readonly MenuCommand[], limits: MenuLimits, behaviour: TelegramBehaviour, log: GatewayLog): BuiltMenu {
  const menu = capMenu(catalog, limits, behaviour);
  const info = (message: string) => log.write('info', TELEGRAM_SUBSYSTEM, message);
  if (menu.skillCommandsOmitted) info('Telegram menu pressure omitted per-skill commands; removing per-skill commands and keeping /skill.');
  if (menu.overflowCount > 0) {
    info(
      `Telegram limits bots to ${limits.maxCommands} commands. ${menu.totalCommands} configured; registering first ${limits.maxCommands}. ` +
        'Use channels.telegram.commands.native: false to disable, or reduce plugin/skill/custom commands.',
    );
  }
  if (menu.descriptionTrimmed) {
    info(
      `Telegram menu text exceeded the conservative ${limits.textBudgetChars}-character payload budget; ` +
        `shortening descriptions to keep ${menu.commands.length} commands visible.`,
    );
  }
  if (menu.textBudgetDropCount > 0) {
    info(
      `Telegram menu text still exceeded the conservative ${limits.textBudgetChars}-character payload budget after shortening descriptions; ` +
        `registering first ${menu.commands.length} commands.`,
    );
  }
  return menu;
}

export function capMenu(catalog: readonly MenuCommand[], limits: MenuLimits, behaviour: TelegramBehaviour): BuiltMenu {
  let effective = catalog;
  let fitted = fitMenu(effective, limits);
  const skillCount = countSkills(catalog);
  const skillCommandsOmitted = behaviour.skillFallbackUnderPressure && skillCount > 0 && countSkills(fitted.commands) < skillCount;
  if (skillCommandsOmitted) {
    effective = withoutSkills(catalog);
    fitted = fitMenu(effective, limits);
  }
  return {
    ...fitted,
    totalCommands: effective.length,
    overflowCount: Math.max(0, effective.length - limits.maxCommands),
    skillCommandsOmitted,
  };
}

/** Telegram counts menu text in characters (code points), names plus descriptions. */
export function menuTextChars(commands: readonly { command: string; description: string }[]): number {
  return commands.reduce((sum, { command, description }) => sum + chars(command) + chars(description), 0);
}

export type MenuSyncDeps = {
  readonly api: Api;
  readonly log: GatewayLog;
  readonly behaviour: TelegramBehaviour;
  /** floor(n · ratio) on each BOT_COMMANDS_TOO_MUCH (0.8). */
  readonly retryRatio: number;
  /** The process's synced-menu hashes (2026.9 keeps them in memory); unused where the profile has no cache. */
  readonly hashCache: Map<string, string>;
  readonly hashKey: string;
  /** `commands.native: false` set explicitly: 2026.2 also sends an empty setMyCommands. */
  readonly nativeDisabledExplicit: boolean;
  /** Waits one clock tick (`clock.sleep(0)`), for profiles with `menuSetAfterTick`. */
  readonly tick: () => Promise<void>;
};

export type MenuSyncOutcome =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'accepted'; readonly commands: readonly MenuCommand[] }
  | { readonly kind: 'cleared' }
  | { readonly kind: 'left-empty' };

/**
 * syncTelegramMenuCommands' body. Errors other than BOT_COMMANDS_TOO_MUCH propagate: the caller
 * logs them as `Telegram command sync failed: …`, as OpenClaw's fire-and-forget wrapper does.
 */
export async function syncMenu(deps: MenuSyncDeps, commands: readonly MenuCommand[]): Promise<MenuSyncOutcome> {
  const { api, log, behaviour } = deps;
  const hash = hashMenu(commands);
  if (behaviour.menuHashCache && deps.hashCache.get(deps.hashKey) === hash) return { kind: 'unchanged' };

  // Keep delete → set ordering, so a stale deletion cannot land after the fresh menu.
  let cleared = true;
  for (const scope of behaviour.menuScopes) {
    const deleted = await callLogged(log, scopedOperation('deleteMyCommands', scope), () =>
      scope.scope === undefined ? api.deleteMyCommands() : api.deleteMyCommands({ scope: scope.scope }),
    ).then(
      () => true,
      () => false,
    );
    cleared &&= deleted;
  }
  if (behaviour.menuSetAfterTick) await deps.tick();
  const remember = () => {
    if (behaviour.menuHashCache && cleared) deps.hashCache.set(deps.hashKey, hash);
  };
  if (commands.length === 0) {
    if (deps.nativeDisabledExplicit && behaviour.setEmptyMenuWhenNativeOff) {
      await callLogged(log, 'setMyCommands', () => api.setMyCommands([])).catch(() => undefined);
    }
    remember();
    return { kind: 'cleared' };
  }

  let offered = commands;
  for (;;) {
    try {
      await setForScopes(deps, offered);
    } catch (error) {
      if (!isBotCommandsTooMuch(error)) throw error;
      const next = Math.floor(offered.length * deps.retryRatio);
      const reducedCount = next < offered.length ? next : offered.length - 1;
      const reduced = behaviour.skillFallbackUnderPressure ? reduceKeepingSkillFallback(commands, reducedCount) : offered.slice(0, reducedCount);
      if (reducedCount <= 0 || reduced.length === 0) {
        log.write(
          'error',
          TELEGRAM_SUBSYSTEM,
          'Telegram rejected native command registration (BOT_COMMANDS_TOO_MUCH); leaving menu empty. ' +
            'Reduce commands or disable channels.telegram.commands.native.',
        );
        return { kind: 'left-empty' };
      }
      log.write('info', TELEGRAM_SUBSYSTEM, `Telegram rejected ${offered.length} commands (BOT_COMMANDS_TOO_MUCH); retrying with ${reduced.length}.`);
      offered = reduced;
      continue;
    }
    if (offered.length < commands.length && behaviour.logAcceptedAfterRetry) {
      log.write(
        'info',
        TELEGRAM_SUBSYSTEM,
        `Telegram accepted ${offered.length} commands after BOT_COMMANDS_TOO_MUCH (started with ${commands.length}; ` +
          `omitted ${commands.length - offered.length}). Reduce plugin/skill/custom commands to expose more menu entries.`,
      );
    }
    remember();
    return { kind: 'accepted', commands: offered };
  }
}

/** hashCommandList (2026.9.6): sha256 over length-prefixed names and descriptions, first 16 hex digits. */
export function hashMenu(commands: readonly MenuCommand[]): string {
  const digest = createHash('sha256');
  const field = (value: string) => digest.update(`${value.length}:${value}`);
  field(String(commands.length));
  for (const command of commands) {
    field(command.command);
    field(command.description);
    field('0'); // no description localizations
  }
  return digest.digest('hex').slice(0, 16);
}

async function setForScopes(deps: MenuSyncDeps, commands: readonly MenuCommand[]): Promise<void> {
  const botCommands = commands.map(({ command, description }) => ({ command, description }));
  const shouldLog = deps.behaviour.logTooMuchRejections ? undefined : (error: unknown) => !isBotCommandsTooMuch(error);
  for (const scope of deps.behaviour.menuScopes) {
    await callLogged(
      deps.log,
      scopedOperation('setMyCommands', scope),
      () => (scope.scope === undefined ? deps.api.setMyCommands(botCommands) : deps.api.setMyCommands(botCommands, { scope: scope.scope })),
      shouldLog,
    );
  }
}

function scopedOperation(operation: string, scope: MenuScope): string {
  return scope.scope === undefined ? operation : `${operation}(${scope.label})`;
}

/** fitTelegramCommandsWithinTextBudget after the count cap: trim descriptions evenly, then drop trailing commands. */
function fitMenu(commands: readonly MenuCommand[], limits: MenuLimits): Omit<BuiltMenu, 'totalCommands' | 'overflowCount' | 'skillCommandsOmitted'> {
  const capped = commands.slice(0, limits.maxCommands);
  const budget = limits.textBudgetChars;
  const untouched = { commands: capped, descriptionTrimmed: false, textBudgetDropCount: 0 };
  if (budget === null) return untouched;
  const tooLong = capped.some((command) => chars(command.description) > MAX_DESCRIPTION_CHARS);
  if (!tooLong && menuTextChars(capped) <= budget) return untouched;
  for (let candidates = capped; candidates.length > 0; candidates = candidates.slice(0, -1)) {
    const descriptionBudget = budget - candidates.reduce((sum, command) => sum + chars(command.command), 0);
    if (descriptionBudget < candidates.length * MIN_DESCRIPTION_CHARS) continue;
    const cap = Math.min(MAX_DESCRIPTION_CHARS, Math.max(MIN_DESCRIPTION_CHARS, Math.floor(descriptionBudget / candidates.length)));
    let descriptionTrimmed = false;
    const fitted = candidates.map((command) => {
      const description = truncate(command.description, cap);
      if (description === command.description) return command;
      descriptionTrimmed = true;
      return { ...command, description };
    });
    return { commands: fitted, descriptionTrimmed, textBudgetDropCount: capped.length - fitted.length };
  }
  return { commands: [], descriptionTrimmed: false, textBudgetDropCount: capped.length };
}

/** reduceTelegramMenuCommands (2026.9.6): the first `count`, or, if that cuts a skill, /skill plus the non-skill commands. */
function reduceKeepingSkillFallback(commands: readonly MenuCommand[], count: number): readonly MenuCommand[] {
  const reduced = commands.slice(0, Math.max(0, count));
  return countSkills(reduced) < countSkills(commands) ? withoutSkills(commands).slice(0, Math.max(0, count)) : reduced;
}

/** buildDirectSkillFallbackCommands: per-skill commands out, the /skill runner first. */
function withoutSkills(commands: readonly MenuCommand[]): readonly MenuCommand[] {
  const runner = commands.find((command) => command.command === 'skill' && command.kind !== 'skill');
  const rest = commands.filter((command) => command.kind !== 'skill' && command !== runner);
  return runner === undefined ? rest : [runner, ...rest];
}

function countSkills(commands: readonly MenuCommand[]): number {
  return commands.filter((command) => command.kind === 'skill').length;
}

function chars(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** truncateTelegramCommandText: at most `max` characters, the last one "…". */
function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  const codePoints = Array.from(text);
  if (codePoints.length <= max) return text;
  return max === 1 ? codePoints[0]! : `${codePoints.slice(0, max - 1).join('')}…`;
}
