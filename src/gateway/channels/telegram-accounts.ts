/**
 * Which Telegram bots a gateway starts: one per account of `channels.telegram.accounts`,
 * each with the channel-level settings merged under its own.
 *
 * Read in openclaw@2026.2.26 dist/plugins-*.js (src/telegram/accounts.ts: listTelegramAccountIds,
 * resolveTelegramAccount, mergeTelegramAccountConfig; src/telegram/token.ts: resolveTelegramToken;
 * extensions/telegram/src/channel.ts: isConfigured, findTelegramTokenOwnerAccountId) and
 * openclaw@2026.9.6 dist/accounts-*.mjs, dist/account-selection-*.mjs (hasTelegramAccountConfig,
 * mergeTelegramAccountConfig), dist/token-*.mjs (resolveTelegramToken):
 * - the accounts are the keys of `accounts` plus the account ids bindings name for telegram,
 *   normalized, sorted; none at all is the one account `default`;
 * - an account starts when the channel and the merged account are not `enabled: false` and it has a
 *   token no account before it (in that order) already owns ("Duplicate Telegram bot token");
 * - its token is its own `botToken`/`tokenFile`; the channel-level token belongs to `default` only in
 *   2026.2, and to every account listed under `accounts` in 2026.9 (so an account without its own
 *   token there shares, and loses to, the first owner of the channel's token) — `tokenRules`.
 *
 * A config without `accounts` is one bot whose token may come from TELEGRAM_BOT_TOKEN or a tokenFile
 * the simulation cannot see: it is assumed present, as the single-bot channel always was. With
 * `accounts`, only tokens the config names count, since such a config names one per bot.
 */
import type { OpenClawConfig, TelegramConfig } from '../../config/schema.ts';
import { telegramSchema } from '../../config/schema-providers.ts';

const DEFAULT_ACCOUNT_ID = 'default';

/** How one OpenClaw version finds an account's token (a field of the profile's `telegram`). */
export type TelegramAccountRules = {
  /** Which accounts may use `channels.telegram.botToken`: `default` alone (2026.2) or every listed account (2026.9). */
  readonly channelTokenFor: 'default-account' | 'listed-accounts';
  /** Whether a channel-level token lists `default` beside named accounts (2026.9 hasTelegramAccountConfig). */
  readonly channelTokenListsDefault: boolean;
  /** An account's `allowFrom` with `*` under a channel allowFrom naming senders keeps only the names (2026.9 preserveRootAllowFrom). */
  readonly rootAllowFromOverWildcard: boolean;
  /** When an account's empty `groups: {}` takes the channel's: never (2026.2), or when `accounts` has one entry (2026.9). */
  readonly emptyGroupsInherit: 'never' | 'single-account';
};

export type TelegramAccount = {
  readonly accountId: string;
  /** The merged settings: `channels.telegram` without `accounts`, the account's keys over them. */
  readonly config: TelegramConfig;
  /** The token as configured (a string, a secret reference, or absent when it is assumed from the environment). */
  readonly configuredToken: unknown;
};

export type TelegramAccountPlan = {
  readonly started: readonly TelegramAccount[];
  /** Listed accounts that do not start, and why, in OpenClaw's words where it has them. */
  readonly skipped: readonly { readonly accountId: string; readonly reason: string }[];
};

export function planTelegramAccounts(config: OpenClawConfig, rules: TelegramAccountRules): TelegramAccountPlan {
  const channel = config.channels?.telegram;
  const accounts = accountEntries(channel?.accounts);
  const ids = listAccountIds(accounts, boundAccountIds(config.bindings), channel, rules);
  const started: TelegramAccount[] = [];
  const skipped: { accountId: string; reason: string }[] = [];
  const owners = new Map<string, string>();
  for (const accountId of ids) {
    const entry = accounts.get(accountId);
    const merged = mergeAccount(channel, entry, accounts.size, rules);
    const token = tokenOf(accountId, entry, channel, accounts.size > 0, rules);
    if (channel?.enabled === false || merged.enabled === false) {
      skipped.push({ accountId, reason: 'disabled' });
      continue;
    }
    if (token === undefined) {
      skipped.push({ accountId, reason: 'not configured' });
      continue;
    }
    const owner = owners.get(token.identity);
    if (owner !== undefined) {
      skipped.push({ accountId, reason: `Duplicate Telegram bot token: account "${accountId}" shares a token with account "${owner}". Keep one owner account per bot token.` });
      continue;
    }
    owners.set(token.identity, accountId);
    started.push({ accountId, config: merged, configuredToken: token.value });
  }
  return { started, skipped };
}

/** normalizeAccountId for the ids users write: trimmed, lower case, empty is `default`. */
export function normalizeAccountId(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().toLowerCase();
  return trimmed === '' ? DEFAULT_ACCOUNT_ID : trimmed;
}

type AccountEntry = Readonly<Record<string, unknown>>;

