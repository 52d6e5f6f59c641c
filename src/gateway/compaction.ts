/**
 * Compaction as OpenClaw 2026.2.26 runs it in its default `safeguard` mode:
 * when a session's context passes the window less the reserve, everything
 * but the newest ~20,000 tokens is summarised by the session's model, in
 * model calls of its own, and replaced by the summary.
 *
 * Read in the installed 2026.2.26 (dist/pi-embedded-*.js, the
 * compaction-safeguard extension's `session_before_compact`, and
 * @mariozechner/pi-coding-agent's core/compaction):
 *
 * - trigger: context tokens > window − reserveTokens; OpenClaw raises pi's
 *   16,384 reserve to its floor of 20,000;
 * - cut: keep the newest `keepRecentTokens` (20,000), summarise the rest;
 * - chunk ratio 0.4 of the window (less when messages are large), less a
 *   4,096-token overhead; history bigger than one chunk is split in two by
 *   token share, each half summarised, then the halves merged in one more
 *   call; within a part, messages go in chunks of chunk/1.2 tokens, one call
 *   each, every call after the first updating the previous summary;
 * - each call: system prompt (317 chars) + one user message
 *   `<conversation>\n[User]: …\n\n[Assistant]: …\n</conversation>\n\n` +
 *   the summarisation prompt (879 chars; the update prompt, 1,257, with a
 *   `<previous-summary>` block), max output floor(0.8 × reserve) = 16,000;
 * - each call retried 3 times (500 ms, then 1 s, ±20 % jitter); if a part
 *   still fails it is tried once more without oversized messages (> half
 *   the window), and then the compaction goes on with the text "Summary
 *   unavailable…" — a failed summary never fails the turn.
 *
 * What this model simplifies, on purpose: it compacts just before the
 * request that would pass the threshold (OpenClaw checks after the turn
 * that passed it: the same calls, one turn earlier or later); cuts at entry
 * boundaries; treats a previous summary as the oldest message rather than a
 * `<previous-summary>` block (a difference of prompt wording, not of size);
 * and skips the safeguard's extra pruning when new content alone fills half
 * the window. 2026.9.6 is assumed to compact the same way (not checked).
 * Prompts are stand-ins of the real lengths: quotas meter sizes, not words.
 */
import type { Prng } from '../clock/prng.ts';
import type { Clock } from '../clock/clock.ts';
import type { Transcript, TranscriptEntry } from './context.ts';
import type { ChatMessage } from './providers/types.ts';
import { tokensOfChars } from './tokens.ts';

/** OpenClaw's reserve floor (`compaction.reserveTokensFloor`), above pi's own 16,384. */
export const COMPACTION_RESERVE_TOKENS = 20_000;
/** pi's `keepRecentTokens`: what stays verbatim after a compaction. */
export const KEEP_RECENT_TOKENS = 20_000;
export const SUMMARY_MAX_OUTPUT_TOKENS = Math.floor(0.8 * COMPACTION_RESERVE_TOKENS);

const BASE_CHUNK_RATIO = 0.4;
const MIN_CHUNK_RATIO = 0.15;
const SAFETY_MARGIN = 1.2;
const SUMMARIZATION_OVERHEAD_TOKENS = 4_096;
const MIN_MESSAGES_FOR_SPLIT = 4;
const RETRY = { attempts: 3, minDelayMs: 500, maxDelayMs: 5_000, jitter: 0.2 };

const SYSTEM_PROMPT = standIn('You summarise a conversation into a structured checkpoint for another model.', 317);
const SUMMARIZATION_PROMPT = standIn('Summarise the conversation above: goal, progress, decisions, next steps.', 879);
const UPDATE_PROMPT = standIn('Fold the new messages above into the previous summary: goal, progress, decisions, next steps.', 1_257);
const MERGE_INSTRUCTIONS = standIn('Merge these partial summaries into one; keep decisions, TODOs and constraints.', 124);

export type CompactionPlan = { readonly toSummarize: readonly TranscriptEntry[]; readonly keepFrom: number };

/** One summarisation request to the session's model; rejects when the model call fails. */
export type SummaryCall = (request: { system: string; messages: readonly ChatMessage[]; maxOutputTokens: number }) => Promise<string>;

