/**
 * Seeded session stores shared by the session tests and by test/openclaw-store/record-golden.ts,
 * which runs the real openclaw@2026.2.26 on the same stores to write the
 * golden CLI output the tests compare against. Everything is relative to
 * `nowMs`, so the real CLI (which measures ages from the wall clock) and
 * quotastorm (which measures them from `--now`) print the same ages.
 */
import { createPrng } from '../../../src/clock/prng.ts';
import { buildStaleSessions, directSessionKey, groupSessionKey, MAIN_SESSION_KEY, seededSessionId, type SessionEntry } from '../../../src/gateway/sessions/index.ts';

/** 2026-02-27 09:00 UTC, the incident's morning. */
export const FIXTURE_NOW_MS = Date.UTC(2026, 1, 27, 9, 0, 0);

const HOUR_MS = 3_600_000;

/** The incident's fix: openclaw.json5 text. */
export const ENFORCE_15_6H = '{ session: { maintenance: { mode: "enforce", maxEntries: 15, pruneAfter: "6h" } } }';

/** The Telegram DM main session as openclaw@2026.2.26 was observed to write it to sessions.json, updated at `nowMs`. */
export function mainEntry(nowMs: number, sessionId: string): SessionEntry {
  return {
    origin: { label: 'Tester (@tester) id:424242', provider: 'telegram', surface: 'telegram', chatType: 'direct', from: 'telegram:424242', to: 'telegram:424242', accountId: 'default' },
    sessionId,
    updatedAt: nowMs,
    deliveryContext: { channel: 'telegram', to: 'telegram:424242', accountId: 'default' },
    lastChannel: 'telegram',
    lastTo: 'telegram:424242',
    lastAccountId: 'default',
    systemSent: true,
    abortedLastRun: false,
    chatType: 'direct',
    sessionFile: `${sessionId}.jsonl`,
    modelProvider: 'google',
    model: 'gemini-2.5-flash',
    contextTokens: 1_048_576,
    inputTokens: 8_700,
    outputTokens: 65,
    cacheRead: 0,
    cacheWrite: 0,
    totalTokensFresh: true,
    totalTokens: 8_765,
  };
}

/**
 * The store of a pruning experiment on openclaw@2026.2.26: the main
 * session, 56 cron runs of job0..job3 about 48 h old, 20 runs of `recent`
 * about 1 h old — 77 entries.
 */
export function incidentStore(nowMs: number): [string, SessionEntry][] {
  const rng = createPrng(20260227).fork('sessions');
  const main: [string, SessionEntry] = [MAIN_SESSION_KEY, mainEntry(nowMs, seededSessionId(rng))];
  const stale = buildStaleSessions({ kind: 'cron-run', count: 56, ageMs: 48 * HOUR_MS }, { nowMs, rng });
  const recent = buildStaleSessions({ kind: 'cron-run', count: 20, ageMs: HOUR_MS, jobIds: ['recent'] }, { nowMs, rng });
  return [main, ...stale, ...recent];
}

/** A small store that exercises every column: kinds, key truncation, ages, token cells, flags. */
export function smallStore(nowMs: number): [string, SessionEntry][] {
  const rng = createPrng(7).fork('sessions');
  const id = () => seededSessionId(rng);
  const dm = directSessionKey({ dmScope: 'per-account-channel-peer', channel: 'telegram', accountId: 'default', peerId: 424242 });
  const group = groupSessionKey({ channel: 'telegram', groupId: -1001234567890, topicId: 7 });
  const gemini = { modelProvider: 'google', model: 'gemini-2.5-pro', contextTokens: 1_048_576 };
  return [
    [MAIN_SESSION_KEY, mainEntry(nowMs - 90_000, id())],
    [dm, { sessionId: id(), updatedAt: nowMs - 25 * 60_000, chatType: 'direct', thinkingLevel: 'high', verboseLevel: 'on', systemSent: true, ...gemini, totalTokens: 523_000, totalTokensFresh: true }],
    [group, { sessionId: id(), updatedAt: nowMs - 5 * HOUR_MS, chatType: 'group', groupActivation: 'mention', modelProvider: 'openai', model: 'gpt-5.2', contextTokens: 128_000, totalTokens: 131_072 }],
    ['agent:main:cron:nightly-digest', { sessionId: id(), updatedAt: nowMs - 30 * HOUR_MS, label: 'Cron: nightly-digest', modelOverride: 'anthropic/claude-haiku-4-5', abortedLastRun: true }],
    ['agent:main:subagent:research', { sessionId: id(), updatedAt: nowMs - 3 * 24 * HOUR_MS, model: 'moonshot/kimi-k2.5', totalTokens: 999, totalTokensFresh: false }],
    ['global', { sessionId: id(), updatedAt: nowMs - 40_000, reasoningLevel: 'on', elevatedLevel: 'ask', responseUsage: 'tokens' }],
    ['agent:main:hook:no-time', { sessionId: id() }],
  ];
}
