/**
 * One session as openclaw@2026.9.6's session commands show it
 * (`src/commands/sessions-table.ts`): the display row `--json` prints
 * (fields in OpenClaw's order; absent ones are dropped by JSON.stringify),
 * the Kind, the runtime-policy key of a main-session DM, and the table cells.
 * Ages are measured from a given instant, never the wall clock.
 */
import { parseAgentSessionKey } from '../../gateway/sessions/keys.ts';
// 2026.9.6's formatTimeAgo is 2026.2.26's, unchanged: `just now`, `5m ago`, `3h ago` up to 47 h, `2d ago`.
import { formatTimeAgo } from '../table.ts';
import { optionalString } from './display-model.ts';
import type { SqliteSessionEntry } from './store.ts';
import { sanitizeText } from './terminal-text.ts';
import { splitGraphemes } from './text-width.ts';

/** toSessionDisplayRow's fields, in its order. */
export type DisplayRow = {
  key: string;
  updatedAt: number | null;
  ageMs: number | null;
  sessionId: unknown;
  spawnedBy: unknown;
  spawnedWorkspaceDir: unknown;
  spawnedCwd: unknown;
  parentSessionKey: unknown;
  forkedFromParent: true | undefined;
  spawnDepth: unknown;
  subagentRole: unknown;
  subagentControlScope: unknown;
  sessionStartedAt: unknown;
  lastInteractionAt: unknown;
  label: unknown;
  color: unknown;
  status: unknown;
  visibility: unknown;
  createdActor: unknown;
  owner: unknown;
  participants: unknown;
  participantCount: unknown;
  systemSent: unknown;
  abortedLastRun: unknown;
  thinkingLevel: unknown;
  verboseLevel: unknown;
  traceLevel: unknown;
  reasoningLevel: unknown;
  elevatedLevel: unknown;
  responseUsage: unknown;
  groupActivation: unknown;
  inputTokens: unknown;
  outputTokens: unknown;
  totalTokens: unknown;
  totalTokensFresh: unknown;
  totalTokensVersion: unknown;
  model: unknown;
  modelProvider: unknown;
  providerOverride: unknown;
  modelOverride: unknown;
  contextTokens: unknown;
};

export function toDisplayRow(key: string, entry: SqliteSessionEntry, nowMs: number): DisplayRow {
  const updatedAt = entry.updatedAt ?? null;
  return {
    key,
    updatedAt,
    ageMs: updatedAt ? nowMs - updatedAt : null,
    sessionId: entry.sessionId,
    spawnedBy: entry['spawnedBy'],
    spawnedWorkspaceDir: entry['spawnedWorkspaceDir'],
    spawnedCwd: entry['spawnedCwd'],
    parentSessionKey: entry['parentSessionKey'],
    forkedFromParent: entry['forkSource'] !== undefined || entry['forkedFromParent'] === true ? true : undefined,
    spawnDepth: entry['spawnDepth'],
    subagentRole: entry['subagentRole'],
    subagentControlScope: entry['subagentControlScope'],
    sessionStartedAt: entry['sessionStartedAt'],
    lastInteractionAt: entry['lastInteractionAt'],
    label: entry['label'],
    color: entry['color'],
    status: entry['status'],
    visibility: entry['visibility'] ?? 'shared',
    createdActor: entry['createdActor'],
    owner: entry['owner'],
    participants: entry['participants'],
    participantCount: entry['participantCount'],
    systemSent: entry['systemSent'],
    abortedLastRun: entry['abortedLastRun'],
    thinkingLevel: entry['thinkingLevel'],
    verboseLevel: entry['verboseLevel'],
    traceLevel: entry['traceLevel'],
    reasoningLevel: entry['reasoningLevel'],
    elevatedLevel: entry['elevatedLevel'],
    responseUsage: entry['responseUsage'],
    groupActivation: entry['groupActivation'],
    inputTokens: entry['inputTokens'],
    outputTokens: entry['outputTokens'],
    totalTokens: entry['totalTokens'],
    totalTokensFresh: entry['totalTokensFresh'],
    totalTokensVersion: entry['totalTokensVersion'],
    model: entry['model'],
    modelProvider: entry['modelProvider'],
    providerOverride: entry['providerOverride'],
    modelOverride: entry['modelOverride'],
    contextTokens: entry['contextTokens'],
  };
}

/** The rows newest first; equal times keep the store's (session-key) order. */
export function byUpdatedAtDescending<T extends { readonly updatedAt: number | null }>(rows: readonly T[]): T[] {
  return rows.toSorted((a, b) => (b.updatedAt ?? 0) - (a.updatedAt ?? 0));
}

