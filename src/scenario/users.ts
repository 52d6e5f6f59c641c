/**
 * The scenario's Telegram users, drawn from whom the config lets write.
 *
 * OpenClaw admits a direct message when `dmPolicy` is `open` or the sender matches an entry of
 * `channels.telegram.allowFrom` (gateway/channels/telegram-access.ts). So the users are the
 * allow-listed senders first, in the order the config lists them — an id becomes the user's id,
 * a `@username` the user's username — then made-up users (ids from 700000) when the scenario asks
 * for more. Those extra users are refused by the gateway like any stranger, and the message
 * accounting names the reason: a scenario can ask for them on purpose to test the allowlist.
 * A `*` entry admits everyone and constrains nothing.
 *
 * Under `dmPolicy: "pairing"` (OpenClaw's default) a deployment's users are also the ones its owner
 * approved with `openclaw pairing approve telegram CODE`: the scenario's `users.paired` says which
 * users the version's pairing store holds at start (all, by default), so a config with an empty
 * allowFrom measures traffic instead of pairing codes.
 */
import { Faker, en } from '@faker-js/faker';
import type { Prng } from '../clock/prng.ts';
import type { LoadedConfig } from '../config/load.ts';

/** `accountIds`: the Telegram accounts (bots) the user writes to in turn, named when the run has several. */
export type ScenarioUser = { readonly id: number; readonly firstName: string; readonly username: string; readonly accountIds?: readonly string[] };

/** A bot users may write to, with its merged access settings (`channels.telegram` under `accounts.<id>`). */
export type UserAccount = { readonly accountId: string; readonly dmPolicy: string; readonly allowFrom: readonly (string | number)[] };

const FIRST_SYNTHETIC_ID = 700_000;

/**
 * `accounts`: the bots users write to, given when the run has several. User i belongs to account
 * i mod n and is the (i div n)-th sender that account's allowFrom names, so each bot's users are its
 * own allow-listed senders first; the user then writes to every account that lets it in (its own
 * first, then the others in order): one owner talking to each of their bots, as multi-bot configs are used.
 */
export function scenarioUsers(loaded: LoadedConfig, count: number, rng: Prng, accounts?: readonly UserAccount[]): ScenarioUser[] {
  const faker = new Faker({ locale: [en] });
  faker.seed(rng.uint32());
  const several = accounts !== undefined && accounts.length > 0;
  const writable = several ? accounts : [{ accountId: 'default', dmPolicy: 'pairing', allowFrom: loaded.config.channels?.telegram?.allowFrom ?? [] }];
  const allowed = writable.map((account) => allowedSenders(account.allowFrom));
  return Array.from({ length: count }, (_, index) => {
    // Drawn for every user, allowed or not, so the allowlist never shifts the names of the others.
    const firstName = faker.person.firstName();
    const drawnUsername = faker.internet.username({ firstName }).toLowerCase().replace(/[^a-z0-9_]/g, '_');
    const home = index % writable.length;
    const sender = allowed[home]![Math.floor(index / writable.length)];
    const user = { id: sender?.id ?? FIRST_SYNTHETIC_ID + index, firstName, username: sender?.username ?? drawnUsername };
    return several ? { ...user, accountIds: accountsLettingIn(writable, home, user) } : user;
  });
}

/** The user's own account, then every other whose dmPolicy lets the user write (pairing: the store pre-approves). */
function accountsLettingIn(accounts: readonly UserAccount[], home: number, user: { id: number; username: string }): string[] {
  const others = accounts.filter((account, index) => index !== home && letsIn(account, user));
  return [accounts[home]!.accountId, ...others.map((account) => account.accountId)];
}

function letsIn(account: UserAccount, user: { id: number; username: string }): boolean {
  if (account.dmPolicy === 'open' || account.dmPolicy === 'pairing') return true;
  if (account.dmPolicy === 'disabled') return false;
  return allowedSenders(account.allowFrom).some((entry) => entry.id === user.id || entry.username === user.username) || account.allowFrom.some((entry) => String(entry).trim() === '*');
}

type AllowedSender = { readonly id?: number; readonly username?: string };

// The entries OpenClaw matches (a numeric id or a username, with an optional `telegram:`/`tg:` prefix and `@`); `*` names no one.
export function allowedSenders(entries: readonly (string | number)[]): AllowedSender[] {
  return entries.flatMap((entry): AllowedSender[] => {
    const normalized = String(entry).trim().replace(/^(telegram|tg):/i, '');
    if (/^\d+$/.test(normalized) && Number(normalized) > 0) return [{ id: Number(normalized) }];
    const username = normalized.replace(/^@/, '');
    return /^[A-Za-z0-9_]+$/.test(username) ? [{ username: username.toLowerCase() }] : [];
  });
}

/** The users the pairing store holds at start: `users.paired` of the scenario (true = all, false = none, or indices). */
export function pairedUsers(users: readonly ScenarioUser[], paired: boolean | readonly number[]): ScenarioUser[] {
  if (paired === true) return [...users];
  if (paired === false) return [];
  const chosen = new Set(paired);
  return users.filter((_, index) => chosen.has(index));
}

/** What pairing decided for the scenario's users; absent when it decides nothing (another dmPolicy, no Telegram, `*`). */
export type UserPairing = {
  /** Users admitted only because the pairing store holds them. */
  readonly preApproved: number;
  /** Users neither in allowFrom nor approved: they get a pairing code. */
  readonly unpaired: number;
  /** Where the version keeps approvals (the profile's `telegram.pairingStore`). */
  readonly store: string;
};

export function userPairing(loaded: LoadedConfig, users: readonly ScenarioUser[], paired: readonly ScenarioUser[], store: string): UserPairing | undefined {
  const telegram = loaded.config.channels?.telegram;
  if (telegram === undefined || telegram.enabled === false || telegram.dmPolicy !== 'pairing') return undefined;
  const entries = telegram.allowFrom ?? [];
  if (entries.some((entry) => String(entry).trim() === '*')) return undefined;
  const listed = allowedSenders(entries).length;
  const approved = new Set(paired.map((user) => user.id));
  const strangers = users.slice(listed);
  const preApproved = strangers.filter((user) => approved.has(user.id)).length;
  return { preApproved, unpaired: strangers.length - preApproved, store };
}
