/**
 * The defaults OpenClaw applies at runtime but `config get` does not print. Each pinned
 * version's values are a field of its version profile (src/gateway/profiles/); config/
 * knows only their shape, and `effectiveSettings(config, defaults)` lays a config over them.
 */
export type RuntimeDefaults = {
  readonly heartbeat: { readonly everyMs: number; readonly ackMaxChars: number; readonly prompt: string; readonly target: string };
  readonly contextPruning: {
    readonly ttlMs: number;
    readonly anthropicAutoTtlMs: number;
    readonly keepLastAssistants: number;
    readonly softTrimRatio: number;
    readonly hardClearRatio: number;
    readonly minPrunableToolChars: number;
    readonly softTrim: { readonly maxChars: number; readonly headChars: number; readonly tailChars: number };
    readonly hardClear: { readonly enabled: boolean; readonly placeholder: string };
  };
  readonly lanes: { readonly sessionMaxConcurrent: number; readonly cronMaxConcurrentRuns: number; readonly nestedMaxConcurrent: number };
  readonly cron: { readonly enabled: boolean; readonly sessionRetentionMs: number; readonly reaperMinSweepIntervalMs: number };
  readonly cooldowns: {
    readonly billingBackoffHours: number;
    readonly billingBackoffHoursByProvider: Readonly<Record<string, number>>;
    readonly billingMaxHours: number;
    readonly authPermanentBackoffMinutes: number;
    readonly authPermanentMaxMinutes: number;
    readonly failureWindowHours: number;
    readonly overloadedProfileRotations: number;
    readonly overloadedBackoffMs: number;
    readonly rateLimitedProfileRotations: number;
  };
  /** Successive rate-limit/overload cooldowns of one auth profile; the last repeats. */
  readonly cooldownStepsMs: readonly number[];
  readonly telegram: {
    readonly apiRoot: string;
    readonly maxCommands: number;
    readonly tooManyCommandsRetryRatio: number;
    readonly retry: { readonly attempts: number; readonly minDelayMs: number; readonly maxDelayMs: number; readonly jitter: number };
    readonly nativeCommandsAuto: boolean;
    readonly nativeSkillsAuto: boolean;
  };
  /** The menu's total text budget, or null where the version caps the count only. */
  readonly telegramCommandTextBudgetChars: number | null;
  readonly maintenance: {
    readonly mode: 'enforce' | 'warn';
    readonly pruneAfterMs: number;
    readonly maxEntries: number;
    readonly rotateBytes: number | null;
    readonly maxDiskBytes: number | null;
    /** Of maxDiskBytes. */
    readonly highWaterRatio: number;
    readonly resetArchiveRetention: 'pruneAfter' | 'disk-pressure';
    /** The cap runs on every store write, or at the high-water mark above maxEntries. */
    readonly capTrigger: 'every-write' | 'high-water';
  };
  readonly queue: { readonly mode: string; readonly debounceMs: number; readonly cap: number; readonly drop: 'old' | 'new' | 'summarize' };
};

/** `HEARTBEAT_PROMPT`, openclaw/openclaw@2026.4.12 src/auto-reply/heartbeat.ts. Later releases reword it; quotastorm has not read the new text. */
export const HEARTBEAT_PROMPT =
  'Read HEARTBEAT.md if it exists (workspace context). Follow it strictly. Do not infer or repeat old tasks from prior chats. If nothing needs attention, reply HEARTBEAT_OK.';
