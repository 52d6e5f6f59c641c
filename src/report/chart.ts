/**
 * asciichart line charts for text blocks, with an optional limit drawn as a
 * dashed flat line (`╌`) so it reads apart from the measured line (`─`)
 * without colour: a Markdown code block has none, and neither does a log.
 * Several series on one chart (one per config in a comparison) each get
 * their own line style — thin `─`, heavy `━`, double `═` — since asciichart's
 * colours vanish in Markdown. Every series and the limit are plotted on their
 * own with the same scale and merged: a later series is drawn over an
 * earlier one, and the limit only where no series left a mark.
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

/** The line symbol of each series in a multi-series chart, for its legend; series cycle through them. */
export const SERIES_LINE_SYMBOLS = ['─', '━', '═'] as const;

type LineSymbols = NonNullable<PlotConfig['symbols']>;

/** asciichart's symbol slots: 0–3 draw the axis (kept), 4–9 the line. */
const SERIES_SYMBOLS: readonly LineSymbols[] = [
  ['┼', '┤', '╶', '╴', '─', '╰', '╭', '╮', '╯', '│'],
  ['┼', '┤', '╶', '╴', '━', '┗', '┏', '┓', '┛', '┃'],
  ['┼', '┤', '╶', '╴', '═', '╚', '╔', '╗', '╝', '║'],
];

export type MultiChartInput = Omit<ChartInput, 'values'> & {
  /** One list of values per series, all of the same length; the first sets the axis marks. */
  readonly series: readonly (readonly number[])[];
};

/** The chart's lines, axis labels included, without a code fence. */
export function renderChart(input: ChartInput): string[] {
  return renderMultiChart({ ...input, series: [input.values] });
}

/** One chart with a line per series in its own style (SERIES_LINE_SYMBOLS), later series drawn on top. */
export function renderMultiChart(input: MultiChartInput): string[] {
  const all = input.series.flat();
  const values = [...(input.series[0] ?? [])];
  const top = Math.max(0, ...all, input.limit ?? 0);
  const lowest = input.baseline === 'data' ? Math.min(...all, input.limit ?? Infinity) : 0;
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
  const first = unmarkTopRow(plot(values, config).split('\n'), values[0] ?? 0, config);
  const measured = input.series.slice(1).reduce(
    (drawn, series, index) => overlay(drawn, plot([...series], { ...config, symbols: SERIES_SYMBOLS[(index + 1) % SERIES_SYMBOLS.length]! }).split('\n')),
    first,
  );
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

/** The top series' marks replace whatever the chart had in their cells, right of the axis. */
function overlay(chart: readonly string[], top: readonly string[]): string[] {
  return chart.map((row, rowIndex) => {
    const topRow = [...(top[rowIndex] ?? '')];
    const cells = [...row];
    while (cells.length < topRow.length) cells.push(' ');
    return cells.map((char, column) => (column > AXIS_COLUMN && (topRow[column] ?? ' ') !== ' ' ? topRow[column]! : char)).join('');
  });
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
