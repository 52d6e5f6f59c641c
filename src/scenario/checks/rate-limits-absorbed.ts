/**
 * 429s the gateway absorbed in the window: the mocks' 429s served and the
 * gateway's rate-limit log lines (the write-up's `grep -c 'rate limit'
 * gateway.err.log`), the worse of the two against `max`. A gateway check: it
 * fails on pressure users may never have seen, so only a scenario that asks
 * for it gates on it; `rate-limit-errors` judges what users saw and reports
 * these figures beside its verdict.
 *
 * Precondition: the mocks were asked in the window; no request, no 429 to count.
 */
import { z } from 'zod';
import type { Check } from './context.ts';
import { nothingTested, windowMessages } from './context.ts';
import { absorbedEvidence, absorbedRateLimits, absorbedSentence, requestsInWindow, userRateLimitErrors } from './rate-limit-layers.ts';

type Params = { max: number };

const ParamsSchema = z
  .strictObject({
    max: z.number().int().min(0).default(0).describe('most 429s the gateway may absorb in the window — served by the mocks or logged as rate limits (default 0)'),
  })
  .describe('429s the gateway absorbed (retried or failed over) in the window, whether or not users saw them');

export const rateLimitsAbsorbed: Check<Params> = {
  layer: 'gateway',
  title: ({ max }) => `At most ${max} × 429 absorbed by the gateway`,
  params: ParamsSchema,
  parse: (raw) => ParamsSchema.parse(raw),
  run(context, { max }) {
    if (requestsInWindow(context).length === 0) return nothingTested('no request reached a provider in this window: no 429 could be served', { requests: 0 });
    const absorbed = absorbedRateLimits(context);
    const worst = Math.max(absorbed.served429.length, absorbed.rateLimitLines.length);
    const messages = windowMessages(context);
    const seen = userRateLimitErrors(context).length;
    return {
      status: worst <= max ? 'pass' : 'fail',
      summary: `${absorbedSentence(absorbed)} (max ${max}) · users: ${seen} rate-limit error${seen === 1 ? '' : 's'} seen, ${messages.replied} of ${messages.sent} messages replied`,
      evidence: absorbedEvidence(context, absorbed),
      figures: { served429: absorbed.served429.length, rateLimitLines: absorbed.rateLimitLines.length, max, rateLimitReplies: seen, largestPromptTokens: absorbed.largestPromptTokens },
    };
  },
};
