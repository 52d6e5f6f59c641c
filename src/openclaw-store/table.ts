/**
 * The cells of `openclaw sessions` and `openclaw sessions cleanup --dry-run`,
 * from openclaw@2026.2.26 (`src/commands/sessions-table.ts`,
 * `src/commands/sessions.ts`, `src/infra/format-relative.ts` in its dist):
 * column widths, key truncation `head...tail6`, `5m ago`/`2d ago` ages,
 * `123k/1000k (12%)` tokens, flags. Plain text only: quotastorm prints no colours.
 *
 * Ages are measured from a given `nowMs`, never the wall clock, so the same
 * store always prints the same table.
 */
import type { OpenClawConfig } from '../config/schema.ts';
import { parseModelRef, resolvePrimaryModelRef } from '../config/model-ref.ts';
import { MODEL_REF_RULES_2026_2 } from '../config/model-ref-rules-2026-2.ts';
import type { SessionEntry } from '../gateway/sessions/entry.ts';

export const PAD = { kind: 6, key: 26, age: 9, model: 14, tokens: 20, action: 12 } as const;

/** 2026.2.26's built-in DEFAULT_CONTEXT_TOKENS (model-selection); its default model is MODEL_REF_RULES_2026_2's. */
const DEFAULT_CONTEXT_TOKENS = 200_000;

/** One row as toSessionDisplayRows builds it; the key order is the order `--json` prints. */
export type SessionRow = {
  key: string;
  updatedAt: number | null;
  ageMs: number | null;
  sessionId: string | undefined;
  systemSent: boolean | undefined;
  abortedLastRun: boolean | undefined;
  thinkingLevel: string | undefined;
  verboseLevel: string | undefined;
  reasoningLevel: string | undefined;
  elevatedLevel: string | undefined;
  responseUsage: string | undefined;
  groupActivation: string | undefined;
  inputTokens: number | undefined;
  outputTokens: number | undefined;
  totalTokens: number | undefined;
  totalTokensFresh: boolean | undefined;
  model: string | undefined;
  modelProvider: string | undefined;
  providerOverride: string | undefined;
  modelOverride: string | undefined;
  contextTokens: number | undefined;
};

/** Every entry as a row, newest first (entries without updatedAt last), store order among equals. */
export function sessionRows(entries: Iterable<readonly [string, Readonly<SessionEntry>]>, nowMs: number): SessionRow[] {
  const rows: SessionRow[] = [];
  for (const [key, entry] of entries) {
    const updatedAt = entry.updatedAt ?? null;
    rows.push({
      key,
      updatedAt,
      ageMs: updatedAt ? nowMs - updatedAt : null,
      sessionId: entry.sessionId,
      systemSent: entry.systemSent,
      abortedLastRun: entry.abortedLastRun,
      thinkingLevel: entry.thinkingLevel,
      verboseLevel: entry.verboseLevel,
      reasoningLevel: entry.reasoningLevel,
      elevatedLevel: entry.elevatedLevel,
      responseUsage: entry.responseUsage,
      groupActivation: entry.groupActivation,
      inputTokens: entry.inputTokens,
      outputTokens: entry.outputTokens,
      totalTokens: entry.totalTokens,
      totalTokensFresh: entry.totalTokensFresh,
      model: entry.model,
      modelProvider: entry.modelProvider,
      providerOverride: entry.providerOverride,
      modelOverride: entry.modelOverride,
      contextTokens: entry.contextTokens,
    });
  }
  return rows.sort((a, b) => (b.updatedAt ?? 0) - (a.updatedAt ?? 0));
}

/** What the table falls back to for rows without a model or a context size, from the config if one is given. */
export type DisplayDefaults = {
  /** The provider bare runtime models and overrides are read under. */
  readonly provider: string;
  readonly model: string;
  /** agents.defaults.contextTokens, else the default model's window, else 200k. */
  readonly contextTokens: number;
  /** A model's context window from the config's `models.providers`. */
  contextWindowOf(model: string): number | undefined;
};

