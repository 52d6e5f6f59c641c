import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { parseDurationMs, tryParseDurationMs } from '../../src/config/duration.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('parseDurationMs', () => {
  it.each([
    ['6h', 6 * HOUR],
    ['30m', 30 * MINUTE],
    ['30d', 30 * DAY],
    ['1h30m', 90 * MINUTE],
    ['2m500ms', 2 * MINUTE + 500],
    ['45s', 45_000],
    ['1.5h', 90 * MINUTE],
    ['6H', 6 * HOUR],
    [' 0m ', 0],
  ])('parses %j', (text, ms) => {
    expect(parseDurationMs(text, { defaultUnit: 'd' })).toBe(ms);
  });

  it('reads a bare number in the default unit of the key', () => {
    expect(parseDurationMs(30, { defaultUnit: 'd' })).toBe(30 * DAY); // session.maintenance.pruneAfter
    expect(parseDurationMs('5', { defaultUnit: 'm' })).toBe(5 * MINUTE); // contextPruning.ttl
    expect(parseDurationMs('24', { defaultUnit: 'h' })).toBe(24 * HOUR); // cron.sessionRetention
  });

  it.each(['', '6 hours', '-1h', 'h', '1h-30m', '30x', '1h30'])('rejects %j', (text) => {
    expect(tryParseDurationMs(text, 'm')).toBeUndefined();
  });

  it('throws a UserError naming the path and the default unit', () => {
    expect(() => parseDurationMs('soon', { defaultUnit: 'd', path: 'session.maintenance.pruneAfter' })).toThrow(
      new UserError(
        'session.maintenance.pruneAfter: invalid duration "soon": expected a duration like "30m", "6h", "30d" or "1h30m" ' +
          '(units ms, s, m, h, d; a bare number means days).',
      ),
    );
  });

  it('rejects non-finite numbers', () => {
    expect(tryParseDurationMs(Number.POSITIVE_INFINITY, 'd')).toBeUndefined();
  });
});
