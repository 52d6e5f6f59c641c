import { describe, expect, it } from 'vitest';
import { baseName, formatCompact, formatCount, formatDurationMs, formatOffsetMs, formatPercent, formatSignedCount, formatUsd, shortSha } from '../../src/report/format.ts';

describe('format', () => {
  it('groups thousands without locale data', () => {
    expect([0, 999, 1000, 1_420_000, -1234, 12.345].map(formatCount)).toEqual(['0', '999', '1,000', '1,420,000', '-1,234', '12.35']);
  });
  it('compacts axis labels to three significant digits, rolling over at the unit boundary', () => {
    expect([0, 12, 250_000, 1_420_000, 999_600, 999.7, 2_500_000_000].map(formatCompact)).toEqual(['0', '12', '250k', '1.42M', '1M', '1k', '2.5B']);
  });
  it('writes percentages, deltas and dollars for tables', () => {
    expect([formatPercent(1_420_000, 1_000_000), formatPercent(2, 1000), formatPercent(0, 5), formatPercent(1, 0)]).toEqual(['142%', '<1%', '0%', '–']);
    expect([formatSignedCount(5), formatSignedCount(-1744), formatSignedCount(0)]).toEqual(['+5', '-1,744', '±0']);
    expect([formatUsd(29.846), formatUsd(0), formatUsd(0.001), formatUsd(1234.5)]).toEqual(['$29.85', '$0.00', '<$0.01', '$1,234.50']);
  });
  it('writes offsets since the run started and durations for people', () => {
    expect([formatOffsetMs(0), formatOffsetMs(2_467_000), formatOffsetMs(4_250), formatOffsetMs(36 * 3_600_000)]).toEqual(['+00:00:00', '+00:41:07', '+00:00:04.250', '+36:00:00']);
    expect([0, 850, 45_000, 125_000, 5_400_000, 21_600_000, 90_000_000].map(formatDurationMs)).toEqual(['0s', '850ms', '45s', '2m 5s', '1h 30m', '6h', '1d 1h']);
  });
  it('shortens hashes and paths', () => {
    expect(shortSha('9f86d081884c7d659a2feaa0c55ad015')).toBe('9f86d081884c');
    expect([baseName('scenarios/configs/a.json5'), baseName('C:\\cfg\\b.json5'), baseName('c.json5')]).toEqual(['a.json5', 'b.json5', 'c.json5']);
  });
});
