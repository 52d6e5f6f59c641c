/**
 * Renders a decided fault as the provider's answer. A forced 429 goes through
 * the provider's own quota-429 renderer with a refusal the ledger did not
 * make (`forcedAdmission`), so it is worded exactly like a real one; the
 * journal tells them apart (a forced one has `fault` set and no
 * `violations`). Every other error-status fault is a row of the provider's
 * fault table, rendered here in its error envelope (`renderFaultRow`);
 * stream faults are drawn by the dialect.
 */
import { replyText } from '../wire-reply.ts';
import { type Answer, type Call, type Dialect, errorAnswer, type ErrorFormat, type FaultTable } from './dialect.ts';
import type { Fault, StatusFaultKind } from './faults.ts';
import type { Refusal, MeteredRequest, QuotaSnapshot } from './ledger.ts';
import type { StreamFaultBody } from './stream-faults.ts';
import type { QuotaDimension, QuotaLimits } from './tiers.ts';

/** What the exchange knows about the call's quota scope (nothing is charged). */
export type FaultContext = {
  readonly request: MeteredRequest;
  readonly scopeKey: string;
  readonly limits: QuotaLimits;
  /** The scope's state at arrival, uncharged. */
  readonly quota: QuotaSnapshot;
  /** Draws the one chunk a `truncated` answer sends. */
  readonly partialText: () => string;
};

export function faultAnswer<Body, Problem, Fields>(dialect: Dialect<Body, Problem, Fields>, call: Call<Body>, fault: Fault, context: FaultContext): Answer {
  switch (fault.kind) {
    case 'rate-limit':
      return dialect.rateLimited(call, forcedAdmission(call, context, fault.retryAfterMs));
    case 'rate-limit-no-retry-after':
    case 'overloaded':
    case 'server-error':
    case 'bad-gateway':
    case 'unavailable':
    case 'timeout':
    case 'budget-exhausted':
    case 'billing':
    case 'payment-required':
    case 'auth':
    case 'forbidden':
    case 'context-length':
      return renderFaultRow(dialect.errors, dialect.faults, fault.kind, call, context.quota);
    case 'error-in-stream': {
      const forced = dialect.rateLimited(call, forcedAdmission(call, context, fault.retryAfterMs));
      return streamFault(dialect, call, { kind: fault.kind, rateLimitJson: replyText(forced.reply) }, context.quota);
    }
    case 'finish-reason':
      return streamFault(dialect, call, { kind: fault.kind, finishReason: fault.finishReason }, context.quota);
    case 'truncated':
      return streamFault(dialect, call, { kind: fault.kind, text: context.partialText() }, context.quota);
    case 'empty-stream':
    case 'reset-after-headers':
      return streamFault(dialect, call, { kind: fault.kind }, context.quota);
  }
}

/** The row for `kind` in the provider's envelope; the outcome is the kind itself. Headers show the scope's uncharged state. */
function renderFaultRow<Fields>(
  errors: ErrorFormat<Fields>,
  faults: FaultTable<Fields>,
  kind: StatusFaultKind,
  call: Call<unknown>,
  quota: QuotaSnapshot,
): Answer {
  const row = faults[kind];
  const fields = 'errorFor' in row ? row.errorFor(call) : row.error;
  return errorAnswer(errors, row.status, fields, kind, { atMs: call.atMs, quota });
}

function streamFault<Body, Problem, Fields>(dialect: Dialect<Body, Problem, Fields>, call: Call<Body>, body: StreamFaultBody, quota: QuotaSnapshot): Answer {
  return { reply: dialect.streamFault(call, body, quota), outcome: body.kind };
}

/**
 * A refusal the ledger did not make: the scope's requests-per-minute shown
 * full ("Limit 500, Used 500, Requested 1"), waiting `retryAfterMs` —
 * by default until the next whole virtual minute, what a fixed per-minute
 * window would say (always in (0, 60 s]).
 */
function forcedAdmission(call: Call<unknown>, context: FaultContext, retryAfterMs?: number): Refusal {
  const dimension = shownDimension(context.quota);
  const limit = context.quota[dimension]?.limit ?? context.limits[dimension] ?? 1;
  const waitMs = retryAfterMs ?? 60_000 - (call.atMs % 60_000);
  return {
    admitted: false,
    scopeKey: context.scopeKey,
    limits: context.limits,
    before: context.quota,
    after: { ...context.quota, [dimension]: { limit, used: limit, remaining: 0, resetInMs: waitMs } },
    violations: [{ dimension, limit, used: limit, requested: 1, retryAfterMs: waitMs, tooLarge: false }],
    retryAfterMs: waitMs,
    request: context.request,
  };
}

/** RPM where the provider meters it (all five do in the default tiers); otherwise its first metered dimension. */
function shownDimension(quota: QuotaSnapshot): QuotaDimension {
  if (quota.requestsPerMinute) return 'requestsPerMinute';
  return (Object.keys(quota)[0] as QuotaDimension | undefined) ?? 'requestsPerMinute';
}