export type SessionKind2026 = 'global' | 'unknown' | 'cron' | 'spawn-child' | 'group' | 'direct';

/** classifySessionKind: sentinel keys, cron keys, spawned children, groups, else direct. */
export function sessionKindOf(key: string, entry: SqliteSessionEntry): SessionKind2026 {
  if (key === 'global') return 'global';
  if (key === 'unknown') return 'unknown';
  if (parseAgentSessionKey(key)?.rest.startsWith('cron:') === true) return 'cron';
  if (entry['spawnedBy']) return 'spawn-child';
  if (entry['chatType'] === 'group' || entry['chatType'] === 'channel') return 'group';
  if (key.includes(':group:') || key.includes(':channel:')) return 'group';
  return 'direct';
}

/** resolveTotalTokens / resolveFreshTotalTokens: a fresh total needs `totalTokensFresh` and `totalTokensVersion: 1`. */
export function totalTokensOf(row: Pick<DisplayRow, 'totalTokens'>): number | undefined {
  const total = row.totalTokens;
  return typeof total === 'number' && Number.isFinite(total) && total >= 0 ? total : undefined;
}

export function freshTotalTokensOf(row: Pick<DisplayRow, 'totalTokens' | 'totalTokensFresh' | 'totalTokensVersion'>): number | undefined {
  const total = totalTokensOf(row);
  return total !== undefined && row.totalTokensFresh === true && row.totalTokensVersion === 1 ? total : undefined;
}

/**
 * The key the runtime policy of a DM on the main session is looked up by
 * (resolveDisplayRuntimePolicySessionKey): the DM's own per-account key, e.g.
 * `agent:main:telegram:default:direct:424242`; undefined for anything else.
 */
export function runtimePolicySessionKeyOf(key: string, entry: SqliteSessionEntry, agentId: string): string | undefined {
  const delivery = entry['delivery'] as { kind?: unknown; origin?: Record<string, unknown>; context?: Record<string, unknown> } | undefined;
  const external = delivery?.kind === 'external';
  const origin = external ? delivery.origin : undefined;
  const context = external ? delivery.context : undefined;
  if (normalizeChatType(origin?.['chatType'] ?? entry['chatType']) !== 'direct') return undefined;
  if (!isMainSessionAlias(key.trim().toLowerCase(), agentId)) return undefined;
  const channel = optionalString(origin?.['provider'] ?? context?.['channel'] ?? origin?.['surface']);
  const to = optionalString(origin?.['to'] ?? context?.['to']);
  const native = optionalString(origin?.['nativeDirectUserId']);
  const peer = native ?? stripChannelPrefix(to, channel) ?? stripChannelPrefix(optionalString(origin?.['from']), channel);
  const policyChannel = (channel ?? optionalString(origin?.['surface']))?.toLowerCase();
  if (!policyChannel || policyChannel === 'webchat' || !peer) return undefined;
  const accountId = normalizeAccountId(optionalString(origin?.['accountId'] ?? context?.['accountId']));
  const policyKey = `agent:${agentId}:${policyChannel}:${accountId}:direct:${peer.toLowerCase()}`;
  return policyKey === key ? undefined : policyKey;
}

function normalizeChatType(raw: unknown): 'direct' | 'group' | 'channel' | undefined {
  const value = optionalString(raw)?.toLowerCase();
  if (value === 'direct' || value === 'dm') return 'direct';
  return value === 'group' || value === 'channel' ? value : undefined;
}

// isMainSessionAlias with session.mainKey and session.scope at their defaults.
function isMainSessionAlias(key: string, agentId: string): boolean {
  return key === 'main' || key === `agent:${agentId}:main` || key === 'agent:main:main';
}

// stripChannelRecipientPrefix: `telegram:424242` → `424242`, a forum topic's `:topic:<n>` dropped.
function stripChannelPrefix(value: string | undefined, channel: string | undefined): string | undefined {
  if (value === undefined || channel === undefined) return value;
  const prefix = `${channel.toLowerCase()}:`;
  if (!value.toLowerCase().startsWith(prefix)) return value;
  const stripped = value.slice(prefix.length);
  const topic = stripped.toLowerCase().indexOf(':topic:');
  return topic >= 0 ? stripped.slice(0, topic) : stripped;
}

