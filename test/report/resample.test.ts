import { describe, expect, it } from 'vitest';
import { CHART_POINTS_MAX, denseMinutes, resampleMax, stepColumns } from '../../src/report/resample.ts';

describe('resample', () => {
  it('fills minutes the result does not list with zero', () => {
    expect(denseMinutes([{ minute: 1, value: 5 }, { minute: 3, value: 2 }, { minute: 9, value: 1 }], 4)).toEqual([0, 5, 0, 2]);
  });
  it('keeps short series as they are, one minute per column', () => {
    expect(resampleMax([1, 2, 3])).toEqual({ values: [1, 2, 3], minutesPerColumn: 1 });
  });
  it('groups long series into at most 72 columns, each the busiest minute of its group', () => {
    const minutes = Array.from({ length: 360 }, (_, i) => (i === 203 ? 1_420_000 : 500_000));
    const { values, minutesPerColumn } = resampleMax(minutes);
    expect(minutesPerColumn).toBe(5);
    expect(values).toHaveLength(CHART_POINTS_MAX);
    expect(values[40]).toBe(1_420_000); // minute 203 sits in column 40 (minutes 200–204): the spike survives
    expect(resampleMax(new Array(1440).fill(1)).values).toHaveLength(72);
    expect(resampleMax(new Array(73).fill(1)).values).toHaveLength(37);
  });
  it('samples a step series: the value carried in, and the highest it reached in each column', () => {
    const points = [
      { atMs: 0, value: 57 },
      { atMs: 90_000, value: 3 },
      { atMs: 150_000, value: 8 },
    ];
    expect(stepColumns(points, 4 * 60_000)).toEqual({ values: [57, 57, 8, 8], minutesPerColumn: 1 });
    expect(stepColumns([{ atMs: 60_000, value: 2 }], 3 * 60_000).values).toEqual([0, 2, 2]);
  });
});
