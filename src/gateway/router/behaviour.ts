/**
 * How a pinned OpenClaw version routes a turn, as data. Each field cites the
 * run that observed it (openclaw-2026-2-run.md, openclaw-run.md) or the
 * reference section it follows where the runs left it unobserved
 * (reference/openclaw.md). The golden traces of the real gateways (issue #5)
 * are the oracle these values answer to.
 */
import type { GatewayProfile } from '../../config/runtime-defaults.ts';
import type { CompactionBehaviour } from '../compaction.ts';
import type { MemoryFlushBehaviour } from '../memory-flush.ts';
import type { ReplyTrim } from '../reply-text.ts';
import type { TransientRetryPolicy } from './transient-retry.ts';

export type SameModelRetry =
  /**
   * 2026.2: pi-coding-agent's AgentSession auto-retry (openclaw-2026-2-run.md §4 [src]): up to
   * `maxRetries` more attempts of the same model, `baseDelayMs · 2^(n−1)` apart (2 s, 4 s, 8 s),
   * only when the error text matches `pattern`; a provider's retry hint is ignored.
   */
  | { readonly kind: 'pattern-backoff'; readonly maxRetries: number; readonly baseDelayMs: number; readonly maxDelayMs: number; readonly pattern: RegExp }
  /** 2026.9: OpenClaw's own transient same-model retry and empty-error resubmits (transient-retry.ts). */
  | TransientRetryPolicy;

export type Behaviour = {
  readonly profile: GatewayProfile;
  /** Whether the OpenAI/Anthropic SDKs' own 2 retries run beneath the gateway. */
  readonly sdkRetries: boolean;
  readonly sameModelRetry: SameModelRetry;
  /** Successive cooldowns of an auth profile after failures; the last repeats. */
  readonly cooldownStepsMs: readonly number[];
  /** Rate-limit cooldowns apply to the failing model only (2026.9) or the whole profile (2026.2). */
  readonly rateLimitCooldownScope: 'model' | 'profile';
  /** §4.2 step 7: a transient HTTP error before any reply retries the whole chain once after this delay. */
  readonly transientChainRetryDelayMs: number;
  /** Telegram gets "↪️ Model Fallback: …" before a fallback's reply (2026.9 [obs]). */
  readonly fallbackNotices: boolean;
  /**
   * What a broken stream is. `reply-or-surface` (2026.2, pi-ai [obs openclaw-2026-2-run.md §4]): a
   * stream without a finish reason is an empty reply, a reset surfaces "terminated", an error
   * finish reason surfaces "An unknown error occurred". `transient` (2026.9 [obs] empty-stream,
   * reset-mid-stream, flash-429-pro-malformed-function-call): a Gemini stream without a finish
   * reason and a reset are timeouts (retried, then failed over); an error finish reason is
   * unclassified, resubmitted at once, then failed over as `unknown`.
   */
  readonly streamFaults: 'reply-or-surface' | 'transient';
  /** What compaction does when its summary calls fail, and how large a summary may be (compaction.ts). */
  readonly compaction: CompactionBehaviour;
  /** The pre-compaction memory flush after a delivered reply (memory-flush.ts), or none. */
  readonly memoryFlush: MemoryFlushBehaviour | null;
  /** How a reply's text is trimmed before delivery; the transcript keeps it untrimmed (reply-text.ts). */
  readonly replyTrim: ReplyTrim;
};

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

