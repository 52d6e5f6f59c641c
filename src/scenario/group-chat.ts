/**
 * The Telegram group a scenario's group messages go to, and who writes there, chosen the way the
 * config admits them (gateway/channels/telegram-access.ts models the gate):
 *
 * - the chat: the first chat id `channels.telegram.groups` names and does not disable, else a
 *   made-up supergroup (which `groups: { "*": … }` or no `groups` at all admits);
 * - the mention: `requireMention` of that chat, else of `"*"`, else on — OpenClaw's default in both
 *   pinned versions (resolveScopeRequireMention, 2026.9.6 dist/group-policy-*.mjs; 2026.2.26's
 *   resolveGroupRequireMention in dist/pi-embedded-*.js) — so a group message then starts with `@bot`;
 * - the senders: under `groupPolicy: "allowlist"` the users the chat's own `allowFrom`, else
 *   `groupAllowFrom`, else `allowFrom` matches (the pairing store never counts in groups); all users
 *   under `open`. When that list names no scenario user (a `groupAllowFrom` of other people), its
 *   own entries write, as group members; when it names no one at all, every user writes and the
 *   gateway drops them with its reason.
 *
 * Both pinned versions gate groups alike here (2026.9.6 falls back to allowFrom even when it is an
 * empty list, 2026.2.26 only when it has entries; an empty list admits no one either way), so no
 * profile field is needed.
 */
import type { LoadedConfig } from '../config/load.ts';
import { allowedSenders, type ScenarioUser } from './users.ts';

export type ScenarioGroup = {
  readonly chat: { readonly id: number; readonly type: 'supergroup'; readonly title: string };
  readonly requireMention: boolean;
  readonly senders: readonly ScenarioUser[];
};

/** A supergroup id (Telegram's `-100…` form) for configs that name no chat. */
const SYNTHETIC_GROUP_ID = -1_001_000_000_001;

type GroupEntry = { readonly enabled?: unknown; readonly requireMention?: unknown; readonly allowFrom?: unknown };

export function scenarioGroup(loaded: LoadedConfig, users: readonly ScenarioUser[]): ScenarioGroup {
  const telegram = loaded.config.channels?.telegram;
  const groups = (telegram?.groups ?? {}) as Readonly<Record<string, GroupEntry | undefined>>;
  const named = Object.keys(groups).find((key) => /^-?\d+$/.test(key) && groups[key]?.enabled !== false);
  const id = named === undefined ? SYNTHETIC_GROUP_ID : Number(named);
  const entry = named === undefined ? undefined : groups[named];
  const requireMention = booleanOf(entry?.requireMention) ?? booleanOf(groups['*']?.requireMention) ?? true;
  const allowList = listOf(entry?.allowFrom) ?? nonEmpty(telegram?.groupAllowFrom) ?? telegram?.allowFrom ?? [];
  const open = telegram?.groupPolicy === 'open' || allowList.some((item) => String(item).trim() === '*');
  const admitted = open ? users : users.filter((user) => allowList.some((item) => matches(item, user)));
  const members = admitted.length > 0 ? admitted : groupMembers(allowList);
  return { chat: { id, type: 'supergroup', title: 'quotastorm group' }, requireMention, senders: members.length > 0 ? members : users };
}

/** The allowlist's own senders as users: an id keeps its id, a username gets an id from 800000. */
function groupMembers(allowList: readonly (string | number)[]): ScenarioUser[] {
  return allowedSenders(allowList).map((sender, index) => {
    const id = sender.id ?? FIRST_MEMBER_ID + index;
    return { id, firstName: 'Member', username: sender.username ?? `member_${id}` };
  });
}

const FIRST_MEMBER_ID = 800_000;

/** An allowlist entry names a user by id or username, with an optional `telegram:`/`tg:` prefix and `@`. */
function matches(entry: string | number, user: ScenarioUser): boolean {
  const normalized = String(entry).trim().replace(/^(telegram|tg):/i, '').toLowerCase();
  return normalized === String(user.id) || normalized.replace(/^@/, '') === user.username;
}

function booleanOf(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

function listOf(value: unknown): readonly (string | number)[] | undefined {
  return Array.isArray(value) ? (value as (string | number)[]) : undefined;
}

function nonEmpty(list: readonly (string | number)[] | undefined): readonly (string | number)[] | undefined {
  return list !== undefined && list.length > 0 ? list : undefined;
}
