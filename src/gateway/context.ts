/**
 * What a turn sends: the system prompt, the session's transcript and the new
 * message, after `contextPruning` — and how the transcript grows afterwards.
 * Compaction, which rewrites the transcript with model calls of its own, is
 * compaction.ts.
 *
 * Transcripts hold sizes and text slices, not rich messages: a `toolResult`
 * entry stands for the tool output a real session accumulates, which is
 * what `cache-ttl` pruning trims (OpenClaw's docs/concepts/session-pruning.md). On the wire a
 * tool result travels as a user-role message of the same size.
 */
import type { EffectiveSettings } from '../config/effective.ts';
import type { ChatMessage } from './providers/types.ts';
import { tokensOfChars } from './tokens.ts';

export type TranscriptEntry = { readonly role: 'user' | 'assistant' | 'toolResult'; readonly text: string };

export type Transcript = {
  entries: TranscriptEntry[];
  /** When the session last called a model: `cache-ttl` measures its TTL from here (`lastCacheTouchAt` in OpenClaw 2026.4.12's src/agents/pi-embedded-runner/cache-ttl.ts). */
  lastCacheTouchAtMs: number | undefined;
  /**
   * The last compaction's summary, the entry (always the first) that carries it, and the index of the
   * first entry appended after it — the tail it kept lies between (compaction.ts `planCompaction`).
   */
  compactionSummary: { readonly entry: TranscriptEntry; readonly summary: string; readonly appendedFrom: number } | undefined;
};

export type PruningSettings = EffectiveSettings['contextPruning'];

export type BuiltRequest = {
  readonly system: string;
  readonly messages: readonly ChatMessage[];
  readonly promptTokens: number;
  readonly pruning: { readonly softTrimmed: number; readonly hardCleared: number };
};

export function emptyTranscript(): Transcript {
  return { entries: [], lastCacheTouchAtMs: undefined, compactionSummary: undefined };
}

/** The request for one turn; prunes in memory only, as OpenClaw does: the transcript on disk keeps every tool result. */
export function buildRequest(
  transcript: Transcript,
  system: string,
  incoming: readonly TranscriptEntry[],
  options: { pruning: PruningSettings; prunable: boolean; contextWindowTokens: number; nowMs: number },
): BuiltRequest {
  const entries = [...transcript.entries, ...incoming];
  const pruned = options.prunable ? pruneCacheTtl(transcript, entries, system.length, options) : { entries, softTrimmed: 0, hardCleared: 0 };
  const messages = pruned.entries.map(toWire);
  const chars = system.length + messages.reduce((sum, message) => sum + message.text.length, 0);
  return { system, messages, promptTokens: tokensOfChars(chars), pruning: { softTrimmed: pruned.softTrimmed, hardCleared: pruned.hardCleared } };
}

/** After a successful model call: the turn's messages join the transcript and the cache clock restarts. */
export function recordTurn(transcript: Transcript, added: readonly TranscriptEntry[], nowMs: number): void {
  transcript.entries.push(...added);
  transcript.lastCacheTouchAtMs = nowMs;
}

export function transcriptChars(transcript: Transcript): number {
  let chars = 0;
  for (const entry of transcript.entries) chars += entry.text.length;
  return chars;
}

function toWire(entry: TranscriptEntry): ChatMessage {
  return { role: entry.role === 'assistant' ? 'assistant' : 'user', text: entry.text };
}

/**
 * `cache-ttl` (OpenClaw 2026.4.12's src/agents/pi-hooks/context-pruning/pruner.ts): nothing until `ttl` has passed since the session's last
 * model call; then, if the context fills ≥ softTrimRatio of the window,
 * long tool results outside the protected range are cut to head + tail; if
 * it still fills ≥ hardClearRatio and enough tool text is prunable, the
 * oldest are replaced by the placeholder until it does not.
 */
function pruneCacheTtl(
  transcript: Transcript,
  entries: TranscriptEntry[],
  systemChars: number,
  options: { pruning: PruningSettings; contextWindowTokens: number; nowMs: number },
): { entries: TranscriptEntry[]; softTrimmed: number; hardCleared: number } {
  const settings = options.pruning;
  const untouched = { entries, softTrimmed: 0, hardCleared: 0 };
  if (settings.mode !== 'cache-ttl' || transcript.lastCacheTouchAtMs === undefined) return untouched;
  if (options.nowMs - transcript.lastCacheTouchAtMs < settings.ttlMs) return untouched;
  const windowChars = options.contextWindowTokens * 4;
  let total = systemChars + entries.reduce((sum, entry) => sum + entry.text.length, 0);
  if (total / windowChars < settings.softTrimRatio) return untouched;

  const prunable = prunableIndexes(entries, settings.keepLastAssistants);
  const out = entries.slice();
  let softTrimmed = 0;
  for (const index of prunable) {
    const text = out[index]!.text;
    if (text.length <= settings.softTrim.maxChars) continue;
    const { headChars, tailChars } = settings.softTrim;
    const trimmed =
      `${text.slice(0, headChars)}...${text.slice(-tailChars)}` +
      `\n[Tool result trimmed: kept first ${headChars} chars and last ${tailChars} chars of ${text.length} chars.]`;
    total += trimmed.length - text.length;
    out[index] = { role: 'toolResult', text: trimmed };
    softTrimmed++;
  }

  let hardCleared = 0;
  const prunableChars = prunable.reduce((sum, index) => sum + out[index]!.text.length, 0);
  if (settings.hardClear.enabled && total / windowChars >= settings.hardClearRatio && prunableChars >= settings.minPrunableToolChars) {
    for (const index of prunable) {
      if (total / windowChars < settings.hardClearRatio) break;
      total += settings.hardClear.placeholder.length - out[index]!.text.length;
      out[index] = { role: 'toolResult', text: settings.hardClear.placeholder };
      hardCleared++;
    }
  }
  // A change restarts the cache clock, as OpenClaw's pruner does.
  if (softTrimmed + hardCleared > 0) transcript.lastCacheTouchAtMs = options.nowMs;
  return { entries: out, softTrimmed, hardCleared };
}

/** Tool results after the first user message and before the last `keepLastAssistants` assistant messages, oldest first. */
function prunableIndexes(entries: readonly TranscriptEntry[], keepLastAssistants: number): number[] {
  const firstUser = entries.findIndex((entry) => entry.role === 'user');
  let cutoff = entries.length;
  for (let seen = 0, i = entries.length - 1; i >= 0 && seen < keepLastAssistants; i--) {
    if (entries[i]!.role === 'assistant') {
      seen++;
      cutoff = i;
    }
  }
  const indexes: number[] = [];
  for (let i = firstUser + 1; i < cutoff; i++) if (firstUser >= 0 && entries[i]!.role === 'toolResult') indexes.push(i);
  return indexes;
}

/**
 * Which model calls cache-ttl pruning applies to (`isCacheTtlEligibleProvider` in OpenClaw 2026.4.12): any
 * `anthropic-messages` model and Google's caching-capable models; OpenAI only where the version
 * says so (its profile's `cacheTtlPruningForOpenAI`: openclaw PR #127992, after 2026.2.26).
 */
export function pruningApplies(api: string, providerId: string, modelId: string, openaiEligible: boolean): boolean {
  if (api === 'anthropic-messages') return true;
  if (api === 'google-generative-ai') return /^gemini-(2\.5|3)/.test(modelId);
  return openaiEligible && providerId === 'openai';
}
