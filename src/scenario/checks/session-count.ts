/**
 * The session store's entry count when the step ended, against a maximum (the write-up's "session count 14 (≤20)").
 *
 * Precondition: none. It judges a state, not an event: the store exists from
 * the start (preloaded sessions included), so its size is always measured.
 */
import { z } from 'zod';
import { isCronRunSessionKey } from '../../gateway/sessions/keys.ts';
import type { Check } from './context.ts';

type Params = { max: number };

const ParamsSchema = z
  .strictObject({ max: z.number().int().min(0).describe('most entries the session store may hold when the step ends') })
  .describe("the session store's entry count when the step ends");

export const sessionCount: Check<Params> = {
  layer: 'gateway',
  title: ({ max }) => `Session count ≤ ${max}`,
  params: ParamsSchema,
  parse: (raw) => ParamsSchema.parse(raw),
  run(context, { max }) {
    const { sessions, writes } = context.record.store;
    const cronRuns = sessions.filter((session) => isCronRunSessionKey(session.key)).length;
    const byKind = new Map<string, number>();
    for (const { kind } of sessions) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    const breakdown = [...byKind].sort().map(([kind, count]) => `${count} ${kind}`).join(', ');
    return {
      status: sessions.length <= max ? 'pass' : 'fail',
      summary: `${sessions.length} session${sessions.length === 1 ? '' : 's'} in the store (max ${max})`,
      evidence: [`store holds ${sessions.length}: ${breakdown || 'none'}`, writes === undefined ? 'maintenance writes: not observable (a real gateway\'s store, read from outside)' : `maintenance writes so far: ${writes}`],
      figures: { sessions: sessions.length, cronRuns, max },
    };
  },
};
