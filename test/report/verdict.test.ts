import { describe, expect, it } from 'vitest';
import { verdictLine } from '../../src/report/verdict.ts';
import { errorRun, failingBeforeRun, incompleteRun, passingRun } from './fixtures.ts';

describe('verdictLine', () => {
  it('reads N/M passed, then the failed and erroring checks by title', () => {
    expect(verdictLine(passingRun())).toBe('6/6 passed');
    expect(verdictLine(errorRun())).toBe('3/4 passed — error: Telegram 429 retry_after honoured');
    expect(verdictLine(failingBeforeRun())).toMatch(/^1\/6 passed — failed: No rate-limit lines in gateway\.err\.log, Session count ≤ 20 after activity, /);
    expect(verdictLine(incompleteRun())).toBe('INCOMPLETE — 1/2 passed — failed: No rate-limit lines in gateway.err.log');
  });
});
