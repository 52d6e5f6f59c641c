/**
 * The quota ledger: explicit state plus functions that admit, settle and
 * release metered requests, so a mock provider answers 429 exactly when the
 * real one would.
 *
 * A request is admitted only if every metered dimension of its scope has
 * room for it (providers.md §7, "any one exceeded → 429"). A charge larger
 * than a dimension can ever hold is refused as too large, with no retry
 * hint: the real APIs refuse it the same way however long the client waits
 * (OpenAI "Request too large … Limit 30000, Requested 30601", §2.4).
 *
 * Lifecycle of one request: `admit` (charges up front, e.g. max_tokens
 * reservations) → `settle` once the output is known (refunds or charges the
 * difference, per metering.ts) → `release` when the response is fully sent
 * (frees a concurrency slot). Time always comes in as `nowMs`.
 */
import type { Metering } from './metering.ts';
import { DEFAULT_MODELS, type ModelCatalog, type ModelInfo, type ProviderId, PROVIDER_IDS } from './models.ts';
import { limitsFor, type ProviderPolicy, type ProviderQuotaConfig, resolvePolicy } from './policy.ts';
import { scopeKeyFor } from './scope.ts';
import { QUOTA_DIMENSIONS, type QuotaDimension, type QuotaLimits } from './tiers.ts';
import {
  advanceWindow,
  chargeWindow,
  createWindowState,
  resetInMs,
  waitForRoomMs,
  type WindowSpec,
  type WindowState,
  windowCapacity,
} from './windows.ts';

export type { ProviderPolicy, ProviderQuotaConfig } from './policy.ts';

export type LedgerConfig = {
  readonly providers?: Readonly<Partial<Record<ProviderId, ProviderQuotaConfig>>>;
  readonly models?: ModelCatalog;
};

export type Ledger = {
  readonly models: ModelCatalog;
  readonly policies: Readonly<Record<ProviderId, ProviderPolicy>>;
  /** Scope key → dimension → window state. */
  readonly buckets: Map<string, Map<QuotaDimension, WindowState>>;
};

export type MeteredRequest = {
  readonly provider: ProviderId;
  readonly model: ModelInfo;
  readonly apiKey: string | undefined;
  readonly inputTokens: number;
  /** The request's output cap (max_tokens, maxOutputTokens), if it named one. */
  readonly maxOutputTokens: number | undefined;
};

export type DimensionUsage = {
  readonly limit: number;
  readonly used: number;
  readonly remaining: number;
  /** Until the dimension is back to its initial, unused state. */
  readonly resetInMs: number;
};

export type QuotaSnapshot = Readonly<Partial<Record<QuotaDimension, DimensionUsage>>>;

export type Violation = {
  readonly dimension: QuotaDimension;
  readonly limit: number;
  /** Used before this request. */
  readonly used: number;
  /** What this request asked for in that dimension. */
  readonly requested: number;
  /** Until the request would fit; undefined when it never can. */
  readonly retryAfterMs: number | undefined;
  /** The request alone exceeds the limit. */
  readonly tooLarge: boolean;
};

/** The ledger's answer to one request: admitted (charged) or refused (with why). */
export type Admission = Admitted | Refusal;

type AdmissionBase = {
  readonly scopeKey: string;
  readonly limits: QuotaLimits;
  readonly before: QuotaSnapshot;
  readonly request: MeteredRequest;
};

export type Admitted = AdmissionBase & {
  readonly admitted: true;
  /** Charged up front per dimension; `settle` corrects them and reports the quota state afterwards. */
  readonly charges: Readonly<Partial<Record<QuotaDimension, number>>>;
};

export type Refusal = AdmissionBase & {
  readonly admitted: false;
  /** The quota state the 429 reports (a refusal may still count toward RPM, §2.6). */
  readonly after: QuotaSnapshot;
  readonly violations: readonly Violation[];
  /** The longest wait among violations; undefined if any violation is too large. */
  readonly retryAfterMs: number | undefined;
};

export function createLedger(config: LedgerConfig = {}): Ledger {
  const policies = {} as Record<ProviderId, ProviderPolicy>;
  for (const provider of PROVIDER_IDS) policies[provider] = resolvePolicy(provider, config.providers?.[provider] ?? {});
  return { models: config.models ?? DEFAULT_MODELS, policies, buckets: new Map() };
}

