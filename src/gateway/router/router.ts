/**
 * One agent turn through the model chain, as OpenClaw routes it
 * (reference/openclaw.md §4.2; src/agents/model-fallback.ts and the
 * embedded runner):
 *
 *   for each candidate (primary, then fallbacks in order):
 *     cooldown check → skip, or probe near expiry
 *     attempts on this model: SDK call (with SDK retries beneath, per profile),
 *       same-model retries per the profile, auth-profile rotation
 *     reply → done · unclassified error → its text is the reply · context overflow → stop
 *     failover reason → next candidate
 *   transient HTTP errors before any reply → the whole chain once more after 2.5 s
 *   all failed → `All models failed (N): …` and the profile's text for the user
 *
 * Every decision goes to the decision log, with the lines the profile's real
 * version writes for it.
 */
import type { Clock } from '../../clock/clock.ts';
import type { Prng } from '../../clock/prng.ts';
import type { ChatCall, ChatReply, ProviderClient } from '../providers/types.ts';
import { ProviderError } from '../providers/provider-error.ts';
import type { Behaviour } from './behaviour.ts';
import { classify, type FailoverReason } from './classify.ts';
import type { Cooldowns } from './cooldowns.ts';
import type { DecisionLog } from './decision-log.ts';
import { allFailedReply, attemptErrorText, CONTEXT_OVERFLOW_REPLY, fallbackNotice, fallbackSummary, type FailedAttempt } from './texts.ts';

export type TurnRequest = {
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
  readonly behaviour: Behaviour;
  readonly clock: Clock;
  readonly rng: Prng;
  /** The client for a provider, authenticated as one of its auth profiles (undefined: the inline key). */
  readonly clientFor: (providerId: string, authProfileId: string | undefined) => ProviderClient;
  /** Auth profiles per provider, in rotation order; providers without any use their inline key and no cooldowns. */
  readonly authProfiles: ReadonlyMap<string, readonly string[]>;
  readonly maxOutputTokens: (modelRef: string) => number | undefined;
  readonly cooldowns: Cooldowns;
  readonly decisions: DecisionLog;
};

export type Router = { runTurn(request: TurnRequest): Promise<TurnOutcome> };

/** §4.2 step 2: a primary in cooldown may be probed this close to expiry, at most this often. */
const PROBE_MARGIN_MS = 2 * 60_000;
const MIN_PROBE_INTERVAL_MS = 30_000;
const TRANSIENT_HTTP_STATUSES = new Set([502, 520, 521, 522, 523, 524]);

export function createRouter(deps: RouterDeps): Router {
  const lastProbeMs = new Map<string, number>();
  return { runTurn: (request) => runTurn(deps, lastProbeMs, request) };
}

type CandidateResult =
  | { kind: 'reply'; reply: ChatReply }
  | { kind: 'surfaced'; text: string }
  | { kind: 'stop'; failed: FailedAttempt }
  | { kind: 'failover'; failed: FailedAttempt; transientHttp: boolean };

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
      const result = await tryCandidate(deps, request, modelRef);
      if (result.kind === 'reply') return replied(deps, request, modelRef, result.reply);
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
    // §4.2 step 7: transient HTTP errors before any reply retry the whole chain once.
    deps.decisions.record({ runId: request.runId, decision: 'transient_chain_retry', modelRef: request.chain[0]!, detail: `${deps.behaviour.transientChainRetryDelayMs}ms` });
    await deps.clock.sleep(deps.behaviour.transientChainRetryDelayMs);
  }
  const summary = fallbackSummary(failed);
  deps.decisions.record({ runId: request.runId, decision: 'all_failed', modelRef: request.chain[0]!, detail: summary });
  return { kind: 'failed', text: allFailedReply(deps.behaviour.profile, failed.length === 1 ? failed[0]!.errorText : summary), summary, attempts: failed };
}

function replied(deps: RouterDeps, request: TurnRequest, modelRef: string, reply: ChatReply): TurnOutcome {
  const primary = request.chain[0]!;
  deps.decisions.record({ runId: request.runId, decision: 'candidate_succeeded', modelRef });
  const notices =
    deps.behaviour.fallbackNotices && modelRef !== primary
      ? [fallbackNotice(primary, modelRef, deps.decisions.lastErrorDetail(request.runId) ?? 'fallback')]
      : [];
  return { kind: 'reply', text: reply.text, modelRef, notices, reply };
}

