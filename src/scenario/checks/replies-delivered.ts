/**
 * Replies users got in the window: at least `min`, and by default one per message sent.
 *
 * Precondition: a message was sent in the window. Messages that got no reply
 * are a failure, not an error, and the summary says where they went (dropped
 * and why, or still pending).
 */
import { z } from 'zod';
import type { Check } from './context.ts';
import { inWindow, nothingTested, windowMessages } from './context.ts';
import { dropLines } from '../message-accounting.ts';

type Params = { min: number | 'all' };

const ParamsSchema = z
  .strictObject({
    min: z
      .union([z.number().int().min(0), z.literal('all')])
      .default('all')
      .describe('fewest replies users must get in the window: a number, or "all" for one per message sent (default "all")'),
  })
  .describe('replies users got in the window (error texts do not count)');

export const repliesDelivered: Check<Params> = {
  layer: 'users',
  title: ({ min }) => (min === 'all' ? 'Every message answered' : `At least ${min} replies delivered`),
  params: ParamsSchema,
  parse: (raw) => ParamsSchema.parse(raw),
  run(context, { min }) {
    if (context.messagesSent === 0) {
      return nothingTested('no message was sent in this step: nothing was tested', { messagesSent: 0 });
    }
    const replies = context.record.deliveries.filter((delivery) => delivery.kind === 'reply' && inWindow(context, delivery.atMs));
    const needed = min === 'all' ? context.messagesSent : min;
    const messages = windowMessages(context);
    const unanswered = [...(messages.dropped > 0 ? [`${messages.dropped} dropped`] : []), ...(messages.pending > 0 && replies.length < needed ? [`${messages.pending} pending`] : [])];
    return {
      status: replies.length >= needed ? 'pass' : 'fail',
      summary: `${replies.length} replies for ${context.messagesSent} messages (needed ${needed})${unanswered.length > 0 ? `; ${unanswered.join(', ')}` : ''}`,
      evidence: [...dropLines(messages), ...replies.slice(0, 3).map((reply) => `reply from ${reply.modelRef}: ${reply.text.slice(0, 80)}`)],
      figures: { replies: replies.length, messagesSent: context.messagesSent, needed },
    };
  },
};
