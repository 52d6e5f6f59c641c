/**
 * 2026.9.6's pre-compaction memory flush: after a user turn's reply is delivered, the optional
 * session maintenance (dist/run-CjhhEQ1q.mjs `scheduleSessionMaintenance`) runs
 * `runMemoryFlushIfNeeded` (dist/agent-runner-memory-DnzQbIgI.mjs): one agent turn on a detached
 * copy of the session, asking the model to write durable memories to `memory/<date>.md`. It is on
 * by default (the bundled memory-core plugin's `flushPlanResolver`, extensions/memory-core/index.js
 * `buildMemoryFlushPlan`; off only with `agents.defaults.compaction.memoryFlush.enabled: false`).
 *
 * - **When.** The session's tokens — the last call's prompt tokens plus its output
 *   (`resolveEffectivePromptTokens`; the maintenance's own prompt estimate is empty) — reach
 *   window − reserve − soft threshold, where reserve = min(20,000, 25 % of the window)
 *   (`DEFAULT_AGENT_COMPACTION_RESERVE_TOKENS_FLOOR` through `resolveEffectiveCompactionReserveTokens`:
 *   the constant, not `compaction.reserveTokensFloor`) and soft = min(`softThresholdTokens` ?? 4,000,
 *   floor((window − reserve) / 2)). Flash at 40,000: 40,000 − 10,000 − 4,000 = 26,000.
 * - **Once per compaction cycle.** A flush that succeeded records the session's compaction count
 *   (`memoryFlush.compactionCount`); none runs again until a compaction raises it
 *   (`hasAlreadyFlushedForCurrentCompaction`). A failed flush counts a failure and is tried
 *   again after the next turn; the third in a row marks the cycle done (`MAX_FLUSH_FAILURES`).
 * - **Not** after heartbeats (`isHeartbeat`), nor for CLI runtimes; cron runs have no maintenance here.
 * - **What.** The run's system prompt for a memory run (only the `read` and `write` tools:
 *   `MEMORY_FLUSH_ALLOWED_TOOL_NAMES`) with the flush system prompt appended, the session's
 *   transcript as it is, and the flush prompt as the user message. The transcript is a copy
 *   (`prepareMemoryFlushSession`): the main session gains no entry. The run goes through the
 *   run's model and its fallbacks (`runEmbeddedAgentEntry`), metered like any request.
 */
import type { OpenClawConfig } from '../config/schema.ts';

/** What a profile's memory flush is (each version profile in profiles/ cites its source); `null` in a profile without one. */
export type MemoryFlushBehaviour = {
  /** `DEFAULT_AGENT_COMPACTION_RESERVE_TOKENS_FLOOR`, whatever `compaction.reserveTokensFloor` says. */
  readonly reserveTokensFloor: number;
  /** The reserve is capped at this share of the window (`MAX_COMPACTION_RESERVE_RATIO`). */
  readonly maxReserveRatio: number;
  /** `DEFAULT_MEMORY_FLUSH_SOFT_TOKENS`. */
  readonly softThresholdTokens: number;
  /** Consecutive failures after which the cycle is marked flushed (`MAX_FLUSH_FAILURES`). */
  readonly maxFailures: number;
  /** The memory run's own system prompt (read/write tools only), before the flush system prompt. */
  readonly systemPromptTokens: number;
};

export type MemoryFlushSettings = { readonly softThresholdTokens: number };

/** `agents.defaults.compaction.memoryFlush`: undefined when disabled. */
export function memoryFlushSettings(config: OpenClawConfig, behaviour: MemoryFlushBehaviour): MemoryFlushSettings | undefined {
  const compaction = (config.agents?.defaults?.compaction ?? {}) as Record<string, unknown>;
  const raw = (compaction['memoryFlush'] ?? {}) as Record<string, unknown>;
  if (raw['enabled'] === false) return undefined;
  const soft = raw['softThresholdTokens'];
  const configured = typeof soft === 'number' && Number.isFinite(soft) && soft >= 0 ? Math.floor(soft) : undefined;
  return { softThresholdTokens: configured ?? behaviour.softThresholdTokens };
}

