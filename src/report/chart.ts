/**
 * asciichart line charts for text blocks, with an optional limit drawn as a
 * dashed flat line (`╌`) so it reads apart from the measured line (`─`)
 * without colour: a Markdown code block has none, and neither does a log.
 * asciichart draws every series with the same symbols, so the limit is
 * plotted on its own with the same scale and merged in only where the
 * measured line left the cell blank.
 */
import { plot, type PlotConfig } from 'asciichart';
import { formatCompact, formatDurationMs } from './format.ts';
import type { Columns } from './resample.ts';

export type ChartInput = Columns & {
  /** Drawn dashed across the whole chart (a quota); absent: no line. */
  readonly limit?: number;
  /** Simulated time the chart covers, for the x-axis end label. */
  readonly spanMs: number;
  /**
   * `zero` (default) starts the y axis at 0, the honest scale for load against a limit; `data`
   * starts it at the lowest value, for a level that moves a little (57 → 61 sessions) and would
   * be a flat line from zero.
   */
  readonly baseline?: 'zero' | 'data';
};

/** Rows of the y axis at most; small integer series get one row per unit instead. */
const CHART_HEIGHT_ROWS = 10;

const LABEL_WIDTH = 7;
// asciichart puts the label in cell 0, a blank in cell 1 and the axis in cell 2 (offset 3), so
// the axis sits at this character index and point x's segment just right of it.
const AXIS_COLUMN = LABEL_WIDTH + 1;
const LIMIT_SYMBOL = '╌';

/** The chart's lines, axis labels included, without a code fence. */
export function renderChart(input: ChartInput): string[] {
  const values = [...input.values];
  const top = Math.max(0, ...values, input.limit ?? 0);
  const lowest = input.baseline === 'data' ? Math.min(...values, input.limit ?? Infinity) : 0;
  const stepPerRow = niceStep((top - lowest) / CHART_HEIGHT_ROWS);
  const bottom = Math.floor(lowest / stepPerRow) * stepPerRow;
  const heightRows = Math.max(1, Math.ceil((top - bottom) / stepPerRow));
  const config: PlotConfig = {
    min: bottom,
    max: bottom + heightRows * stepPerRow,
    height: heightRows,
    offset: 3,
    format: (value) => formatCompact(roundLabel(value)).padStart(LABEL_WIDTH),
  };
  const measured = unmarkTopRow(plot(values, config).split('\n'), values[0] ?? 0, config);
  const lines =
    input.limit === undefined ? measured : mergeLimit(measured, plot(values.map(() => input.limit!), config).split('\n'));
  return [...lines.map((line) => line.trimEnd()), ...xAxis(values.length, input.spanMs)];
}

/**
 * asciichart marks the axis with `┼` both at the first value and on its top row (it tests for
 * scaled value 0 on a row index that counts from the top). On a chart from zero the top row is
 * the maximum, so the second mark reads as a data point that is not there; only the first value
 * keeps it.
 */
function unmarkTopRow(lines: string[], firstValue: number, config: PlotConfig): string[] {
  const min = config.min!;
  const max = config.max!;
  const ratio = config.height! / (max - min);
  const rows = Math.round(max * ratio) - Math.round(min * ratio);
  const firstValueRow = rows - (Math.round(firstValue * ratio) - Math.round(min * ratio));
  if (firstValueRow === 0 || lines[0] === undefined) return lines;
  const top = [...lines[0]];
  if (top[AXIS_COLUMN] === '┼') top[AXIS_COLUMN] = '┤';
  return [top.join(''), ...lines.slice(1)];
}

/** Cells the measured line left blank take the limit line's cells, dashed. */
function mergeLimit(measured: readonly string[], limit: readonly string[]): string[] {
  return measured.map((row, rowIndex) => {
    const limitRow = [...(limit[rowIndex] ?? '')];
    return [...row]
      .map((char, column) => (column > AXIS_COLUMN && char === ' ' && (limitRow[column] ?? ' ') !== ' ' ? LIMIT_SYMBOL : char))
      .join('');
  });
}

function xAxis(points: number, spanMs: number): string[] {
  const width = Math.max(1, points - 1);
  const start = '0';
  const end = formatDurationMs(spanMs);
  const gap = Math.max(1, width + 1 - start.length - end.length);
  return [`${' '.repeat(AXIS_COLUMN)}└${'─'.repeat(width)}`, `${' '.repeat(AXIS_COLUMN)}${start}${' '.repeat(gap)}${end}`];
}

/**
 * The smallest 1, 2, 2.5 or 5 × 10^k (k ≥ 0) at least `raw`: rows then fall on round numbers
 * (0, 200k, 400k …), so a round limit such as 1M lands exactly on a labelled row. Whole steps only:
 * everything charted is a count.
 */
function niceStep(raw: number): number {
  let magnitude = 1;
  while (magnitude * 10 <= raw) magnitude *= 10;
  for (const factor of [1, 2, 2.5, 5, 10]) {
    const step = factor * magnitude;
    if (step >= raw && Number.isInteger(step)) return step;
  }
  return 10 * magnitude;
}

// Axis labels are interpolated between min and max; three significant digits are plenty and keep
// float noise (249999.99999) out of the bytes.
function roundLabel(value: number): number {
  return Math.abs(value) < 1e-9 ? 0 : Number(value.toPrecision(3));
}
