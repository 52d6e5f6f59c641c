/**
 * Rate limits in the layers a verdict distinguishes (layers.ts): the error
 * texts users saw that name one, and the pressure the gateway absorbed — the
 * mocks' 429s and the gateway's rate-limit log lines — with the size of the
 * largest request, which is what decides whether a burst overruns a
 * tokens-a-minute limit at all.
 */
import type { Delivery } from '../../gateway/gateway.ts';
import type { LogRecord } from '../../gateway/log.ts';
import type { JournalEntry } from '../../../mocks/providers/journal.ts';
import { inWindow, offset, type CheckContext } from './context.ts';

/**
 * What OpenClaw's user-facing texts say when a rate limit is behind them: 2026.2's
 * "⚠️ API rate limit reached…" and the all-failed summary's `(rate_limit)`, 2026.9's
 * "rate-limited" copies and its "returned HTTP 429" copy (src/gateway/router/texts.ts,
 * failure-reply.ts), and a provider's own words passed through ("RESOURCE_EXHAUSTED", "quota").
 */
const RATE_LIMIT_TEXT = /rate.?limit|\b429\b|resource.?exhausted|too many requests|quota/i;

export type AbsorbedRateLimits = {
  /** The write-up's own count: `grep -c 'rate limit' gateway.err.log`. */
  readonly rateLimitLines: readonly LogRecord[];
  /** 429s the mocks served. */
  readonly served429: readonly JournalEntry[];
  /** The largest prompt a provider was sent in the window (refused requests included). */
  readonly largestPromptTokens: number;
};

export function requestsInWindow(context: CheckContext): JournalEntry[] {
  return context.record.journal.filter((entry) => inWindow(context, entry.atMs));
}

/** Error texts (the gateway's, or a provider's surfaced as is) that a chat got in the window and that name a rate limit. */
export function userRateLimitErrors(context: CheckContext): Delivery[] {
  return context.record.deliveries.filter(
    (delivery) => (delivery.kind === 'error' || delivery.kind === 'surfaced') && inWindow(context, delivery.atMs) && RATE_LIMIT_TEXT.test(delivery.text),
  );
}

export function absorbedRateLimits(context: CheckContext): AbsorbedRateLimits {
  const requests = requestsInWindow(context);
  return {
    rateLimitLines: context.record.log.filter(
      (record) => record.level !== 'info' && inWindow(context, record.atMs) && `[${record.subsystem}] ${record.message}`.includes('rate limit'),
    ),
    served429: requests.filter((entry) => entry.status === 429),
    largestPromptTokens: Math.max(0, ...requests.map((entry) => entry.inputTokens)),
  };
}

/** `4 × 429 served, 6 rate-limit lines in gateway.err.log, largest request 258,658 tokens`. */
export function absorbedSentence(absorbed: AbsorbedRateLimits): string {
  return (
    `${absorbed.served429.length} × 429 served, ${absorbed.rateLimitLines.length} rate-limit line${absorbed.rateLimitLines.length === 1 ? '' : 's'} in gateway.err.log, ` +
    `largest request ${absorbed.largestPromptTokens.toLocaleString('en-US')} tokens`
  );
}

/** The first few log lines and 429s, each marked as the gateway's layer. */
export function absorbedEvidence(context: CheckContext, absorbed: AbsorbedRateLimits): string[] {
  return [
    ...absorbed.rateLimitLines.slice(0, 3).map((record) => `gateway: gateway.err.log ${offset(context, record.atMs)}: [${record.subsystem}] ${record.message.slice(0, 160)}`),
    ...absorbed.served429
      .slice(0, 3)
      .map((entry) => `gateway: journal #${entry.seq} ${offset(context, entry.atMs)}: ${entry.provider}/${entry.model} 429 ${entry.errorType ?? ''}${entry.fault ? ` (fault: ${entry.fault})` : ''}`.trimEnd()),
  ];
}
