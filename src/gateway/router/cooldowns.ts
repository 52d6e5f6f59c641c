/**
 * Auth-profile cooldowns (src/agents/auth-profiles/usage.ts in OpenClaw 2026.4.12).
 *
 * A failure puts the profile (2026.2) or, for rate limits, the profile's
 * model (2026.9) in cooldown for the next step of the profile's schedule;
 * an active window is never extended by further failures; the count resets
 * once a cooldown has expired or after a day without failures. Only
 * providers that use auth profiles get any of this: with an inline apiKey
 * openclaw@2026.2.26 recorded no usage stats at all (observed on
 * openclaw@2026.2.26); quotastorm assumes the same of 2026.9, where it is unobserved.
 */
import type { FailoverReason } from './classify.ts';

type CooldownEntry = {
  errorCount: number;
  lastFailureMs: number;
  untilMs: number;
  reason: FailoverReason;
  /** Set when the cooldown covers one model only. */
  modelId: string | undefined;
};

export type Cooldowns = {
  /** The active cooldown that blocks `profileId` for `modelId`, if any. */
  active(profileId: string, modelId: string, nowMs: number): CooldownEntry | undefined;
  recordFailure(profileId: string, modelId: string, reason: FailoverReason, nowMs: number): CooldownEntry;
  recordSuccess(profileId: string): void;
  /** Every profile's state, for reports. */
  snapshot(): ReadonlyMap<string, Readonly<CooldownEntry>>;
};

const FAILURE_WINDOW_MS = 24 * 60 * 60 * 1000;

export type CooldownOptions = {
  /** Rate limit, overload, timeout, auth, format, unknown: the stepped schedule. */
  readonly stepsMs: readonly number[];
  readonly rateLimitScope: 'model' | 'auth-profile';
  /** billing: base · 2^(n−1) up to the cap (auth.cooldowns.billingBackoffHours / billingMaxHours: 5 h → 24 h). */
  readonly billingBaseMs: number;
  readonly billingMaxMs: number;
  /** auth_permanent: 10 min → 60 min the same way. */
  readonly authPermanentBaseMs: number;
  readonly authPermanentMaxMs: number;
};

export function createCooldowns(options: CooldownOptions): Cooldowns {
  const entries = new Map<string, CooldownEntry>();
  return {
    active(profileId, modelId, nowMs) {
      const entry = entries.get(profileId);
      if (entry === undefined || entry.untilMs <= nowMs) return undefined;
      return entry.modelId === undefined || entry.modelId === modelId ? entry : undefined;
    },
    recordFailure(profileId, modelId, reason, nowMs) {
      const previous = entries.get(profileId);
      if (previous !== undefined && previous.untilMs > nowMs) return previous; // active windows are immutable
      // The count climbs the schedule with each failure after a window expired, and starts over after a
      // day without failures or on a success. Resetting whenever the previous cooldown expired would
      // never escalate, so the reset is read as the failure window (`failureWindowHours`, default 24).
      const reset = previous === undefined || nowMs - previous.lastFailureMs > FAILURE_WINDOW_MS;
      const errorCount = reset ? 1 : previous.errorCount + 1;
      const stepMs = cooldownMs(options, reason, errorCount);
      const entry: CooldownEntry = {
        errorCount,
        lastFailureMs: nowMs,
        untilMs: nowMs + stepMs,
        reason,
        modelId: reason === 'rate_limit' && options.rateLimitScope === 'model' ? modelId : undefined,
      };
      entries.set(profileId, entry);
      return entry;
    },
    recordSuccess(profileId) {
      entries.delete(profileId);
    },
    snapshot: () => entries,
  };
}

function cooldownMs(options: CooldownOptions, reason: FailoverReason, errorCount: number): number {
  if (reason === 'billing') return Math.min(options.billingBaseMs * 2 ** (errorCount - 1), options.billingMaxMs);
  if (reason === 'auth_permanent') return Math.min(options.authPermanentBaseMs * 2 ** (errorCount - 1), options.authPermanentMaxMs);
  return options.stepsMs[Math.min(errorCount, options.stepsMs.length) - 1]!;
}
