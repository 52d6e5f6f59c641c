import { describe, expect, it } from 'vitest';
import { runFigures } from '../../src/report/run-figures.ts';
import { failingBeforeRun } from './fixtures.ts';

describe('runFigures', () => {
  it('sums the result’s own fields: 429s over models, hops over cascade edges', () => {
    const result = failingBeforeRun();
    const figures = runFigures(result);
    expect(figures.served429).toBe(result.usage.reduce((sum, u) => sum + u.rateLimited, 0));
    expect(figures.fallbackHops).toBe(160 * 5 + 118 * 3);
    expect(figures.candidateAttempts).toBe(642 + 160 * 5 + 118 * 3);
    expect([figures.errorReplies, figures.sessionsPeak, figures.sessionsAtEnd]).toEqual([118, 61, 61]);
  });
});
