/**
 * Runtime defaults neither pinned version changed: the values in OpenClaw
 * 2026.4.12's source (openclaw/openclaw main at 2026-04-13), which lies
 * between the two pins; each line names its file. A version profile spreads
 * these and overrides what differs.
 */
import { HEARTBEAT_PROMPT, type RuntimeDefaults } from '../../config/runtime-defaults.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export const SHARED_RUNTIME_DEFAULTS = {
  heartbeat: {
    everyMs: 30 * MINUTE_MS, // DEFAULT_HEARTBEAT_EVERY = "30m" (src/auto-reply/heartbeat.ts); "0m" disables
    ackMaxChars: 300, // heartbeat.ackMaxChars default (src/auto-reply/heartbeat.ts)
    prompt: HEARTBEAT_PROMPT,
  },
  // DEFAULT_CONTEXT_PRUNING_SETTINGS (src/agents/pi-hooks/context-pruning/settings.ts). Applied only when mode
  // is "cache-ttl"; mode is off unless set.
  contextPruning: {
    ttlMs: 5 * MINUTE_MS,
    anthropicAutoTtlMs: HOUR_MS, // applyAnthropicConfigDefaults sets ttl "1h" (extensions/anthropic/config-defaults.ts)
    keepLastAssistants: 3,
    softTrimRatio: 0.3,
    hardClearRatio: 0.5,
    minPrunableToolChars: 50_000,
    softTrim: { maxChars: 4_000, headChars: 1_500, tailChars: 1_500 },
    hardClear: { enabled: true, placeholder: '[Old tool result content cleared]' },
  },
  lanes: {
    sessionMaxConcurrent: 1, // one run per session at a time (src/process/command-queue.ts)
    cronMaxConcurrentRuns: 1, // cron.maxConcurrentRuns ?? 1 (src/gateway/server-lanes.ts)
    nestedMaxConcurrent: 1, // fixed (src/process/lanes.ts)
  },
  cron: {
    // Unverified: no source read states `cron.enabled`'s default; cron runs unless disabled, so true.
    enabled: true,
    sessionRetentionMs: 24 * HOUR_MS, // cron.sessionRetention default "24h" (src/cron/session-reaper.ts)
    reaperMinSweepIntervalMs: 5 * MINUTE_MS, // MIN_SWEEP_INTERVAL_MS (src/cron/session-reaper.ts)
  },
  // resolveAuthCooldownConfig defaults (src/agents/auth-profiles/usage.ts). Unverified for either pin: no
  // source of 2026.2.26 or 2026.9.6 was read for them, so both share these.
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
    // TELEGRAM_MAX_COMMANDS (extensions/telegram/src/bot-native-command-menu.ts; also in 2026.2.26's dist).
    maxCommands: 100,
    tooManyCommandsRetryRatio: 0.8, // BOT_COMMANDS_TOO_MUCH → retry with floor(n·0.8) (bot-native-command-menu.ts)
    retry: { attempts: 3, minDelayMs: 400, maxDelayMs: 30_000, jitter: 0.1 }, // channels.telegram.retry defaults (src/infra/retry-policy.ts)
    // "auto" resolves to true for Telegram (nativeCommandsAutoEnabled / nativeSkillsAutoEnabled,
    // src/config/commands.ts and extensions/telegram/src/shared.ts).
    nativeCommandsAuto: true,
    nativeSkillsAuto: true,
  },
} as const satisfies Omit<RuntimeDefaults, 'heartbeat' | 'maintenance' | 'queue' | 'cooldownStepsMs' | 'telegramCommandTextBudgetChars'> & {
  heartbeat: Omit<RuntimeDefaults['heartbeat'], 'target'>;
};
