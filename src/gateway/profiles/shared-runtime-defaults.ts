/**
 * Runtime defaults neither pinned version changed: the v4.12 values both
 * inherit (reference: OpenClaw's own source of that release, as each line
 * says). A version profile spreads these and overrides what differs.
 */
import { HEARTBEAT_PROMPT, type RuntimeDefaults } from '../../config/runtime-defaults.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export const SHARED_RUNTIME_DEFAULTS = {
  heartbeat: {
    everyMs: 30 * MINUTE_MS, // DEFAULT_HEARTBEAT_EVERY = "30m" (§3.1); "0m" disables
    ackMaxChars: 300, // §3.1
    prompt: HEARTBEAT_PROMPT,
  },
  // DEFAULT_CONTEXT_PRUNING_SETTINGS (§2). Applied only when mode is "cache-ttl"; mode is off unless set.
  contextPruning: {
    ttlMs: 5 * MINUTE_MS,
    anthropicAutoTtlMs: HOUR_MS, // applyAnthropicConfigDefaults sets ttl "1h" (§2)
    keepLastAssistants: 3,
    softTrimRatio: 0.3,
    hardClearRatio: 0.5,
    minPrunableToolChars: 50_000,
    softTrim: { maxChars: 4_000, headChars: 1_500, tailChars: 1_500 },
    hardClear: { enabled: true, placeholder: '[Old tool result content cleared]' },
  },
  lanes: {
    sessionMaxConcurrent: 1, // one run per session at a time (§4.5)
    cronMaxConcurrentRuns: 1, // cron.maxConcurrentRuns ?? 1 (§3.3)
    nestedMaxConcurrent: 1, // fixed (§4.5)
  },
  cron: {
    // Reference silent on `cron.enabled`'s default; cron runs unless disabled, so true.
    enabled: true,
    sessionRetentionMs: 24 * HOUR_MS, // cron.sessionRetention default "24h" (§1.2, §3.3)
    reaperMinSweepIntervalMs: 5 * MINUTE_MS, // MIN_SWEEP_INTERVAL_MS (§1.2)
  },
  // resolveAuthCooldownConfig defaults (§4.1, v4.12); the reference has no 2026.2 values, so both share them.
  cooldowns: {
    billingBackoffHours: 5,
    billingBackoffHoursByProvider: {} as Record<string, number>,
    billingMaxHours: 24,
    authPermanentBackoffMinutes: 10,
    authPermanentMaxMinutes: 60,
    failureWindowHours: 24,
    overloadedProfileRotations: 1,
    overloadedBackoffMs: 0,
    rateLimitedProfileRotations: 1,
  },
  telegram: {
    apiRoot: 'https://api.telegram.org', // grammY's default; 2026.2 has no apiRoot key at all
    maxCommands: 100, // TELEGRAM_MAX_COMMANDS (§5; also in 2026.2.26, openclaw-2026-2-run.md §6)
    tooManyCommandsRetryRatio: 0.8, // BOT_COMMANDS_TOO_MUCH → retry with floor(n·0.8) (§5)
    retry: { attempts: 3, minDelayMs: 400, maxDelayMs: 30_000, jitter: 0.1 }, // §8.2
    // "auto" resolves to true for Telegram (nativeCommandsAutoEnabled / nativeSkillsAutoEnabled, §5).
    nativeCommandsAuto: true,
    nativeSkillsAuto: true,
  },
} as const satisfies Omit<RuntimeDefaults, 'heartbeat' | 'maintenance' | 'queue' | 'cooldownStepsMs' | 'telegramCommandTextBudgetChars'> & {
  heartbeat: Omit<RuntimeDefaults['heartbeat'], 'target'>;
};
