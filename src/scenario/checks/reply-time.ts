/**
 * How long users waited for an answer: a percentile of the window's reply
 * times (arrival → reply or error reply, reply-times.ts) against `maxMs`
 * (at most, as scenario maxima are) or `belowMs` (strictly under, as k6's
 * `p(95)<30000` reads; `--threshold 'p95_reply<30s'` sets it): the
 * silence a user sits through while a turn retries and fails over.
 *
 * Precondition: a message of the window was answered. Dropped and pending
 * messages have no reply time, so a window where none was answered measured
 * nothing: an error naming where the messages went, never a pass.
 */
import { z } from 'zod';
import { percentileMs } from '../latency-percentiles.ts';
import { fatesReceivedIn } from '../message-accounting.ts';
import { isAnswered, replyTimeMs, replyTimes } from '../reply-times.ts';
import type { Check } from './context.ts';
import { nothingTested, offset, unreached, windowMessages } from './context.ts';

type Params = { percentile: number; maxMs?: number; belowMs?: number };

/** The slowest answers named in the evidence. */
const SLOWEST_SHOWN = 3;

const ParamsSchema = z
  .strictObject({
    percentile: z.number().gt(0).max(100).default(95).describe('which percentile of the reply times is judged: 50, 95 (default), 99, or 100 for the slowest'),
    maxMs: z.number().int().min(0).optional().describe('the percentile may be at most this many ms (give maxMs or belowMs)'),
    belowMs: z.number().int().min(1).optional().describe("the percentile must be strictly under this many ms, as k6's p(95)<30000 (give maxMs or belowMs)"),
  })
  .refine((params) => (params.maxMs === undefined) !== (params.belowMs === undefined), { message: 'exactly one of maxMs (at most) and belowMs (strictly under)' })
  .describe('how long users waited for an answer: a percentile of the window\'s times from arrival to reply or error reply');

export const replyTime: Check<Params> = {
  layer: 'users',
  title: ({ percentile, maxMs, belowMs }) => `${percentileName(percentile)} time to reply ${belowMs === undefined ? `≤ ${seconds(maxMs ?? 0)}` : `< ${seconds(belowMs)}`}`,
  params: ParamsSchema,
  parse: (raw) => ParamsSchema.parse(raw),
  run(context, params) {
    if (context.messagesSent === 0) return nothingTested('no message was sent in this step: nothing was tested', { messagesSent: 0 });
    const fates = fatesReceivedIn(context.record.messageFates, context.fromMs, context.toMs).slice(0, context.messagesSent);
    const times = replyTimes(fates, context.messagesSent);
    if (times.answered === 0) return unreached(context, windowMessages(context), 'were answered');
    const answered = fates.filter(isAnswered);
    const valueMs = percentileMs(answered.map(replyTimeMs), params.percentile) ?? 0;
    const ok = params.belowMs === undefined ? valueMs <= (params.maxMs ?? 0) : valueMs < params.belowMs;
    const slowest = [...answered].sort((a, b) => replyTimeMs(b) - replyTimeMs(a) || a.updateId - b.updateId).slice(0, SLOWEST_SHOWN);
    return {
      status: ok ? 'pass' : 'fail',
      summary: `${percentileName(params.percentile)} ${seconds(valueMs)} over ${times.answered} answered message${times.answered === 1 ? '' : 's'}${unmeasured(times)}`,
      evidence: [
        ...(times.reply === undefined ? [] : [`p50 ${seconds(times.reply.p50Ms)} · p95 ${seconds(times.reply.p95Ms)} · p99 ${seconds(times.reply.p99Ms)} · max ${seconds(times.reply.maxMs)}`]),
        ...slowest.map((entry) => `${offset(context, entry.receivedAtMs)} from ${entry.senderId}: ${entry.fate} after ${seconds(replyTimeMs(entry))}${entry.firstFallbackAtMs === undefined ? '' : `, first fallback after ${seconds(entry.firstFallbackAtMs - entry.receivedAtMs)}`}`),
      ],
      figures: {
        percentile: params.percentile,
        valueMs,
        ...(params.maxMs === undefined ? {} : { maxMs: params.maxMs }),
        ...(params.belowMs === undefined ? {} : { belowMs: params.belowMs }),
        answered: times.answered,
        dropped: times.dropped,
        pending: times.pending,
      },
    };
  },
};

/** `p95`, and `max` for the 100th percentile. */
function percentileName(percentile: number): string {
  return percentile === 100 ? 'max' : `p${percentile}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 3 })} s`;
}

/** `; 2 dropped, 1 pending (no reply time)` when some message was not answered. */
function unmeasured({ dropped, pending }: { dropped: number; pending: number }): string {
  const parts = [...(dropped > 0 ? [`${dropped} dropped`] : []), ...(pending > 0 ? [`${pending} pending`] : [])];
  return parts.length === 0 ? '' : `; ${parts.join(', ')} (no reply time)`;
}