/** §4.2 step 2: skip a candidate whose every auth profile is cooling down, unless it may be probed. */
function cooldownSkip(
  deps: RouterDeps,
  lastProbeMs: Map<string, number>,
  probedThisRun: Set<string>,
  modelRef: string,
  isPrimary: boolean,
): FailedAttempt | undefined {
  const { providerId, modelId } = splitRef(modelRef);
  const profiles = deps.authProfiles.get(providerId) ?? [];
  if (profiles.length === 0) return undefined;
  const now = deps.clock.now();
  const active = profiles.map((profile) => deps.cooldowns.active(profile, modelId, now));
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

/** All attempts on one model: same-model retries and auth-profile rotation. */
async function tryCandidate(deps: RouterDeps, request: TurnRequest, modelRef: string): Promise<CandidateResult> {
  const { providerId, modelId } = splitRef(modelRef);
  const profiles = deps.authProfiles.get(providerId) ?? [];
  const usable = profiles.filter((profile) => deps.cooldowns.active(profile, modelId, deps.clock.now()) === undefined);
  const rotation = usable.length > 0 ? usable : profiles.length > 0 ? [profiles[0]!] : [undefined];
  const maxRotations = request.chain.length > 1 ? 1 : rotation.length - 1; // §4.2 step 3
  let last: CandidateResult | undefined;
  for (let turnOfProfile = 0; turnOfProfile <= Math.min(maxRotations, rotation.length - 1); turnOfProfile++) {
    const profile = rotation[turnOfProfile];
    if (turnOfProfile > 0) deps.decisions.record({ runId: request.runId, decision: 'rotate_profile', modelRef, detail: profile ?? '-' });
    last = await attemptModel(deps, request, modelRef, deps.clientFor(providerId, profile));
    if (last.kind !== 'failover' && last.kind !== 'stop') {
      if (profile !== undefined && last.kind === 'reply') deps.cooldowns.recordSuccess(profile);
      return last;
    }
    if (profile !== undefined) deps.cooldowns.recordFailure(profile, modelId, last.failed.reason, deps.clock.now());
    if (last.kind === 'stop') return last;
  }
  return last!;
}

/** One model with one credential, through the profile's same-model retry loop. */
async function attemptModel(deps: RouterDeps, request: TurnRequest, modelRef: string, client: ProviderClient): Promise<CandidateResult> {
  const { modelId } = splitRef(modelRef);
  const maxOutputTokens = deps.maxOutputTokens(modelRef);
  const call: ChatCall = { ...request.callFor(modelRef), modelId, ...(maxOutputTokens === undefined ? {} : { maxOutputTokens }) };
  for (let attempt = 1; ; attempt++) {
    deps.decisions.record({ runId: request.runId, decision: 'attempt', modelRef, detail: `attempt ${attempt}` });
    try {
      return { kind: 'reply', reply: await client.call(call) };
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      const reason = classify(error);
      const retryAfterMs = retryAfterOf(error);
      const errorText = attemptErrorText(deps.behaviour.profile, reason, error.message, retryAfterMs === undefined ? undefined : Math.round(retryAfterMs / 1000));
      deps.decisions.record({ runId: request.runId, decision: 'attempt_failed', modelRef, reason, detail: errorText, raw: error.message, httpRequests: error.httpRequests });
      const delayMs = sameModelRetryDelayMs(deps, attempt, error, reason, retryAfterMs ?? googleRetryDelayOf(error));
      if (delayMs !== undefined) {
        deps.decisions.record({ runId: request.runId, decision: 'retry', modelRef, reason, detail: `${Math.round(delayMs)}ms` });
        await deps.clock.sleep(delayMs);
        continue;
      }
      if (reason === null) return { kind: 'surfaced', text: error.message };
      const failed = { modelRef, errorText, reason };
      if (reason === 'context_overflow') return { kind: 'stop', failed };
      return { kind: 'failover', failed, transientHttp: error.status !== undefined && TRANSIENT_HTTP_STATUSES.has(error.status) };
    }
  }
}

/** The wait before the same model is tried again, or undefined to stop trying it. */
function sameModelRetryDelayMs(
  deps: RouterDeps,
  attempt: number,
  error: ProviderError,
  reason: FailoverReason | null,
  retryAfterMs: number | undefined,
): number | undefined {
  const policy = deps.behaviour.sameModelRetry;
  if (policy.kind === 'pattern-backoff') {
    if (attempt > policy.maxRetries || !policy.pattern.test(error.message)) return undefined;
    return Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
  }
  if (reason !== 'rate_limit' || attempt >= policy.maxAttempts) return undefined;
  if (retryAfterMs !== undefined) {
    if (retryAfterMs > policy.maxRetryDelayMs) return undefined; // "retry floor … exceeds maxRetryDelayMs … failing over"
    // [obs] Retry-After 20 s gave waits of 20–30 s (ten attempts in ~219 s): the hint is a floor plus jitter.
    return retryAfterMs * (1 + deps.rng.float() * 0.5);
  }
  const backoffMs = Math.min(policy.minBackoffMs * 2 ** (attempt - 1), policy.maxBackoffMs);
  return backoffMs * (0.8 + deps.rng.float() * 0.4);
}

function retryAfterOf(error: ProviderError): number | undefined {
  const header = error.headers?.get('retry-after');
  if (header === null || header === undefined) return undefined;
  const seconds = Number.parseFloat(header);
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

/**
 * Gemini's retry hint is in the 429 body, not a header: `error.details[]` of type
 * `google.rpc.RetryInfo` with `retryDelay: "120s"`. 2026.9.6 honours it as the
 * floor like a Retry-After: with 120 s it fails over from Flash at once
 * (test/golden/openclaw-2026.9.6/primary-429-cross-provider-ok.json: one Flash request, then GPT-4o mini).
 * Not shown in the error text (the trace's Gemini errors carry no "Retry-After" suffix).
 */
function googleRetryDelayOf(error: ProviderError): number | undefined {
  const details = (error.body as { error?: { details?: unknown } } | undefined)?.error?.details;
  if (!Array.isArray(details)) return undefined;
  for (const detail of details as { '@type'?: unknown; retryDelay?: unknown }[]) {
    if (typeof detail?.['@type'] !== 'string' || !detail['@type'].endsWith('google.rpc.RetryInfo')) continue;
    const match = typeof detail.retryDelay === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(detail.retryDelay) : null;
    if (match) return Number(match[1]) * 1000;
  }
  return undefined;
}

export function splitRef(modelRef: string): { providerId: string; modelId: string } {
  const slash = modelRef.indexOf('/');
  return { providerId: modelRef.slice(0, slash), modelId: modelRef.slice(slash + 1) };
}