export type CompactionDeps = { readonly clock: Clock; readonly jitter: Prng; readonly call: SummaryCall };

/**
 * What a compaction would summarise, if system + transcript + new message
 * (`fixedChars` covers all but the transcript) pass the window less the
 * reserve; undefined if they fit or nothing is older than the kept tail.
 */
export function planCompaction(transcript: Transcript, fixedChars: number, windowTokens: number): CompactionPlan | undefined {
  const entries = transcript.entries;
  let totalChars = fixedChars;
  for (const entry of entries) totalChars += entry.text.length;
  if (tokensOfChars(totalChars) <= windowTokens - COMPACTION_RESERVE_TOKENS) return undefined;
  let keptChars = 0;
  let keepFrom = entries.length;
  while (keepFrom > 0 && tokensOfChars(keptChars) < KEEP_RECENT_TOKENS) keptChars += entries[--keepFrom]!.text.length;
  return keepFrom === 0 ? undefined : { toSummarize: entries.slice(0, keepFrom), keepFrom };
}

/** Runs the summary calls and replaces the summarised entries by the summary; returns the summary. */
export async function compactTranscript(transcript: Transcript, plan: CompactionPlan, windowTokens: number, deps: CompactionDeps): Promise<string> {
  const summary = await summarizeInStages(plan.toSummarize, windowTokens, deps);
  transcript.entries.splice(0, plan.keepFrom, { role: 'user', text: summary });
  return summary;
}

async function summarizeInStages(entries: readonly TranscriptEntry[], windowTokens: number, deps: CompactionDeps): Promise<string> {
  const maxChunkTokens = Math.max(1, Math.floor(windowTokens * adaptiveChunkRatio(entries, windowTokens)) - SUMMARIZATION_OVERHEAD_TOKENS);
  if (entries.length < MIN_MESSAGES_FOR_SPLIT || tokensOf(entries) <= maxChunkTokens) {
    return summarizeWithFallback(entries, windowTokens, maxChunkTokens, deps);
  }
  const halves = splitByTokenShare(entries, 2);
  if (halves.length <= 1) return summarizeWithFallback(entries, windowTokens, maxChunkTokens, deps);
  const partials: TranscriptEntry[] = [];
  for (const half of halves) partials.push({ role: 'user', text: await summarizeWithFallback(half, windowTokens, maxChunkTokens, deps) });
  return summarizeWithFallback(partials, windowTokens, maxChunkTokens, deps, MERGE_INSTRUCTIONS);
}

async function summarizeWithFallback(
  entries: readonly TranscriptEntry[],
  windowTokens: number,
  maxChunkTokens: number,
  deps: CompactionDeps,
  focus?: string,
): Promise<string> {
  try {
    return await summarizeChunks(entries, maxChunkTokens, deps, focus);
  } catch {
    // OpenClaw logs "Full summarization failed, trying partial" and tries without oversized messages.
  }
  const oversized = (entry: TranscriptEntry) => tokensOf([entry]) * SAFETY_MARGIN > windowTokens * 0.5;
  const small = entries.filter((entry) => !oversized(entry));
  const notes = entries.filter(oversized).map((entry) => `[Large ${entry.role} (~${Math.round(tokensOf([entry]) / 1_000)}K tokens) omitted from summary]`);
  if (small.length > 0) {
    try {
      return (await summarizeChunks(small, maxChunkTokens, deps, focus)) + (notes.length > 0 ? `\n\n${notes.join('\n')}` : '');
    } catch {
      // "Partial summarization also failed": the compaction keeps going with the fallback text.
    }
  }
  return `Context contained ${entries.length} messages (${notes.length} oversized). Summary unavailable due to size limits.`;
}

async function summarizeChunks(entries: readonly TranscriptEntry[], maxChunkTokens: number, deps: CompactionDeps, focus?: string): Promise<string> {
  let summary: string | undefined;
  for (const chunk of chunkByMaxTokens(entries, maxChunkTokens)) {
    const previous = summary;
    summary = await withRetries(() => deps.call(summaryRequest(chunk, previous, focus)), deps);
  }
  return summary ?? 'No prior history.';
}

