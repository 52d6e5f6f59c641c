/**
 * Compaction and its own model calls, as OpenClaw runs them. Read in the
 * installed 2026.2.26: pi-coding-agent 0.55.1's `core/agent-session.js`
 * (`_checkCompaction`, `_runAutoCompaction`) and `core/compaction/compaction.js`
 * (`shouldCompact`, `findCutPoint`, `prepareCompaction`, `generateSummary`),
 * and OpenClaw's `dist/pi-embedded-CQnl8oWA.js` (`applyPiCompactionSettingsFromConfig`,
 * `src/agents/compaction.ts`, the `compaction-safeguard` extension):
 *
 * - **When.** After a run ends (`agent_end`), if its last model call's usage
 *   (input + output) is above the window less the reserve; and before a
 *   prompt, on the last assistant message's usage (here: system prompt +
 *   transcript, which is what that usage measured). Never between the model
 *   calls of one run's tool loop. The run waits for it, so the reply is
 *   delivered after the summary calls. 2026.9.6 runs only the check before
 *   a prompt (`CompactionBehaviour.checkAfterRun`).
 * - **Reserve** `max(compaction.reserveTokens ?? 16,384, compaction.reserveTokensFloor ?? 20,000)`;
 *   **kept** the newest `compaction.keepRecentTokens ?? 20,000` tokens, cut at a
 *   user or assistant message, never at a tool result. A cut inside a turn
 *   summarises that turn's prefix separately (the "split turn").
 * - **Who.** The model the run used (`ctx.model`: the candidate that
 *   answered), one call at a time through pi-ai's `completeSimple`: no
 *   failover chain, no cooldowns, the provider SDK's own retries beneath.
 * - **What, `safeguard` mode** (OpenClaw's default, `applyCompactionDefaults`):
 *   chunks of `floor(window × ratio) − 4,096` tokens (ratio 0.4, less for large
 *   messages); history over one chunk is split in two halves by tokens, each
 *   summarised, then merged in one more call; within a part, chunks of
 *   chunk/1.2 go one call each, every call after the first updating the
 *   summary so far. Each call: a 317-char system prompt and one user message
 *   `<conversation>\n[User]: …\n\n[Assistant]: …\n</conversation>\n\n` +
 *   (`<previous-summary>` block +) the 879-char prompt (1,257 for an update),
 *   max output `floor(0.8 × reserve)` = 16,000. `default` mode: one call for
 *   the history, one for a split turn's prefix. 2026.9.6 puts a previous
 *   summary in as the history's first message instead of the block, labels
 *   the merged halves, and has prompts of other lengths (`CompactionBehaviour`).
 * - **Failure.** Each safeguard call is tried 3 times (0.5 s, 1 s apart,
 *   ±20 %). If a pass still fails, it is tried again without oversized
 *   messages; then 2026.2.26 compacts with "Summary unavailable due to size
 *   limits", while 2026.9.6 cancels the compaction and keeps the history
 *   (profile data: `Behaviour.compaction`). A failed summary never fails the
 *   turn.
 * - **Result.** The summary (the model's reply) replaces everything before
 *   the cut, as a user message in pi's compaction-summary wrapper.
 *
 * Left out, on purpose: the safeguard's extra pruning when new content alone
 * passes 60 % of the window (cannot happen with a 20K kept tail and the
 * simulated system prompts), tool-failure and file-operation sections (no
 * real tools run), and 2026.9.6's summary quality guard (real summaries pass
 * it: the mocks answer under the headings asked for, mocks/providers/summary-reply.ts),
 * `compaction.model` (its post-reply memory flush is memory-flush.ts),
 * its own prompt wording and timeouts, which were not traced. Prompts are
 * stand-ins of the real lengths: quotas meter sizes, not words.
 */
import type { Prng } from '../clock/prng.ts';
import type { Clock } from '../clock/clock.ts';
import type { OpenClawConfig } from '../config/schema.ts';
import type { Transcript, TranscriptEntry } from './context.ts';
import type { ChatMessage } from './providers/types.ts';
import { tokensOfChars } from './tokens.ts';

