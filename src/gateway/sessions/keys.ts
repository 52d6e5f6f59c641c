/**
 * OpenClaw's session keys, as openclaw@2026.2.26
 * builds them (`src/routing/session-key.ts`, `src/sessions/session-key-utils.ts`
 * in its dist): `agent:<agentId>:<rest>`, all lowercase, agent `main`.
 *
 * Also what the keys mean to the rest of OpenClaw: the kind `openclaw sessions`
 * prints, which keys the cron reaper may delete, and — for the 2026.9 profile —
 * which keys maintenance must never evict (protected) and which it removes
 * rather than archives (synthetic), after openclaw@2026.9.6's
 * `store-maintenance.ts`.
 */
import type { SessionEntry } from './entry.ts';

const DEFAULT_AGENT_ID = 'main';
export const MAIN_SESSION_KEY = 'agent:main:main';

/** `session.dmScope`: how direct messages map to sessions (`buildAgentPeerSessionKey`, src/routing/session-key.ts). */
export type DmScope = 'main' | 'per-peer' | 'per-channel-peer' | 'per-account-channel-peer';

/** The Kind column of `openclaw sessions` (src/commands/sessions.ts). */
export type SessionKind = 'direct' | 'group' | 'global' | 'unknown';

/** `agent:<agent>:main`: the main session every DM shares under dmScope `main`, and the heartbeat's. */
export function mainSessionKey(agentId: string = DEFAULT_AGENT_ID): string {
  return `agent:${agentId.toLowerCase()}:main`;
}

export type DirectPeer = {
  readonly dmScope: DmScope;
  /** e.g. `telegram`. */
  readonly channel: string;
  /** The sender, e.g. a Telegram user id. */
  readonly peerId: string | number;
  /** Channel account (bot); OpenClaw's `normalizeAccountId` makes an empty one `default`. */
  readonly accountId?: string;
  readonly agentId?: string;
};

/** A DM's session key under each `session.dmScope` (buildAgentPeerSessionKey, peerKind direct). */
export function directSessionKey(peer: DirectPeer): string {
  const agentId = (peer.agentId ?? DEFAULT_AGENT_ID).toLowerCase();
  const peerId = String(peer.peerId).trim().toLowerCase();
  const channel = peer.channel.trim().toLowerCase() || 'unknown';
  if (peerId === '' || peer.dmScope === 'main') return mainSessionKey(agentId);
  if (peer.dmScope === 'per-peer') return `agent:${agentId}:direct:${peerId}`;
  if (peer.dmScope === 'per-channel-peer') return `agent:${agentId}:${channel}:direct:${peerId}`;
  const accountId = (peer.accountId ?? '').trim().toLowerCase() || 'default';
  return `agent:${agentId}:${channel}:${accountId}:direct:${peerId}`;
}

export type GroupPeer = {
  readonly channel: string;
  /** e.g. a Telegram supergroup id, `-1001234567890`. */
  readonly groupId: string | number;
  readonly peerKind?: 'group' | 'channel';
  /** A Telegram forum topic: the peer id becomes `<chatId>:topic:<n>` (buildTelegramGroupPeerId). */
  readonly topicId?: number;
  readonly agentId?: string;
};

/** `agent:<agent>:<channel>:group:<id>[:topic:<n>]`: groups never share the main session. */
export function groupSessionKey(peer: GroupPeer): string {
  const agentId = (peer.agentId ?? DEFAULT_AGENT_ID).toLowerCase();
  const groupId = String(peer.groupId).trim().toLowerCase() || 'unknown';
  const peerId = peer.topicId === undefined ? groupId : `${groupId}:topic:${peer.topicId}`;
  return `agent:${agentId}:${peer.channel.trim().toLowerCase()}:${peer.peerKind ?? 'group'}:${peerId}`;
}

/** A thread below any session (resolveThreadSessionKeys): `<base>:thread:<id>`. */
export function threadSessionKey(baseKey: string, threadId: string | number): string {
  return `${baseKey}:thread:${String(threadId).toLowerCase()}`;
}

/** The base entry of an isolated cron job; each run also writes {@link cronRunSessionKey}. */
export function cronSessionKey(jobId: string, agentId: string = DEFAULT_AGENT_ID): string {
  return `agent:${agentId.toLowerCase()}:cron:${jobId.toLowerCase()}`;
}

/** One isolated cron run's own entry (src/cron/isolated-agent/run.ts): one new store entry per run. */
export function cronRunSessionKey(jobId: string, sessionId: string, agentId: string = DEFAULT_AGENT_ID): string {
  return `${cronSessionKey(jobId, agentId)}:run:${sessionId.toLowerCase()}`;
}

/**
 * The isolated heartbeat's key: same key each run, new sessionId (heartbeat `isolatedSession`,
 * src/infra/heartbeat-runner.ts in OpenClaw 2026.4.12). 2026.2.26 predates isolated heartbeats.
 */
