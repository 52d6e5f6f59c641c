/**
 * Every message a scenario sent, accounted for: replied, answered with an
 * error text, dropped (with the gateway's reason) or still pending when the
 * record was taken. The four add up to the messages sent. Read from the run
 * record's message fates, so `quotastorm check` accounts exactly as the run did.
 */
import type { DropReason, MessageFate } from '../gateway/message-fates.ts';
import type { LogRecord } from '../gateway/log.ts';

export type MessageAccounting = {
  readonly sent: number;
  readonly replied: number;
  readonly errorReplies: number;
  readonly dropped: number;
  readonly pending: number;
  /** Dropped messages by reason, most first: the reason as recorded and the sentence a report prints. */
  readonly dropReasons: readonly { readonly reason: DropReason; readonly count: number; readonly why: string }[];
};

/** The accounting of `sent` messages whose fates (so far) are `fates`; fates beyond `sent` are not the workload's and are left out. */
export function accountMessages(fates: readonly MessageFate[], sent: number): MessageAccounting {
  const counted = fates.slice(0, sent);
  const count = (fate: MessageFate['fate']) => counted.filter((entry) => entry.fate === fate).length;
  const droppedFates = counted.filter((entry) => entry.fate === 'dropped');
  const byReason = new Map<DropReason, MessageFate[]>();
  for (const entry of droppedFates) {
    const reason = entry.reason ?? 'turn-failed';
    byReason.set(reason, [...(byReason.get(reason) ?? []), entry]);
  }
  const dropReasons = [...byReason]
    .map(([reason, entries]) => ({ reason, count: entries.length, why: whyDropped(reason, entries) }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  const replied = count('replied');
  const errorReplies = count('error-reply');
  return { sent, replied, errorReplies, dropped: droppedFates.length, pending: sent - replied - errorReplies - droppedFates.length, dropReasons };
}

/** The fates of messages the gateway received inside [fromMs, toMs]. */
export function fatesReceivedIn(fates: readonly MessageFate[], fromMs: number, toMs: number): MessageFate[] {
  return fates.filter((entry) => entry.receivedAtMs >= fromMs && entry.receivedAtMs <= toMs);
}

/** `2 of 3 messages dropped: sender 1003 is not in channels.telegram.allowFrom`, one line per reason; empty when none was dropped. */
export function dropLines(accounting: MessageAccounting): string[] {
  return accounting.dropReasons.map(({ count, why }) => `${count} of ${accounting.sent} message${accounting.sent === 1 ? '' : 's'} dropped: ${why}`);
}

/**
 * Why messages did not reach a model: the drop reasons, else that they were
 * still pending and the gateway's first error line (what gateway.err.log
 * says first is usually the cause), else that nothing says.
 */
export function whyUnreached(accounting: MessageAccounting, log: readonly LogRecord[]): string {
  const reasons = accounting.dropReasons.map(({ count, why }) => `${count} dropped: ${why}`);
  const firstError = log.find((record) => record.level !== 'info');
  const errorLine = firstError === undefined ? [] : [`gateway.err.log: [${firstError.subsystem}] ${firstError.message.slice(0, 160)}`];
  const pending = accounting.pending > 0 ? [`${accounting.pending} still pending`] : [];
  const parts = [...reasons, ...pending, ...(reasons.length === 0 ? errorLine : [])];
  return parts.length === 0 ? 'no gateway log line says why' : parts.join('; ');
}

const ACCESS_WHY: Readonly<Record<DropReason, (senders: string) => string>> = {
  'dm-disabled': () => 'channels.telegram.dmPolicy is "disabled"',
  'dm-not-allowed': (senders) => `${senders} not in channels.telegram.allowFrom (dmPolicy "allowlist")`,
  pairing: (senders) => `pairing code sent, not approved: ${senders} neither in channels.telegram.allowFrom nor approved in the pairing store (dmPolicy "pairing")`,
  'group-disabled': () => 'channels.telegram.groupPolicy is "disabled"',
  'group-not-allowed': () => 'the group is not in channels.telegram.groups',
  'sender-not-allowed': (senders) => `${senders} not in channels.telegram.groupAllowFrom (or allowFrom)`,
  'no-mention': () => 'a group message without @mention while requireMention is on',
  'not-a-text-message': () => 'not a text message from a user',
  'queue-cap': () => 'messages.queue.cap reached: the queue let it go',
  'empty-reply': () => "the model's reply was empty, so nothing was sent",
  'turn-failed': () => 'the turn failed',
};

function whyDropped(reason: DropReason, entries: readonly MessageFate[]): string {
  const ids = [...new Set(entries.map((entry) => entry.senderId))];
  const senders = `${ids.length === 1 ? 'sender' : 'senders'} ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''} ${ids.length === 1 ? 'is' : 'are'}`;
  const detail = entries.find((entry) => entry.detail !== undefined)?.detail;
  return `${ACCESS_WHY[reason](senders)}${detail === undefined ? '' : `: ${detail.slice(0, 160)}`}`;
}