export type CompactionSettings = {
  readonly mode: 'safeguard' | 'default';
  readonly reserveTokens: number;
  readonly keepRecentTokens: number;
};

/** What a profile's compaction does differently (each version profile in profiles/ cites its source). */
export type CompactionBehaviour = {
  /** When every summary pass failed: compact with "Summary unavailable…" (2026.2) or keep the history (2026.9). */
  readonly onSummaryFailure: 'fallback-text' | 'cancel';
  /** The second pass runs only when it would leave oversized messages out (2026.9), or always (2026.2). */
  readonly partialPassNeedsOversized: boolean;
  /** The summary's max output is also capped at the model's own maxTokens (2026.9). */
  readonly capOutputAtModelMax: boolean;
  /** A reply without text fails the summary call ("model returned no summary text", 2026.9) or is the summary (2026.2). */
  readonly emptySummaryFails: boolean;
  /**
   * The window the threshold is measured against: the model's own contextWindow (2026.2: nothing
   * caps it), or that capped by the model entry's own `contextTokens` (2026.9).
   */
  readonly thresholdWindow: 'model' | 'model-capped-per-model';
  /** What caps the window the safeguard sizes chunks by: `agents.defaults.contextTokens` (2026.2) or nothing more (2026.9). */
  readonly chunkWindowCap: 'agents-defaults-context-tokens' | 'none';
  /**
   * Where the next compaction may cut and what it summarises, after a first one: only entries appended
   * since it (2026.2: pi's `prepareCompaction` starts at the compaction entry + 1, so the tail the last
   * compaction kept is neither re-summarised nor kept — it drops out with the next one), or from the tail
   * it kept on (2026.9: from the previous compaction's `firstKeptEntryId`).
   */
  readonly summarizeFrom: 'appended-since-compaction' | 'previous-kept-tail';
  /** Whether `compaction.reserveTokens` / `reserveTokensFloor` from the config count (2026.2) or were retired (2026.9). */
  readonly reserveFromConfig: boolean;
  /**
   * Whether pi's check after a run (`agent_end`) runs (2026.2), or only the check before a prompt
   * (2026.9: `safeguard` mode turns pi's after-run check off and OpenClaw's preflight compacts).
   */
  readonly checkAfterRun: boolean;
  /**
   * How the previous compaction's summary reaches the safeguard's calls: pi's `<previous-summary>` block, which the
   * first call updates (2026.2), or a first message of the history — `<previous-compaction-summary>` with OpenClaw's
   * re-distill line — chunked and split like any other, so no call starts from a summary (2026.9).
   */
  readonly previousSummary: 'update-block' | 'redistill-message';
  /**
   * The merge call after a split: one-line instructions over the halves' bare summaries (2026.2), or the MUST PRESERVE
   * list over summaries labelled "[Chunk 1 — oldest messages]", "[Chunk 2 — most recent messages]" (2026.9).
   */
  readonly mergeRequest: 'plain' | 'labelled-chunks';
  /** Lengths of the safeguard's system prompt, its prompt for a first call and for a call updating the summary so far. */
  readonly safeguardPromptChars: { readonly system: number; readonly summarize: number; readonly update: number };
};

const PI_DEFAULT_RESERVE_TOKENS = 16_384;
const RESERVE_TOKENS_FLOOR = 20_000;
const KEEP_RECENT_TOKENS = 20_000;

const BASE_CHUNK_RATIO = 0.4;
const MIN_CHUNK_RATIO = 0.15;
const SAFETY_MARGIN = 1.2;
const SUMMARIZATION_OVERHEAD_TOKENS = 4_096;
const MIN_MESSAGES_FOR_SPLIT = 4;
const RETRY = { attempts: 3, minDelayMs: 500, maxDelayMs: 5_000, jitter: 0.2 };

