/**
 * One agent turn through the model chain, as OpenClaw routes it
 * (src/agents/model-fallback.ts and the embedded runner,
 * src/agents/pi-embedded-runner/run.ts, in OpenClaw 2026.4.12):
 *
 *   for each candidate (primary, then fallbacks in order):
 *     cooldown check → skip, or probe near expiry
 *     attempts on this model: SDK call (with SDK retries beneath, per version),
 *       same-model retries per the version, auth-profile rotation
 *     reply → done · unclassified error → its text is the reply · context overflow → stop
 *     failover reason → next candidate
 *   transient HTTP errors before any reply → the whole chain once more after 2.5 s
 *   all failed → `All models failed (N): …` and the version's text for the user
 *
 * Per version (its profile's `routing`): 2026.2 retries by pi-coding-agent's pattern and surfaces broken
 * streams; 2026.9 (openclaw@2026.9.6, read in its dist/) records each error as
 * its transport does (error-projection.ts), retries transient ones with
 * jittered backoff (transient-retry.ts), treats broken Gemini streams as
 * timeouts and resubmits unclassified ones (stream-faults.ts), and builds its
 * notice (fallback-reason.ts) and all-failed reply (failure-reply.ts) from
 * the failed attempts.
 *
 * Every decision goes to the decision log, with the lines the real
 * version writes for it.
 */
import { parseModelRef, type ModelRef, type ModelRefRules } from '../../config/model-ref.ts';
import type { Clock } from '../../clock/clock.ts';
import type { Prng } from '../../clock/prng.ts';
import type { ChatCall, ChatReply, ClientApi, ProviderClient } from '../providers/types.ts';
import { ProviderError } from '../providers/provider-error.ts';
import type { RoutingBehaviour } from './routing-behaviour.ts';
import { classify, type FailoverReason } from './classify.ts';
import type { Cooldowns } from './cooldowns.ts';
import type { DecisionLog } from './decision-log.ts';
import { rawErrorText, retryAfterSecondsOf } from './error-projection.ts';
import { allFailedReply as classifiedAllFailedReply, OVERLOADED_REPLY, unclassifiedFailureReply } from './failure-reply.ts';
import { fallbackReasonSummary } from './fallback-reason.ts';
import { retryAfterMsFromText } from './retry-evidence.ts';
import { incompleteStreamError, isTransportTimeout } from './stream-faults.ts';
import { assistantErrorCopy, redeliveredErrorText, textFailoverReason } from './assistant-error-text.ts';
import { agentFailedReply, CONTEXT_OVERFLOW_REPLY, fallbackNotice, fallbackSummary, type FailedAttempt } from './texts.ts';
import { createTransientRetry, type TransientRetry } from './transient-retry.ts';

type TurnRequest = {
  /** OpenClaw's runId: names the turn in log lines. */
  readonly runId: string;
  /** Primary first, then fallbacks, as `provider/model` refs. */
  readonly chain: readonly string[];
  /**
   * The request for a candidate. OpenClaw builds context per model call (pruning, for one, depends
   * on the provider), so the router asks for each candidate.
   */
  readonly callFor: (modelRef: string) => Omit<ChatCall, 'modelId' | 'maxOutputTokens'>;
};

export type TurnOutcome =
  | { readonly kind: 'reply'; readonly text: string; readonly modelRef: string; readonly notices: readonly string[]; readonly reply: ChatReply }
  /** An unclassified error, delivered as if it were the reply (OpenClaw's surface_error). */
  | { readonly kind: 'surfaced'; readonly text: string; readonly modelRef: string }
  | { readonly kind: 'failed'; readonly text: string; readonly summary: string; readonly attempts: readonly FailedAttempt[] };

