/**
 * Which fallback notices a chat gets (2026.9). openclaw@2026.9.6 keeps a
 * fallback state per session — the selected and the active model of its last
 * answered turn — and sends a notice only when that state changes
 * (dist/agent-runner.runtime-DH-TOu7I.mjs, src/auto-reply/fallback-state.ts
 * `resolveFallbackTransition`, and the delivery around `buildFallbackNotice`):
 *
 * - a turn answered by a fallback, when the session's state was not already
 *   that same fallback: "↪️ Model Fallback: …" (the router's notice);
 * - a turn answered by the selected model after a fallback:
 *   "↪️ Model Fallback cleared: <selected> (was <previous active>)";
 * - nothing for group chats (state still kept), nor when every model failed.
 *
 * Observed on openclaw@2026.9.6 with three turns per chat: Flash 429 →
 * GPT-4o mini, and Pro MALFORMED_FUNCTION_CALL → GPT-4o mini, sent the notice
 * with the first turn only; a primary that answered again got the "cleared" notice.
 * OpenClaw persists the state in the session entry; here it lives as long as
 * the gateway.
 */
import type { TurnOutcome } from './router/index.ts';
import { fallbackCleared } from './router/texts.ts';

export type FallbackNotices = {
  /** The notices to send before a turn's reply, updating the session's state. */
  forTurn(sessionKey: string, chatType: 'direct' | 'group', selectedRef: string, outcome: TurnOutcome): readonly string[];
};

type FallbackState = { readonly selectedRef: string; readonly activeRef: string };

/** `enabled: false` (2026.2, no notices at all): nothing is ever sent. */
export function createFallbackNotices(enabled: boolean): FallbackNotices {
  const states = new Map<string, FallbackState>();
  return {
    forTurn(sessionKey, chatType, selectedRef, outcome) {
      if (!enabled || outcome.kind !== 'reply') return [];
      const previous = states.get(sessionKey);
      const active = outcome.modelRef !== selectedRef;
      const notices = active
        ? previous?.selectedRef === selectedRef && previous.activeRef === outcome.modelRef
          ? []
          : outcome.notices
        : previous === undefined
          ? []
          : [fallbackCleared(selectedRef, previous.activeRef)];
      if (active) states.set(sessionKey, { selectedRef, activeRef: outcome.modelRef });
      else states.delete(sessionKey);
      return chatType === 'group' ? [] : notices;
    },
  };
}