/** pi-coding-agent 0.55.1's prompt lengths (2026.2.26), also those of pi's own `compact()`. */
const PI_PROMPT_CHARS = { system: 317, summarize: 879, update: 1_257 } as const;
type Prompts = { readonly system: string; readonly summarize: string; readonly update: string };
const prompts = (chars: CompactionBehaviour['safeguardPromptChars']): Prompts => ({
  system: standIn('You summarise a conversation into a structured checkpoint for another model.', chars.system),
  summarize: standIn('The messages above are a conversation to summarize: goal, constraints, progress, decisions, next steps.', chars.summarize),
  update: standIn('The messages above are NEW messages to fold into the summary in <previous-summary> tags.', chars.update),
});
const PI_PROMPTS = prompts(PI_PROMPT_CHARS);
const SYSTEM_PROMPT = PI_PROMPTS.system;
const TURN_PREFIX_PROMPT = standIn('This is the PREFIX of a turn that was too large to keep; summarise it for the retained suffix.', 440);
/** OpenClaw's own texts, verbatim. */
const MERGE_INSTRUCTIONS =
  'Merge these partial summaries into a single cohesive summary. Preserve decisions, TODOs, open questions, and any constraints.';
/** 2026.9.6, dist/builtin-openclaw-q1hiFm14.mjs MERGE_SUMMARIES_INSTRUCTIONS. */
const MERGE_INSTRUCTIONS_2026_9 = [
  'Merge these partial summaries into a single cohesive summary.',
  '',
  'MUST PRESERVE:',
  '- Active tasks and their current status (in-progress, blocked, pending)',
  "- Batch operation progress (e.g., '5/17 items completed')",
  '- The last thing the user requested and what was being done about it',
  '- Decisions made and their rationale',
  '- TODOs, open questions, and constraints',
  '- Any commitments or follow-ups promised',
  '',
  'PRIORITIZE recent context over older history. The agent needs to know',
  'what it was doing, not just what was discussed.',
].join('\n');
/** 2026.9.6, dist/builtin-openclaw-q1hiFm14.mjs PREVIOUS_SUMMARY_REDISTILL_PREFIX. */
const PREVIOUS_SUMMARY_REDISTILL_PREFIX =
  'Previous compaction summary to re-distill with the current conversation. Prune stale, duplicate, or superseded details instead of preserving it verbatim.';
const TURN_PREFIX_INSTRUCTIONS =
  'This summary covers the prefix of a split turn. Focus on the original request, early progress, and any details needed to understand the retained suffix.';
const SUMMARY_PREFIX = 'The conversation history before this point was compacted into the following summary:\n\n<summary>\n';
const SUMMARY_SUFFIX = '\n</summary>';

/**
 * `agents.defaults.compaction` as the profile resolves it. 2026.2.26: mode `safeguard`
 * unless set (only within an `agents.defaults` block, as `applyCompactionDefaults`
 * does), reserve `max(reserveTokens ?? 16,384, reserveTokensFloor ?? 20,000)`.
 * 2026.9.6 always has an `agents.defaults` block (`applyAgentDefaults`) and retired
 * both reserve keys ("built-in defaults now apply"): its reserve is the 20,000 floor.
 */
export function compactionSettings(config: OpenClawConfig, behaviour: Pick<CompactionBehaviour, 'reserveFromConfig'>): CompactionSettings {
  const defaults = config.agents?.defaults;
  const raw = (defaults?.compaction ?? {}) as Record<string, unknown>;
  const count = (value: unknown, positive: boolean) =>
    typeof value === 'number' && Number.isFinite(value) && (positive ? value > 0 : value >= 0) ? Math.floor(value) : undefined;
  const defaultsBlock = defaults !== undefined || !behaviour.reserveFromConfig;
  const mode = raw['mode'] === 'safeguard' || (raw['mode'] === undefined && defaultsBlock) ? 'safeguard' : 'default';
  const floor = behaviour.reserveFromConfig ? (count(raw['reserveTokensFloor'], false) ?? RESERVE_TOKENS_FLOOR) : RESERVE_TOKENS_FLOOR;
  const reserve = behaviour.reserveFromConfig ? (count(raw['reserveTokens'], false) ?? PI_DEFAULT_RESERVE_TOKENS) : PI_DEFAULT_RESERVE_TOKENS;
  return {
    mode,
    reserveTokens: Math.max(reserve, floor),
    keepRecentTokens: count(raw['keepRecentTokens'], true) ?? KEEP_RECENT_TOKENS,
  };
}