export function heartbeatSessionKey(agentId: string = DEFAULT_AGENT_ID): string {
  return `${mainSessionKey(agentId)}:heartbeat`;
}

/** `agent:<agentId>:<rest>` split, or null for a key outside the agent namespace (parseAgentSessionKey). */
export function parseAgentSessionKey(key: string): { agentId: string; rest: string } | null {
  const raw = key.trim().toLowerCase();
  if (!raw.startsWith('agent:')) return null;
  const agentEnd = raw.indexOf(':', 6);
  // The common, well-formed key without a split; empty segments take OpenClaw's split-and-filter path.
  if (agentEnd > 6 && agentEnd < raw.length - 1 && !raw.includes('::') && !raw.endsWith(':')) {
    return { agentId: raw.slice(6, agentEnd), rest: raw.slice(agentEnd + 1) };
  }
  const parts = raw.split(':').filter(Boolean);
  if (parts.length < 3 || parts[0] !== 'agent') return null;
  return { agentId: parts[1]!, rest: parts.slice(2).join(':') };
}

/** `…:cron:<jobId>:run:<id>`: what the cron reaper deletes (isCronRunSessionKey). */
export function isCronRunSessionKey(key: string): boolean {
  const parsed = parseAgentSessionKey(key);
  return parsed !== null && /^cron:[^:]+:run:[^:]+$/.test(parsed.rest);
}

/** `subagent:<uuid>` keys, bare or agent-scoped (isSubagentSessionKey). */
export function isSubagentKey(key: string): boolean {
  const raw = key.trim().toLowerCase();
  return raw.startsWith('subagent:') || (parseAgentSessionKey(raw)?.rest.startsWith('subagent:') ?? false);
}

/**
 * The Kind column (classifySessionKey): cron, heartbeat and main keys all
 * print as `direct`; only `global`/`unknown` keys and groups differ.
 */
export function sessionKindOf(key: string, entry?: Pick<SessionEntry, 'chatType'>): SessionKind {
  if (key === 'global') return 'global';
  if (key === 'unknown') return 'unknown';
  if (entry?.chatType === 'group' || entry?.chatType === 'channel') return 'group';
  if (key.includes(':group:') || key.includes(':channel:')) return 'group';
  return 'direct';
}

/**
 * Runtime rows that 2026.9 maintenance deletes outright instead of archiving
 * (isSyntheticSessionMaintenanceKey): subagent, acp, cron (base and runs),
 * acp-bridge, hook, node, and heartbeat keys.
 */
export function isSyntheticSessionKey(key: string): boolean {
  const rest = parseAgentSessionKey(key)?.rest ?? key.trim().toLowerCase();
  return (
    SYNTHETIC_PREFIXES.some((prefix) => rest.startsWith(prefix)) ||
    rest === 'heartbeat' ||
    rest.endsWith(':heartbeat') ||
    rest.includes(':heartbeat:')
  );
}

const SYNTHETIC_PREFIXES = ['subagent:', 'acp:', 'cron:', 'acp-bridge:', 'hook:', 'node:'] as const;

/**
 * Keys 2026.9 maintenance never evicts, though they count toward the cap
 * (isProtectedSessionMaintenanceEntry): `global` and `agent:<id>:main`,
 * threads, DMs and groups of external channels, Telegram DM topics, and any
 * entry whose chatType is group/channel/thread. Synthetic keys never are.
 */
export function isProtectedSessionKey(key: string, entry?: Pick<SessionEntry, 'chatType'>): boolean {
  if (isSyntheticSessionKey(key)) return false;
  const rest = parseAgentSessionKey(key)?.rest;
  if (key.trim().toLowerCase() === 'global' || rest === 'main') return true;
  if (/:thread:./.test(key.toLowerCase())) return true;
  if (rest !== undefined && isExternalConversation(rest)) return true;
  const chatType = entry?.chatType?.toLowerCase();
  return chatType === 'group' || chatType === 'channel' || chatType === 'thread';
}

// parseSessionDeliveryRoute + the direct:/group/topic patterns of isProtectedExternalConversationSessionKey.
function isExternalConversation(rest: string): boolean {
  if (/^direct:.+$/.test(rest) || /^[^:]+:(?:group|channel):.+$/.test(rest) || /^telegram:(?:direct|dm):.+:topic:[^:]+$/.test(rest)) return true;
  const parts = rest.split(':');
  if (parts[0] === 'agent' || parts.length < 3) return false;
  if (parts.length >= 4 && (parts[2] === 'direct' || parts[2] === 'dm')) return parts[1] !== '' && parts[3] !== '';
  return ROUTE_PEER_KINDS.has(parts[1]!) && parts[2] !== '';
}

const ROUTE_PEER_KINDS: ReadonlySet<string> = new Set(['channel', 'direct', 'dm', 'group']);
