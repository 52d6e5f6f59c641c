/**
 * OpenClaw's Telegram retry runner (`createTelegramRetryRunner` over
 * `retryAsync`, src/infra/retry-policy.ts and retry.ts, read in 2026.2.26),
 * on the clock, with its jitter drawn from the seeded Prng instead of
 * Math.random. `channels.telegram.retry` sets it: attempts 3, 400 ms → 30 s,
 * jitter 0.1 (its defaults in retry-policy.ts).
 *
 * An error is retried when its text matches
 * /429|timeout|connect|reset|closed|unavailable|temporarily/i. The wait is
 * Telegram's `retry_after` (never below minDelayMs) when it gave one, else
 * minDelayMs · 2^(attempt−1); capped at maxDelayMs, scaled by 1 ± jitter,
 * then clamped to [minDelayMs, maxDelayMs]. So with jitter a retry can come
 * up to 10 % before `retry_after` has passed, as it does in OpenClaw.
 */
import type { Clock } from '../../clock/clock.ts';
import type { Prng } from '../../clock/prng.ts';
import { errorText, retryAfterMs } from './telegram-api.ts';

export type RetryConfig = { readonly attempts: number; readonly minDelayMs: number; readonly maxDelayMs: number; readonly jitter: number };

const TELEGRAM_RETRY_PATTERN = /429|timeout|connect|reset|closed|unavailable|temporarily/i;

export type RetryDeps = { readonly clock: Clock; readonly prng: Prng; readonly config: RetryConfig; readonly signal?: AbortSignal };

/** Runs `call` until it succeeds, its error is not retryable, or the attempts are spent; rethrows the last error. */
export async function withTelegramRetry<T>(deps: RetryDeps, call: () => Promise<T>): Promise<T> {
  const config = normalized(deps.config);
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= config.attempts || !TELEGRAM_RETRY_PATTERN.test(errorText(error))) throw error;
      await deps.clock.sleep(retryDelayMs(config, attempt, retryAfterMs(error), deps.prng), deps.signal);
    }
  }
}

export function retryDelayMs(config: RetryConfig, attempt: number, hintedMs: number | undefined, prng: Prng): number {
  const baseMs = hintedMs !== undefined ? Math.max(hintedMs, config.minDelayMs) : config.minDelayMs * 2 ** (attempt - 1);
  const cappedMs = Math.min(baseMs, config.maxDelayMs);
  const jitteredMs = config.jitter > 0 ? Math.max(0, Math.round(cappedMs * (1 + (prng.float() * 2 - 1) * config.jitter))) : cappedMs;
  return Math.min(Math.max(jitteredMs, config.minDelayMs), config.maxDelayMs);
}

// resolveRetryConfig: attempts ≥ 1 (rounded), delays ≥ 0 (rounded), maxDelayMs ≥ minDelayMs, jitter in [0, 1].
function normalized(config: RetryConfig): RetryConfig {
  const minDelayMs = Math.max(0, Math.round(config.minDelayMs));
  return {
    attempts: Math.max(1, Math.round(config.attempts)),
    minDelayMs,
    maxDelayMs: Math.max(minDelayMs, Math.round(config.maxDelayMs)),
    jitter: Math.min(1, Math.max(0, config.jitter)),
  };
}
