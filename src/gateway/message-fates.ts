/**
 * What became of each user message the gateway received: answered with a
 * reply, answered with an error text, or dropped — and why, in the words of
 * the place that dropped it. Recording only: nothing here changes what the
 * gateway does. A message with no fate when the run ends was still pending.
 */

/** Why a message started no answer. Access reasons are telegram-access.ts's own. */
export type DropReason =
  | 'dm-disabled'
  | 'dm-not-allowed'
  | 'group-disabled'
  | 'group-not-allowed'
  | 'sender-not-allowed'
  | 'no-mention'
  /** dmPolicy `pairing` and a sender not in allowFrom: a pairing reply, no turn. */
  | 'pairing'
  /** An update that is not a user's text message (edit, media, service message, bot). */
  | 'not-a-text-message'
  /** `messages.queue.cap` reached: the held message was dropped (`drop: old`, `summarize`) or refused (`new`). */
  | 'queue-cap'
  /** The turn ran but its reply was empty: nothing was sent. */
  | 'empty-reply'
  /** The turn threw before it could answer (the lane logged the error). */
  | 'turn-failed';

export type MessageFate = {
  /** Telegram's update id: one per message the workload sent. */
  readonly updateId: number;
  readonly senderId: number;
  readonly chatId: number;
  /** When the gateway received the message, and when its fate was sealed (virtual epoch ms). */
  readonly receivedAtMs: number;
  readonly atMs: number;
  readonly fate: 'replied' | 'error-reply' | 'dropped';
  /** Set for `dropped`. */
  readonly reason?: DropReason;
  /** The gateway's own words where it has them, e.g. the turn's error. */
  readonly detail?: string;
  /** When the turn that answered it first failed over to another model (first-fallback.ts); absent when it did not. */
  readonly firstFallbackAtMs?: number;
};

export type InboundRef = { readonly updateId: number; readonly senderId: number; readonly chatId: number; readonly receivedAtMs: number };
