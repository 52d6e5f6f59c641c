/** Replies users got in the window: at least `min`, and by default one per message sent. */
import { z } from 'zod';
import type { Check } from './context.ts';
import { inWindow, nothingTested } from './context.ts';

type Params = { min: number | 'all' };

export const repliesDelivered: Check<Params> = {
  title: ({ min }) => (min === 'all' ? 'Every message answered' : `At least ${min} replies delivered`),
  parse: (raw) => z.strictObject({ min: z.union([z.number().int().min(0), z.literal('all')]).default('all') }).parse(raw),
  run(context, { min }) {
    if (context.messagesSent === 0) {
      return nothingTested('no message was sent in this step: nothing was tested', { messagesSent: 0 });
    }
    const replies = context.record.deliveries.filter((delivery) => delivery.kind === 'reply' && inWindow(context, delivery.atMs));
    const needed = min === 'all' ? context.messagesSent : min;
    return {
      status: replies.length >= needed ? 'pass' : 'fail',
      summary: `${replies.length} replies for ${context.messagesSent} messages (needed ${needed})`,
      evidence: replies.slice(0, 3).map((reply) => `reply from ${reply.modelRef}: ${reply.text.slice(0, 80)}`),
      figures: { replies: replies.length, messagesSent: context.messagesSent, needed },
    };
  },
};
