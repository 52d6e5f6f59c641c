/**
 * The quota ledger: explicit state plus functions that admit, settle and
 * release metered requests, so a mock provider answers 429 exactly when the
 * real one would.
 *
 * A request is admitted only if every metered dimension of its scope has
 * room for it (every provider's rate-limit page: any one exceeded → 429). A charge larger
 * than a dimension can ever hold is refused as too large, with no retry
 * hint: the real APIs refuse it the same way however long the client waits
 * (OpenAI "Request too large … Limit 30000, Requested 30601", DrShushen/climb#13).
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

export type { ProviderQuotaConfig } from './policy.ts';

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

type Admitted = AdmissionBase & {
  readonly admitted: true;
  /** Charged up front per dimension; `settle` corrects them and reports the quota state afterwards. */
  readonly charges: Readonly<Partial<Record<QuotaDimension, number>>>;
};

export type Refusal = AdmissionBase & {
  readonly admitted: false;
  /** The quota state the 429 reports (a refusal may still count toward RPM: OpenAI's `rejectedRequestsCount`, metering.ts). */
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
  const meters = metersOf(ledger, policy, scopeKey, limits, nowMs);
  const charges = upfrontCharges(policy.metering, request);
  const before = snapshotMeters(meters, nowMs);
  const violations = findViolations(meters, charges, nowMs);
  if (violations.length === 0) {
    for (const meter of meters) chargeWindow(meter.state, charges[meter.dimension] ?? 0, nowMs);
    return { admitted: true, scopeKey, limits, before, request, charges };
  }
  if (policy.metering.rejectedRequestsCount) chargeRejection(meters, nowMs);
  return {
    admitted: false,
    scopeKey,
    limits,
    before,
    request,
    after: snapshotMeters(meters, nowMs),
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
  const meters = metersOf(ledger, policy, admission.scopeKey, admission.limits, nowMs);
  if (admission.admitted) {
    const finalOutput = policy.metering.outputCharge === 'reserve' ? reservedOutput(policy.metering, admission.request) : outputTokens;
    const outputDelta = finalOutput - upfrontOutput(policy.metering, admission.request);
    if (outputDelta !== 0) {
      for (const meter of meters) {
        if (!countsOutput(policy.metering, meter.dimension)) continue;
        advanceWindow(meter.state, meter.spec, meter.limit, nowMs);
        chargeWindow(meter.state, outputDelta, nowMs);
      }
    }
  }
  return snapshotMeters(meters, nowMs);
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
  return { scopeKey: cachedScopeKey(policy, request), limits: cachedLimits(policy, request) };
}

/**
 * `scopeKeyFor`, once per policy, model and API key: one string per scope
 * rather than one per request, which the journal then holds (and a fresh
 * string hashes anew in every bucket lookup).
 */
function cachedScopeKey(policy: ProviderPolicy, request: MeteredRequest): string {
  let byModel = SCOPE_KEYS.get(policy);
  if (!byModel) SCOPE_KEYS.set(policy, (byModel = new WeakMap()));
  let byKey = byModel.get(request.model);
  if (!byKey) byModel.set(request.model, (byKey = new Map()));
  let scopeKey = byKey.get(request.apiKey);
  if (scopeKey === undefined) byKey.set(request.apiKey, (scopeKey = scopeKeyFor(policy.scope, request, policy.accounts)));
  return scopeKey;
}

const SCOPE_KEYS = new WeakMap<ProviderPolicy, WeakMap<ModelInfo, Map<string | undefined, string>>>();

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
  const policy = ledger.policies[request.provider];
  const { scopeKey, limits } = scopeOf(ledger, request);
  return snapshotMeters(metersOf(ledger, policy, scopeKey, limits, nowMs), nowMs);
}

function bucketOf(ledger: Ledger, scopeKey: string): Map<QuotaDimension, WindowState> {
  let windows = ledger.buckets.get(scopeKey);
  if (!windows) ledger.buckets.set(scopeKey, (windows = new Map()));
  return windows;
}

/**
 * One metered dimension of a scope under one model's limits: its window
 * state (shared by every model in the scope) with the limit and window kind
 * that apply. admit, settle and snapshots walk these, so a request looks
 * each dimension up once per scope and limits, not once per step
 * (test/bench/mocks.bench.ts: the served mock's hot path).
 */
type Meter = {
  readonly dimension: QuotaDimension;
  readonly limit: number;
  readonly capacity: number;
  readonly spec: WindowSpec;
  readonly state: WindowState;
};

/** The scope's meters for `limits`: the dimensions with both a limit and a window, created on first use. */
function metersOf(ledger: Ledger, policy: ProviderPolicy, scopeKey: string, limits: QuotaLimits, nowMs: number): readonly Meter[] {
  const windows = bucketOf(ledger, scopeKey);
  let byLimits = METERS.get(windows);
  if (!byLimits) METERS.set(windows, (byLimits = new WeakMap()));
  let meters = byLimits.get(limits);
  if (!meters) byLimits.set(limits, (meters = createMeters(policy, windows, limits, nowMs)));
  return meters;
}

const METERS = new WeakMap<Map<QuotaDimension, WindowState>, WeakMap<QuotaLimits, readonly Meter[]>>();

function createMeters(policy: ProviderPolicy, windows: Map<QuotaDimension, WindowState>, limits: QuotaLimits, nowMs: number): Meter[] {
  const meters: Meter[] = [];
  for (const dimension of QUOTA_DIMENSIONS) {
    const limit = limits[dimension];
    const spec = policy.metering.windows[dimension];
    if (limit === undefined || !spec) continue;
    let state = windows.get(dimension);
    if (!state) windows.set(dimension, (state = createWindowState(spec, nowMs)));
    meters.push({ dimension, limit, capacity: windowCapacity(spec, limit), spec, state });
  }
  return meters;
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

/** Brings every meter to `nowMs` and reports what each would say before a charge. */
function findViolations(meters: readonly Meter[], charges: Partial<Record<QuotaDimension, number>>, nowMs: number): Violation[] {
  const violations: Violation[] = [];
  for (const { dimension, limit, spec, state } of meters) {
    const requested = charges[dimension] ?? 0;
    advanceWindow(state, spec, limit, nowMs);
    const waitMs = waitForRoomMs(state, spec, limit, requested, nowMs);
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

/**
 * OpenAI: "unsuccessful requests count" toward per-minute limits
 * (https://developers.openai.com/api/docs/guides/rate-limits); never past the limit. Meters are advanced.
 */
function chargeRejection(meters: readonly Meter[], nowMs: number): void {
  const meter = meters.find((candidate) => candidate.dimension === 'requestsPerMinute');
  if (!meter) return;
  const room = meter.capacity - meter.state.used;
  if (room > 0) chargeWindow(meter.state, Math.min(1, room), nowMs);
}

function snapshotMeters(meters: readonly Meter[], nowMs: number): QuotaSnapshot {
  const snapshot: Partial<Record<QuotaDimension, DimensionUsage>> = {};
  for (const { dimension, limit, capacity, spec, state } of meters) {
    advanceWindow(state, spec, limit, nowMs);
    snapshot[dimension] = {
      limit,
      used: Math.ceil(state.used),
      remaining: Math.max(0, Math.floor(capacity - state.used)),
      resetInMs: resetInMs(state, spec, limit, nowMs),
    };
  }
  return snapshot;
}