/** `buildMemoryFlushPlan` + `runMemoryFlushIfNeeded`: the session tokens at which a flush runs. */
export function memoryFlushThreshold(windowTokens: number, settings: MemoryFlushSettings, behaviour: MemoryFlushBehaviour): number {
  const window = Math.max(1, Math.floor(windowTokens));
  const reserve = Math.min(behaviour.reserveTokensFloor, Math.floor(window * behaviour.maxReserveRatio));
  const soft = Math.min(settings.softThresholdTokens, Math.floor((window - reserve) / 2));
  return Math.max(0, window - reserve - soft);
}

/** A session's flush bookkeeping: its compactions and the cycle last flushed. */
export type MemoryFlushState = { compactionCount: number; flushedAtCompaction: number | undefined; failures: number };

export function newMemoryFlushState(): MemoryFlushState {
  return { compactionCount: 0, flushedAtCompaction: undefined, failures: 0 };
}

/** `shouldRunMemoryFlush`: at or past the threshold, and not yet flushed in this compaction cycle. */
export function shouldFlush(state: MemoryFlushState, sessionTokens: number, threshold: number): boolean {
  if (!(sessionTokens > 0 && threshold > 0 && sessionTokens >= threshold)) return false;
  return state.flushedAtCompaction !== state.compactionCount;
}

/** Records a flush's outcome (`memoryFlush` on the session entry). */
export function recordFlush(state: MemoryFlushState, succeeded: boolean, behaviour: MemoryFlushBehaviour): void {
  if (succeeded) {
    state.flushedAtCompaction = state.compactionCount;
    state.failures = 0;
    return;
  }
  state.failures++;
  // recordMemoryFlushFailure: "skipping flush for this compaction cycle after 3 consecutive failures".
  if (state.failures >= behaviour.maxFailures) {
    state.flushedAtCompaction = state.compactionCount;
    state.failures = 0;
  }
}

/** A compaction opens a new cycle. */
export function recordCompaction(state: MemoryFlushState): void {
  state.compactionCount++;
}

const TARGET_HINT = 'Store durable memories only in memory/YYYY-MM-DD.md (create memory/ if needed).';
const APPEND_ONLY_HINT = 'If memory/YYYY-MM-DD.md already exists, APPEND new content only and do not overwrite existing entries.';
const READ_ONLY_HINT =
  'Treat workspace bootstrap/reference files such as MEMORY.md, DREAMS.md, SOUL.md, and AGENTS.md as read-only during this flush; never overwrite, replace, or edit them.';
/** extensions/memory-core/index.js `DEFAULT_MEMORY_FLUSH_PROMPT`, verbatim (the date is 10 characters either way). */
export const MEMORY_FLUSH_PROMPT = [
  'Pre-compaction memory flush.',
  TARGET_HINT,
  READ_ONLY_HINT,
  APPEND_ONLY_HINT,
  'Do NOT create timestamped variant files (e.g., YYYY-MM-DD-HHMM.md); always use the canonical YYYY-MM-DD.md filename.',
  'If nothing to store, reply with NO_REPLY.',
].join(' ');
/** `DEFAULT_MEMORY_FLUSH_SYSTEM_PROMPT`, verbatim. */
export const MEMORY_FLUSH_SYSTEM_PROMPT = [
  'Pre-compaction memory flush turn.',
  'The session is near auto-compaction; capture durable memories to disk.',
  TARGET_HINT,
  READ_ONLY_HINT,
  APPEND_ONLY_HINT,
  'You may reply, but usually NO_REPLY is correct.',
].join(' ');
/**
 * `appendCurrentTimeLine`: "\nCurrent time: <weekday, month day, year - h:mm AM> (<zone>)\nReference UTC: <yyyy-mm-dd hh:mm> UTC",
 * a stand-in of its length for the UTC zone (98 characters): quotas meter sizes, not words.
 */
const TIME_LINE = '\nCurrent time: Wednesday, November 25th, 2026 - 12:16 AM (UTC)\nReference UTC: 2026-11-25 00:16 UTC';

/** The flush run's user message. */
export function memoryFlushPrompt(): string {
  return `${MEMORY_FLUSH_PROMPT}${TIME_LINE}`;
}

/** The flush run's system prompt: the memory run's own (`base`), then the flush system prompt. */
export function memoryFlushSystemPrompt(base: string): string {
  return `${base}\n\n${MEMORY_FLUSH_SYSTEM_PROMPT}`;
}
