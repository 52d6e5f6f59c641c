/**
 * How long users waited (reply-times.ts): p50/p95/p99/max from a message's
 * arrival to its reply or error reply, and to the first fallback for turns
 * that failed over. Dropped and pending messages have no reply time; the
 * section says how many there were instead of counting them in.
 */
import type { Percentiles } from '../scenario/latency-percentiles.ts';
import type { ReplyTimes } from '../scenario/reply-times.ts';
import type { RunResult } from '../scenario/result.ts';
import { formatCount, formatDurationMs } from './format.ts';
import { table } from './markdown-text.ts';

export function replyTimeSection(result: RunResult): string[] {
  const { replyTime } = result;
  if (replyTime === undefined || replyTime.answered + replyTime.dropped + replyTime.pending === 0) return [];
  const rows = [
    ...(replyTime.reply === undefined ? [] : [['Reply or error reply', ...percentileCells(replyTime.reply), formatCount(replyTime.answered)]]),
    ...(replyTime.firstFallback === undefined ? [] : [['First fallback', ...percentileCells(replyTime.firstFallback), formatCount(replyTime.failedOver)]]),
  ];
  const figures = rows.length === 0 ? [] : [...table(['From arrival to', 'p50', 'p95', 'p99', 'max', 'Messages'], rows, ['left', 'right', 'right', 'right', 'right', 'right']), ''];
  return ['## Time to reply', '', ...figures, `${unmeasured(replyTime)} Virtual time, percentiles from an HDR histogram.`, ''];
}

/** `reply time: p50 2.1 s · p95 14.8 s · p99 31.0 s · max 33.2 s (4 answered, 0 dropped, 0 pending)`, and the first fallback's when a turn failed over. */
export function replyTimeLines(replyTime: ReplyTimes): string[] {
  const counts = `(${formatCount(replyTime.answered)} answered, ${formatCount(replyTime.dropped)} dropped, ${formatCount(replyTime.pending)} pending)`;
  const reply = replyTime.reply === undefined ? `reply time: none, no message was answered ${counts}` : `reply time: ${percentileLine(replyTime.reply)} ${counts}`;
  const fallback = replyTime.firstFallback === undefined ? [] : [`first fallback: ${percentileLine(replyTime.firstFallback)} (${formatCount(replyTime.failedOver)} failed over)`];
  return [reply, ...fallback];
}

/** `14.8 s` under a minute, `2m 5s` above. */
export function formatWaitMs(ms: number): string {
  return ms < 60_000 ? `${(Math.round(ms / 100) / 10).toFixed(1)} s` : formatDurationMs(ms);
}

function percentileLine({ p50Ms, p95Ms, p99Ms, maxMs }: Percentiles): string {
  return `p50 ${formatWaitMs(p50Ms)} · p95 ${formatWaitMs(p95Ms)} · p99 ${formatWaitMs(p99Ms)} · max ${formatWaitMs(maxMs)}`;
}

function percentileCells({ p50Ms, p95Ms, p99Ms, maxMs }: Percentiles): string[] {
  return [p50Ms, p95Ms, p99Ms, maxMs].map(formatWaitMs);
}

function unmeasured({ answered, dropped, pending }: ReplyTimes): string {
  const apart = `${formatCount(dropped)} dropped and ${formatCount(pending)} pending ${dropped + pending === 1 ? 'message has' : 'messages have'} no reply time and ${dropped + pending === 1 ? 'is' : 'are'} not counted in.`;
  return answered === 0 ? `No message was answered: ${apart}` : `${formatCount(answered)} answered; ${apart}`;
}