export type RouterDeps = {
  readonly routing: RoutingBehaviour;
  /** How the version resolves a `provider/model` ref (config/model-ref.ts). */
  readonly modelRefs: ModelRefRules;
  readonly clock: Clock;
  readonly rng: Prng;
  /** The client for a provider, authenticated as one of its auth profiles (undefined: the inline key). */
  readonly clientFor: (providerId: string, authProfileId: string | undefined) => ProviderClient;
  /** Auth profiles per provider, in rotation order; providers without any use their inline key and no cooldowns. */
  readonly authProfiles: ReadonlyMap<string, readonly string[]>;
  readonly maxOutputTokens: (modelRef: string) => number | undefined;
  /** The model's context window where the gateway knows one (declared, or set by discovery). */
  readonly contextWindowTokens: (modelRef: string) => number | undefined;
  /** The version's `Unknown model: …` text for a candidate its model registry cannot resolve; undefined when it resolves. */
  readonly unknownModel: (modelRef: string) => string | undefined;
  readonly cooldowns: Cooldowns;
  readonly decisions: DecisionLog;
  /**
   * Where 2026.9's transient-retry jitter comes from (OpenClaw: Math.random), one stream per gateway;
   * default `rng.fork('transient-retry-jitter')`. The conformance harness passes the stream the
   * recorder seeded the real gateway's Math.random with (src/sut/seeded-random.ts).
   */
  readonly retryJitter?: Prng;
};

export type Router = { runTurn(request: TurnRequest): Promise<TurnOutcome> };

/** A primary in cooldown may be probed this close to expiry, at most this often (model-fallback.ts `resolveCooldownDecision`). */
const PROBE_MARGIN_MS = 2 * 60_000;
const MIN_PROBE_INTERVAL_MS = 30_000;
const TRANSIENT_HTTP_STATUSES = new Set([502, 520, 521, 522, 523, 524]);

export function createRouter(deps: RouterDeps): Router {
  const lastProbeMs = new Map<string, number>();
  const withJitter = { ...deps, retryJitter: deps.retryJitter ?? deps.rng.fork('transient-retry-jitter') };
  return { runTurn: (request) => runTurn(withJitter, lastProbeMs, request) };
}

type CandidateResult =
  | { kind: 'reply'; reply: ChatReply }
  | { kind: 'surfaced'; text: string }
  | { kind: 'stop'; failed: FailedAttempt }
  /** `authProfileFailure: false`: fail over without marking or rotating the auth profile (2026.9's exhausted empty-error retries). */
  | { kind: 'failover'; failed: FailedAttempt; transientHttp: boolean; authProfileFailure: boolean };

async function runTurn(deps: RouterDeps, lastProbeMs: Map<string, number>, request: TurnRequest): Promise<TurnOutcome> {
  const failed: FailedAttempt[] = [];
  const probedThisRun = new Set<string>();
  for (let pass = 0; pass < 2; pass++) {
    let allTransient = true;
    for (const [index, modelRef] of request.chain.entries()) {
      const skip = cooldownSkip(deps, lastProbeMs, probedThisRun, modelRef, index === 0);
      if (skip !== undefined) {
        failed.push(skip);
        allTransient = false;
        deps.decisions.record({ runId: request.runId, decision: 'skip_candidate', modelRef, reason: skip.reason, detail: skip.errorText });
        continue;
      }
      const result = await resolvedCandidate(deps, request, modelRef);
      if (result.kind === 'reply') return replied(deps, request, modelRef, result.reply, failed);
      if (result.kind === 'surfaced') {
        deps.decisions.record({ runId: request.runId, decision: 'surface_error', modelRef, detail: result.text });
        return { kind: 'surfaced', text: result.text, modelRef };
      }
      failed.push(result.failed);
      if (result.kind === 'stop') {
        deps.decisions.record({ runId: request.runId, decision: 'context_overflow', modelRef, reason: 'context_overflow' });
        return { kind: 'failed', text: CONTEXT_OVERFLOW_REPLY, summary: fallbackSummary(failed), attempts: failed };
      }
      allTransient &&= result.transientHttp;
      const next = request.chain[index + 1];
      deps.decisions.record({
        runId: request.runId,
        decision: 'candidate_failed',
        modelRef,
        reason: result.failed.reason,
        detail: result.failed.errorText,
        ...(next ? { next } : {}),
      });
    }
    if (pass > 0 || !allTransient || failed.length === 0) break;
    // Transient HTTP errors before any reply retry the whole chain once (agent-runner-execution.ts in OpenClaw 2026.4.12).
    deps.decisions.record({ runId: request.runId, decision: 'transient_chain_retry', modelRef: request.chain[0]!, detail: `${deps.routing.transientChainRetryDelayMs}ms` });
    await deps.clock.sleep(deps.routing.transientChainRetryDelayMs);
  }
  const summary = fallbackSummary(failed);
  deps.decisions.record({ runId: request.runId, decision: 'all_failed', modelRef: request.chain[0]!, detail: summary });
  return { kind: 'failed', text: failedText(deps, request, failed, summary), summary, attempts: failed };
}

