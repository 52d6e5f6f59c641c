import { describe, expect, it } from 'vitest';
import { figuresInWords } from '../../src/report/figure-words.ts';

describe('figuresInWords', () => {
  it('says what each figure counts instead of its field name', () => {
    expect(figuresInWords('rate-limit-errors', { rateLimitLines: 0, served429: 0 })).toBe(
      '0 rate-limit lines in gateway.err.log · 0 × 429 served by the mocks',
    );
    expect(figuresInWords('session-count', { sessions: 1, max: 20 })).toBe('1 session in the store · allowed at most 20');
  });

  it('reads a name by the check’s kind first, where one name means different things', () => {
    expect(figuresInWords('bot-commands-too-much', { lines: 1 })).toBe('1 BOT_COMMANDS_TOO_MUCH line in gateway.err.log');
    expect(figuresInWords('peak-usage', { peak: 1_520_113 })).toBe('peak per minute 1,520,113');
  });

  it('still prints a figure no row names, its camelCase name split into words', () => {
    expect(figuresInWords('new-check', { retriedTurns: 3 })).toBe('retried turns 3');
  });
});
