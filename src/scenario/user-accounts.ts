/**
 * Which Telegram bots a scenario's users write to, when the config runs several
 * (`channels.telegram.accounts`): the accounts the gateway starts (gateway/channels/telegram-accounts.ts),
 * or the one `users.account` names; and the mock bot behind each started account.
 */
import { injectMessage } from '../../mocks/telegram/state.ts';
import { addTelegramBot } from '../../mocks/telegram/bots.ts';
import type { MockWorld } from '../../mocks/world.ts';
import type { Clock } from '../clock/clock.ts';
import type { OpenClawConfig } from '../config/schema.ts';
import { UserError } from '../errors.ts';
import { normalizeAccountId, planTelegramAccounts } from '../gateway/channels/telegram-accounts.ts';
import type { Gateway } from '../gateway/gateway.ts';
import type { VersionProfile } from '../gateway/profiles/profile.ts';
import type { ScenarioUser, UserAccount } from './users.ts';

/** The accounts users write to; undefined for a single bot (users keep writing to the one bot). */
export function userAccounts(config: OpenClawConfig, profile: VersionProfile, named: string | undefined, scenarioFile: string): UserAccount[] | undefined {
  const started = config.channels?.telegram?.enabled === false ? [] : planTelegramAccounts(config, profile.telegram.accounts).started;
  const accounts = started.map((account) => ({ accountId: account.accountId, dmPolicy: account.config.dmPolicy, allowFrom: account.config.allowFrom ?? [] }));
  if (named === undefined) return accounts.length > 1 ? accounts : undefined;
  const chosen = accounts.find((account) => account.accountId === normalizeAccountId(named));
  if (chosen === undefined) {
    const listed = accounts.map((account) => account.accountId).join(', ') || 'none';
    throw new UserError(`${scenarioFile}: users.account "${named}" is not a Telegram account the config starts (started: ${listed}). Name one of them, or leave users.account out to spread users over them.`);
  }
  return accounts.length > 1 ? [chosen] : undefined;
}

/** Where the user's next message goes: the bot of its next account in turn; a single-bot run has the one bot. */
export type WriteToBot = (user: ScenarioUser, clock: Clock, message: Parameters<typeof injectMessage>[2]) => void;

/** Mounts one mock bot per started account (before the gateway starts, so its getMe reaches its bot). */
export function mountTelegramBots(world: MockWorld, gateway: Gateway): WriteToBot {
  const several = gateway.telegramBots.length > 1;
  const byAccount = new Map(several ? gateway.telegramBots.map((bot) => [bot.accountId, addTelegramBot(world.telegram, bot.botToken, bot.accountId)] as const) : []);
  const written = new Map<number, number>();
  return (user, clock, message) => {
    const turn = written.get(user.id) ?? 0;
    written.set(user.id, turn + 1);
    const accountId = user.accountIds?.[turn % user.accountIds.length];
    injectMessage((accountId === undefined ? undefined : byAccount.get(accountId)) ?? world.telegram.state, clock, message);
  };
}
