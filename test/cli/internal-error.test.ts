import { afterEach, describe, expect, it, vi } from 'vitest';

// A command that fails with a bug, to see what the top-level handler makes of it.
vi.mock('../../src/commands/lint.ts', () => ({
  runLint: async () => {
    throw new TypeError("Cannot read properties of undefined (reading 'find')");
  },
}));

const { main } = await import('../../src/cli.ts');

describe('an error that is not the user’s', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('exits 70 with one paragraph naming it a bug and the command to reproduce it, no stack', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['lint', '--config', 'scenarios/configs/feb27-after.json5'])).toBe(70);
    const printed = stderr.mock.calls.map(([chunk]) => String(chunk)).join('');
    expect(printed).toContain('internal error (a bug in quotastorm, not in your input)');
    expect(printed).toContain('Reproduce with: quotastorm lint --config scenarios/configs/feb27-after.json5');
    expect(printed).not.toMatch(/\n\s+at /);
  });
});
