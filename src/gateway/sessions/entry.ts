/**
 * One session-store entry in openclaw@2026.2.26's `sessions.json` format
 * (field names and order from a real entry observed on openclaw@2026.2.26
 * and from `SessionEntry` in the 2026.2.26 dist), so the run
 * directory's store can be read by `openclaw sessions --store`.
 *
 * Left out on purpose: `skillsSnapshot` (~5 KB per entry in 2026.2.26, ~41 KB
 * in openclaw/openclaw#55334) and `systemPromptReport` (larger). Nothing quotastorm models
 * reads them, and writing them would only make every simulated store write
 * slower. Their size matters to `rotateBytes` and the disk budget, which are
 * not modelled either. Fields a loaded store has and this type does not name
 * are kept as they are: entries are only ever spread, never rebuilt.
 */
import type { Prng } from '../../clock/prng.ts';

type SessionOrigin = {
  label?: string;
  provider?: string;
  surface?: string;
  chatType?: string;
  from?: string;
  to?: string;
  accountId?: string;
};

type DeliveryContext = { channel?: string; to?: string; accountId?: string; threadId?: string | number };

export type SessionEntry = {
  origin?: SessionOrigin;
  /** UUID; names the transcript `<sessionId>.jsonl` beside the store. */
  sessionId: string;
  /** Epoch ms of the last write for this session; maintenance ages entries by it. Absent ⇒ never pruned for age. */
  updatedAt?: number;
  /** Cron entries: `Cron: <job name or id>`. */
  label?: string;
  deliveryContext?: DeliveryContext;
  lastChannel?: string;
  lastTo?: string;
  lastAccountId?: string;
  systemSent?: boolean;
  abortedLastRun?: boolean;
  chatType?: 'direct' | 'group' | 'channel' | 'thread';
  /** The transcript file; quotastorm writes it relative to the store's folder, which OpenClaw resolves there. */
  sessionFile?: string;
  modelProvider?: string;
  model?: string;
  /** The context window the session ran with (the model's, or agents.defaults.contextTokens). */
  contextTokens?: number;
  inputTokens?: number;
  outputTokens?: number;
  cacheRead?: number;
  cacheWrite?: number;
  totalTokensFresh?: boolean;
  fallbackNoticeSelectedModel?: string;
  fallbackNoticeActiveModel?: string;
  fallbackNoticeReason?: string;
  /** Tokens of the last prompt: what the `Tokens (ctx %)` column shows. */
  totalTokens?: number;
  // Per-session directives: the Flags column of `openclaw sessions`.
  thinkingLevel?: string;
  verboseLevel?: string;
  reasoningLevel?: string;
  elevatedLevel?: string;
  responseUsage?: string;
  groupActivation?: string;
  providerOverride?: string;
  modelOverride?: string;
  // openclaw@2026.9.6 maintenance: archived entries stay in the store but leave the cap count;
  // pinned, model-locked and running entries are never evicted.
  archivedAt?: number;
  archiveReason?: 'age-retention' | 'active-session-cap';
  pinnedAt?: number;
  modelSelectionLocked?: boolean;
  status?: string;
  spawnedBy?: string;
  parentSessionKey?: string;
};

/** What a write changes: any fields; `sessionId`/`updatedAt` are filled in as OpenClaw's mergeSessionEntry does. */
export type SessionPatch = Partial<SessionEntry>;

/**
 * mergeSessionEntry (2026.2.26 `src/config/sessions/types.ts`): the patch
 * over the existing entry, a new sessionId only for a new entry, and
 * `updatedAt` never moving backwards: max(existing, patch, now). A new model
 * without a provider drops the old provider.
 */
export function mergeSessionEntry(
  existing: SessionEntry | undefined,
  patch: SessionPatch,
  nowMs: number,
  newSessionId: () => string,
): SessionEntry {
  const sessionId = patch.sessionId ?? existing?.sessionId ?? newSessionId();
  const updatedAt = Math.max(existing?.updatedAt ?? 0, patch.updatedAt ?? 0, nowMs);
  const next: SessionEntry = { ...existing, ...patch, sessionId, updatedAt };
  const modelChanged = existing !== undefined && 'model' in patch && !('modelProvider' in patch) && patch.model !== existing.model;
  if (modelChanged) delete next.modelProvider;
  return next;
}

/** A UUID-v4-shaped session id from the run's seeded stream: never crypto.randomUUID, so runs repeat. */
export function seededSessionId(rng: Prng): string {
  const hex = [rng.uint32(), rng.uint32(), rng.uint32(), rng.uint32()].map((word) => word.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The transcript's file name, as `sessionFile` holds it (2026.2.26 resolves a relative one inside the store's folder). */
export function transcriptFileName(sessionId: string): string {
  return `${sessionId}.jsonl`;
}
