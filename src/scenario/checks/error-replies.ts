/**
 * Error texts users saw in the window: the all-failed summary, surfaced raw errors ("An unknown error occurred").
 *
 * Precondition: a message was sent in the window and at least one was
 * answered (a reply or an error text). If every message was dropped or is
 * still pending, "0 error replies" says nothing: an error naming why.
 */
import { z } from 'zod';
import type { Check } from './context.ts';
import { answered, inWindow, nothingTested, offset, unreached, windowMessages } from './context.ts';
import { dropLines } from '../message-accounting.ts';

type Params = { max?: number; min?: number };

const ParamsSchema = z
  .strictObject({
    max: z.number().int().min(0).optional().describe('most error texts users may get in the window (default 0)'),
    min: z.number().int().min(0).optional().describe('fewest error texts users must get: to show a failure reproduces (replaces max)'),
  })
  .describe('error texts users got in the window: the all-models-failed summary or a raw provider error');

export const errorReplies: Check<Params> = {
  layer: 'users',
  title: ({ max, min }) => (min !== undefined ? `At least ${min} error replies (the failure reproduces)` : `At most ${max ?? 0} error replies`),
  params: ParamsSchema,
  parse: (raw) => ParamsSchema.parse(raw),
  run(context, { max, min }) {
    if (context.messagesSent === 0) {
      return nothingTested('no message was sent in this step: nothing was tested', { messagesSent: 0 });
    }
    const messages = windowMessages(context);
    if (answered(messages) === 0) return unreached(context, messages, 'were answered');
    const errors = context.record.deliveries.filter((delivery) => (delivery.kind === 'error' || delivery.kind === 'surfaced') && inWindow(context, delivery.atMs));
    const ok = (min === undefined || errors.length >= min) && (min !== undefined || errors.length <= (max ?? 0));
    return {
      status: ok ? 'pass' : 'fail',
      // A reply can answer several queued messages (collect mode): the messages count apart from the texts.
      summary: `${errors.length} error replies for ${context.messagesSent} messages${messages.errorReplies !== errors.length ? ` (${messages.errorReplies} messages answered with one)` : ''}${messages.dropped > 0 ? `; ${messages.dropped} dropped` : ''}${messages.pending > 0 ? `; ${messages.pending} still pending when the step ended` : ''}`,
      evidence: [...dropLines(messages), ...errors.slice(0, 3).map((error) => `${offset(context, error.atMs)} to chat ${error.chatId}: ${error.text.split('\n')[0]!.slice(0, 160)}`)],
      figures: { errorReplies: errors.length, messagesSent: context.messagesSent },
    };
  },
};