/** The text for the user when every candidate failed, as the version words it. */
function failedText(deps: RouterDeps, request: TurnRequest, failed: readonly FailedAttempt[], summary: string): string {
  return ALL_FAILED_REPLIES[deps.routing.allFailedReply](deps, request, failed, summary);
}

/** 2026.9: the reasons whose copy a lone candidate's failure was seen (or read) to get. */
const LONE_CANDIDATE_CLASSIFIED: ReadonlySet<FailoverReason> = new Set(['billing', 'overloaded', 'model_not_found']);

type AllFailedReply = (deps: RouterDeps, request: TurnRequest, failed: readonly FailedAttempt[], summary: string) => string;

const ALL_FAILED_REPLIES: Readonly<Record<RoutingBehaviour['allFailedReply'], AllFailedReply>> = {
  // Without a fallback configured a failed reply's error copy is the reply (an error payload of buildEmbeddedRunPayloads,
  // redelivered); a thrown error (an unknown model) and, with fallbacks, runWithModelFallback's summary are the
  // agent's failure (openclaw@2026.2.26 dist/pi-embedded-CQnl8oWA.js runEmbeddedPiAgent, runAgentTurnWithFallback).
  'agent-failed-summary': (_deps, request, failed, summary) => {
    const lone = request.chain.length === 1 && failed.length === 1 ? failed[0]! : undefined;
    if (lone === undefined) return agentFailedReply(summary);
    return lone.beforeRequest === true ? agentFailedReply(lone.errorText) : redeliveredErrorText(lone.errorText);
  },
  // One candidate's FailoverError is rethrown without a summary, and handleAgentExecutionError picks the copy by its
  // reason alone (dist/agent-runner.runtime-DH-TOu7I.mjs; commentary-progress-owner-C2HSv4QR.mjs
  // resolveReplyFailureSummary without attempts): billing → the billing copy (golden trace
  // test/golden/openclaw-2026.9.6/openai-only-insufficient-quota.json), overloaded → the overload copy
  // (anthropic-only-529.json), model_not_found → provider_model_unavailable (dist/user-copy-DfLWtdTx.mjs). Other
  // reasons of a lone candidate were not observed and keep the overload copy.
  'classified-copy': (deps, request, failed, summary) =>
    failed.length <= 1 && !LONE_CANDIDATE_CLASSIFIED.has(failed[0]?.reason ?? 'unknown')
      ? OVERLOADED_REPLY
      : classifiedAllFailedReply(failed, { summary, soonestCooldownExpiryMs: soonestCooldownExpiryMs(deps, request.chain), nowMs: deps.clock.now(), modelRefs: deps.modelRefs }),
};

