import { describe, expect, it } from 'vitest';
import { AFTER, BEFORE, run } from './support.ts';

const SCENARIO = 'scenarios/stale-sessions-56.json5';

describe('scenario runs', () => {
  it('give byte-identical results for the same seed', async () => {
    const first = JSON.stringify(await run(SCENARIO, AFTER, 7));
    const second = JSON.stringify(await run(SCENARIO, AFTER, 7));
    expect(second).toBe(first);
  });

  it('draw different arrivals for different seeds, with the same verdicts on the bundled configs', async () => {
    for (const config of [AFTER, BEFORE]) {
      const [a, b] = [await run(SCENARIO, config, 1), await run(SCENARIO, config, 2)];
      expect(a.turns.user).not.toBe(b.turns.user);
      expect(a.checks.map((check) => check.status)).toEqual(b.checks.map((check) => check.status));
    }
  });
});
