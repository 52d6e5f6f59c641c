/**
 * How long users waited: per message, virtual time from the gateway
 * receiving it to its reply or error reply (its fate's `atMs`: sealed once
 * the answer was sent), and for turns that failed over, to the first
 * fallback. Dropped and pending messages were never answered, so they have
 * no reply time: they are counted apart, never as 0 or as the run's length.
 * Read from the run record's message fates, like message-accounting.ts.
 */
import type { MessageFate } from '../gateway/message-fates.ts';
import { percentilesOf, type Percentiles } from './latency-percentiles.ts';

export type ReplyTimes = {
  /** Messages answered (a reply or an error reply): each has a reply time. */
  readonly answered: number;
  /** Messages without a reply time: dropped, or still pending when the run ended. */
  readonly dropped: number;
  readonly pending: number;
  /** Arrival → reply or error reply; absent when no message was answered. */
  readonly reply?: Percentiles;
  /** Messages whose turn failed over to another model, and arrival → its first fallback. */
  readonly failedOver: number;
  readonly firstFallback?: Percentiles;
};

/** The reply times of `sent` messages whose fates (so far) are `fates`; fates beyond `sent` are not the workload's, as in accountMessages. */
export function replyTimes(fates: readonly MessageFate[], sent: number): ReplyTimes {
  const counted = fates.slice(0, sent);
  const answered = counted.filter(isAnswered);
  const dropped = counted.filter((entry) => entry.fate === 'dropped').length;
  const fellBack = counted.flatMap((entry) => (entry.firstFallbackAtMs === undefined ? [] : [entry.firstFallbackAtMs - entry.receivedAtMs]));
  const reply = percentilesOf(answered.map(replyTimeMs));
  const firstFallback = percentilesOf(fellBack);
  return {
    answered: answered.length,
    dropped,
    pending: sent - counted.length,
    ...(reply === undefined ? {} : { reply }),
    failedOver: fellBack.length,
    ...(firstFallback === undefined ? {} : { firstFallback }),
  };
}

export function isAnswered(entry: MessageFate): boolean {
  return entry.fate === 'replied' || entry.fate === 'error-reply';
}

/** Arrival → the answer, for an answered message. */
export function replyTimeMs(entry: MessageFate): number {
  return entry.atMs - entry.receivedAtMs;
}
