/**
 * A golden trace: what one real OpenClaw did in one trace case, normalized
 * so two recordings of the same behaviour compare equal where the behaviour
 * is the same (compare.ts) and carry their provenance where they cannot be
 * (version string, mock journal, the gateway's own log lines).
 *
 * test/golden/openclaw-<version>/<case>.json; written by `quotastorm record`
 * only — never by hand (README, "Golden traces").
 */
import { z } from 'zod';

export const TRACE_FORMAT = 'quotastorm.golden-trace/1';

const ProviderRequestSchema = z.strictObject({
  /** Mock provider (`gemini`, `openai`, …) and the model the request named. */
  provider: z.string(),
  model: z.string(),
  /** Wire operation: `streamGenerateContent`, `chat.completions`, … */
  api: z.string(),
  status: z.number().int(),
  /** The mock's provider-neutral outcome (`ok`, `rate-limited`, `finish-reason`, `reset-after-headers`, …). */
  outcome: z.string(),
  /** The fault schedule rule that answered, if one did (mocks/providers/fault-plan.ts labels). */
  fault: z.string().nullable(),
  /** Retry hint sent with a 429, ms (Gemini: RetryInfo in the body; OpenAI: retry-after header). */
  retryAfterMs: z.number().nullable(),
  /** `x-stainless-retry-count`: >0 is the OpenAI SDK's own retry. */
  clientRetryCount: z.number().nullable(),
  /** Arrival at the mock, ms after the user's message was handed to the Telegram mock. */
  offsetMs: z.number().int(),
});

const TelegramCallSchema = z.strictObject({
  method: z.string(),
  offsetMs: z.number().int(),
  params: z.record(z.string(), z.unknown()),
});

const LogLineSchema = z.strictObject({
  /** ms after the phase's start (gateway start for startup; the user's message for a turn). */
  offsetMs: z.number().int(),
  level: z.string(),
  /** `[subsystem] message`, ids, paths, ports and durations normalized (trace-build.ts). */
  line: z.string(),
});

const TurnSchema = z.strictObject({
  index: z.number().int().min(0),
  /** What the user wrote, and in which chat. */
  text: z.string(),
  chatId: z.number().int(),
  requests: z.array(ProviderRequestSchema),
  /** Bot API calls during the turn, except the long poll and the 60 s getMe/getWebhookInfo probes. */
  telegram: z.array(TelegramCallSchema),
  /** Every message text the user received, in order (sendMessage, then editMessageText results). */
  userTexts: z.array(z.string()),
  /** Offset of the first sendMessage, or null when the user got nothing. */
  firstReplyOffsetMs: z.number().int().nullable(),
  /** False if the turn was still busy when the case's timeout ended the wait. */
  settled: z.boolean(),
  logLines: z.array(LogLineSchema),
});

const JournalProviderSchema = z.strictObject({
  seq: z.number().int(),
  offsetMs: z.number().int(),
  provider: z.string(),
  api: z.string(),
  model: z.string(),
  stream: z.boolean(),
  status: z.number().int(),
  outcome: z.string(),
  errorType: z.string().nullable(),
  fault: z.string().nullable(),
  retryAfterMs: z.number().nullable(),
  clientRetryCount: z.number().nullable(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
});

const JournalTelegramSchema = z.strictObject({
  seq: z.number().int(),
  offsetMs: z.number().int(),
  method: z.string(),
  status: z.number().int(),
  chatId: z.number().int().nullable(),
  description: z.string().nullable(),
  commandCount: z.number().int().nullable(),
  textChars: z.number().int().nullable(),
});

export const GoldenTraceSchema = z.strictObject({
  format: z.literal(TRACE_FORMAT),
  case: z.string(),
  description: z.string(),
  gateway: z.strictObject({
    name: z.literal('openclaw'),
    /** The pinned version (src/sut/versions.ts). */
    version: z.string(),
    /** What `openclaw --version` printed. */
    reportedVersion: z.string(),
    node: z.string(),
  }),
  recording: z.strictObject({
    recordedAt: z.string(),
    isolation: z.enum(['netns', 'none']),
    seed: z.number().int(),
    /** Gateway launch → first Telegram long poll. */
    readyMs: z.number().int(),
    /** `virtual`: recorded on quotastorm's clock (src/sut/virtual-time/), every offset virtual; absent: real time. */
    clock: z.literal('virtual').optional(),
    /** Virtual time only: the real ms from gateway launch to stop, and the moves of time it took. */
    wallMs: z.number().int().optional(),
    moves: z.number().int().optional(),
  }),
  /** The openclaw.json the gateway ran with; the mock's address is `http://127.0.0.1:<mock>`, the run directory `<run>`. */
  config: z.record(z.string(), z.unknown()),
  /** The mock providers' fault schedule of the case. */
  faults: z.record(z.string(), z.unknown()),
  startup: z.strictObject({
    /** Bot API calls from launch until the startup settled (long polls left out). */
    telegram: z.array(TelegramCallSchema),
    /** The command menu as last set at startup: names in order, or null if setMyCommands was not called. */
    commandMenu: z.strictObject({ count: z.number().int(), commands: z.array(z.string()) }).nullable(),
    /** Provider requests before the first user message (heartbeat, warm-up): normally none. */
    requests: z.array(ProviderRequestSchema),
    logLines: z.array(LogLineSchema),
  }),
  turns: z.array(TurnSchema),
  /** Log lines after the last turn (shutdown). */
  shutdownLogLines: z.array(LogLineSchema),
  sessions: z.strictObject({
    store: z.enum(['sessions-json', 'sqlite']),
    /** Keys after seeding, before the recorded start; after the gateway stopped. Sorted. */
    before: z.array(z.string()),
    after: z.array(z.string()),
    /** SQLite stores only: rows kept but archived by maintenance (`archived_at` set). */
    archivedBefore: z.array(z.string()),
    archivedAfter: z.array(z.string()),
  }),
  /** The mocks' own record of the recorded phase; offsets from the gateway's launch. */
  journal: z.strictObject({
    providers: z.array(JournalProviderSchema),
    telegram: z.array(JournalTelegramSchema),
    /** getUpdates calls, counted rather than listed. */
    telegramPolls: z.number().int(),
  }),
});

export type GoldenTrace = z.infer<typeof GoldenTraceSchema>;
export type TraceTurn = z.infer<typeof TurnSchema>;
export type TraceRequest = z.infer<typeof ProviderRequestSchema>;
export type TraceLogLine = z.infer<typeof LogLineSchema>;
export type TraceTelegramCall = z.infer<typeof TelegramCallSchema>;
