import { describe, expect, it } from 'vitest';
import { formatOffsetMs } from '../../src/clock/format-offset.ts';

describe('formatOffsetMs', () => {
  it('writes a time within a run as +hh:mm:ss from its start, milliseconds only when there are some', () => {
    expect([0, 55_860_000, 3_739_874].map(formatOffsetMs)).toEqual(['+00:00:00', '+15:31:00', '+01:02:19.874']);
  });

  it('rounds to whole milliseconds without carrying 1000 into the fraction', () => {
    expect([1_999.6, 0.4].map(formatOffsetMs)).toEqual(['+00:00:02', '+00:00:00']);
  });

  it('signs a moment before the start', () => {
    expect(formatOffsetMs(-5_000)).toBe('-00:00:05');
  });
});