/** A models.providers entry's window keys. */
export type ModelWindowEntry = { readonly contextWindow?: number | undefined; readonly contextTokens?: number | undefined };

/**
 * The window a compaction's threshold is measured against: the model's own contextWindow (the
 * entry's, else `fallbackWindowTokens`), as pi's check reads it from the session's model. 2026.2.26
 * passes the entry unchanged; 2026.9.6 lowers it to the entry's own `contextTokens`
 * (the version profiles in profiles/ cite both). `agents.defaults.contextTokens` never reaches it
 * (docs/design-notes.md, "The compaction window is the model's").
 */
export function compactionWindow(entry: ModelWindowEntry | undefined, fallbackWindowTokens: number, behaviour: Pick<CompactionBehaviour, 'thresholdWindow'>): number {
  const window = entry?.contextWindow ?? fallbackWindowTokens;
  const cap = behaviour.thresholdWindow === 'model-capped-per-model' ? entry?.contextTokens : undefined;
  return cap !== undefined && cap < window ? cap : window;
}

/** pi's `shouldCompact`: context tokens above the window less the reserve. */
export function overThreshold(contextTokens: number, windowTokens: number, settings: CompactionSettings): boolean {
  return contextTokens > windowTokens - settings.reserveTokens;
}

export type CompactionPlan = {
  /** Entries before the turn that holds the cut (the previous summary excluded). */
  readonly toSummarize: readonly TranscriptEntry[];
  /** A split turn's entries before the cut, summarised on their own. */
  readonly turnPrefix: readonly TranscriptEntry[];
  readonly previousSummary: string | undefined;
  /** The first entry kept. */
  readonly keepFrom: number;
};

/**
 * pi's `prepareCompaction` + `findCutPoint`: walk back from the newest entry
 * until `keepRecentTokens` are kept, then cut at the nearest user or assistant
 * message at or after that point. Only entries from the boundary on count
 * (`CompactionBehaviour.summarizeFrom`); undefined when there are none (pi:
 * the last entry is the compaction itself). A cut at the boundary plans
 * nothing to summarise — pi still prepares it, and the safeguard then cancels
 * ("no real conversation messages to summarize"); observed on 2026.2.26 in
 * test/golden/openclaw-2026.2.26/compaction-model-window.json, turns 3 and 4.
 */
export function planCompaction(transcript: Transcript, settings: CompactionSettings, behaviour: CompactionBehaviour): CompactionPlan | undefined {
  const entries = transcript.entries;
  const previous = transcript.compactionSummary;
  const hasPrevious = previous !== undefined && entries[0] === previous.entry;
  // 2026.2.26, pi-coding-agent 0.55.1 core/compaction/compaction.js prepareCompaction: boundaryStart =
  // prevCompactionIndex + 1. 2026.9.6, dist/compaction-CAzwgOuQ.mjs prepareCompaction: boundaryStart =
  // the previous compaction's firstKeptEntryIndex.
  const start = !hasPrevious ? 0 : behaviour.summarizeFrom === 'appended-since-compaction' ? previous.appendedFrom : 1;
  if (start >= entries.length) return undefined;
  const cutPoints: number[] = [];
  for (let i = start; i < entries.length; i++) if (entries[i]!.role !== 'toolResult') cutPoints.push(i);
  // findCutPoint: no valid cut point keeps everything from the boundary on.
  let cut = cutPoints[0] ?? start;
  let kept = 0;
  for (let i = entries.length - 1; i >= start; i--) {
    kept += tokensOfChars(entries[i]!.text.length);
    if (kept >= settings.keepRecentTokens) {
      cut = cutPoints.find((point) => point >= i) ?? cut;
      break;
    }
  }
  let turnStart = cut;
  if (entries[cut]!.role !== 'user') while (turnStart > start && entries[turnStart]!.role !== 'user') turnStart--;
  const split = entries[cut]!.role !== 'user' && entries[turnStart]!.role === 'user';
  return {
    toSummarize: entries.slice(start, split ? turnStart : cut),
    turnPrefix: split ? entries.slice(turnStart, cut) : [],
    previousSummary: hasPrevious ? previous.summary : undefined,
    keepFrom: cut,
  };
}

