/**
 * The busiest minute a model saw against a threshold: by default its limit
 * (stay under it), or a floor (`min`) to show a failure reproduces — the
 * incident's Gemini 2.5 Flash peaked at 1.42M tokens a minute against 1M.
 *
 * Precondition: the model got at least one request in the window, and there
 * is a threshold (a limit or `max`). A model nothing was sent to proves no
 * peak: an error naming where the messages went instead.
 */
import { formatOffsetMs } from '../../clock/format-offset.ts';
import { z } from 'zod';
import { modelUsage } from '../usage.ts';
import type { Check } from './context.ts';
import { inWindow, nothingTested, unreached, windowMessages } from './context.ts';

type Params = { model: string; metric: 'tpm' | 'rpm'; max?: number | 'limit'; min?: number };

const ParamsSchema = z
  .strictObject({
    model: z
      .string()
      .regex(/^[a-z]+\/.+$/, 'a provider/model reference')
      .describe('the model measured, as provider/model: "google/gemini-2.5-flash"'),
    metric: z.enum(['tpm', 'rpm']).default('tpm').describe('tpm: tokens per minute (default); rpm: requests per minute'),
    max: z
      .union([z.number().int().min(0), z.literal('limit')])
      .optional()
      .describe('the busiest minute may reach at most this: a number, or "limit" for the model\'s limit in the mocks (default "limit")'),
    min: z.number().int().min(0).optional().describe('the busiest minute must reach at least this: to show the overload reproduces (replaces max)'),
  })
  .describe("a model's busiest calendar minute, in tokens or requests, against its limit or a number");

export const peakUsage: Check<Params> = {
  layer: 'providers',
  title: ({ model, metric, max, min }) =>
    min !== undefined ? `${model} peak ${metric.toUpperCase()} ≥ ${min.toLocaleString('en-US')}` : `${model} peak ${metric.toUpperCase()} ≤ ${max === undefined || max === 'limit' ? 'its limit' : max.toLocaleString('en-US')}`,
  params: ParamsSchema,
  parse: (raw) => ParamsSchema.parse(raw),
  run(context, params) {
    const entries = context.record.journal.filter((entry) => inWindow(context, entry.atMs));
    const usage = modelUsage(entries, (modelRef) => context.record.limits[modelRef] ?? {}, context.runStartMs).find((model) => model.modelRef === params.model);
    if (usage === undefined || usage.requests === 0) {
      const messages = windowMessages(context);
      if (messages.sent > 0 && messages.replied + messages.errorReplies === 0) return unreached(context, messages);
      return nothingTested(`no request reached ${params.model} in this window: nothing was measured`, { requests: 0 });
    }
    const peak = params.metric === 'tpm' ? usage?.peakTokensPerMinute : usage?.peakRequestsPerMinute;
    const limit = params.metric === 'tpm' ? usage?.limits.tokensPerMinute : usage?.limits.requestsPerMinute;
    const value = peak?.value ?? 0;
    const threshold = params.min ?? (params.max === undefined || params.max === 'limit' ? limit : params.max);
    if (threshold === undefined) {
      return nothingTested(`${params.model} has no ${params.metric.toUpperCase()} limit to compare with; give max`, { peak: value });
    }
    const ok = params.min !== undefined ? value >= threshold : value <= threshold;
    return {
      status: ok ? 'pass' : 'fail',
      summary: `peak ${value.toLocaleString('en-US')} ${params.metric === 'tpm' ? 'tokens' : 'requests'}/min at ${formatOffsetMs(peak?.atMs ?? 0)} (limit ${limit?.toLocaleString('en-US') ?? 'none'})`,
      evidence: [
        `${usage?.requests ?? 0} requests to ${params.model}: ${usage?.ok ?? 0} ok, ${usage?.rateLimited ?? 0} × 429, ${usage?.otherErrors ?? 0} other errors`,
        `${(usage?.inputTokensSent ?? 0).toLocaleString('en-US')} input tokens sent (refused requests included)`,
      ],
      figures: { peak: value, threshold, ...(limit === undefined ? {} : { limit }) },
    };
  },
};
