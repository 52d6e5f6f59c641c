/**
 * Rate-limit errors in the window, counted both ways and both must hold:
 * the incident write-up's own command (`grep -c 'rate limit' gateway.err.log`)
 * and the mock journal's 429s served. A window in which no message was sent
 * proves nothing, so it is an error, not a pass.
 */
import { z } from 'zod';
import type { Check } from './context.ts';
import { inWindow, nothingTested, offset } from './context.ts';

type Params = { max: number };

export const rateLimitErrors: Check<Params> = {
  title: ({ max }) => `${max} rate-limit errors`,
  parse: (raw) => z.strictObject({ max: z.number().int().min(0).default(0) }).parse(raw),
  run(context, { max }) {
    if (context.messagesSent === 0) {
      return nothingTested('no message was sent in this step: nothing was tested', { messagesSent: 0 });
    }
    const lines = context.record.log.filter((record) => record.level !== 'info' && inWindow(context, record.atMs));
    const grepLines = lines.filter((record) => `[${record.subsystem}] ${record.message}`.includes('rate limit'));
    const served = context.record.journal.filter((entry) => entry.status === 429 && inWindow(context, entry.atMs));
    const worst = Math.max(grepLines.length, served.length);
    return {
      status: worst <= max ? 'pass' : 'fail',
      summary: `${grepLines.length} rate-limit lines in gateway.err.log · ${served.length} × 429 served (max ${max})`,
      evidence: [
        `${context.messagesSent} message(s) sent in the step`,
        ...grepLines.slice(0, 3).map((record) => `gateway.err.log ${offset(context, record.atMs)}: [${record.subsystem}] ${record.message.slice(0, 160)}`),
        ...served.slice(0, 3).map((entry) => `journal #${entry.seq} ${offset(context, entry.atMs)}: ${entry.provider}/${entry.model} 429 ${entry.errorType ?? ''}${entry.fault ? ` (fault: ${entry.fault})` : ''}`),
      ],
      figures: { rateLimitLines: grepLines.length, served429: served.length, messagesSent: context.messagesSent, max },
    };
  },
};
