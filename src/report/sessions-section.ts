/** Session store size over the run: the figure behind the stale-cron-session root cause. */
import type { RunResult } from '../scenario/result.ts';
import { renderChart } from './chart.ts';
import { formatCount, formatDurationMs } from './format.ts';
import { fenced } from './markdown-text.ts';
import { stepColumns } from './resample.ts';

export function sessionsSection(result: RunResult): string[] {
  const { sessions } = result;
  const counts = `${formatCount(sessions.atStart)} at start · peak ${formatCount(sessions.peak)} · ${formatCount(sessions.atEnd)} at end.`;
  if (sessions.series.length === 0 || result.simulatedMs === 0) {
    return ['## Sessions', '', `Sessions in the store: ${counts}`, '', 'No session counts were sampled.', ''];
  }
  const columns = stepColumns(
    sessions.series.map((point) => ({ atMs: point.atMs, value: point.count })),
    result.simulatedMs,
  );
  const spanMs = Math.max(1, Math.ceil(result.simulatedMs / 60_000)) * 60_000;
  const perColumn =
    columns.minutesPerColumn === 1 ? '1 column = 1 minute' : `1 column = ${columns.minutesPerColumn} minutes, the highest count in each`;
  return [
    '## Sessions',
    '',
    `Sessions in the store: ${counts}`,
    '',
    ...fenced('text', [
      'Sessions in the store (─)',
      ...renderChart({ ...columns, spanMs, baseline: 'data' }),
      `x: simulated time (${formatDurationMs(result.simulatedMs)} run); ${perColumn}`,
    ]),
    '',
  ];
}
