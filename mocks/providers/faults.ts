/**
 * The hook a fault schedule plugs into. The exchange asks `decide` before the
 * ledger, so a fault answers instead of the quota logic and is not charged
 * (the real outages it imitates happen before metering).
 *
 * Only the hook and the fault kinds every provider renders exist yet; seeded
 * schedules (429 storms, latency, truncated streams) build on this later.
 * Each provider renders a kind in its own shape:
 *
 * | kind             | gemini              | openai                 | anthropic               | moonshot                 | xai                  |
 * |------------------|---------------------|------------------------|-------------------------|--------------------------|----------------------|
 * | overloaded       | 503 UNAVAILABLE     | 503 server_is_overloaded | 529 overloaded_error  | 429 engine_overloaded_error | 429 "at capacity" |
 * | server-error     | 500 INTERNAL        | 500 server_error       | 500 api_error           | 500 server_error         | 500 Internal error   |
 * | budget-exhausted | 429 billing [?]     | 429 insufficient_quota | 429 spend limit, no retry-after | 429 exceeded_current_quota_error | 429 credits |
 */
import type { ProviderId } from './models.ts';

export const FAULT_KINDS = ['overloaded', 'server-error', 'budget-exhausted'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export type Fault = {
  readonly kind: FaultKind;
  /** Names the schedule entry that fired, for the journal (`fault` field). */
  readonly label: string;
};

/** What a fault schedule may look at to decide. */
export type FaultRequest = {
  readonly atMs: number;
  readonly provider: ProviderId;
  readonly api: string;
  readonly model: string;
  readonly stream: boolean;
  readonly scopeKey: string;
  /** `x-stainless-retry-count` if sent, so a schedule can fail only first attempts. */
  readonly clientRetryCount: number | undefined;
};

export type FaultPlan = {
  decide(request: FaultRequest): Fault | undefined;
};