// normalizeAccountId: `default` when empty, else a lowercase id of [a-z0-9_-].
function normalizeAccountId(value: string | undefined): string {
  if (value === undefined) return 'default';
  if (/^[a-z0-9][a-z0-9_-]{0,63}$/i.test(value)) return value.toLowerCase();
  const canonical = value.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+/, '').replace(/-+$/, '').slice(0, 64);
  return canonical === '' || canonical === '__proto__' || canonical === 'constructor' || canonical === 'prototype' ? 'default' : canonical;
}

/** `agent:main:teleg...424242`: keys over 26 clusters keep their first 16 and last 6. */
export function keyCell(key: string): string {
  const clusters = splitGraphemes(sanitizeText(key));
  return clusters.length <= 26 ? clusters.join('') : `${clusters.slice(0, 16).join('')}...${clusters.slice(-6).join('')}`;
}

export function ageCell(updatedAt: number | null, nowMs: number): string {
  return updatedAt ? formatTimeAgo(nowMs - updatedAt) : 'unknown';
}

export function modelCell(model: string | undefined): string {
  return sanitizeText(model ?? 'unknown');
}

/** `5.0k/128k (4%)`; the percentage only for a fresh total; `unknown/200k (?%)` without a total. */
export function tokensCell(total: number | undefined, freshTotal: number | undefined, contextTokens: number | undefined): string {
  const contextLabel = contextTokens ? formatTokenCount(contextTokens) : '?';
  if (total === undefined) return `unknown/${contextLabel} (?%)`;
  const pct = contextTokens && freshTotal !== undefined ? Math.min(999, Math.round((freshTotal / contextTokens) * 100)) : null;
  return `${formatTokenCount(total)}/${contextLabel} (${pct ?? '?'}%)`;
}

/** formatTokenCount: `999`, `8.8k`, `523k`, `1.0m`. */
function formatTokenCount(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const tokens = Math.max(0, value);
  if (tokens < 1_000) return String(Math.round(tokens));
  if (tokens < 1_000_000) {
    const thousands = (tokens / 1_000).toFixed(tokens >= 10_000 ? 0 : 1);
    if (Number(thousands) < 1_000) return `${thousands}k`;
  }
  return `${(tokens / 1_000_000).toFixed(1)}m`;
}

type FlagsRow = Pick<
  DisplayRow,
  'thinkingLevel' | 'verboseLevel' | 'traceLevel' | 'reasoningLevel' | 'elevatedLevel' | 'responseUsage' | 'groupActivation' | 'systemSent' | 'abortedLastRun' | 'visibility' | 'owner' | 'createdActor' | 'participants' | 'participantCount' | 'sessionId'
> & { readonly runtimePolicySessionKey?: string | undefined };

/** formatSessionFlagsCell: directives, system/aborted, visibility, owner, participants, policy key, id. */
export function flagsCell(row: FlagsRow): string {
  const flag = (name: string, value: unknown) => (value ? `${name}:${String(value)}` : null);
  const owner = (row.owner as { actor?: Actor } | undefined)?.actor ?? (row.createdActor as Actor | undefined);
  const participants = participantSummary(row.participants, row.participantCount);
  const flags = [
    flag('think', row.thinkingLevel),
    flag('verbose', row.verboseLevel),
    flag('trace', row.traceLevel),
    flag('reasoning', row.reasoningLevel),
    flag('elev', row.elevatedLevel),
    flag('usage', row.responseUsage),
    flag('activation', row.groupActivation),
    row.systemSent ? 'system' : null,
    row.abortedLastRun ? 'aborted' : null,
    flag('visibility', row.visibility),
    owner ? `owner:${actorName(owner)}` : null,
    participants ? `participants:${participants}` : null,
    flag('policy', row.runtimePolicySessionKey),
    flag('id', row.sessionId),
  ].filter((value) => value !== null);
  return sanitizeText(flags.join(' '));
}

type Actor = { readonly type: string; readonly id?: string; readonly label?: string };

function actorName(actor: Actor): string {
  return actor.label?.trim() || actor.id?.trim() || actor.type;
}

// The first four participants, then `+N` for the rest.
function participantSummary(participants: unknown, participantCount: unknown): string | undefined {
  if (!Array.isArray(participants) || participants.length === 0) return undefined;
  const shown = (participants as { identity: Actor; label?: string }[]).slice(0, 4).map(({ identity, label }) => label?.trim() || `${identity.type}:${identity.id}`);
  const remaining = Math.max(0, (typeof participantCount === 'number' ? participantCount : shown.length) - shown.length);
  return `${shown.join(',')}${remaining > 0 ? `,+${remaining}` : ''}`;
}
