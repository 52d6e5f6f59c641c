/**
 * Every message the scenario sent, accounted for: replied, error reply,
 * dropped (and why) or still pending. A run that answered every message says
 * so in "What users saw"; this section appears when some message was not
 * answered, which is when a reader needs the four counts and the reasons.
 */
import { dropLines, type MessageAccounting } from '../scenario/message-accounting.ts';
import type { RunResult } from '../scenario/result.ts';
import { formatCount } from './format.ts';
import { escapeInline, table } from './markdown-text.ts';

export function messagesSection(result: RunResult): string[] {
  const { messages } = result;
  if (messages === undefined || (messages.dropped === 0 && messages.pending === 0)) return [];
  const counts = table(
    ['Sent', 'Replied', 'Error replies', 'Dropped', 'Pending at the end'],
    [[messages.sent, messages.replied, messages.errorReplies, messages.dropped, messages.pending].map(formatCount)],
    ['right', 'right', 'right', 'right', 'right'],
  );
  const pending = messages.pending > 0 ? [`${formatCount(messages.pending)} of ${formatCount(messages.sent)} still pending when the run ended: no reply, error or drop was recorded for them.`] : [];
  const reasons = [...dropLines(messages), ...pending].map((line) => `- ${escapeInline(line)}`);
  return ['## Messages', '', ...counts, '', ...reasons, ''];
}

/** `3 sent · 1 replied · 0 error replies · 2 dropped · 0 pending`. */
export function messageCounts(messages: MessageAccounting): string {
  return [
    `${formatCount(messages.sent)} sent`,
    `${formatCount(messages.replied)} replied`,
    `${formatCount(messages.errorReplies)} error ${messages.errorReplies === 1 ? 'reply' : 'replies'}`,
    `${formatCount(messages.dropped)} dropped`,
    `${formatCount(messages.pending)} pending`,
  ].join(' · ');
}