/** An attempt's error as the summary and the log show it. */
const ATTEMPT_ERROR_TEXTS: Readonly<Record<RoutingBehaviour['attemptErrorText'], (error: ProviderError, api: ClientApi, modelRef: ModelRef) => string>> = {
  'assistant-error-copy': (error, _api, { provider, model }) => assistantErrorCopy(error.message, provider, model),
  'transport-projection': (error, api) => rawErrorText(error, api),
};

/** What the user reads for an error no failover reason covers. */
const UNCLASSIFIED_REPLIES: Readonly<Record<RoutingBehaviour['unclassifiedReply'], (modelRef: string, error: ProviderError, modelRefs: ModelRefRules) => string>> = {
  'assistant-error-copy': (modelRef, error, modelRefs) => {
    const { provider, model } = parseModelRef(modelRef, modelRefs) ?? { provider: '', model: modelRef };
    return redeliveredErrorText(assistantErrorCopy(error.message, provider, model));
  },
  'classified-copy': (modelRef, error, modelRefs) => unclassifiedFailureReply(modelRef, error.status, modelRefs),
};

/** `resolveFallbackSoonestCooldownExpiry`: the earliest end of a cooldown among the chain's auth profiles. */
function soonestCooldownExpiryMs(deps: RouterDeps, chain: readonly string[]): number | undefined {
  let soonest: number | undefined;
  for (const modelRef of chain) {
    const { provider: providerId, model: modelId } = modelRefOf(deps, modelRef);
    for (const authProfile of deps.authProfiles.get(providerId) ?? []) {
      const untilMs = deps.cooldowns.active(authProfile, modelId, deps.clock.now())?.untilMs;
      if (untilMs !== undefined && (soonest === undefined || untilMs < soonest)) soonest = untilMs;
    }
  }
  return soonest;
}

function replied(deps: RouterDeps, request: TurnRequest, modelRef: string, reply: ChatReply, failed: readonly FailedAttempt[]): TurnOutcome {
  const primary = request.chain[0]!;
  deps.decisions.record({ runId: request.runId, decision: 'candidate_succeeded', modelRef });
  const notices = deps.routing.fallbackNotices && modelRef !== primary ? [fallbackNotice(primary, modelRef, fallbackReasonSummary(failed))] : [];
  return { kind: 'reply', text: reply.text, modelRef, notices, reply };
}

/** Skip a candidate whose every auth profile is cooling down, unless it may be probed (model-fallback.ts `resolveCooldownDecision`). */
function cooldownSkip(
  deps: RouterDeps,
  lastProbeMs: Map<string, number>,
  probedThisRun: Set<string>,
  modelRef: string,
  isPrimary: boolean,
): FailedAttempt | undefined {
  const { provider: providerId, model: modelId } = modelRefOf(deps, modelRef);
  const authProfiles = deps.authProfiles.get(providerId) ?? [];
  if (authProfiles.length === 0) return undefined;
  const now = deps.clock.now();
  const active = authProfiles.map((authProfile) => deps.cooldowns.active(authProfile, modelId, now));
  if (active.some((entry) => entry === undefined)) return undefined;
  const soonest = active.reduce((a, b) => (a!.untilMs <= b!.untilMs ? a : b))!;
  const transient = soonest.reason === 'rate_limit' || soonest.reason === 'overloaded' || soonest.reason === 'unknown';
  if (isPrimary && soonest.untilMs - now <= PROBE_MARGIN_MS && now - (lastProbeMs.get(providerId) ?? -Infinity) >= MIN_PROBE_INTERVAL_MS) {
    lastProbeMs.set(providerId, now);
    return undefined;
  }
  if (!isPrimary && transient && !probedThisRun.has(providerId)) {
    probedThisRun.add(providerId);
    return undefined;
  }
  const why = isPrimary || !transient ? 'all profiles unavailable' : 'probe already attempted this run';
  return { modelRef, errorText: `Provider ${providerId} is in cooldown (${why})`, reason: soonest.reason };
}

