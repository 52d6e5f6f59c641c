/**
 * New BOT_COMMANDS_TOO_MUCH errors: the write-up's `grep -c BOT_COMMANDS_TOO_MUCH gateway.err.log`,
 * backed by the Telegram mock's refusals.
 *
 * Applies only to a config with `channels.telegram` (without it: not
 * applicable, with the reason). Precondition: the gateway synced its command
 * menu in the window; without a sync there is nothing to judge: error.
 */
import { z } from 'zod';
import type { Check } from './context.ts';
import { inWindow, notApplicable, nothingTested, offset } from './context.ts';

type Params = { max: number };

export const botCommandsTooMuch: Check<Params> = {
  title: ({ max }) => `${max} new BOT_COMMANDS_TOO_MUCH`,
  parse: (raw) => z.strictObject({ max: z.number().int().min(0).default(0) }).parse(raw),
  run(context, { max }) {
    if (!context.record.telegramConfigured) return notApplicable('the config has no channels.telegram: there is no Telegram command menu to judge');
    const syncs = context.record.telegramJournal.filter((entry) => entry.method === 'setMyCommands' && inWindow(context, entry.atMs));
    if (syncs.length === 0) {
      return nothingTested('the gateway did not sync its command menu in this window: nothing was tested', { syncs: 0 });
    }
    const refused = syncs.filter((entry) => entry.description?.includes('BOT_COMMANDS_TOO_MUCH'));
    const lines = context.record.log.filter(
      (record) => record.level !== 'info' && inWindow(context, record.atMs) && record.message.includes('BOT_COMMANDS_TOO_MUCH'),
    );
    const worst = Math.max(lines.length, refused.length);
    return {
      status: worst <= max ? 'pass' : 'fail',
      summary: `${lines.length} BOT_COMMANDS_TOO_MUCH lines in gateway.err.log · ${refused.length} of ${syncs.length} setMyCommands refused (max ${max})`,
      evidence: [
        ...syncs.map((entry) => `telegram #${entry.seq} ${offset(context, entry.atMs)}: setMyCommands ${entry.commandCount ?? '?'} commands, ${entry.commandChars ?? '?'} chars → ${entry.status}${entry.description ? ` ${entry.description}` : ''}`),
        ...lines.slice(0, 3).map((record) => `gateway.err.log ${offset(context, record.atMs)}: [${record.subsystem}] ${record.message.slice(0, 160)}`),
      ],
      figures: { lines: lines.length, refused: refused.length, syncs: syncs.length, max },
    };
  },
};
