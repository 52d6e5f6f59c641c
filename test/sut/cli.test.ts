import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

describe('quotastorm gateway install / record: bad input', () => {
  it('lists the supported versions for an unknown one (exit 2, one line)', async () => {
    const outcome = await cli('gateway', 'install', 'openclaw@2026.1.1');
    expect(outcome.code).toBe(2);
    expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
    expect(outcome.stderr).toContain('Supported: openclaw@2026.2.26, openclaw@2026.9.6.');
  });

  it('record without --gateway says which versions exist', async () => {
    const outcome = await cli('record', 'all-ok');
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('record needs --gateway openclaw@<version>');
  });

  it('record of an unknown case names where cases live', async () => {
    const outcome = await cli('record', 'no-such-case', '--gateway', 'openclaw@2026.2.26');
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/Trace case .*no-such-case\.json5 was not found/);
  });

  it('record --config needs --out-dir, so golden traces are never overwritten with a user config', async () => {
    const outcome = await cli('record', 'all-ok', '--gateway', 'openclaw@2026.2.26', '--config', 'scenarios/configs/feb27-before.json5');
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('--out-dir');
  });
});
