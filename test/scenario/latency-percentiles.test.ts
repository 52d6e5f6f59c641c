import { describe, expect, it } from 'vitest';
import { percentileMs, percentilesOf } from '../../src/scenario/latency-percentiles.ts';

describe('latency percentiles (HDR histogram)', () => {
  it('reads p50, p95, p99 and max of the values', () => {
    const values = Array.from({ length: 100 }, (_, index) => (index + 1) * 100);
    expect(percentilesOf(values)).toEqual({ p50Ms: 5_000, p95Ms: 9_500, p99Ms: 9_900, maxMs: 10_000 });
  });

  it('keeps a 30 s value exact, so a 30 s threshold compares against what was measured', () => {
    expect(percentileMs([30_000], 95)).toBe(30_000);
  });

  it('never reports a percentile above the largest value recorded', () => {
    // 33,201 is 33,200's bucket's highest equivalent value at four significant digits.
    expect(percentilesOf([2_100, 14_800, 31_000, 33_200])).toMatchObject({ p99Ms: 33_200, maxMs: 33_200 });
  });

  it('has nothing to say about no values', () => {
    expect(percentilesOf([])).toBeUndefined();
    expect(percentileMs([], 95)).toBeUndefined();
  });
});
