/**
 * The defaults OpenClaw applies at runtime but `config get` does not print, per behaviour
 * profile. The gateway reads these through `effectiveSettings(config, profile)`.
 *
 * `2026.2` is the incident's version (openclaw@2026.2.26); `2026.9` is openclaw@2026.9.6.
 * Sources: reference/openclaw.md (v4.12 code unless it says "latest"/docs-latest) and the two
 * run notes (openclaw-2026-2-run.md, openclaw-run.md). Where the reference only knows v4.12,
 * both profiles take the v4.12 value, and the comment says so.
 */
export const GATEWAY_PROFILES = ['2026.2', '2026.9'] as const;
export type GatewayProfile = (typeof GATEWAY_PROFILES)[number];

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const MIB = 1024 ** 2;
const GIB = 1024 ** 3;

/** `HEARTBEAT_PROMPT`, src/auto-reply/heartbeat.ts (§3.1, v4.12). docs-latest rewords it; the new text is not in the reference. */
export const HEARTBEAT_PROMPT =
  'Read HEARTBEAT.md if it exists (workspace context). Follow it strictly. Do not infer or repeat old tasks from prior chats. If nothing needs attention, reply HEARTBEAT_OK.';

const COMMON = {
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
} as const;

export const RUNTIME_DEFAULTS = {
  '2026.2': {
    ...COMMON,
    heartbeat: {
      ...COMMON.heartbeat,
      // v4.12 default (src/infra/heartbeat-summary.ts, §3.1); the reference has nothing older, so 2026.2 assumes it.
      target: 'none',
    },
    maintenance: {
      // v4.12 store-maintenance.ts (§1.1), and the bundled 2026.2.26 docs (openclaw-2026-2-run.md §5).
      mode: 'warn',
      pruneAfterMs: 30 * DAY_MS,
      maxEntries: 500,
      rotateBytes: 10 * MIB,
      maxDiskBytes: null, // off by default
      highWaterRatio: 0.8, // of maxDiskBytes
      resetArchiveRetention: 'pruneAfter', // defaults to pruneAfter
      capTrigger: 'every-write', // maintenance runs on every store write (§1.2)
    },
    queue: { mode: 'collect', debounceMs: 1_000, cap: 20, drop: 'summarize' }, // §4.5, v4.12
    // 1m → 5m → 25m → 1h: min(1h, 60s·5^(n-1)) before PR #49834 (§4.4); observed +60s in 2026.2.26.
    cooldownStepsMs: [MINUTE_MS, 5 * MINUTE_MS, 25 * MINUTE_MS, HOUR_MS],
    // The 5700-char menu budget is not mentioned for 2026.2.26 (only the 100 cap, openclaw-2026-2-run.md §6).
    telegramCommandTextBudgetChars: null,
  },
  '2026.9': {
    ...COMMON,
    heartbeat: { ...COMMON.heartbeat, target: 'owner' }, // docs-latest (§3.2)
    maintenance: {
      mode: 'enforce', // latest DEFAULT_SESSION_MAINTENANCE_MODE (§1.1)
      pruneAfterMs: 30 * DAY_MS,
      maxEntries: 5_000, // DEFAULT_SESSION_MAX_ENTRIES = 5e3 in openclaw@2026.9.6's dist/store-maintenance-*.mjs (§1.1's 500 is v4.12)
      rotateBytes: null, // removed; the schema rejects it (§1.1)
      maxDiskBytes: 10 * GIB, // DEFAULT_SESSION_MAX_DISK_BYTES (§1.1)
      highWaterRatio: 0.8,
      resetArchiveRetention: 'disk-pressure', // "keep until disk pressure" (§1.1)
      // cap runs at maxEntries + max(25, ceil(10%)), strictly at maxEntries + 1 when maxEntries ≤ 49 (§1.2)
      capTrigger: 'high-water',
    },
    // docs-latest: default mode steer with a built-in 500 ms debounce (§4.5, from docs, not code).
    // The reference gives no newer cap/drop, so those stay at v4.12's.
    queue: { mode: 'steer', debounceMs: 500, cap: 20, drop: 'summarize' },
    cooldownStepsMs: [30_000, MINUTE_MS, 5 * MINUTE_MS], // 30s → 1m → 5m (§4.4)
    telegramCommandTextBudgetChars: 5_700, // TELEGRAM_TOTAL_COMMAND_TEXT_BUDGET (§5)
  },
} as const;

export type RuntimeDefaults = (typeof RUNTIME_DEFAULTS)[GatewayProfile];