export function displayDefaults(config: OpenClawConfig | null): DisplayDefaults {
  const windows = new Map<string, number>();
  for (const provider of Object.values(config?.models?.providers ?? {})) {
    for (const model of provider.models ?? []) if (model.contextWindow !== undefined && !windows.has(model.id)) windows.set(model.id, model.contextWindow);
  }
  // resolveSessionDisplayDefaults: resolveConfiguredModelRef, so aliases and bare ids resolve as the gateway resolves them.
  const { provider, model } = resolvePrimaryModelRef(config ?? {}, MODEL_REF_RULES_2026_2);
  return {
    provider,
    model,
    contextTokens: config?.agents?.defaults?.contextTokens ?? windows.get(model) ?? DEFAULT_CONTEXT_TOKENS,
    contextWindowOf: (id) => windows.get(id),
  };
}

// resolveSessionModelRef: parseModelRef's model, else the text as stored.
function modelIdOf(ref: string, defaultProvider: string): string {
  return parseModelRef(ref, MODEL_REF_RULES_2026_2, defaultProvider)?.model ?? ref.trim();
}

/** resolveSessionModelRef's model: the entry's runtime model, else its override, else the default. */
export function displayModel(row: Pick<SessionRow, 'model' | 'modelProvider' | 'providerOverride' | 'modelOverride'>, defaults: DisplayDefaults): string {
  const runtime = row.model?.trim();
  if (runtime) return row.modelProvider?.trim() ? runtime : modelIdOf(runtime, defaults.provider);
  const override = row.modelOverride?.trim();
  return override ? modelIdOf(override, row.providerOverride?.trim() || defaults.provider) : defaults.model;
}

export function displayContextTokens(row: Pick<SessionRow, 'contextTokens'>, model: string, defaults: DisplayDefaults): number {
  return row.contextTokens ?? defaults.contextWindowOf(model) ?? defaults.contextTokens;
}

/** resolveFreshSessionTotalTokens: totalTokens unless marked stale. */
export function freshTotalTokens(row: Pick<SessionRow, 'totalTokens' | 'totalTokensFresh'>): number | undefined {
  const total = row.totalTokens;
  if (typeof total !== 'number' || !Number.isFinite(total) || total < 0 || row.totalTokensFresh === false) return undefined;
  return total;
}

export function truncateSessionKey(key: string): string {
  if (key.length <= PAD.key) return key;
  const head = Math.max(4, PAD.key - 10);
  return `${key.slice(0, head)}...${key.slice(-6)}`;
}

/** formatTimeAgo: `just now`, `5m ago`, `3h ago` (up to 47 h), `2d ago`; `unknown` for a negative age. */
export function formatTimeAgo(durationMs: number): string {
  if (!Number.isFinite(durationMs) || durationMs < 0) return 'unknown';
  const minutes = Math.round(Math.round(durationMs / 1000) / 60);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes}m ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours}h ago`;
  return `${Math.round(hours / 24)}d ago`;
}

export function ageCell(updatedAt: number | null, nowMs: number): string {
  return (updatedAt ? formatTimeAgo(nowMs - updatedAt) : 'unknown').padEnd(PAD.age);
}

const formatKTokens = (value: number) => `${(value / 1000).toFixed(value >= 10_000 ? 0 : 1)}k`;

/** `12.3k/200k (6%)`, or `unknown/200k (?%)` when the entry has no fresh total. */
export function tokensCell(total: number | undefined, contextTokens: number | null): string {
  const contextLabel = contextTokens ? formatKTokens(contextTokens) : '?';
  if (total === undefined) return `unknown/${contextLabel} (?%)`.padEnd(PAD.tokens);
  const pct = contextTokens ? Math.min(999, Math.round((total / contextTokens) * 100)) : null;
  return `${formatKTokens(total)}/${contextLabel} (${pct ?? '?'}%)`.padEnd(PAD.tokens);
}

export function flagsCell(row: SessionRow): string {
  return [
    row.thinkingLevel ? `think:${row.thinkingLevel}` : null,
    row.verboseLevel ? `verbose:${row.verboseLevel}` : null,
    row.reasoningLevel ? `reasoning:${row.reasoningLevel}` : null,
    row.elevatedLevel ? `elev:${row.elevatedLevel}` : null,
    row.responseUsage ? `usage:${row.responseUsage}` : null,
    row.groupActivation ? `activation:${row.groupActivation}` : null,
    row.systemSent ? 'system' : null,
    row.abortedLastRun ? 'aborted' : null,
    row.sessionId ? `id:${row.sessionId}` : null,
  ]
    .filter((flag) => flag !== null)
    .join(' ');
}
