/**
 * Time series squeezed to a chart's width. A column keeps the *maximum* of
 * the minutes it stands for, never the mean: a quota is broken by its worst
 * minute, and averaging would hide a 1.42M-token minute under a 1M line.
 */

/** Charts are at most this many points wide (about 80 terminal columns with the axis). */
export const CHART_POINTS_MAX = 72;

export type Columns = {
  readonly values: readonly number[];
  /** Simulated minutes each column stands for. */
  readonly minutesPerColumn: number;
};

/**
 * Per-minute figures on a dense grid: minutes `0 … minutes-1`, a minute the
 * result does not list counts 0 (the runner may list only minutes with traffic).
 */
export function denseMinutes(
  perMinute: readonly { readonly minute: number; readonly value: number }[],
  minutes: number,
): number[] {
  const values = new Array<number>(minutes).fill(0);
  for (const { minute, value } of perMinute) {
    if (minute >= 0 && minute < minutes) values[minute] = value;
  }
  return values;
}

/** Consecutive values grouped into at most `maxPoints` columns, each the group's maximum. */
export function resampleMax(values: readonly number[], maxPoints = CHART_POINTS_MAX): Columns {
  const minutesPerColumn = Math.max(1, Math.ceil(values.length / maxPoints));
  const columns: number[] = [];
  for (let start = 0; start < values.length; start += minutesPerColumn) {
    columns.push(Math.max(...values.slice(start, start + minutesPerColumn)));
  }
  return { values: columns, minutesPerColumn };
}

/**
 * A step series (each point's value holds until the next point) sampled into
 * whole-minute columns covering `totalMs`: each column is the highest value
 * the series held during it. Before the first point the series is 0.
 */
export function stepColumns(
  points: readonly { readonly atMs: number; readonly value: number }[],
  totalMs: number,
  maxPoints = CHART_POINTS_MAX,
): Columns {
  const minutes = Math.max(1, Math.ceil(totalMs / 60_000));
  const minutesPerColumn = Math.max(1, Math.ceil(minutes / maxPoints));
  const columnMs = minutesPerColumn * 60_000;
  const sorted = [...points].sort((a, b) => a.atMs - b.atMs);
  const columns: number[] = [];
  let held = 0;
  let next = 0;
  for (let startMs = 0; startMs < minutes * 60_000; startMs += columnMs) {
    const endMs = startMs + columnMs;
    let highest = held;
    while (next < sorted.length && sorted[next]!.atMs < endMs) {
      held = sorted[next]!.value;
      // A point before this column only sets the value carried into it.
      highest = sorted[next]!.atMs < startMs ? held : Math.max(highest, held);
      next++;
    }
    columns.push(highest);
  }
  return { values: columns, minutesPerColumn };
}