type SummaryRequest = { readonly system: string; readonly messages: readonly ChatMessage[]; readonly maxOutputTokens: number };

/** One summarisation request to the run's model: its text, or a rejection when the call failed. */
export type SummaryCall = (request: SummaryRequest) => Promise<string>;

export type CompactionDeps = {
  readonly clock: Clock;
  readonly jitter: Prng;
  readonly call: SummaryCall;
  /** OpenClaw's warning when a summary pass failed ("Full summarization failed…"). */
  readonly onPassFailed?: (pass: 'full' | 'partial', error: unknown) => void;
};

export type CompactionOptions = {
  readonly settings: CompactionSettings;
  readonly behaviour: CompactionBehaviour;
  /** The window the safeguard sizes its chunks by: the model's, capped by `agents.defaults.contextTokens`. */
  readonly windowTokens: number;
  /** The model's configured maxTokens, if any. */
  readonly modelMaxTokens: number | undefined;
};

export type CompactionOutcome =
  | { readonly kind: 'compacted'; readonly summary: string; readonly summarized: number }
  | { readonly kind: 'cancelled'; readonly reason: string };

/** Runs the summary calls and, unless the compaction is cancelled, replaces the summarised entries by the summary. */
export async function compactTranscript(transcript: Transcript, plan: CompactionPlan, options: CompactionOptions, deps: CompactionDeps): Promise<CompactionOutcome> {
  if (plan.toSummarize.length === 0) {
    // The safeguard's first check ("no real conversation messages to summarize").
    return { kind: 'cancelled', reason: 'no real conversation messages to summarize' };
  }
  let summary: string;
  try {
    summary = options.settings.mode === 'safeguard' ? await safeguardSummary(plan, options, deps) : await piSummary(plan, options, deps);
  } catch (error) {
    return { kind: 'cancelled', reason: error instanceof Error ? error.message : String(error) };
  }
  const entry: TranscriptEntry = { role: 'user', text: `${SUMMARY_PREFIX}${summary}${SUMMARY_SUFFIX}` };
  transcript.entries.splice(0, plan.keepFrom, entry);
  // Everything left is the kept tail; what the next turns append comes after the compaction entry.
  transcript.compactionSummary = { entry, summary, appendedFrom: transcript.entries.length };
  return { kind: 'compacted', summary, summarized: plan.keepFrom };
}

type Stage = {
  readonly maxChunkTokens: number;
  readonly maxOutputTokens: number;
  readonly prompts: Prompts;
  readonly options: CompactionOptions;
  readonly deps: CompactionDeps;
};

/** The `compaction-safeguard` extension's summary. */
async function safeguardSummary(plan: CompactionPlan, options: CompactionOptions, deps: CompactionDeps): Promise<string> {
  const ratio = adaptiveChunkRatio([...plan.toSummarize, ...plan.turnPrefix], options.windowTokens);
  const stage: Stage = {
    maxChunkTokens: Math.max(1, Math.floor(options.windowTokens * ratio) - SUMMARIZATION_OVERHEAD_TOKENS),
    maxOutputTokens: maxOutputTokens(options),
    prompts: prompts(options.behaviour.safeguardPromptChars),
    options,
    deps,
  };
  // 2026.9.6 summarizeViaLLM → prependPreviousSummaryForRedistill: the previous summary is the history's first message
  // (the chunk ratio above is still measured without it) and the calls start with no summary so far.
  const previous = plan.previousSummary?.trim();
  const redistill = options.behaviour.previousSummary === 'redistill-message' && previous !== undefined && previous !== '';
  const history: readonly TranscriptEntry[] = redistill
    ? [{ role: 'user', text: `<previous-compaction-summary>\n${PREVIOUS_SUMMARY_REDISTILL_PREFIX}\n\n${previous}\n</previous-compaction-summary>` }, ...plan.toSummarize]
    : plan.toSummarize;
  let summary = await summarizeInStages(stage, history, redistill ? undefined : plan.previousSummary, undefined);
  if (plan.turnPrefix.length > 0) {
    summary += `\n\n---\n\n**Turn Context (split turn):**\n\n${await summarizeInStages(stage, plan.turnPrefix, undefined, TURN_PREFIX_INSTRUCTIONS)}`;
  }
  return summary;
}

