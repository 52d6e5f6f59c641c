/**
 * A scenario's `preload` in the real gateway's own store, written before it
 * starts, and the store read back while it runs (a step's end, the session
 * count each simulated minute).
 *
 * The entries are the embedded run's (buildStaleSessions, on the same seeded
 * streams: the same keys, ids and ages). The main session's transcript is
 * written in the session file format openclaw@2026.2.26 writes
 * (`agents/main/sessions/<sessionId>.jsonl`: a `session` header, then one
 * `message` line per message, each naming its parent; observed in its own
 * transcripts): turns of a user message, an assistant tool call, its tool
 * result and the assistant's answer, in the proportions the embedded
 * gateway's preload uses. SQLite stores (2026.9.6) take the index through
 * the version's own legacy import (session-store.ts).
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Prng } from '../clock/prng.ts';
import { buildStaleSessions, MAIN_SESSION_KEY, seededSessionId } from '../gateway/sessions/index.ts';
import { isCronRunSessionKey, sessionKindOf } from '../gateway/sessions/keys.ts';
import type { TextPool } from '../gateway/text-pool.ts';
import { charsOfTokens } from '../gateway/tokens.ts';
import { makeDirectories } from '../io/output-path.ts';
import type { StoreSnapshot } from './record.ts';
import type { Scenario } from './schema.ts';
import { readSqliteSessionKeys } from '../sut/session-store-sqlite.ts';
import type { SessionStoreKind } from '../sut/versions.ts';

type StoreEntry = Record<string, unknown>;

/** Turn size and shares of the main transcript's turns: the embedded preload's (runner.ts `preload`). */
const TURN_TOKENS = 12_000;
const SHARES = { user: 0.05, toolResult: 0.75, assistant: 0.2 } as const;

/** Writes the scenario's preloaded sessions (and the main transcript) into a stopped gateway's store. */
export async function seedScenarioStore(
  kind: SessionStoreKind,
  home: string,
  preload: Scenario['preload'],
  at: { readonly startMs: number; readonly rng: Prng; readonly pool: TextPool; readonly model: { provider: string; id: string; api: string } },
  importLegacy: () => Promise<void>,
): Promise<void> {
  const entries: Record<string, StoreEntry> = {};
  preload.sessions.forEach((sessions, index) => {
    const built = buildStaleSessions({ kind: sessions.kind, count: sessions.count, ageMs: sessions.age }, { nowMs: at.startMs, rng: at.rng.fork(`sessions-${index}`) });
    for (const [key, entry] of built) entries[key] = { ...entry };
  });
  if (preload.mainTranscriptTokens > 0) {
    const sessionId = seededSessionId(at.rng.fork('main-session-id'));
    const sessionFile = join(sessionsDir(home), `${sessionId}.jsonl`);
    const updatedAt = at.startMs - 10 * 60_000;
    await makeDirectories(dirname(sessionFile));
    await writeFile(sessionFile, transcriptLines(sessionId, preload.mainTranscriptTokens, { ...at, updatedAt, cwd: join(home, '.openclaw', 'workspace') }));
    entries[MAIN_SESSION_KEY] = { sessionId, updatedAt, sessionFile, lastChannel: 'telegram', chatType: 'direct' };
  }
  if (Object.keys(entries).length === 0) return;
  const file = join(sessionsDir(home), 'sessions.json');
  const store = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Record<string, StoreEntry>) : {};
  await makeDirectories(dirname(file));
  await writeFile(file, `${JSON.stringify({ ...store, ...entries }, null, 2)}\n`);
  if (kind === 'sqlite') await importLegacy();
}

/** The store as a step's checks read it: every live key with its kind; its writes are not observable from outside. */
export async function readStoreSnapshot(kind: SessionStoreKind, home: string): Promise<StoreSnapshot> {
  if (kind === 'sqlite') {
    const { live } = readSqliteSessionKeys(home);
    return { sessions: live.map((key) => ({ key, kind: kindOf(key, {}) })) };
  }
  const file = join(sessionsDir(home), 'sessions.json');
  if (!existsSync(file)) return { sessions: [] };
  const store = await readJsonStore(file);
  return { sessions: Object.keys(store).sort().map((key) => ({ key, kind: kindOf(key, store[key] ?? {}) })) };
}

/** sessions.json as the gateway last wrote it ({} if absent): the run folder keeps it. */
export async function readStoreText(kind: SessionStoreKind, home: string): Promise<string> {
  if (kind === 'sqlite') return `${JSON.stringify(readSqliteSessionKeys(home), null, 2)}\n`;
  const file = join(sessionsDir(home), 'sessions.json');
  return existsSync(file) ? readFile(file, 'utf8') : '{}\n';
}

function kindOf(key: string, entry: { chatType?: unknown }): string {
  if (isCronRunSessionKey(key)) return 'cron-run';
  const chatType = entry.chatType === 'group' || entry.chatType === 'channel' || entry.chatType === 'direct' ? entry.chatType : undefined;
  return sessionKindOf(key, chatType === undefined ? undefined : { chatType });
}

/** The gateway rewrites sessions.json in place; a read that meets a half-written file tries again. */
async function readJsonStore(file: string): Promise<Record<string, { chatType?: unknown }>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as Record<string, { chatType?: unknown }>;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

function sessionsDir(home: string): string {
  return join(home, '.openclaw', 'agents', 'main', 'sessions');
}

function transcriptLines(
  sessionId: string,
  tokens: number,
  at: { readonly updatedAt: number; readonly rng: Prng; readonly pool: TextPool; readonly cwd: string; readonly model: { provider: string; id: string; api: string } },
): string {
  const rng = at.rng.fork('main-transcript');
  const ids = at.rng.fork('main-transcript-ids');
  const timestamp = new Date(at.updatedAt).toISOString();
  const lines: object[] = [{ type: 'session', version: 3, id: sessionId, timestamp, cwd: at.cwd }];
  let parentId: string | null = null;
  const push = (message: object) => {
    const id = hex(ids, 8);
    lines.push({ type: 'message', id, parentId, timestamp, message: { ...message, timestamp: at.updatedAt } });
    parentId = id;
  };
  const text = (share: number, size: number) => at.pool.take(charsOfTokens(Math.ceil(size * share)), rng);
  const assistant = { api: at.model.api, provider: at.model.provider, model: at.model.id, usage: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, totalTokens: 0 } };
  for (let remaining = tokens, turn = 0; remaining > 0; remaining -= TURN_TOKENS, turn++) {
    const size = Math.min(TURN_TOKENS, remaining);
    const toolCallId = `call_${hex(ids, 12)}`;
    push({ role: 'user', content: [{ type: 'text', text: text(SHARES.user, size) }] });
    push({ role: 'assistant', content: [{ type: 'toolCall', id: toolCallId, name: 'read', arguments: { path: `notes/${turn}.md` } }], ...assistant, stopReason: 'toolUse' });
    push({ role: 'toolResult', toolCallId, toolName: 'read', content: [{ type: 'text', text: text(SHARES.toolResult, size) }], isError: false });
    push({ role: 'assistant', content: [{ type: 'text', text: text(SHARES.assistant, size) }], ...assistant, stopReason: 'stop' });
  }
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
}

function hex(rng: Prng, length: number): string {
  return Array.from({ length }, () => rng.int(0, 15).toString(16)).join('');
}
