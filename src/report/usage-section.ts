/**
 * Per provider/model usage against its limits: two tables (traffic, peaks vs
 * limits), then for each model with traffic a tokens-per-minute and a
 * requests-per-minute chart with the limit drawn as a dashed line.
 */
import type { ModelUsage, RunResult } from '../scenario/result.ts';
import { renderChart } from './chart.ts';
import { formatCount, formatDurationMs, formatOffsetMs, formatPercent } from './format.ts';
import { codeSpan, escapeInline, fenced, table } from './markdown-text.ts';
import { denseMinutes, resampleMax, type Columns } from './resample.ts';

export function usageSection(result: RunResult): string[] {
  const active = result.usage.filter((usage) => usage.requests > 0);
  const idle = result.usage.filter((usage) => usage.requests === 0);
  if (active.length === 0) return ['## Usage vs limits', '', 'No model received a request.', ''];
  return [
    '## Usage vs limits',
    '',
    'Counted at the mock providers: what each model was sent, refused requests included.',
    '',
    ...trafficTable(active),
    '',
    ...peaksTable(active),
    '',
    ...(idle.length > 0 ? [`No traffic: ${idle.map((usage) => codeSpan(usage.modelRef)).join(', ')}.`, ''] : []),
    ...(result.assumedLimits ?? []).flatMap(({ provider, models, source }) => [
      `Limits for ${codeSpan(provider)} (${models.map(codeSpan).join(', ')}): ${escapeInline(source)}.`,
      '',
    ]),
    ...active.flatMap((usage) => modelCharts(usage, result.simulatedMs)),
  ];
}

function trafficTable(active: readonly ModelUsage[]): string[] {
  const rows = active.map((usage) => [
    codeSpan(usage.modelRef),
    formatCount(usage.requests),
    formatCount(usage.ok),
    formatCount(usage.rateLimited),
    formatCount(usage.otherErrors),
    formatCount(usage.inputTokensSent),
    formatCount(usage.outputTokens),
  ]);
  const header = ['Model', 'Requests', 'OK', '429', 'Other errors', 'Input tokens sent', 'Output tokens'];
  return table(header, rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right']);
}

function peaksTable(active: readonly ModelUsage[]): string[] {
  const rows = active.map((usage) => [
    codeSpan(usage.modelRef),
    peakCell(usage.peakTokensPerMinute),
    limitCell(usage.peakTokensPerMinute.value, usage.limits.tokensPerMinute),
    peakCell(usage.peakRequestsPerMinute),
    limitCell(usage.peakRequestsPerMinute.value, usage.limits.requestsPerMinute),
    usage.limits.requestsPerDay === undefined ? 'none' : formatCount(usage.limits.requestsPerDay),
  ]);
  const header = ['Model', 'Peak TPM', 'TPM limit', 'Peak RPM', 'RPM limit', 'RPD limit'];
  return table(header, rows, ['left', 'right', 'right', 'right', 'right', 'right']);
}

/** `1,420,000 at +00:41:00`: the busiest 60-second window and when it began. */
function peakCell(peak: { readonly value: number; readonly atMs: number }): string {
  return peak.value === 0 ? '0' : `${formatCount(peak.value)} at ${formatOffsetMs(peak.atMs)}`;
}

/** `1,000,000 (peak 142%, over)`; `none` where the mock metered no such limit. */
function limitCell(peak: number, limit: number | undefined): string {
  if (limit === undefined) return 'none';
  const over = peak > limit ? ', over' : '';
  return `${formatCount(limit)} (peak ${formatPercent(peak, limit)}${over})`;
}

function modelCharts(usage: ModelUsage, simulatedMs: number): string[] {
  const minutes = Math.max(Math.ceil(simulatedMs / 60_000), ...usage.perMinute.map((point) => point.minute + 1));
  const spanMs = minutes * 60_000;
  const tokens = resampleMax(denseMinutes(usage.perMinute.map((p) => ({ minute: p.minute, value: p.tokens })), minutes));
  const requests = resampleMax(denseMinutes(usage.perMinute.map((p) => ({ minute: p.minute, value: p.requests })), minutes));
  return [
    `### ${escapeInline(usage.modelRef)}`,
    '',
    ...fenced('text', [
      ...perMinuteChart('Tokens sent per minute', 'TPM', tokens, usage.peakTokensPerMinute.value, usage.limits.tokensPerMinute, spanMs, simulatedMs),
      '',
      ...perMinuteChart('Requests per minute', 'RPM', requests, usage.peakRequestsPerMinute.value, usage.limits.requestsPerMinute, spanMs, simulatedMs),
    ]),
    '',
  ];
}

/**
 * A limit ten times above the peak would squash the measured line into the bottom row, so it
 * is then named in the caption instead of drawn.
 */
function perMinuteChart(
  title: string,
  unit: string,
  columns: Columns,
  peak: number,
  limit: number | undefined,
  spanMs: number,
  simulatedMs: number,
): string[] {
  const drawn = limit !== undefined && peak * LIMIT_OFF_SCALE_RATIO >= limit;
  const legend =
    limit === undefined
      ? `no ${unit} limit metered`
      : drawn
        ? `${unit} limit ${formatCount(limit)} (╌)`
        : `${unit} limit ${formatCount(limit)}, off the scale (peak ${formatPercent(peak, limit)})`;
  return [
    `${title} (─) vs ${legend}`,
    ...renderChart({ ...columns, limit: drawn ? limit : undefined, spanMs }),
    `x: simulated time (${formatDurationMs(simulatedMs)} run); ${columnNote(columns.minutesPerColumn)}`,
  ];
}

/** The limit is drawn when the peak reaches at least a tenth of it. */
const LIMIT_OFF_SCALE_RATIO = 10;

function columnNote(minutesPerColumn: number): string {
  return minutesPerColumn === 1
    ? '1 column = 1 minute'
    : `1 column = ${minutesPerColumn} minutes, resampled to the busiest minute of each`;
}