/**
 * A candidate the model registry cannot resolve fails before any request: a FailoverError with reason
 * `model_not_found` (`resolveModel` in runEmbeddedPiAgent, dist/pi-embedded-CQnl8oWA.js in 2026.2.26;
 * dist/embedded-agent-BaH7wGBd.mjs in 2026.9.6), which `runWithModelFallback` records before trying the next;
 * no auth profile is marked, as no profile was used.
 */
async function resolvedCandidate(deps: RouterDeps, request: TurnRequest, modelRef: string): Promise<CandidateResult> {
  const unknown = deps.unknownModel(modelRef);
  if (unknown === undefined) return tryCandidate(deps, request, modelRef);
  return {
    kind: 'failover',
    failed: { modelRef, errorText: unknown, reason: 'model_not_found', status: DEFAULT_STATUS.model_not_found, beforeRequest: true },
    transientHttp: false,
    authProfileFailure: false,
  };
}

/** All attempts on one model: same-model retries and auth-profile rotation. */
async function tryCandidate(deps: RouterDeps, request: TurnRequest, modelRef: string): Promise<CandidateResult> {
  const { provider: providerId, model: modelId } = modelRefOf(deps, modelRef);
  const authProfiles = deps.authProfiles.get(providerId) ?? [];
  const usable = authProfiles.filter((authProfile) => deps.cooldowns.active(authProfile, modelId, deps.clock.now()) === undefined);
  const rotation = usable.length > 0 ? usable : authProfiles.length > 0 ? [authProfiles[0]!] : [undefined];
  // With fallbacks, one rotation before failing over (DEFAULT_MAX_RATE_LIMIT_PROFILE_ROTATIONS = 1 in OpenClaw 2026.4.12).
  const maxRotations = request.chain.length > 1 ? 1 : rotation.length - 1;
  // One retry controller per candidate run, shared by its auth-profile rotations (as 2026.9's is).
  const retries = sameModelRetries(deps);
  let last: CandidateResult | undefined;
  for (let rotationIndex = 0; rotationIndex <= Math.min(maxRotations, rotation.length - 1); rotationIndex++) {
    const authProfile = rotation[rotationIndex];
    if (rotationIndex > 0) deps.decisions.record({ runId: request.runId, decision: 'rotate_profile', modelRef, detail: authProfile ?? '-' });
    last = await attemptModel(deps, request, modelRef, deps.clientFor(providerId, authProfile), retries);
    if (last.kind !== 'failover' && last.kind !== 'stop') {
      if (authProfile !== undefined && last.kind === 'reply') deps.cooldowns.recordSuccess(authProfile);
      return last;
    }
    if (last.kind === 'failover' && !last.authProfileFailure) return last;
    if (authProfile !== undefined) deps.cooldowns.recordFailure(authProfile, modelId, last.failed.reason, deps.clock.now());
    if (last.kind === 'stop') return last;
  }
  return last!;
}

