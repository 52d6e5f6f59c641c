/**
 * What `openclaw sessions --store <file> [--active N] [--json]` prints
 * (openclaw@2026.2.26 `src/commands/sessions.ts`,
 * checked against its real output): `Session store:`, `Sessions listed:`,
 * then `Kind  Key  Age  Model  Tokens (ctx %)  Flags`. Pure: store → text.
 */
import type { SessionEntry } from '../gateway/sessions/entry.ts';
import { parseAgentSessionKey, sessionKindOf, type SessionKind } from '../gateway/sessions/keys.ts';
import {
  ageCell, displayContextTokens, displayModel, flagsCell, freshTotalTokens, PAD, sessionRows, tokensCell, truncateSessionKey,
  type DisplayDefaults, type SessionRow,
} from './table.ts';

export type SessionListInput = {
  /** As printed: OpenClaw prints the resolved absolute path. */
  readonly storePath: string;
  readonly entries: Iterable<readonly [string, Readonly<SessionEntry>]>;
  /** The instant ages are measured from. */
  readonly nowMs: number;
  /** `--active N`: only sessions updated in the last N minutes. */
  readonly activeMinutes?: number;
  readonly defaults: DisplayDefaults;
};

type ListedRow = SessionRow & { agentId: string; kind: SessionKind };

export function renderSessionList(input: SessionListInput): string {
  const rows = listedRows(input);
  const lines = [`Session store: ${input.storePath}`, `Sessions listed: ${rows.length}`];
  if (input.activeMinutes) lines.push(`Filtered to last ${input.activeMinutes} minute(s)`);
  if (rows.length === 0) return `${[...lines, 'No sessions found.'].join('\n')}\n`;
  lines.push(
    ['Kind'.padEnd(PAD.kind), 'Key'.padEnd(PAD.key), 'Age'.padEnd(PAD.age), 'Model'.padEnd(PAD.model), 'Tokens (ctx %)'.padEnd(PAD.tokens), 'Flags'].join(' '),
  );
  for (const row of rows) {
    const model = displayModel(row, input.defaults);
    const line = [
      row.kind.padEnd(PAD.kind),
      truncateSessionKey(row.key).padEnd(PAD.key),
      ageCell(row.updatedAt, input.nowMs),
      model.padEnd(PAD.model),
      tokensCell(freshTotalTokens(row), displayContextTokens(row, model, input.defaults)),
      flagsCell(row),
    ].join(' ');
    lines.push(line.trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

/** `--json`: `{path, count, activeMinutes, sessions: [...]}`, the rows as 2026.2.26 prints them. */
export function sessionListJson(input: SessionListInput): object {
  const sessions = listedRows(input).map((row) => {
    const model = displayModel(row, input.defaults);
    return {
      ...row,
      totalTokens: freshTotalTokens(row) ?? null,
      totalTokensFresh: typeof row.totalTokens === 'number' ? row.totalTokensFresh !== false : false,
      contextTokens: displayContextTokens(row, model, input.defaults),
      model,
    };
  });
  return { path: input.storePath, count: sessions.length, activeMinutes: input.activeMinutes ?? null, sessions };
}

function listedRows(input: SessionListInput): ListedRow[] {
  const entries = new Map(input.entries);
  const activeMs = input.activeMinutes === undefined ? undefined : input.activeMinutes * 60_000;
  return sessionRows(entries, input.nowMs)
    .map((row) => ({ ...row, agentId: parseAgentSessionKey(row.key)?.agentId ?? 'main', kind: sessionKindOf(row.key, entries.get(row.key)) }))
    .filter((row) => activeMs === undefined || (row.updatedAt ? input.nowMs - row.updatedAt <= activeMs : false));
}
