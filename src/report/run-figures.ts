/**
 * The headline numbers of one run, named, for side-by-side comparison. Each
 * is a plain sum or copy of result fields, so a compare report's figures can
 * be checked against the JSON results by hand.
 */
import type { RunResult } from '../scenario/result.ts';

export type RunFigures = {
  readonly checksPassed: number;
  readonly checksTotal: number;
  /** 429s the mocks served, over all models. */
  readonly served429: number;
  readonly rateLimitLines: number;
  /** Failures that moved a turn on to the next candidate: the cascade's edges summed. */
  readonly fallbackHops: number;
  /** Model attempts over all candidates. */
  readonly candidateAttempts: number;
  readonly replies: number;
  readonly errorReplies: number;
  readonly surfacedErrors: number;
  readonly sessionsPeak: number;
  readonly sessionsAtEnd: number;
  /** The workload's messages: sent = replied + error replies + dropped + pending (message-accounting.ts). */
  readonly messagesSent: number;
  readonly messagesReplied: number;
  readonly messagesErrorReplies: number;
  readonly messagesDropped: number;
  readonly messagesPending: number;
};

export function runFigures(result: RunResult): RunFigures {
  return {
    checksPassed: result.verdict.passed,
    checksTotal: result.verdict.total,
    served429: sum(result.usage.map((usage) => usage.rateLimited)),
    rateLimitLines: result.logs.rateLimitLines,
    fallbackHops: sum(result.failover.flatMap((model) => Object.values(model.next))),
    candidateAttempts: sum(result.failover.map((model) => model.attempts)),
    replies: result.deliveries.replies,
    errorReplies: result.deliveries.errorReplies,
    surfacedErrors: result.deliveries.surfacedErrors,
    sessionsPeak: result.sessions.peak,
    sessionsAtEnd: result.sessions.atEnd,
    messagesSent: result.messages.sent,
    messagesReplied: result.messages.replied,
    messagesErrorReplies: result.messages.errorReplies,
    messagesDropped: result.messages.dropped,
    messagesPending: result.messages.pending,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
