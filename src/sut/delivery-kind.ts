/**
 * What a text the real gateway sent a chat was, judged by its words: the
 * embedded gateway knows the kind of each delivery, the real one is only
 * seen sending text. OpenClaw's own failure texts start with "⚠️" on both
 * pinned versions (src/gateway/router/failure-reply.ts, texts.ts), except
 * the overloaded copy and the generic unknown-error text; its fallback
 * notices start with "↪️" (2026.9). The mocks never answer with either.
 */
import type { Delivery } from '../gateway/gateway.ts';
import { OVERLOADED_REPLY } from '../gateway/router/failure-reply.ts';

const ERROR_OPENINGS = ['⚠️', OVERLOADED_REPLY, 'An unknown error occurred'];
const NOTICE_OPENING = '↪️';

export function deliveryKindOf(text: string): Delivery['kind'] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith(NOTICE_OPENING)) return 'notice';
  return ERROR_OPENINGS.some((opening) => trimmed.startsWith(opening)) ? 'error' : 'reply';
}
