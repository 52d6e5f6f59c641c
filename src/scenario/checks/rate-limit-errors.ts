/**
 * Rate-limit errors in the window, counted both ways and both must hold:
 * the incident write-up's own command (`grep -c 'rate limit' gateway.err.log`)
 * and the mock journal's 429s served.
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
import type { MessageAccounting } from '../message-accounting.ts';
import { dropLines } from '../message-accounting.ts';

type Params = { max: number };

const ParamsSchema = z
  .strictObject({
    max: z.number().int().min(0).default(0).describe("most rate-limit errors allowed, counted both as grep -c 'rate limit' gateway.err.log and as 429s the mocks served (default 0)"),
  })
  .describe("rate-limit errors in the window: lines of gateway.err.log with 'rate limit', and 429s the mock providers served");

export const rateLimitErrors: Check<Params> = {
  title: ({ max }) => `${max} rate-limit errors`,
  params: ParamsSchema,
  parse: (raw) => ParamsSchema.parse(raw),
  run(context, { max }) {
    if (context.messagesSent === 0) {
      return nothingTested('no message was sent in this step: nothing was tested', { messagesSent: 0 });
    }
    const messages = windowMessages(context);
    const requests = context.record.journal.filter((entry) => inWindow(context, entry.atMs)).length;
    const inFlight = messages.pending > 0 && requests > 0;
    if (answered(messages) === 0 && !inFlight) return unreached(context, messages);
    if (requests === 0) return noRequestSent(context, messages);
    const lines = context.record.log.filter((record) => record.level !== 'info' && inWindow(context, record.atMs));
    const grepLines = lines.filter((record) => `[${record.subsystem}] ${record.message}`.includes('rate limit'));
    const served = context.record.journal.filter((entry) => entry.status === 429 && inWindow(context, entry.atMs));
    const worst = Math.max(grepLines.length, served.length);
    return {
      status: worst <= max ? 'pass' : 'fail',
      summary: `${grepLines.length} rate-limit lines in gateway.err.log · ${served.length} × 429 served (max ${max})${messages.dropped > 0 ? ` · ${messages.dropped} of ${messages.sent} messages dropped` : ''}`,
      evidence: [
        `${context.messagesSent} message(s) sent in the step`,
        ...dropLines(messages),
        ...grepLines.slice(0, 3).map((record) => `gateway.err.log ${offset(context, record.atMs)}: [${record.subsystem}] ${record.message.slice(0, 160)}`),
        ...served.slice(0, 3).map((entry) => `journal #${entry.seq} ${offset(context, entry.atMs)}: ${entry.provider}/${entry.model} 429 ${entry.errorType ?? ''}${entry.fault ? ` (fault: ${entry.fault})` : ''}`),
      ],
      figures: { rateLimitLines: grepLines.length, served429: served.length, messagesSent: context.messagesSent, max },
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
