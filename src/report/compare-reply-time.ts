/**
 * The compare report's time-to-reply rows: p50/p95/p99/max from arrival to
 * reply, the first fallback's p95, and the messages that have no reply time
 * (dropped, pending), each later run with its difference from the first.
 */
import type { Percentiles } from '../scenario/latency-percentiles.ts';
import type { RunResult } from '../scenario/result.ts';
import { formatCount, formatSignedCount } from './format.ts';
import { escapeInline, table } from './markdown-text.ts';
import { formatWaitMs } from './reply-time-section.ts';

type Entry = { readonly label: string; readonly result: RunResult };

const WAIT_ROWS: ReadonlyArray<readonly [string, 'reply' | 'firstFallback', keyof Percentiles]> = [
  ['Reply, p50', 'reply', 'p50Ms'],
  ['Reply, p95', 'reply', 'p95Ms'],
  ['Reply, p99', 'reply', 'p99Ms'],
  ['Reply, max', 'reply', 'maxMs'],
  ['First fallback, p95', 'firstFallback', 'p95Ms'],
];

const COUNT_ROWS: ReadonlyArray<readonly [string, 'answered' | 'failedOver' | 'dropped' | 'pending']> = [
  ['Answered (have a reply time)', 'answered'],
  ['Failed over', 'failedOver'],
  ['Dropped (no reply time)', 'dropped'],
  ['Pending at the end (no reply time)', 'pending'],
];

export function replyTimeRows(entries: readonly Entry[]): string[] {
  if (entries.every(({ result }) => result.replyTime === undefined)) return [];
  const waits = WAIT_ROWS.map(([label, series, key]) => {
    const of = (result: RunResult) => result.replyTime?.[series]?.[key];
    const first = of(entries[0]!.result);
    return [label, ...entries.map(({ result }, index) => waitCell(of(result), index === 0 ? undefined : first))];
  });
  const counts = COUNT_ROWS.map(([label, key]) => {
    const of = (result: RunResult) => result.replyTime?.[key] ?? 0;
    const first = of(entries[0]!.result);
    return [label, ...entries.map(({ result }, index) => (index === 0 ? formatCount(of(result)) : `${formatCount(of(result))} (${formatSignedCount(of(result) - first)})`))];
  });
  return [
    '### Time to reply',
    '',
    'From the gateway receiving a message to its reply or error reply, and to its turn\'s first fallback (virtual time, HDR histogram percentiles).',
    '',
    ...table(['Figure', ...entries.map((entry) => escapeInline(entry.label))], [...waits, ...counts], ['left', ...entries.map(() => 'right' as const)]),
    '',
  ];
}

/** `14.8 s (+3.2 s)`, as formatSignedCount signs counts; `–` where the run measured none. */
function waitCell(ms: number | undefined, firstMs: number | undefined): string {
  if (ms === undefined) return '–';
  if (firstMs === undefined) return formatWaitMs(ms);
  const delta = ms - firstMs;
  return `${formatWaitMs(ms)} (${delta === 0 ? '±0' : `${delta < 0 ? '-' : '+'}${formatWaitMs(Math.abs(delta))}`})`;
}