/** pi's own `compact()` (a mode other than `safeguard`): one call, plus one for a split turn's prefix; a failure cancels. */
async function piSummary(plan: CompactionPlan, options: CompactionOptions, deps: CompactionDeps): Promise<string> {
  const history = deps.call(summaryRequest(plan.toSummarize, plan.previousSummary, undefined, maxOutputTokens(options)));
  if (plan.turnPrefix.length === 0) return history;
  const prefix = deps.call({
    system: SYSTEM_PROMPT,
    messages: [{ role: 'user', text: `${conversation(plan.turnPrefix)}${TURN_PREFIX_PROMPT}` }],
    maxOutputTokens: Math.floor(0.5 * options.settings.reserveTokens),
  });
  const [historyText, prefixText] = await Promise.all([history, prefix]);
  return `${historyText}\n\n---\n\n**Turn Context (split turn):**\n\n${prefixText}`;
}

async function summarizeInStages(stage: Stage, entries: readonly TranscriptEntry[], previous: string | undefined, focus: string | undefined): Promise<string> {
  if (entries.length === 0) return previous ?? 'No prior history.';
  if (entries.length < MIN_MESSAGES_FOR_SPLIT || tokensOf(entries) <= stage.maxChunkTokens) return summarizeWithFallback(stage, entries, previous, focus);
  const halves = splitByTokenShare(entries, 2);
  if (halves.length <= 1) return summarizeWithFallback(stage, entries, previous, focus);
  const partials: TranscriptEntry[] = [];
  for (const half of halves) partials.push({ role: 'user', text: await summarizeWithFallback(stage, half, undefined, focus) });
  const labelled = stage.options.behaviour.mergeRequest === 'labelled-chunks';
  if (labelled) {
    // 2026.9.6 summarizeInStages: each partial under its chunk's label (message timestamps, which the simulated
    // transcript does not keep, would add a " [… UTC]" range).
    for (const [index, partial] of partials.entries()) {
      const label = index === 0 ? '[Chunk 1 — oldest messages]' : index === partials.length - 1 ? `[Chunk ${partials.length} — most recent messages]` : `[Chunk ${index + 1}/${partials.length}]`;
      partials[index] = { role: 'user', text: `${label}\n${partial.text}` };
    }
  }
  const instructions = labelled ? MERGE_INSTRUCTIONS_2026_9 : MERGE_INSTRUCTIONS;
  const merge = focus === undefined ? instructions : `${instructions}\n\n${labelled ? '' : 'Additional focus:\n'}${focus}`;
  return summarizeWithFallback(stage, partials, previous, merge);
}

/** 2026.9.6: a pass that failed after some chunks keeps what they summarised. */
class PartialSummaryError extends Error {
  readonly partialSummary: string;

  constructor(cause: unknown, partialSummary: string) {
    super('partial summarization failure', { cause });
    this.partialSummary = partialSummary;
  }
}

