/**
 * Stale sessions to put in a store before a run, as the incident's store had
 * them: 56 cron run entries two days old after maintenance had been off
 * (the golden case test/golden/openclaw-2026.2.26/stale-cron-sessions.json
 * seeds 56 `agent:main:cron:job{0..3}:run:<uuid>` about 48 h old).
 *
 * Seeded and deterministic: ids come from the given stream, times from
 * `nowMs`. The newest entry is `ageMs` old and each next one `spacingMs`
 * older, so "keep the newest N" has one right answer. Feed the result to
 * `store.preload` — loading never runs maintenance.
 */
import type { Prng } from '../../clock/prng.ts';
import { seededSessionId, transcriptFileName, type SessionEntry } from './entry.ts';
import { cronRunSessionKey, directSessionKey, groupSessionKey, type DmScope } from './keys.ts';

type StaleSessionKind = 'cron-run' | 'telegram-dm' | 'telegram-group' | 'subagent' | 'hook';

export type StaleSessionSpec = {
  readonly kind: StaleSessionKind;
  readonly count: number;
  /** Age of the newest of them. */
  readonly ageMs: number;
  /** Between consecutive entries' updatedAt; default one minute. */
  readonly spacingMs?: number;
  /** cron-run: the jobs the runs belong to, in turn; default job0..job3 as in the stale-cron-sessions golden case. */
  readonly jobIds?: readonly string[];
  /** telegram-dm: the DM scope the keys follow; default per-channel-peer (under `main` all DMs share one key). */
  readonly dmScope?: Exclude<DmScope, 'main'>;
  /** What the session last ran on; none = the entry has no model fields, like bare seeded cron-run entries. */
  readonly model?: { readonly provider: string; readonly id: string; readonly contextTokens: number };
  /** The last prompt's size; needs `model`. */
  readonly totalTokens?: number;
};

const DEFAULT_JOB_IDS = ['job0', 'job1', 'job2', 'job3'] as const;
const MINUTE_MS = 60_000;

/** `spec.count` entries, newest first, keys and ids drawn from `rng`. */
export function buildStaleSessions(spec: StaleSessionSpec, at: { nowMs: number; rng: Prng }): [string, SessionEntry][] {
  if (!Number.isInteger(spec.count) || spec.count < 0) throw new RangeError(`stale sessions: count must be a whole number ≥ 0, got ${spec.count}`);
  const spacingMs = spec.spacingMs ?? MINUTE_MS;
  const built: [string, SessionEntry][] = [];
  for (let index = 0; index < spec.count; index++) {
    const sessionId = seededSessionId(at.rng);
    const updatedAt = at.nowMs - spec.ageMs - index * spacingMs;
    built.push(staleSession(spec, index, sessionId, updatedAt, at.rng));
  }
  return built;
}

function staleSession(spec: StaleSessionSpec, index: number, sessionId: string, updatedAt: number, rng: Prng): [string, SessionEntry] {
  switch (spec.kind) {
    case 'cron-run': {
      const jobIds = spec.jobIds ?? DEFAULT_JOB_IDS;
      const jobId = jobIds[index % jobIds.length]!;
      // The run key carries the run's sessionId (src/cron/isolated-agent/run.ts).
      return [cronRunSessionKey(jobId, sessionId), { sessionId, updatedAt, systemSent: true, label: `Cron: ${jobId}`, ...runFields(spec, sessionId) }];
    }
    case 'telegram-dm': {
      const userId = String(rng.int(100_000_000, 999_999_999));
      const key = directSessionKey({ dmScope: spec.dmScope ?? 'per-channel-peer', channel: 'telegram', peerId: userId });
      return [key, { ...telegramOrigin(userId, 'direct'), sessionId, updatedAt, ...delivery(`telegram:${userId}`), chatType: 'direct', ...runFields(spec, sessionId) }];
    }
    case 'telegram-group': {
      const chatId = `-100${rng.int(1_000_000_000, 1_999_999_999)}`;
      const key = groupSessionKey({ channel: 'telegram', groupId: chatId });
      return [key, { ...telegramOrigin(chatId, 'group'), sessionId, updatedAt, ...delivery(`telegram:${chatId}`), chatType: 'group', ...runFields(spec, sessionId) }];
    }
    case 'subagent':
      return [`agent:main:subagent:${sessionId}`, { sessionId, updatedAt, ...runFields(spec, sessionId) }];
    case 'hook':
      return [`agent:main:hook:${seededSessionId(rng)}`, { sessionId, updatedAt, ...runFields(spec, sessionId) }];
  }
}

// origin as 2026.2.26 records a Telegram sender (observed in its sessions.json).
function telegramOrigin(peerId: string, chatType: 'direct' | 'group'): Pick<SessionEntry, 'origin'> {
  const from = chatType === 'group' ? `telegram:group:${peerId}` : `telegram:${peerId}`;
  return {
    origin: { label: `id:${peerId}`, provider: 'telegram', surface: 'telegram', chatType, from, to: `telegram:${peerId}`, accountId: 'default' },
  };
}

function delivery(to: string): Pick<SessionEntry, 'deliveryContext' | 'lastChannel' | 'lastTo' | 'lastAccountId' | 'systemSent' | 'abortedLastRun'> {
  return {
    deliveryContext: { channel: 'telegram', to, accountId: 'default' },
    lastChannel: 'telegram',
    lastTo: to,
    lastAccountId: 'default',
    systemSent: true,
    abortedLastRun: false,
  };
}

function runFields(spec: StaleSessionSpec, sessionId: string): Partial<SessionEntry> {
  const fields: Partial<SessionEntry> = { sessionFile: transcriptFileName(sessionId) };
  if (spec.model === undefined) return fields;
  const total = spec.totalTokens;
  return {
    ...fields,
    modelProvider: spec.model.provider,
    model: spec.model.id,
    contextTokens: spec.model.contextTokens,
    ...(total === undefined ? {} : { inputTokens: total, outputTokens: 0, cacheRead: 0, cacheWrite: 0, totalTokensFresh: true, totalTokens: total }),
  };
}
