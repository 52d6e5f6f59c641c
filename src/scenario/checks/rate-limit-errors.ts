/**
 * Rate-limit errors users saw in the window: error texts a chat got that name
 * a rate limit (OpenClaw's "⚠️ API rate limit reached…", an all-models-failed
 * summary listing `(rate_limit)`, 2026.9's "rate-limited" copies). A users
 * check: 429s the gateway retried or failed over, answered in the end, are
 * pressure it absorbed, so they are reported beside the verdict (the incident
 * write-up's own count, `grep -c 'rate limit' gateway.err.log`, and the mock
 * journal's 429s served) and judged only by `rate-limits-absorbed`, a
 * gateway check a scenario names when it wants them gated.
 *
 * Precondition: a message was sent in the window and at least one reached a
 * model (answered with a reply or an error text, or still in a turn while the
 * mocks were being asked), and the mocks were asked in the window.
 * Otherwise 0 rate-limit errors proves nothing: an error naming why the
 * messages went nowhere (dropped by the allowlist, a failed turn, the
 * gateway's first error line), or that no request reached a provider (every
 * answer was the gateway's own text: a model its registry does not know, a
 * request no mock answered).
 */
import { z } from 'zod';
import type { Check } from './context.ts';
import { answered, inWindow, nothingTested, offset, unreached, windowMessages, type CheckContext, type CheckOutcome } from './context.ts';
import { absorbedRateLimits, absorbedSentence, absorbedEvidence, requestsInWindow, userRateLimitErrors } from './rate-limit-layers.ts';
import type { MessageAccounting } from '../message-accounting.ts';
import { dropLines } from '../message-accounting.ts';

type Params = { max: number };

const ParamsSchema = z
  .strictObject({
    max: z.number().int().min(0).default(0).describe('most rate-limit error texts users may get in the window (default 0)'),
  })
  .describe('rate-limit errors users saw in the window: error texts naming a rate limit; 429s the gateway absorbed are reported beside the verdict');

export const rateLimitErrors: Check<Params> = {
  layer: 'users',
  title: ({ max }) => `${max} rate-limit errors`,
  params: ParamsSchema,
  parse: (raw) => ParamsSchema.parse(raw),
  run(context, { max }) {
    if (context.messagesSent === 0) {
      return nothingTested('no message was sent in this step: nothing was tested', { messagesSent: 0 });
    }
    const messages = windowMessages(context);
    const requests = requestsInWindow(context).length;
    const inFlight = messages.pending > 0 && requests > 0;
    if (answered(messages) === 0 && !inFlight) return unreached(context, messages);
    if (requests === 0) return noRequestSent(context, messages);
    const seen = userRateLimitErrors(context);
    const absorbed = absorbedRateLimits(context);
    return {
      status: seen.length <= max ? 'pass' : 'fail',
      summary:
        `${seen.length} rate-limit error${seen.length === 1 ? '' : 's'} users saw (max ${max})` +
        `${messages.dropped > 0 ? ` · ${messages.dropped} of ${messages.sent} messages dropped` : ''} · gateway: ${absorbedSentence(absorbed)}`,
      evidence: [
        `${context.messagesSent} message(s) sent in the step: ${messages.replied} replied, ${messages.errorReplies} error repl${messages.errorReplies === 1 ? 'y' : 'ies'}, ${messages.dropped} dropped, ${messages.pending} pending`,
        ...dropLines(messages),
        ...seen.slice(0, 3).map((delivery) => `users: ${offset(context, delivery.atMs)} to chat ${delivery.chatId}: ${delivery.text.split('\n')[0]!.slice(0, 160)}`),
        ...absorbedEvidence(context, absorbed),
      ],
      figures: {
        rateLimitReplies: seen.length,
        max,
        messagesSent: context.messagesSent,
        rateLimitLines: absorbed.rateLimitLines.length,
        served429: absorbed.served429.length,
        largestPromptTokens: absorbed.largestPromptTokens,
      },
    };
  },
};

/** Every message got an error text and no provider was asked: the first error text, else the first error line, says why. */
function noRequestSent(context: CheckContext, messages: MessageAccounting): CheckOutcome {
  const text = context.record.deliveries.find((delivery) => delivery.kind === 'error' && inWindow(context, delivery.atMs))?.text.split('\n')[0];
  const line = context.record.log.find((record) => record.level !== 'info' && inWindow(context, record.atMs));
  const why = text !== undefined ? ` ("${text}")` : line !== undefined ? `; gateway.err.log: [${line.subsystem}] ${line.message.slice(0, 160)}` : '';
  return nothingTested(
    `no request reached a provider: ${messages.errorReplies} of ${messages.sent} message${messages.sent === 1 ? '' : 's'} got an error text${why}`,
    { messagesSent: messages.sent, errorReplies: messages.errorReplies, requests: 0 },
  );
}
