/** The session store's entry count now, against a maximum (the write-up's "session count 14 (≤20)"). */
import { z } from 'zod';
import { isCronRunSessionKey, sessionKindOf } from '../../gateway/sessions/keys.ts';
import type { Check } from './context.ts';

type Params = { max: number };

export const sessionCount: Check<Params> = {
  title: ({ max }) => `Session count ≤ ${max}`,
  parse: (raw) => z.strictObject({ max: z.number().int().min(0) }).parse(raw),
  run(context, { max }) {
    const keys = [...context.gateway.store.entries()].map(([key]) => key);
    const cronRuns = keys.filter(isCronRunSessionKey).length;
    const byKind = new Map<string, number>();
    for (const [key, entry] of context.gateway.store.entries()) {
      const kind = isCronRunSessionKey(key) ? 'cron-run' : sessionKindOf(key, entry);
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    }
    const breakdown = [...byKind].sort().map(([kind, count]) => `${count} ${kind}`).join(', ');
    return {
      status: keys.length <= max ? 'pass' : 'fail',
      summary: `${keys.length} session${keys.length === 1 ? '' : 's'} in the store (max ${max})`,
      evidence: [`store holds ${keys.length}: ${breakdown || 'none'}`, `maintenance writes so far: ${context.gateway.store.stats.writes}`],
      figures: { sessions: keys.length, cronRuns, max },
    };
  },
};