/** One model with one credential, through the version's same-model retry loop. */
async function attemptModel(deps: RouterDeps, request: TurnRequest, modelRef: string, client: ProviderClient, retries: SameModelRetries): Promise<CandidateResult> {
  const { model: modelId } = modelRefOf(deps, modelRef);
  const maxOutputTokens = deps.maxOutputTokens(modelRef);
  const contextWindowTokens = deps.contextWindowTokens(modelRef);
  const call: ChatCall = {
    ...request.callFor(modelRef),
    modelId,
    ...(maxOutputTokens === undefined ? {} : { maxOutputTokens }),
    ...(contextWindowTokens === undefined ? {} : { contextWindowTokens }),
  };
  for (let attempt = 1; ; attempt++) {
    deps.decisions.record({ runId: request.runId, decision: 'attempt', modelRef, detail: `attempt ${attempt}` });
    const answer = await callOnce(deps, client, call);
    if (answer.kind === 'reply') return answer;
    const error = answer.error;
    const reason = classifyFor(deps.routing, error);
    const errorText = ATTEMPT_ERROR_TEXTS[deps.routing.attemptErrorText](error, client.api, modelRefOf(deps, modelRef));
    deps.decisions.record({ runId: request.runId, decision: 'attempt_failed', modelRef, reason, detail: errorText, raw: error.message, httpRequests: error.httpRequests });
    const next = await retries.next(request, modelRef, attempt, { reason, errorText, error });
    if (next === 'again') continue;
    if (next === 'failover-unknown') {
      // 2026.9: exhausted empty-error resubmits fail over as `unknown`, no profile failure (authProfileFailureReason null).
      return { kind: 'failover', failed: { modelRef, errorText, reason: 'unknown' }, transientHttp: false, authProfileFailure: false };
    }
    if (reason === null) return { kind: 'surfaced', text: UNCLASSIFIED_REPLIES[deps.routing.unclassifiedReply](modelRef, error, deps.modelRefs) };
    const failed: FailedAttempt = { modelRef, errorText, reason, status: error.status ?? DEFAULT_STATUS[reason] };
    if (reason === 'context_overflow') return { kind: 'stop', failed };
    return { kind: 'failover', failed, transientHttp: error.status !== undefined && TRANSIENT_HTTP_STATUSES.has(error.status), authProfileFailure: true };
  }
}

type AttemptFailure = { readonly reason: FailoverReason | null; readonly errorText: string; readonly error: ProviderError };

/** What follows a failed attempt on the same model: `again` (after any wait), `give-up`, or 2026.9's `failover-unknown`. */
type SameModelRetries = {
  next(request: TurnRequest, modelRef: string, attempt: number, failure: AttemptFailure): Promise<'again' | 'give-up' | 'failover-unknown'>;
};

/** The profile's same-model retries for one candidate run (2026.2 pattern backoff, 2026.9 transient retry). */
function sameModelRetries(deps: RouterDeps): SameModelRetries {
  const policy = deps.routing.sameModelRetry;
  if (policy.kind === 'pattern-backoff') {
    return {
      async next(request, modelRef, attempt, failure) {
        const delayMs = patternBackoffDelayMs(deps.routing, attempt, failure.error);
        if (delayMs === undefined) return 'give-up';
        deps.decisions.record({ runId: request.runId, decision: 'retry', modelRef, reason: failure.reason, detail: `${Math.round(delayMs)}ms` });
        await deps.clock.sleep(delayMs);
        return 'again';
      },
    };
  }
  const transient = createTransientRetry(policy, deps.retryJitter!);
  let emptyErrorRetries = 0;
  return {
    async next(request, modelRef, _attempt, failure) {
      const silentUnclassified = failure.reason === null && failure.error.phase === 'stream' && deps.routing.streamFaults === 'transient';
      if (silentUnclassified && emptyErrorRetries < policy.emptyErrorRetries) {
        // [empty-error-retry]: resubmitted at once (dist/embedded-agent-BaH7wGBd.mjs assistant-failure.ts).
        emptyErrorRetries++;
        deps.decisions.record({ runId: request.runId, decision: 'empty_error_retry', modelRef, detail: `${emptyErrorRetries}/${policy.emptyErrorRetries}` });
        return 'again';
      }
      if (await transientRetried(deps, request, modelRef, transient, failure)) return 'again';
      return silentUnclassified && request.chain.length > 1 ? 'failover-unknown' : 'give-up';
    },
  };
}

/** One call: its reply, or the ProviderError it failed with (2026.9: a Gemini stream without a finish reason is one). */
async function callOnce(deps: RouterDeps, client: ProviderClient, call: ChatCall): Promise<{ kind: 'reply'; reply: ChatReply } | { kind: 'error'; error: ProviderError }> {
  try {
    const reply = await client.call(call);
    const incomplete = deps.routing.streamFaults === 'transient' ? incompleteStreamError(client.api, reply, client.providerId, call.modelId) : undefined;
    return incomplete === undefined ? { kind: 'reply', reply } : { kind: 'error', error: incomplete };
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    return { kind: 'error', error };
  }
}

