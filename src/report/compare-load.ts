/**
 * The compare report's load over time: for each model with traffic in any
 * run, one tokens-per-minute chart and one requests-per-minute chart with
 * every config's curve on it and the model's limit dashed, so a before/after
 * pair reads as one picture. Then each config's failover cascade as a
 * mermaid flowchart, the chain as its turns walked it.
 */
import type { ModelUsage, RunResult } from '../scenario/result.ts';
import { cascadeFlowchart } from './cascade.ts';
import { renderMultiChart, SERIES_LINE_SYMBOLS } from './chart.ts';
import { formatCount, formatDurationMs, formatPercent } from './format.ts';
import { escapeInline, fenced } from './markdown-text.ts';
import { denseMinutes, resampleMax } from './resample.ts';

type Entry = { readonly label: string; readonly result: RunResult };

export function loadChartsSection(entries: readonly Entry[]): string[] {
  const refs: string[] = [];
  for (const { result } of entries) for (const usage of result.usage) if (usage.requests > 0 && !refs.includes(usage.modelRef)) refs.push(usage.modelRef);
  const intro = [
    '### Load over time',
    '',
    `One chart per model and dimension, every config on it: ${seriesLegend(entries)}. ` +
      'Where curves overlap, the later config is drawn on top; the limit is dashed (╌).',
    '',
  ];
  if (refs.length === 0) return [...intro, 'No model received a request in any run.', ''];
  return [...intro, ...refs.flatMap((ref) => modelCharts(ref, entries))];
}

/** `─ before.json5 · ━ after.json5`. */
function seriesLegend(entries: readonly Entry[]): string {
  return entries.map((entry, index) => `${lineSymbol(index)} ${escapeInline(entry.label)}`).join(' · ');
}

function lineSymbol(index: number): string {
  return SERIES_LINE_SYMBOLS[index % SERIES_LINE_SYMBOLS.length]!;
}

const DIMENSIONS = [
  { title: 'Tokens sent per minute', unit: 'TPM', field: 'tokens', peak: 'peakTokensPerMinute', limit: 'tokensPerMinute' },
  { title: 'Requests per minute', unit: 'RPM', field: 'requests', peak: 'peakRequestsPerMinute', limit: 'requestsPerMinute' },
] as const;

type Dimension = (typeof DIMENSIONS)[number];

function modelCharts(ref: string, entries: readonly Entry[]): string[] {
  const usages = entries.map(({ result }) => result.usage.find((usage) => usage.modelRef === ref));
  const simulatedMs = Math.max(...entries.map(({ result }) => result.simulatedMs));
  const minutes = Math.max(Math.ceil(simulatedMs / 60_000), ...usages.flatMap((usage) => (usage?.perMinute ?? []).map((point) => point.minute + 1)));
  const charts = DIMENSIONS.map((dimension) => dimensionChart(dimension, usages, entries, minutes));
  return [`#### ${escapeInline(ref)}`, '', ...fenced('text', charts.flatMap((chart, index) => (index === 0 ? chart : ['', ...chart]))), ''];
}

function dimensionChart(dimension: Dimension, usages: readonly (ModelUsage | undefined)[], entries: readonly Entry[], minutes: number): string[] {
  const columns = usages.map((usage) =>
    resampleMax(denseMinutes((usage?.perMinute ?? []).map((point) => ({ minute: point.minute, value: point[dimension.field] })), minutes)),
  );
  const peaks = usages.map((usage) => usage?.[dimension.peak].value ?? 0);
  const limits = [...new Set(usages.flatMap((usage) => (usage?.limits[dimension.limit] === undefined ? [] : [usage.limits[dimension.limit]!])))];
  const peak = Math.max(...peaks);
  const limit = limits.length === 1 ? limits[0]! : undefined;
  const drawn = limit !== undefined && peak * LIMIT_OFF_SCALE_RATIO >= limit;
  const limitNote =
    limits.length > 1
      ? `${dimension.unit} limits differ between the runs (${limits.map(formatCount).join(', ')}), not drawn`
      : limit === undefined
        ? `no ${dimension.unit} limit metered`
        : drawn
          ? `${dimension.unit} limit ${formatCount(limit)} (╌)`
          : `${dimension.unit} limit ${formatCount(limit)}, off the scale (highest peak ${formatPercent(peak, limit)})`;
  const peakNotes = entries.map((entry, index) => `${lineSymbol(index)} ${entry.label}: peak ${formatCount(peaks[index]!)}`);
  const minutesPerColumn = columns[0]!.minutesPerColumn;
  return [
    `${dimension.title} vs ${limitNote}`,
    ...peakNotes,
    ...renderMultiChart({ series: columns.map((column) => column.values), minutesPerColumn, limit: drawn ? limit : undefined, spanMs: minutes * 60_000 }),
    `x: simulated time (${formatDurationMs(minutes * 60_000)}); ${minutesPerColumn === 1 ? '1 column = 1 minute' : `1 column = ${minutesPerColumn} minutes, the busiest of each`}`,
  ];
}

/** The limit is drawn when the highest peak reaches at least a tenth of it, as in the run report. */
const LIMIT_OFF_SCALE_RATIO = 10;

/** One mermaid flowchart per config: how its turns walked the fallback chain. */
export function cascadesSection(entries: readonly Entry[]): string[] {
  return [
    '### Failover cascade per config',
    '',
    'An arrow is a failure that moved on to the next candidate, a dotted arrow an attempt that answered; ' +
      'each run folder\'s report.md has the attempts table.',
    '',
    ...entries.flatMap(({ label, result }) => [
      `#### ${escapeInline(label)}`,
      '',
      ...(result.failover.length === 0 ? ['No model attempts were recorded.'] : fenced('mermaid', cascadeFlowchart(result.failover))),
      '',
    ]),
  ];
}