async function summarizeWithFallback(stage: Stage, entries: readonly TranscriptEntry[], previous: string | undefined, focus: string | undefined): Promise<string> {
  const { behaviour, windowTokens } = stage.options;
  let partial: string | undefined;
  try {
    return await summarizeChunks(stage, entries, previous, focus);
  } catch (error) {
    stage.deps.onPassFailed?.('full', error);
    if (error instanceof PartialSummaryError) partial = error.partialSummary;
  }
  const oversized = (entry: TranscriptEntry) => tokensOf([entry]) * SAFETY_MARGIN > windowTokens * 0.5;
  const small = entries.filter((entry) => !oversized(entry));
  const notes = entries.filter(oversized).map((entry) => `[Large ${entry.role} (~${Math.round(tokensOf([entry]) / 1_000)}K tokens) omitted from summary]`);
  const suffix = notes.length > 0 ? `\n\n${notes.join('\n')}` : '';
  if (small.length > 0 && (!behaviour.partialPassNeedsOversized || small.length !== entries.length)) {
    try {
      return (await summarizeChunks(stage, small, previous, focus)) + suffix;
    } catch (error) {
      stage.deps.onPassFailed?.('partial', error);
      if (error instanceof PartialSummaryError) partial = error.partialSummary + suffix;
    }
  }
  if (behaviour.onSummaryFailure === 'cancel') {
    if (partial !== undefined) return partial;
    throw new Error(`All summarization attempts failed for ${entries.length} messages.`);
  }
  return `Context contained ${entries.length} messages (${notes.length} oversized). Summary unavailable due to size limits.`;
}

async function summarizeChunks(stage: Stage, entries: readonly TranscriptEntry[], previous: string | undefined, focus: string | undefined): Promise<string> {
  const chunks = chunkByMaxTokens(entries, stage.maxChunkTokens);
  let summary = previous;
  for (const [done, chunk] of chunks.entries()) {
    const before = summary;
    try {
      summary = await withRetries(() => stage.deps.call(summaryRequest(chunk, before, focus, stage.maxOutputTokens, stage.prompts)), stage.deps);
    } catch (error) {
      if (stage.options.behaviour.onSummaryFailure === 'cancel' && done > 0 && before !== undefined) {
        const note = `[Partial summary: chunks 1-${done} of ${chunks.length} were summarized. Chunks ${done + 1}-${chunks.length} could not be processed.]`;
        throw new PartialSummaryError(error, `${before}\n\n${note}`);
      }
      throw error;
    }
  }
  return summary ?? 'No prior history.';
}

/** pi's `generateSummary` request. */
function summaryRequest(
  chunk: readonly TranscriptEntry[],
  previous: string | undefined,
  focus: string | undefined,
  maxOutputTokens: number,
  texts: Prompts = PI_PROMPTS,
): SummaryRequest {
  const prompt = `${previous === undefined ? texts.summarize : texts.update}${focus === undefined ? '' : `\n\nAdditional focus: ${focus}`}`;
  const previousBlock = previous === undefined ? '' : `<previous-summary>\n${previous}\n</previous-summary>\n\n`;
  return { system: texts.system, messages: [{ role: 'user', text: `${conversation(chunk)}${previousBlock}${prompt}` }], maxOutputTokens };
}

function conversation(entries: readonly TranscriptEntry[]): string {
  return `<conversation>\n${entries.map(serialize).join('\n\n')}\n</conversation>\n\n`;
}

function maxOutputTokens(options: CompactionOptions): number {
  const max = Math.floor(0.8 * options.settings.reserveTokens);
  const modelMax = options.modelMaxTokens;
  return options.behaviour.capOutputAtModelMax && modelMax !== undefined && modelMax > 0 ? Math.min(max, modelMax) : max;
}

/** OpenClaw's retryAsync: `attempts` tries, min·2^(n−1) apart, ±jitter, clamped to [min, max]. */
async function withRetries(attempt: () => Promise<string>, deps: CompactionDeps): Promise<string> {
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (tried >= RETRY.attempts) throw error;
      const baseMs = Math.min(RETRY.minDelayMs * 2 ** (tried - 1), RETRY.maxDelayMs);
      const jitteredMs = Math.max(0, Math.round(baseMs * (1 + (deps.jitter.float() * 2 - 1) * RETRY.jitter)));
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
