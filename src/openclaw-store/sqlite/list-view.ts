/**
 * What `openclaw sessions --store <file.sqlite> [--active N] [--limit N|all]
 * [--json]` prints with openclaw@2026.9.6 (`src/commands/sessions.ts` in its
 * dist), checked byte for byte against its real output
 * (test/fixtures/sessions-2026.9.6/). Pure: store → text.
 *
 * 2026.9.6 prints the human listing on stderr, even on a terminal;
 * quotastorm prints the same text on stdout like every other command.
 */
import { parseAgentSessionKey } from '../../gateway/sessions/keys.ts';
import { agentRuntimeOf, isAcpSessionKey, runtimeLabelOf, type AgentRuntime } from './agent-runtime.ts';
import { renderBoxTable, type BoxColumn } from './box-table.ts';
import { contextTokensOf } from './context-window.ts';
import { displayModelRef, type DisplayDefaults } from './display-model.ts';
import {
  ageCell, byUpdatedAtDescending, flagsCell, freshTotalTokensOf, keyCell, modelCell, runtimePolicySessionKeyOf, sessionKindOf, toDisplayRow, tokensCell, totalTokensOf,
  type DisplayRow, type SessionKind2026,
} from './display-row.ts';
import type { ModelRef } from './model-ref.ts';
import type { SqliteSessionEntry, SqliteSessionStore } from './store.ts';
import { sanitizeText } from './terminal-text.ts';

/** The listing's row cap when `--limit` is not given (DEFAULT_SESSIONS_LIMIT). */
export const DEFAULT_SESSIONS_LIMIT = 100;

export type SqliteListInput = {
  readonly store: SqliteSessionStore;
  /** The instant ages and `--active` are measured from. */
  readonly nowMs: number;
  readonly activeMinutes?: number | undefined;
  /** Rows to show at most; undefined for `--limit all`. */
  readonly limit: number | undefined;
  readonly defaults: DisplayDefaults;
};

type ListedSession = {
  readonly row: DisplayRow;
  readonly agentId: string;
  readonly acpRuntime: boolean;
  readonly agentRuntime: AgentRuntime;
  readonly contextTokens: number | undefined;
  readonly modelRef: ModelRef;
  readonly kind: SessionKind2026;
  readonly runtimePolicySessionKey: string | undefined;
  readonly runtimeLabel: string;
};

const COLUMNS: readonly BoxColumn[] = [
  { key: 'kind', header: 'Kind' },
  { key: 'key', header: 'Key' },
  { key: 'age', header: 'Age' },
  { key: 'model', header: 'Model' },
  { key: 'runtime', header: 'Runtime' },
  { key: 'tokens', header: 'Tokens (ctx %)' },
  { key: 'flags', header: 'Flags', flex: true },
];

export function renderSqliteSessionList(input: SqliteListInput): string {
  const { sessions, totalCount } = listSessions(input);
  const hasMore = sessions.length < totalCount;
  const lines = [
    `Session store: ${input.store.storePath}`,
    hasMore && input.limit !== undefined ? `Sessions listed: ${sessions.length} of ${totalCount} (limit ${input.limit})` : `Sessions listed: ${sessions.length}`,
  ];
  if (input.activeMinutes) lines.push(`Filtered to last ${input.activeMinutes} minute(s)`);
  if (sessions.length === 0) return `${[...lines, 'No sessions found.'].join('\n')}\n`;
  const defaultContextTokens = input.defaults.contextTokens;
  const rows = sessions.map((session) => ({
    kind: session.kind,
    key: keyCell(session.row.key),
    age: ageCell(session.row.updatedAt, input.nowMs),
    model: modelCell(session.modelRef.model),
    runtime: sanitizeText(session.runtimeLabel),
    tokens: tokensCell(totalTokensOf(session.row), freshTotalTokensOf(session.row), session.contextTokens ?? defaultContextTokens),
    flags: flagsCell({ ...session.row, runtimePolicySessionKey: session.runtimePolicySessionKey }),
  }));
  lines.push(renderBoxTable(COLUMNS, rows).trimEnd());
  return `${lines.join('\n')}\n`;
}

/** `--json`: `{path, count, totalCount, limitApplied, hasMore, activeMinutes, sessions}`, each row as 2026.9.6 prints it. */
export function sqliteSessionListJson(input: SqliteListInput): object {
  const { sessions, totalCount } = listSessions(input);
  return {
    path: input.store.storePath,
    count: sessions.length,
    totalCount,
    limitApplied: input.limit ?? null,
    hasMore: sessions.length < totalCount,
    activeMinutes: input.activeMinutes ?? null,
    sessions: sessions.map((session) => ({
      ...session.row,
      agentId: session.agentId,
      acpRuntime: session.acpRuntime,
      agentRuntime: session.agentRuntime,
      contextTokens: session.contextTokens ?? input.defaults.contextTokens,
      kind: session.kind,
      runtimePolicySessionKey: session.runtimePolicySessionKey,
      totalTokens: totalTokensOf(session.row) ?? null,
      totalTokensFresh: freshTotalTokensOf(session.row) !== undefined,
      modelProvider: session.modelRef.provider,
      model: session.modelRef.model,
    })),
  };
}

/** The filtered, newest-first, capped rows, and how many there were before the cap. */
function listSessions(input: SqliteListInput): { sessions: ListedSession[]; totalCount: number } {
  const activeSinceMs = input.activeMinutes === undefined ? undefined : input.nowMs - input.activeMinutes * 60_000;
  const matching = input.store.entries.filter(([, entry]) => activeSinceMs === undefined || entry.updatedAt >= activeSinceMs);
  const newestFirst = byUpdatedAtDescending(matching.map(([key, entry]) => ({ key, entry, updatedAt: entry.updatedAt })));
  const shown = input.limit === undefined ? newestFirst : newestFirst.slice(0, input.limit);
  return { sessions: shown.map(({ key, entry }) => listed(key, entry, input)), totalCount: matching.length };
}

function listed(key: string, entry: SqliteSessionEntry, input: SqliteListInput): ListedSession {
  const row = toDisplayRow(key, entry, input.nowMs);
  const agentId = parseAgentSessionKey(key)?.agentId ?? 'main';
  // readAcpSessionMetaBatch: ACP metadata kept on the entry; the shared state database's copy is not read.
  const acpRuntime = Boolean(entry['acp']);
  const modelRef = acpRuntime && isAcpSessionKey(key) ? { provider: 'acpx', model: `${agentId}-acp` } : displayModelRef(entry, input.defaults);
  const agentRuntime = agentRuntimeOf(key, entry, modelRef);
  return {
    row,
    agentId,
    acpRuntime,
    agentRuntime,
    contextTokens: contextTokensOf(entry, modelRef, agentRuntime),
    modelRef,
    kind: sessionKindOf(key, entry),
    runtimePolicySessionKey: runtimePolicySessionKeyOf(key, entry, agentId),
    runtimeLabel: runtimeLabelOf(entry, agentRuntime, modelRef.provider),
  };
}
