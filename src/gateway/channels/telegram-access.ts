/**
 * Who may start a turn, as OpenClaw's Telegram channel decides it
 * (`enforceTelegramDmAccess` and the group policy checks, read in 2026.2.26).
 *
 * Direct messages by `dmPolicy`: `open` admits everyone, `disabled` no one;
 * `allowlist` and `pairing` admit senders in `allowFrom` (ids, usernames,
 * `telegram:`/`tg:` prefixes, `*`). Under `pairing` the senders the owner
 * approved (`openclaw pairing approve telegram CODE`, kept in the pairing
 * allow store) are admitted too: `mergeDmAllowFromSources` (2026.2.26
 * dist/allow-from-*.js; 2026.9.6 dist/allow-from-*.mjs) adds the store's
 * entries for every policy but `allowlist` (and `open`, which admits all).
 * A stranger under `pairing` gets one pairing reply per request ("OpenClaw:
 * access not configured. …") and no turn; under `allowlist` the message is
 * dropped silently (OpenClaw logs it only in verbose mode). Approvals made
 * during a run are not modelled: a pairing code sent is never approved.
 *
 * Groups by `groupPolicy`: `disabled` drops, `allowlist` (the default)
 * admits senders in `groupAllowFrom`, falling back to `allowFrom`, `open`
 * admits all; `channels.telegram.groups`, when set, must name the chat or
 * `*`, and the chat's entry may disable it (`enabled: false`) or name its own
 * `allowFrom`, which then applies under every policy. A group message must
 * then mention the bot (`requireMention` of the chat, else of `*`, default
 * true) or be a command; OpenClaw keeps the others as context for later
 * turns, which this model leaves out. The pairing store never admits a group
 * sender: the group allowlist is `groupAllowFrom` or a group's own `allowFrom`
 * alone (`resolveTelegramGroupAllowFromContext`, both pinned versions).
 */
type DmPolicy = 'pairing' | 'allowlist' | 'open' | 'disabled';
type GroupPolicy = 'open' | 'disabled' | 'allowlist';

export type AccessConfig = {
  readonly dmPolicy: DmPolicy;
  readonly allowFrom: readonly (string | number)[];
  /** The pairing allow store's entries: senders approved with `openclaw pairing approve`. */
  readonly pairedSenders: readonly (string | number)[];
  readonly groupPolicy: GroupPolicy;
  readonly groupAllowFrom: readonly (string | number)[] | undefined;
  /** `channels.telegram.groups`: per chat id or "*", e.g. `{ "*": { requireMention: false } }`. */
  readonly groups: Readonly<Record<string, unknown>> | undefined;
};

/** OpenClaw's schema defaults: pairing for DMs, allowlist for groups. */
export const DEFAULT_ACCESS: AccessConfig = { dmPolicy: 'pairing', allowFrom: [], pairedSenders: [], groupPolicy: 'allowlist', groupAllowFrom: undefined, groups: undefined };

export type Sender = { readonly id: number; readonly username: string | undefined };

export type AccessDecision =
  | { readonly kind: 'admit' }
  | { readonly kind: 'pair' }
  | { readonly kind: 'drop'; readonly reason: 'dm-disabled' | 'dm-not-allowed' | 'group-disabled' | 'group-not-allowed' | 'sender-not-allowed' | 'no-mention' };

export function decideAccess(
  access: AccessConfig,
  message: { chatId: number; isGroup: boolean; sender: Sender; text: string; isCommand: boolean; botUsername: string },
): AccessDecision {
  if (!message.isGroup) {
    if (access.dmPolicy === 'disabled') return { kind: 'drop', reason: 'dm-disabled' };
    if (access.dmPolicy === 'open' || allowed(dmAllowList(access), message.sender)) return { kind: 'admit' };
    return access.dmPolicy === 'pairing' ? { kind: 'pair' } : { kind: 'drop', reason: 'dm-not-allowed' };
  }
  if (access.groupPolicy === 'disabled') return { kind: 'drop', reason: 'group-disabled' };
  const groupConfig = access.groups?.[String(message.chatId)] ?? access.groups?.['*'];
  if (access.groups !== undefined && groupConfig === undefined) return { kind: 'drop', reason: 'group-not-allowed' };
  if (fieldOf(groupConfig, 'enabled') === false) return { kind: 'drop', reason: 'group-disabled' };
  // A group's own allowFrom overrides groupAllowFrom and applies under every policy (evaluateTelegramGroupBaseAccess).
  const override = fieldOf(groupConfig, 'allowFrom');
  const groupAllow = Array.isArray(override) ? (override as (string | number)[]) : undefined;
  const fallback = access.groupAllowFrom !== undefined && access.groupAllowFrom.length > 0 ? access.groupAllowFrom : access.allowFrom;
  if ((groupAllow !== undefined || access.groupPolicy === 'allowlist') && !allowed(groupAllow ?? fallback, message.sender)) {
    return { kind: 'drop', reason: 'sender-not-allowed' };
  }
  const requireMention = readRequireMention(groupConfig) ?? readRequireMention(access.groups?.['*']) ?? true;
  const mentioned = message.text.toLowerCase().includes(`@${message.botUsername.toLowerCase()}`);
  if (requireMention && !mentioned && !message.isCommand) return { kind: 'drop', reason: 'no-mention' };
  return { kind: 'admit' };
}

/** allowFrom, plus the pairing store's approvals unless the policy is `allowlist` (mergeDmAllowFromSources). */
function dmAllowList(access: AccessConfig): readonly (string | number)[] {
  return access.dmPolicy === 'allowlist' ? access.allowFrom : [...access.allowFrom, ...access.pairedSenders];
}

/** An allowlist matches by user id or by username, ignoring case, `@` and a `telegram:`/`tg:` prefix; `*` matches all. */
function allowed(entries: readonly (string | number)[], sender: Sender): boolean {
  const username = sender.username?.toLowerCase();
  return entries.some((entry) => {
    const normalized = String(entry).trim().replace(/^(telegram|tg):/i, '').toLowerCase();
    if (normalized === '*' || normalized === String(sender.id)) return true;
    return username !== undefined && normalized.replace(/^@/, '') === username;
  });
}

/** buildPairingReply (src/pairing/pairing-messages.ts, 2026.2.26). */
export function pairingReply(userId: number, code: string): string {
  return [
    'OpenClaw: access not configured.',
    '',
    `Your Telegram user id: ${userId}`,
    '',
    `Pairing code: ${code}`,
    '',
    'Ask the bot owner to approve with:',
    `openclaw pairing approve telegram ${code}`,
  ].join('\n');
}

/** PAIRING_CODE_ALPHABET and PAIRING_CODE_LENGTH of OpenClaw's pairing store. */
export const PAIRING_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const PAIRING_CODE_LENGTH = 8;
/** A pending request lives an hour; at most three are pending per channel (PAIRING_PENDING_TTL_MS, PAIRING_PENDING_MAX). */
export const PAIRING_PENDING_TTL_MS = 60 * 60_000;
export const PAIRING_PENDING_MAX = 3;

function readRequireMention(groupConfig: unknown): boolean | undefined {
  const value = fieldOf(groupConfig, 'requireMention');
  return typeof value === 'boolean' ? value : undefined;
}

function fieldOf(groupConfig: unknown, key: 'requireMention' | 'enabled' | 'allowFrom'): unknown {
  return groupConfig !== null && typeof groupConfig === 'object' ? (groupConfig as Record<string, unknown>)[key] : undefined;
}
