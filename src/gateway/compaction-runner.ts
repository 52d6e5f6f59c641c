/**
 * When a session compacts and on which model, wired to the router and the gateway log:
 * pi's checks (before a prompt; after a run where the version has that check), the threshold and
 * chunk windows, and the summary requests as model calls of their own, recorded as `compaction_*`
 * decisions. compaction.ts plans and summarises; this decides when, and makes the calls.
 */
import type { Clock } from '../clock/clock.ts';
import type { Prng } from '../clock/prng.ts';
import type { OpenClawConfig } from '../config/schema.ts';
import { compactionSettings, compactionWindow, compactTranscript, overThreshold, planCompaction, type CompactionBehaviour, type SummaryCall } from './compaction.ts';
import { transcriptChars, type Transcript } from './context.ts';
import type { RunOrigin } from './run-origin.ts';
import type { GatewayLog } from './log.ts';
import { ProviderError } from './providers/provider-error.ts';
import { classify, type ModelRouter, type TurnOutcome } from './router/index.ts';
import { configuredModel, type ModelRefRules } from '../config/model-ref.ts';
import { tokensOfChars } from './tokens.ts';

export type Compactor = {
  /** pi's check before a prompt, on what the session's last call carried. */
  compactBeforePrompt(transcript: Transcript, modelRef: string, system: string, origin: RunOrigin): Promise<void>;
  /** pi's check at `agent_end`, on the run's last call (versions with `checkAfterRun`). */
  compactAfterRun(transcript: Transcript, outcome: TurnOutcome & { kind: 'reply' }, origin: RunOrigin): Promise<void>;
  /** The window a model's sessions compact against (compaction.ts `compactionWindow`). */
  thresholdWindowOf(modelRef: string): number;
};

export type CompactorDeps = {
  readonly config: OpenClawConfig;
  /** The version profile's `compaction` and `modelRefs`. */
  readonly compaction: CompactionBehaviour;
  readonly modelRefs: ModelRefRules;
  /** `agents.defaults.contextTokens`: sizes summary chunks in 2026.2, nothing more. */
  readonly contextTokensCap: number | null;
  readonly defaultContextWindowTokens: number;
  readonly clock: Clock;
  readonly rng: Prng;
  readonly router: ModelRouter;
  readonly log: GatewayLog;
  readonly stats: { compactions: number };
  /** The gateway's run ids (`user-3`), shared with its turns. */
  nextRunId(origin: RunOrigin): string;
  /** A compaction replaced history (the memory flush opens a new cycle). */
  onCompacted(transcript: Transcript): void;
};