export const BEHAVIOURS: Readonly<Record<GatewayProfile, Behaviour>> = {
  '2026.2': {
    profile: '2026.2',
    sdkRetries: true, // [obs] 12 requests to an OpenAI fallback = 4 attempts × (1 + 2 SDK retries)
    sameModelRetry: {
      kind: 'pattern-backoff',
      maxRetries: 3,
      baseDelayMs: 2 * SECOND,
      maxDelayMs: 60 * SECOND,
      // [src] pi-coding-agent's pattern; the reference elides part of it ("…"), so only the listed terms are here.
      pattern: /overloaded|rate.?limit|too many requests|429|500|502|503|504|service.?unavailable|terminated|retry delay/i,
    },
    cooldownStepsMs: [1 * MINUTE, 5 * MINUTE, 25 * MINUTE, 60 * MINUTE], // [doc] concepts/model-failover.md of 2026.2.26
    rateLimitCooldownScope: 'profile',
    transientChainRetryDelayMs: 2_500, // reference §4.2 (v4.12); unobserved on 2026.2.26
    fallbackNotices: false, // [obs] "no fallback notice to the user"
    streamFaults: 'reply-or-surface',
    // [src] dist/pi-embedded-CQnl8oWA.js src/agents/compaction.ts summarizeWithFallback: a second pass without
    // oversized messages whatever their count, then "Summary unavailable due to size limits" as the summary;
    // pi-coding-agent 0.55.1 generateSummary: maxTokens floor(0.8 × reserveTokens), uncapped.
    // [src]+[obs] pi-coding-agent 0.55.1 _checkCompaction: `this.model.contextWindow`, the models.providers entry as
    // resolveModel returns it, nothing capping it; agents.defaults.contextTokens reaches only resolveContextWindowInfo
    // (guard, overflow recovery, safeguard chunks, status). Observed: a 1M-window model with contextTokens 40,000
    // sent 39,399 tokens and did not compact.
    compaction: {
      onSummaryFailure: 'fallback-text',
      partialPassNeedsOversized: false,
      capOutputAtModelMax: false,
      emptySummaryFails: false,
      thresholdWindow: 'model',
      chunkWindowCap: 'agents-defaults-context-tokens',
      // [src] pi-coding-agent 0.55.1 core/compaction/compaction.js prepareCompaction: boundaryStart = prevCompactionIndex + 1.
      // [obs] compaction-model-window.json: turn 3 (23,212 tokens) cancels "no real conversation messages", turn 4's
      // summary carries turn 3 only (8,584 tokens in) and turn 2's kept message drops out.
      summarizeFrom: 'appended-since-compaction',
      // [src] dist/pi-embedded-CQnl8oWA.js applyPiCompactionSettingsFromConfig: max(reserveTokens ?? 16384, reserveTokensFloor ?? 20000).
      reserveFromConfig: true,
      // [src] pi-coding-agent 0.55.1 agent-session.js _checkCompaction on agent_end. [obs] compaction-model-window.json:
      // the summary calls follow turn 2's reply.
      checkAfterRun: true,
      // [src] dist/pi-embedded-CQnl8oWA.js src/agents/compaction.ts summarizeChunks: the summary so far starts at
      // params.previousSummary (pi's <previous-summary> block); MERGE_SUMMARIES_INSTRUCTIONS is one line over the
      // halves' bare summaries. pi-coding-agent 0.55.1 SUMMARIZATION_SYSTEM_PROMPT / SUMMARIZATION_PROMPT /
      // UPDATE_SUMMARIZATION_PROMPT: 317, 879, 1,257 characters.
      previousSummary: 'update-block',
      mergeRequest: 'plain',
      safeguardPromptChars: { system: 317, summarize: 879, update: 1_257 },
    },
    // [src] reply-Deht_wOB.js runMemoryFlushIfNeeded: 2026.2.26 has a flush too (on by default, before the run, at
    // window − reserveTokensFloor − 4,000 on the entry's fresh totalTokens, window from the configured models), but
    // every compaction marks totalTokens stale (totalTokensFresh: false) and a run past window − reserve compacts
    // after it, so it can fire only after a run that ended between the two thresholds without compacting.
    // [obs] compaction-model-window.json: no flush (sessions.json after the run: totalTokensFresh false,
    // compactionCount 3). Not modelled.
    memoryFlush: null,
    // [src] dist/image-BaNRoyvf.js extractAssistantText (each text block .trim()); dist/pi-embedded-CQnl8oWA.js
    // handleMessageEnd and buildEmbeddedRunPayloads (item.text.trim()). No 2026.2.26 golden reply ends in a blank.
    replyTrim: 'trim',
  },
  '2026.9': {
    profile: '2026.9',
    sdkRetries: false, // [obs] "There are no SDK-level retries: 1 HTTP request per attempt"
    // [src] dist/embedded-agent-BaH7wGBd.mjs failover-retry-controller.ts: MAX_TRANSIENT_RETRIES 8, "n/9" for rate
    // limits, MAX_TRANSIENT_RETRY_TIME_MS 90 s, 1 s → 30 s; retry.provider.maxRetryDelayMs 60 s [doc concepts/retry.md];
    // assistant-failure.ts MAX_EMPTY_ERROR_RETRIES 3. [obs] empty-stream.json "transient same-model retry 1/8 … delayMs=742".
    sameModelRetry: {
      kind: 'transient-retry',
      maxRetries: 8,
      rateLimitMaxRetries: 9,
      windowMs: 90 * SECOND,
      baseDelayMs: 1 * SECOND,
      maxDelayMs: 30 * SECOND,
      maxRetryDelayMs: 60 * SECOND,
      emptyErrorRetries: 3,
    },
    cooldownStepsMs: [30 * SECOND, 1 * MINUTE, 5 * MINUTE], // reference §4.4 (PR #49834); unobserved on 2026.9.6
    rateLimitCooldownScope: 'model',
    transientChainRetryDelayMs: 2_500,
    fallbackNotices: true,
    streamFaults: 'transient',
    // [src] dist/builtin-openclaw-q1hiFm14.mjs summarizeWithFallback: the second pass only when some message is
    // oversized, then CompactionError, and the safeguard cancels ("cancelling compaction to preserve history");
    // dist/compaction-CAzwgOuQ.mjs generateSummary: maxTokens min(floor(0.8 × reserve), model.maxTokens), and a
    // reply without text is an error ("model returned no summary text").
    // [src] dist/setup-B7DuERIi.mjs resolveEffectiveRuntimeModel: "configured context caps are reflected in
    // effectiveModel.contextWindow" — min(contextWindow, models.providers.*.models[].contextTokens); and
    // io.snapshot-preparation-B6fMdY05.mjs deletes agents.defaults.contextTokens at load ("cannot be represented per model").
    compaction: {
      onSummaryFailure: 'cancel',
      partialPassNeedsOversized: true,
      capOutputAtModelMax: true,
      emptySummaryFails: true,
      thresholdWindow: 'model-capped-per-model',
      chunkWindowCap: 'none',
      // [src] dist/compaction-CAzwgOuQ.mjs prepareCompaction: boundaryStart = the previous compaction's firstKeptEntryIndex.
      summarizeFrom: 'previous-kept-tail',
      // [src] dist/legacy-Dc3ci2cN.mjs retires compaction.reserveTokens/reserveTokensFloor ("built-in defaults now apply");
      // openclaw-runtime-agent-BiGnNm91.mjs DEFAULT_AGENT_COMPACTION_RESERVE_TOKENS_FLOOR = 2e4.
      reserveFromConfig: false,
      // [src] openclaw-runtime-agent-BiGnNm91.mjs shouldDisableAgentAutoCompaction + builtin-openclaw-q1hiFm14.mjs
      // setCompactionEnabled(false): `safeguard` mode (the default) turns pi's after-run check off;
      // agent-runner-memory-DnzQbIgI.mjs runSessionCompactionIfNeeded compacts before the prompt once the session's
      // tokens reach contextWindow − reserveTokensFloor (resolveCompactionThreshold). [obs] compaction-model-window.json
      // (re-recorded 2026-11-25): turn 2 (19,691 tokens before it) does not compact; turns 3 and 4 make their summary
      // calls before the prompt.
      checkAfterRun: false,
      // [src] dist/builtin-openclaw-q1hiFm14.mjs summarizeViaLLM → prependPreviousSummaryForRedistill: the previous
      // summary goes in as the first user message ("<previous-compaction-summary>\nPrevious compaction summary to
      // re-distill …") with previousSummary undefined, then summarizeInStages (buildStageSplitPlan: ≥ 4 messages and
      // over maxChunkTokens splits in two by token share) / summarizeChunks (chunks of maxChunkTokens / 1.2; the chunk
      // ratio is computed over messagesToSummarize + turnPrefixMessages, without that message). Merge: partials
      // labelled "[Chunk 1 — oldest messages]" … under the MUST PRESERVE MERGE_SUMMARIES_INSTRUCTIONS. Prompts:
      // compaction-CAzwgOuQ.mjs SUMMARIZATION_SYSTEM_PROMPT (764 chars); generateSummary with summaryPrompt
      // `custom` = buildCompactionStructureInstructions (strict identifier policy) + "\n\nAdditional focus: " +
      // IDENTIFIER_PRESERVATION_INSTRUCTIONS = 714 chars, 883 with the "Update the previous summary …" line.
      // [obs] compaction-model-window.json turn 4: three chunks [previous summary] [turn 2's user message] [its reply]
      // — 1,186, 8,681, 718 tokens in.
      previousSummary: 'redistill-message',
      mergeRequest: 'labelled-chunks',
      safeguardPromptChars: { system: 764, summarize: 714, update: 883 },
    },
    // [src] run-CjhhEQ1q.mjs scheduleSessionMaintenance → agent-runner-memory-DnzQbIgI.mjs runMemoryFlushIfNeeded;
    // extensions/memory-core/index.js buildMemoryFlushPlan (DEFAULT_MEMORY_FLUSH_SOFT_TOKENS 4e3, reserve
    // DEFAULT_AGENT_COMPACTION_RESERVE_TOKENS_FLOOR 2e4 capped by agent-compaction-constants MAX_COMPACTION_RESERVE_RATIO .25);
    // recordMemoryFlushFailure MAX_FLUSH_FAILURES 3. [obs] compaction-model-window.json: one Flash request after the
    // reply in turns 2–4 (22,911, 23,634, 23,865 tokens in) = transcript + 27,116 characters of system prompt and
    // flush prompt; of those, 6,494 tokens are the memory run's own system prompt (turn 2, where nothing else is unknown).
    memoryFlush: { reserveTokensFloor: 20_000, maxReserveRatio: 0.25, softThresholdTokens: 4_000, maxFailures: 3, systemPromptTokens: 6_494 },
    // [src] dist/embedded-agent-utils-C9EyRsVl.mjs prepareEmbeddedAssistantTextForPhase (.trimEnd());
    // dist/payloads-_3FIIqYv.mjs buildEmbeddedRunPayloads → trimTextPreservingCode(text, "both").
    // [golden] compaction-model-window.json turn 4: 660 characters from the model ("…then you can "), 659 sent.
    replyTrim: 'trim-keeping-indented-code',
  },
};
