/**
 * The hook a fault schedule plugs into. The exchange asks `decide` before the
 * ledger, so a fault answers instead of the quota logic and is not charged
 * (the outages it imitates happen before metering, and a schedule wants its
 * answers exact, whatever the quota state). A decision may also carry a
 * latency, slept on the clock before the answer — faulty or not — is returned.
 *
 * Seeded schedules as data live in fault-schedule.ts (format) and
 * fault-plan.ts (`createFaultPlan`). Each provider answers every
 * error-status kind from its own table (`FaultTable` in dialect.ts:
 * `GEMINI_FAULTS`, `openaiFaults`, `anthropicFaults`, `MOONSHOT_FAULTS`,
 * `XAI_FAULTS`, `BEDROCK_FAULTS`, `OLLAMA_FAULTS`), rendered by one function
 * (fault-answer.ts). They differ most on `overloaded` (Anthropic 529, Gemini
 * and OpenAI 503, Moonshot and xAI a 429 of their capacity shape) and on
 * `billing` (OpenAI's `insufficient_quota` 429, Anthropic's credit-balance
 * 400, Gemini's depleted-prepayment 429). `auth` is always a 401,
 * `forbidden` a 403, `payment-required` a 402, `bad-gateway` a 502 and
 * `timeout` a 504, each in the provider's own envelope; `context-length` is
 * the provider's own context-window 400 for a prompt one token over the
 * model's window. A request that never answers is a `latency` rule
 * (fault-schedule.ts): the client's own timeout ends it.
 *
 * A `rate-limit` is the provider's own quota 429 with RPM shown full,
 * rendered by the same code as a ledger refusal (fault-answer.ts).
 * Stream faults are 200s that go wrong in the body, the answers OpenClaw
 * 2026.2.26 mishandles: see stream-faults.ts for what each looks like per format.
 */
import type { ProviderId } from './models.ts';

/** Answers with an error status instead of the quota logic. */
export const ERROR_FAULT_KINDS = [
  'rate-limit',
  'rate-limit-no-retry-after',
  'overloaded',
  'server-error',
  'bad-gateway',
  'unavailable',
  'timeout',
  'budget-exhausted',
  'billing',
  'payment-required',
  'auth',
  'forbidden',
  'context-length',
] as const;
/** Answers 200, then the body goes wrong (stream-faults.ts). */
const STREAM_FAULT_KINDS = ['finish-reason', 'empty-stream', 'error-in-stream', 'reset-after-headers', 'truncated'] as const;
const FAULT_KINDS = [...ERROR_FAULT_KINDS, ...STREAM_FAULT_KINDS] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];
type ErrorFaultKind = (typeof ERROR_FAULT_KINDS)[number];
export type StreamFaultKind = (typeof STREAM_FAULT_KINDS)[number];
/** The error faults a dialect renders itself (`rate-limit` reuses its quota 429). */
export type StatusFaultKind = Exclude<ErrorFaultKind, 'rate-limit'>;

export type Fault =
  | {
      readonly kind: Exclude<FaultKind, 'finish-reason'>;
      /** Names the schedule rule that fired, for the journal (`fault` field). */
      readonly label: string;
      /** The retry hint of a forced 429 (`rate-limit`, `error-in-stream`); default: until the next virtual minute. */
      readonly retryAfterMs?: number;
    }
  | {
      readonly kind: 'finish-reason';
      /** As written in the schedule; each format maps it to its own vocabulary (stream-faults.ts). */
      readonly finishReason: string;
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
  /** The estimator's prompt tokens (tokens.ts), for probabilities that grow with the prompt. */
  readonly inputTokens: number;
  /** `x-stainless-retry-count` if sent, so a schedule can fail only first attempts. */
  readonly clientRetryCount: number | undefined;
};

type FaultDecision = {
  /** Answer with this instead of the quota logic; undefined = the normal path. */
  readonly fault?: Fault;
  /** Virtual ms slept on the clock before the answer is returned; 0 or undefined = none. */
  readonly latencyMs?: number;
};

export type FaultPlan = {
  decide(request: FaultRequest): FaultDecision | undefined;
};