export function createCompactor(deps: CompactorDeps): Compactor {
  const { config, contextTokensCap } = deps;
  const compactionBehaviour = deps.compaction;
  const compaction = compactionSettings(config, compactionBehaviour);
  const jitter = deps.rng.fork('compaction-retry-jitter');
  return { compactBeforePrompt, compactAfterRun, thresholdWindowOf };

  /**
   * pi's check before a prompt, on the last assistant message's usage: system prompt + transcript is
   * what that call carried. Only a session whose last run passed the threshold without compacting
   * (one preloaded that large, or a compaction cancelled) compacts here.
   */
  async function compactBeforePrompt(transcript: Transcript, modelRef: string, system: string, origin: RunOrigin): Promise<void> {
    if (!transcript.entries.some((entry) => entry.role === 'assistant')) return;
    await compactIfOver(transcript, modelRef, tokensOfChars(system.length + transcriptChars(transcript)), origin, 'before prompt');
  }

  /** pi's check at `agent_end` (2026.2 only): the run's last call, input and output, on the model that answered it. */
  async function compactAfterRun(transcript: Transcript, outcome: TurnOutcome & { kind: 'reply' }, origin: RunOrigin): Promise<void> {
    if (!compactionBehaviour.checkAfterRun) return;
    const usage = outcome.reply.usage;
    await compactIfOver(transcript, outcome.modelRef, usage.inputTokens + usage.outputTokens, origin, 'after run');
  }

  async function compactIfOver(transcript: Transcript, modelRef: string, contextTokens: number, origin: RunOrigin, when: string): Promise<void> {
    // pi's threshold is the model's own window (capped per model in 2026.9), never agents.defaults.contextTokens.
    const windowTokens = thresholdWindowOf(modelRef);
    if (!overThreshold(contextTokens, windowTokens, compaction)) return;
    const plan = planCompaction(transcript, compaction, compactionBehaviour);
    if (plan === undefined) return;
    if (plan.toSummarize.length === 0) {
      // The safeguard's first check cancels before any call (dist/pi-embedded-CQnl8oWA.js
      // compactionSafeguardExtension: no user/assistant/toolResult message in messagesToSummarize), with this
      // warning — observed after a run and before the next prompt in compaction-model-window, turns 3 and 4.
      // Not modelled: pi's `default` mode, which would summarise the empty history in a call of its own.
      if (compaction.mode === 'safeguard') deps.log.write('warn', 'compaction-safeguard', 'Compaction safeguard: cancelling compaction with no real conversation messages to summarize.');
      return;
    }
    deps.stats.compactions++;
    const runId = deps.nextRunId(origin);
    const decisions = deps.router.decisions;
    decisions.record({
      runId,
      decision: 'compaction_start',
      modelRef,
      detail: `${when}: ${contextTokens} tokens > ${windowTokens} − ${compaction.reserveTokens}; summarising ${plan.toSummarize.length + plan.turnPrefix.length} of ${transcript.entries.length} entries`,
    });
    let calls = 0;
    // One completeSimple call on the run's model: the provider SDK's retries beneath, no failover, no cooldowns.
    const call: SummaryCall = async (request) => {
      const number = ++calls;
      let text: string;
      try {
        const reply = await deps.router.callModel(modelRef, { ...request, stream: true });
        decisions.record({ runId, decision: 'compaction_call', modelRef, detail: `summary call ${number}: ${reply.usage.inputTokens} tokens in, ${reply.usage.outputTokens} out`, httpRequests: reply.httpRequests });
        text = reply.text;
      } catch (error) {
        if (!(error instanceof Error)) throw error;
        const provider = error instanceof ProviderError ? error : undefined;
        decisions.record({
          runId,
          decision: 'compaction_call',
          modelRef,
          reason: provider === undefined ? null : classify(provider),
          detail: `summary call ${number} failed`,
          raw: error.message,
          ...(provider === undefined ? {} : { httpRequests: provider.httpRequests }),
        });
        // pi-ai hands the error back as the reply's errorMessage; generateSummary throws with it.
        throw new Error(`Summarization failed: ${error.message}`);
      }
      if (compactionBehaviour.emptySummaryFails && text.trim() === '') throw new Error('Summarization failed: model returned no summary text');
      return text;
    };
    const outcome = await compactTranscript(
      transcript,
      plan,
      { settings: compaction, behaviour: compactionBehaviour, windowTokens: chunkWindowOf(modelRef), modelMaxTokens: configuredModel(config, modelRef, deps.modelRefs)?.maxTokens },
      {
        clock: deps.clock,
        jitter,
        call,
        onPassFailed: (pass, error) => decisions.record({ runId, decision: 'compaction_pass_failed', modelRef, pass, detail: error instanceof Error ? error.message : String(error) }),
      },
    );
    if (outcome.kind === 'compacted') deps.onCompacted(transcript);
    decisions.record({
      runId,
      decision: 'compaction_end',
      modelRef,
      detail: outcome.kind === 'compacted' ? `compacted: ${outcome.summarized} entries into a ${outcome.summary.length}-char summary in ${calls} call(s)` : `cancelled: ${outcome.reason}`,
    });
  }

  /** The window a compaction's threshold is measured against (compaction.ts `compactionWindow`). */
  function thresholdWindowOf(modelRef: string): number {
    return compactionWindow(configuredModel(config, modelRef, deps.modelRefs), deps.defaultContextWindowTokens, compactionBehaviour);
  }

  /**
   * The window the safeguard sizes summary chunks by. 2026.2.26: the threshold window capped by
   * `agents.defaults.contextTokens` (`resolveContextWindowInfo`, source "agentContextTokens") —
   * the one thing that cap does to compaction.
   */
  function chunkWindowOf(modelRef: string): number {
    const window = thresholdWindowOf(modelRef);
    if (compactionBehaviour.chunkWindowCap === 'none') return window;
    return contextTokensCap !== null && contextTokensCap < window ? contextTokensCap : window;
  }
}