function summaryRequest(chunk: readonly TranscriptEntry[], previous: string | undefined, focus: string | undefined) {
  const conversation = chunk.map(serialize).join('\n\n');
  const prompt = `${previous === undefined ? SUMMARIZATION_PROMPT : UPDATE_PROMPT}${focus === undefined ? '' : `\n\nAdditional focus: ${focus}`}`;
  const previousBlock = previous === undefined ? '' : `<previous-summary>\n${previous}\n</previous-summary>\n\n`;
  const text = `<conversation>\n${conversation}\n</conversation>\n\n${previousBlock}${prompt}`;
  return { system: SYSTEM_PROMPT, messages: [{ role: 'user' as const, text }], maxOutputTokens: SUMMARY_MAX_OUTPUT_TOKENS };
}

/** OpenClaw's retryAsync: `attempts` tries, min·2^(n−1) apart, ±jitter, clamped to [min, max]. */
async function withRetries(attempt: () => Promise<string>, deps: CompactionDeps): Promise<string> {
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (tried >= RETRY.attempts) throw error;
      const baseMs = Math.min(RETRY.minDelayMs * 2 ** (tried - 1), RETRY.maxDelayMs);
      const jitteredMs = Math.round(baseMs * (1 + (deps.jitter.float() * 2 - 1) * RETRY.jitter));
      await deps.clock.sleep(Math.min(Math.max(jitteredMs, RETRY.minDelayMs), RETRY.maxDelayMs));
    }
  }
}

function serialize(entry: TranscriptEntry): string {
  if (entry.role === 'assistant') return `[Assistant]: ${entry.text}`;
  return entry.role === 'toolResult' ? `[Tool result]: ${entry.text}` : `[User]: ${entry.text}`;
}

/** Smaller chunks when messages are large (average × 1.2 above a tenth of the window). */
function adaptiveChunkRatio(entries: readonly TranscriptEntry[], windowTokens: number): number {
  if (entries.length === 0) return BASE_CHUNK_RATIO;
  const averageRatio = ((tokensOf(entries) / entries.length) * SAFETY_MARGIN) / windowTokens;
  if (averageRatio <= 0.1) return BASE_CHUNK_RATIO;
  return Math.max(MIN_CHUNK_RATIO, BASE_CHUNK_RATIO - Math.min(averageRatio * 2, BASE_CHUNK_RATIO - MIN_CHUNK_RATIO));
}

function splitByTokenShare(entries: readonly TranscriptEntry[], parts: number): TranscriptEntry[][] {
  const targetTokens = tokensOf(entries) / parts;
  const chunks: TranscriptEntry[][] = [];
  let current: TranscriptEntry[] = [];
  let currentTokens = 0;
  for (const entry of entries) {
    const entryTokens = tokensOf([entry]);
    if (chunks.length < parts - 1 && current.length > 0 && currentTokens + entryTokens > targetTokens) {
      chunks.push(current);
      current = [];
      currentTokens = 0;
    }
    current.push(entry);
    currentTokens += entryTokens;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function chunkByMaxTokens(entries: readonly TranscriptEntry[], maxTokens: number): TranscriptEntry[][] {
  const effectiveMax = Math.max(1, Math.floor(maxTokens / SAFETY_MARGIN));
  const chunks: TranscriptEntry[][] = [];
  let current: TranscriptEntry[] = [];
  let currentTokens = 0;
  for (const entry of entries) {
    const entryTokens = tokensOf([entry]);
    if (current.length > 0 && currentTokens + entryTokens > effectiveMax) {
      chunks.push(current);
      current = [];
      currentTokens = 0;
    }
    current.push(entry);
    currentTokens += entryTokens;
    if (entryTokens > effectiveMax) {
      chunks.push(current);
      current = [];
      currentTokens = 0;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function tokensOf(entries: readonly TranscriptEntry[]): number {
  let tokens = 0;
  for (const entry of entries) tokens += tokensOfChars(entry.text.length);
  return tokens;
}

function standIn(words: string, chars: number): string {
  return words.padEnd(chars, ' .');
}