/** The `accounts` object by normalized id; the first key wins when two normalize alike (resolveAccountEntry). */
function accountEntries(raw: unknown): Map<string, AccountEntry> {
  const entries = new Map<string, AccountEntry>();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return entries;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === '' || value === null || typeof value !== 'object') continue;
    const id = normalizeAccountId(key);
    if (!entries.has(id)) entries.set(id, value as AccountEntry);
  }
  return entries;
}

/** listBoundAccountIds: bindings on telegram naming one account (not `*`). */
function boundAccountIds(bindings: readonly unknown[] | undefined): string[] {
  return (bindings ?? []).flatMap((binding) => {
    const match = (binding as { match?: { channel?: unknown; accountId?: unknown } } | null)?.match;
    if (typeof match?.channel !== 'string' || match.channel.trim().toLowerCase() !== 'telegram') return [];
    const accountId = typeof match.accountId === 'string' ? match.accountId.trim() : '';
    return accountId === '' || accountId === '*' ? [] : [normalizeAccountId(accountId)];
  });
}

function listAccountIds(accounts: ReadonlyMap<string, AccountEntry>, bound: readonly string[], channel: TelegramConfig | undefined, rules: TelegramAccountRules): string[] {
  const ids = new Set([...accounts.keys(), ...bound]);
  if (rules.channelTokenListsDefault && hasValue(channel?.botToken ?? channel?.tokenFile)) ids.add(DEFAULT_ACCOUNT_ID);
  if (ids.size === 0) return [DEFAULT_ACCOUNT_ID];
  return [...ids].sort((a, b) => a.localeCompare(b));
}

/** mergeTelegramAccountConfig: `{ ...channel without accounts, ...account }` and the version's rules, parsed for the schema's defaults. */
function mergeAccount(channel: TelegramConfig | undefined, entry: AccountEntry | undefined, accountCount: number, rules: TelegramAccountRules): TelegramConfig {
  if (entry === undefined) return channel ?? telegramSchema().parse({});
  const { accounts: _accounts, defaultAccount: _defaultAccount, ...base } = (channel ?? {}) as TelegramConfig & { defaultAccount?: unknown };
  const merged: Record<string, unknown> = { ...base, ...entry };
  const groups = entry['groups'];
  const emptyGroups = groups !== null && typeof groups === 'object' && Object.keys(groups).length === 0;
  if (emptyGroups && rules.emptyGroupsInherit === 'single-account' && accountCount <= 1) merged['groups'] = base.groups;
  if (rules.rootAllowFromOverWildcard) {
    const allowFrom = keepRootOverWildcard(base.allowFrom, entry['allowFrom']);
    if (allowFrom !== undefined) merged['allowFrom'] = allowFrom;
  }
  const parsed = telegramSchema().safeParse(merged);
  return parsed.success ? parsed.data : telegramSchema().parse(base);
}

/** mergeAccountConfig's preserveRootAllowFrom: a `*` of the account does not open a channel that names its senders. */
function keepRootOverWildcard(root: readonly (string | number)[] | undefined, account: unknown): readonly (string | number)[] | undefined {
  if (root === undefined || !Array.isArray(account)) return undefined;
  const isWildcard = (entry: unknown) => String(entry).trim() === '*';
  if (!root.some((entry) => String(entry).trim() !== '' && !isWildcard(entry)) || !account.some(isWildcard)) return undefined;
  const named = (account as (string | number)[]).filter((entry) => !isWildcard(entry));
  return named.length > 0 ? named : root;
}

type Token = { readonly identity: string; readonly value: unknown };

/**
 * resolveTelegramToken. Two accounts own the same bot when their tokens are the same: the same
 * string, or the same secret reference (one environment variable, one file).
 */
function tokenOf(accountId: string, entry: AccountEntry | undefined, channel: TelegramConfig | undefined, hasAccounts: boolean, rules: TelegramAccountRules): Token | undefined {
  const own = entry?.['tokenFile'] ?? entry?.['botToken'];
  if (hasValue(own)) return { identity: identityOf(own), value: entry?.['botToken'] };
  // 2026.9 refuses the channel's token to an id `accounts` does not list, unless `accounts` is empty.
  const mayUseChannel = accountId === DEFAULT_ACCOUNT_ID || (rules.channelTokenFor === 'listed-accounts' && (entry !== undefined || !hasAccounts));
  if (!mayUseChannel) return undefined;
  const channelToken = channel?.tokenFile ?? channel?.botToken;
  if (hasValue(channelToken)) return { identity: identityOf(channelToken), value: channel?.botToken };
  // TELEGRAM_BOT_TOKEN serves `default` alone; assumed set for a config that names no accounts.
  return accountId === DEFAULT_ACCOUNT_ID && !hasAccounts ? { identity: 'env:TELEGRAM_BOT_TOKEN', value: undefined } : undefined;
}

function identityOf(token: unknown): string {
  return typeof token === 'string' ? token.trim() : JSON.stringify(token);
}

function hasValue(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  return value !== undefined && value !== null;
}