/** Meters `request` at `nowMs`: charges it and admits it, or refuses it with the violations. */
export function admit(ledger: Ledger, request: MeteredRequest, nowMs: number): Admission {
  const policy = ledger.policies[request.provider];
  const { scopeKey, limits } = scopeOf(ledger, request);
  const windows = bucketOf(ledger, scopeKey);
  const charges = upfrontCharges(policy.metering, request);
  const before = snapshotWindows(policy, windows, limits, nowMs);
  const violations = findViolations(policy, windows, limits, charges, nowMs);
  if (violations.length === 0) {
    chargeAll(policy, windows, limits, charges, nowMs);
    return { admitted: true, scopeKey, limits, before, request, charges };
  }
  if (policy.metering.rejectedRequestsCount) chargeRejection(policy, windows, limits, nowMs);
  return {
    admitted: false,
    scopeKey,
    limits,
    before,
    request,
    after: snapshotWindows(policy, windows, limits, nowMs),
    violations,
    retryAfterMs: longestWaitMs(violations),
  };
}

/**
 * Corrects an admitted request's up-front charges once its output is known
 * (refunds unused max_tokens, or charges actual output), per the provider's
 * metering. Returns the quota state afterwards.
 */
export function settle(ledger: Ledger, admission: Admission, outputTokens: number, nowMs: number): QuotaSnapshot {
  const policy = ledger.policies[admission.request.provider];
  const windows = bucketOf(ledger, admission.scopeKey);
  if (admission.admitted) {
    const finalOutput = policy.metering.outputCharge === 'reserve' ? reservedOutput(policy.metering, admission.request) : outputTokens;
    const outputDelta = finalOutput - upfrontOutput(policy.metering, admission.request);
    for (const dimension of meteredDimensions(policy, admission.limits)) {
      if (outputDelta === 0 || !countsOutput(policy.metering, dimension)) continue;
      const state = windows.get(dimension)!;
      advanceWindow(state, specOf(policy, dimension), admission.limits[dimension]!, nowMs);
      chargeWindow(state, outputDelta, nowMs);
    }
  }
  return snapshotWindows(policy, windows, admission.limits, nowMs);
}

/** Frees the concurrency slot of an admitted request (call when the response is fully sent). */
export function release(ledger: Ledger, admission: Admission, nowMs: number): void {
  if (!admission.admitted) return;
  const state = bucketOf(ledger, admission.scopeKey).get('concurrentRequests');
  if (state) chargeWindow(state, -(admission.charges.concurrentRequests ?? 0), nowMs);
}

/** The scope a request is metered in, and the limits that apply to it there. */
export function scopeOf(ledger: Ledger, request: MeteredRequest): { scopeKey: string; limits: QuotaLimits } {
  const policy = ledger.policies[request.provider];
  return {
    scopeKey: scopeKeyFor(policy.scope, request, policy.accounts),
    limits: cachedLimits(policy, request),
  };
}

/**
 * `limitsFor`, once per policy and model: a policy never changes during a
 * run, and every request asks (the served mock's hot path, mocks.bench.ts).
 */
function cachedLimits(policy: ProviderPolicy, request: MeteredRequest): QuotaLimits {
  let byModel = LIMITS_BY_MODEL.get(policy);
  if (!byModel) LIMITS_BY_MODEL.set(policy, (byModel = new WeakMap()));
  let limits = byModel.get(request.model);
  if (!limits) byModel.set(request.model, (limits = limitsFor(policy, request)));
  return limits;
}

const LIMITS_BY_MODEL = new WeakMap<ProviderPolicy, WeakMap<ModelInfo, QuotaLimits>>();

/** The quota state of a scope at `nowMs`, without charging anything. */
export function quotaSnapshot(ledger: Ledger, request: MeteredRequest, nowMs: number): QuotaSnapshot {
  const { scopeKey, limits } = scopeOf(ledger, request);
  return snapshotWindows(ledger.policies[request.provider], bucketOf(ledger, scopeKey), limits, nowMs);
}

function bucketOf(ledger: Ledger, scopeKey: string): Map<QuotaDimension, WindowState> {
  let windows = ledger.buckets.get(scopeKey);
  if (!windows) ledger.buckets.set(scopeKey, (windows = new Map()));
  return windows;
}

/** The dimensions with both a limit and a window; cached per limits object (a few lookups per request). */
function meteredDimensions(policy: ProviderPolicy, limits: QuotaLimits): readonly QuotaDimension[] {
  let byLimits = DIMENSIONS_BY_LIMITS.get(policy);
  if (!byLimits) DIMENSIONS_BY_LIMITS.set(policy, (byLimits = new WeakMap()));
  let dimensions = byLimits.get(limits);
  if (!dimensions) {
    dimensions = QUOTA_DIMENSIONS.filter((dimension) => limits[dimension] !== undefined && policy.metering.windows[dimension]);
    byLimits.set(limits, dimensions);
  }
  return dimensions;
}

const DIMENSIONS_BY_LIMITS = new WeakMap<ProviderPolicy, WeakMap<QuotaLimits, readonly QuotaDimension[]>>();

function specOf(policy: ProviderPolicy, dimension: QuotaDimension): WindowSpec {
  return policy.metering.windows[dimension]!;
}