/** The version's failover reason; for 2026.9 a transport failure ("terminated", an incomplete stream) is a timeout. */
function classifyFor(behaviour: RoutingBehaviour, error: ProviderError): FailoverReason | null {
  if (behaviour.streamFaults === 'transient' && isTransportTimeout(error)) return 'timeout';
  return behaviour.failoverReasonFrom === 'error-text' ? textFailoverReason(error.message) : classify(error);
}

/** 2026.9: asks the transient retry; when it says so, logs and waits, and returns true. */
async function transientRetried(
  deps: RouterDeps,
  request: TurnRequest,
  modelRef: string,
  transient: TransientRetry,
  failure: AttemptFailure,
): Promise<boolean> {
  const headerS = retryAfterSecondsOf(failure.error.headers);
  const textMs = retryAfterMsFromText(failure.errorText);
  const retryAfterMs = headerS === undefined && textMs === undefined ? undefined : Math.max((headerS ?? 0) * 1000, textMs ?? 0);
  const decision = transient.decide(
    { reason: failure.reason, message: failure.errorText, retryAfterMs, fallbackConfigured: request.chain.length > 1 },
    deps.clock.now(),
  );
  if (!decision.retry) {
    if (decision.why === 'window_elapsed' || decision.why === 'retry_delay_exceeds_cap') {
      deps.decisions.record({ runId: request.runId, decision: 'retry_stopped', modelRef, reason: failure.reason, detail: stoppedLine(modelRef, decision, deps.routing) });
    }
    return false;
  }
  deps.decisions.record({
    runId: request.runId,
    decision: 'retry',
    modelRef,
    reason: failure.reason,
    detail: `${decision.delayMs}ms`,
    retryNumber: decision.retryNumber,
    retryBudget: decision.budget,
  });
  await deps.clock.sleep(decision.delayMs);
  return true;
}

/** The real log line for a stop before the budget (failover-retry-controller.ts). */
function stoppedLine(modelRef: string, decision: { why: string; retriesDone: number; budget: number; retryAfterMs?: number }, behaviour: RoutingBehaviour): string {
  const capMs = behaviour.sameModelRetry.kind === 'transient-retry' ? behaviour.sameModelRetry.maxRetryDelayMs : 0;
  return decision.why === 'window_elapsed'
    ? `transient retry window elapsed for ${modelRef} after ${decision.retriesDone}/${decision.budget} retries; stopping same-model retries`
    : `rate-limit retry floor ${decision.retryAfterMs}ms exceeds retry.provider.maxRetryDelayMs=${capMs} for ${modelRef}; failing over`;
}

/** 2026.2: pi-coding-agent's auto-retry — the wait before the same model is tried again, or undefined. */
function patternBackoffDelayMs(behaviour: RoutingBehaviour, attempt: number, error: ProviderError): number | undefined {
  const policy = behaviour.sameModelRetry;
  if (policy.kind !== 'pattern-backoff') return undefined;
  if (attempt > policy.maxRetries || !policy.pattern.test(error.message)) return undefined;
  return Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}

/** FAILOVER_STATUS (dist/failover-error-iaVdq91s.mjs): a failover's status when the error had none (timeout → 408). */
const DEFAULT_STATUS: Partial<Record<FailoverReason, number>> = {
  billing: 402,
  rate_limit: 429,
  overloaded: 503,
  auth: 401,
  auth_permanent: 403,
  timeout: 408,
  context_overflow: 413,
  format: 400,
  model_not_found: 404,
};

/** Chain entries are the keys resolveModelChain made, so each parses; an empty one names no provider. */
function modelRefOf(deps: RouterDeps, modelRef: string): ModelRef {
  return parseModelRef(modelRef, deps.modelRefs) ?? { provider: '', model: modelRef };
}
