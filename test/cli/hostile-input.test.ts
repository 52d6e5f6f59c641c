import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

const SCENARIO = 'scenarios/single-message.json5';

describe('command-line values', () => {
  it.each(['1e30', '9007199254740993', '1.5', '-1', '0x10'])('refuse --seed %s, which is not an exact whole number, with exit 2', async (seed) => {
    const outcome = await cli('run', SCENARIO, '--seed', seed, '--out', '/nonexistent/never-written');
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(`--seed needs a whole number from 0 to 9007199254740991, written in digits, got "${seed}"`);
  });

  it('refuse compare with one config, saying why', async () => {
    const outcome = await cli('compare', SCENARIO, '--config', 'scenarios/configs/feb27-after.json5');
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('compare needs at least two --config files, got 1.');
  });
});