/** The window of `dimension`, created on first use and brought up to `nowMs`. */
function windowAt(
  policy: ProviderPolicy,
  windows: Map<QuotaDimension, WindowState>,
  limits: QuotaLimits,
  dimension: QuotaDimension,
  nowMs: number,
): WindowState {
  const spec = specOf(policy, dimension);
  let state = windows.get(dimension);
  if (!state) windows.set(dimension, (state = createWindowState(spec, nowMs)));
  advanceWindow(state, spec, limits[dimension]!, nowMs);
  return state;
}

function upfrontCharges(metering: Metering, request: MeteredRequest): Partial<Record<QuotaDimension, number>> {
  const output = upfrontOutput(metering, request);
  const tokens = request.inputTokens + (metering.tokensCount === 'input+output' ? output : 0);
  return {
    requestsPerMinute: 1,
    requestsPerDay: 1,
    concurrentRequests: 1,
    tokensPerMinute: tokens,
    tokensPerDay: tokens,
    inputTokensPerMinute: request.inputTokens,
    outputTokensPerMinute: output,
  };
}

function reservedOutput(metering: Metering, request: MeteredRequest): number {
  return request.maxOutputTokens ?? (metering.reserveDefaultOutput ? request.model.defaultMaxOutputTokens : 0);
}

function upfrontOutput(metering: Metering, request: MeteredRequest): number {
  return metering.outputCharge === 'actual' ? 0 : reservedOutput(metering, request);
}

function countsOutput(metering: Metering, dimension: QuotaDimension): boolean {
  if (dimension === 'outputTokensPerMinute') return true;
  return (dimension === 'tokensPerMinute' || dimension === 'tokensPerDay') && metering.tokensCount === 'input+output';
}

function findViolations(
  policy: ProviderPolicy,
  windows: Map<QuotaDimension, WindowState>,
  limits: QuotaLimits,
  charges: Partial<Record<QuotaDimension, number>>,
  nowMs: number,
): Violation[] {
  const violations: Violation[] = [];
  for (const dimension of meteredDimensions(policy, limits)) {
    const limit = limits[dimension]!;
    const requested = charges[dimension] ?? 0;
    const state = windowAt(policy, windows, limits, dimension, nowMs);
    const waitMs = waitForRoomMs(state, specOf(policy, dimension), limit, requested, nowMs);
    if (waitMs === 0) continue;
    violations.push({
      dimension,
      limit,
      used: Math.ceil(state.used),
      requested,
      retryAfterMs: waitMs,
      tooLarge: waitMs === undefined,
    });
  }
  return violations;
}

function longestWaitMs(violations: readonly Violation[]): number | undefined {
  let longestMs = 0;
  for (const violation of violations) {
    if (violation.retryAfterMs === undefined) return undefined;
    longestMs = Math.max(longestMs, violation.retryAfterMs);
  }
  return longestMs;
}

function chargeAll(
  policy: ProviderPolicy,
  windows: Map<QuotaDimension, WindowState>,
  limits: QuotaLimits,
  charges: Partial<Record<QuotaDimension, number>>,
  nowMs: number,
): void {
  for (const dimension of meteredDimensions(policy, limits)) {
    chargeWindow(windowAt(policy, windows, limits, dimension, nowMs), charges[dimension] ?? 0, nowMs);
  }
}

/** OpenAI: "unsuccessful requests count" toward per-minute limits (§2.6); never past the limit. */
function chargeRejection(
  policy: ProviderPolicy,
  windows: Map<QuotaDimension, WindowState>,
  limits: QuotaLimits,
  nowMs: number,
): void {
  if (!meteredDimensions(policy, limits).includes('requestsPerMinute')) return;
  const spec = specOf(policy, 'requestsPerMinute');
  const state = windowAt(policy, windows, limits, 'requestsPerMinute', nowMs);
  const room = windowCapacity(spec, limits.requestsPerMinute!) - state.used;
  if (room > 0) chargeWindow(state, Math.min(1, room), nowMs);
}

function snapshotWindows(
  policy: ProviderPolicy,
  windows: Map<QuotaDimension, WindowState>,
  limits: QuotaLimits,
  nowMs: number,
): QuotaSnapshot {
  const snapshot: Partial<Record<QuotaDimension, DimensionUsage>> = {};
  for (const dimension of meteredDimensions(policy, limits)) {
    const limit = limits[dimension]!;
    const spec = specOf(policy, dimension);
    const state = windowAt(policy, windows, limits, dimension, nowMs);
    snapshot[dimension] = {
      limit,
      used: Math.ceil(state.used),
      remaining: Math.max(0, Math.floor(windowCapacity(spec, limit) - state.used)),
      resetInMs: resetInMs(state, spec, limit, nowMs),
    };
  }
  return snapshot;
}
