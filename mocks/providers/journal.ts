/**
 * The mock side's record of every request: what arrived, in which quota
 * scope, what the ledger said before and after, and what was answered.
 *
 * Checks judge a run from this side as well as from the gateway's logs, so
 * an entry carries enough to explain a
 * 429 on its own: the scope key, the violated dimensions, the quota state
 * and the retry hint that was sent. Entries are appended in the order
 * responses were decided, which on a virtual clock is deterministic.
 *
 * This file holds the journal's types only; `createJournal`
 * (journal-store.ts) implements them, so the store and every reader depend
 * on this file and never on each other.
 */
import type { StreamFaultKind } from './faults.ts';
import type { QuotaSnapshot } from './ledger.ts';
import type { ProviderId } from './models.ts';
import type { QuotaDimension } from './tiers.ts';

/** Provider-neutral outcome, for checks that compare providers. */
export type Outcome =
  | 'ok'
  | 'rate-limited'
  | 'too-large'
  | 'overloaded'
  | 'server-error'
  | 'unavailable'
  | 'budget-exhausted'
  /** Forced by a fault (faults.ts); never from the quota logic. */
  | 'rate-limit-no-retry-after'
  | 'bad-gateway'
  | 'timeout'
  | 'billing'
  | 'payment-required'
  | 'auth'
  | 'forbidden'
  | 'context-length'
  /** A 200 whose body went wrong (stream-faults.ts); always from a fault. */
  | StreamFaultKind
  | 'bad-request'
  | 'not-found'
  | 'context-too-long';

export type JournalEntry = {
  readonly seq: number;
  /** Virtual (or real) time the request arrived. */
  readonly atMs: number;
  readonly provider: ProviderId;
  /** Wire operation, e.g. `generateContent`, `chat.completions`, `messages`. */
  readonly api: string;
  readonly model: string;
  readonly stream: boolean;
  /** Undefined when the request never reached the fault hook (400, 404, context too long). */
  readonly scopeKey: string | undefined;
  /** `x-stainless-retry-count` if the client sent it: tells SDK retries apart. */
  readonly clientRetryCount: number | undefined;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly quotaBefore: QuotaSnapshot | undefined;
  readonly quotaAfter: QuotaSnapshot | undefined;
  readonly status: number;
  readonly outcome: Outcome;
  /** The provider's own error label: Gemini `status`, OpenAI `code`, Anthropic `error.type`, xAI `code`. */
  readonly errorType: string | undefined;
  readonly violations: readonly QuotaDimension[] | undefined;
  /** The retry hint sent (header or body), in ms. */
  readonly retryAfterMs: number | undefined;
  /**
   * The schedule rule that forced this answer, e.g. `rule 2: script 429 (1/3)`.
   * Set ⇔ the answer is a fault: a forced 429 has `fault` and no `violations`,
   * a quota 429 the reverse. Faults are never charged to the ledger.
   */
  readonly fault: string | undefined;
  /** Virtual ms the answer was held back (fault latency); it left at `atMs + latencyMs`. */
  readonly latencyMs: number | undefined;
};

export type JournalRecord = Omit<JournalEntry, 'seq'>;

type JournalFilter = Partial<
  Pick<JournalEntry, 'provider' | 'model' | 'api' | 'stream' | 'scopeKey' | 'status' | 'outcome' | 'errorType' | 'fault' | 'latencyMs'>
>;

/** Append-only and numbered in recording order, like the Telegram journal (record-log.ts), but stored in columns (journal-store.ts). */
export type Journal = {
  /** Every entry so far, oldest first. */
  readonly entries: readonly JournalEntry[];
  /** How many entries so far, without building them. */
  readonly length: number;
  record(entry: JournalRecord): void;
  /** Entries matching every field of `filter`, or the predicate. */
  where(filter: JournalFilter | ((entry: JournalEntry) => boolean)): JournalEntry[];
  /** One JSON object per line, oldest first, newline-terminated. */
  toJsonl(): string;
};
